"""A subject may inherit its subscribe method: an abstract feed keeps `follow()` adding to
`self._readers`, and the concrete feed loops over that list telling each reader. The feed,
the abstract feed, and an abstract class between them are subjects. Beside it, a subclass
looping over another list of its own, which the inherited method never fills, tells no
subscriber.
Through `agentls patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

READERS = """\
from abc import ABC, abstractmethod


class Reader(ABC):
    @abstractmethod
    def refresh(self, headline): ...


class Screen(Reader):
    def refresh(self, headline):
        self.shown = headline
        print(headline)
"""

FEEDS = """\
from abc import ABC, abstractmethod

from .readers import Reader


class Feed(ABC):
    _readers: list[Reader]

    def follow(self, reader: Reader) -> None:
        self._readers.append(reader)

    def unfollow(self, reader: Reader) -> None:
        self._readers.remove(reader)

    @abstractmethod
    def broadcast(self) -> None: ...


class EditedFeed(Feed):
    @abstractmethod
    def publish(self, headline) -> None: ...


class NewsFeed(EditedFeed):
    def __init__(self) -> None:
        self._readers = []
        self._mirrors = []
        self._headline = ""

    def broadcast(self) -> None:
        for reader in {looped}:
            reader.refresh(self._headline)

    def publish(self, headline) -> None:
        self._headline = headline
        self.broadcast()
"""


def _tree(tmp_path: Path, looped: str) -> dict[str, str]:
    write_tree(
        tmp_path,
        {
            "news/__init__.py": "",
            "news/readers.py": READERS,
            "news/feeds.py": FEEDS.replace("{looped}", looped),
        },
    )
    return roles_of(patterns_rows(tmp_path), "observer")


def test_inherited_subscribe_makes_the_looping_class_a_subject(tmp_path: Path) -> None:
    roles = _tree(tmp_path, "self._readers")
    assert roles.get("NewsFeed") == "subject"
    assert roles.get("Feed") == "subject"
    assert roles.get("EditedFeed") == "subject"
    assert roles.get("Reader") == "observer"
    assert roles.get("Screen") == "concrete_observer"


def test_loop_over_a_list_the_inherited_method_never_fills(tmp_path: Path) -> None:
    # The loop walks `_mirrors`, which `follow` never adds to.
    roles = _tree(tmp_path, "self._mirrors")
    assert "NewsFeed" not in roles
    assert "Feed" not in roles
