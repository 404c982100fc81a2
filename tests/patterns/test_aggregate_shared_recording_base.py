"""Two entities sharing a base that records domain events: the one keeping the other in a
typed collection is the root and the kept one its member; beside a keeper that records
nothing, where the kept entity, recording events, stays a root. Through `agentls patterns`
run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

BASE = """\
from dataclasses import dataclass, field
from uuid import uuid4


@dataclass
class Happened:
    ref: str


@dataclass
class Base:
    oid: str = field(default_factory=lambda: str(uuid4()), kw_only=True)
    _events: list[Happened] = field(default_factory=list, kw_only=True)

    def __hash__(self) -> int:
        return hash(self.oid)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Base) and self.oid == other.oid

    def record(self, event: Happened) -> None:
        self._events.append(event)

    def pull_events(self) -> list[Happened]:
        events = self._events
        self._events = []
        return events
"""

MODEL = """\
from dataclasses import dataclass, field

from forum.domain.base import Base, Happened


@dataclass(eq=False)
class Post(Base):
    text: str

    def edit(self, text: str) -> None:
        self.text = text
        self.record(Happened(self.oid))


@dataclass(eq=False)
class Thread({keeper_base}):
    title: str
    posts: set[Post] = field(default_factory=set, kw_only=True)

    def add(self, post: Post) -> None:
        self.posts.add(post)
"""


def _roles(tmp_path: Path, keeper_base: str) -> dict[str, str]:
    write_tree(
        tmp_path,
        {
            "forum/__init__.py": "",
            "forum/domain/__init__.py": "",
            "forum/domain/base.py": BASE,
            "forum/domain/model.py": MODEL.format(keeper_base=keeper_base),
        },
    )
    return roles_of(patterns_rows(tmp_path, "."), "aggregate")


def test_the_entity_kept_by_another_recording_one_is_its_member(tmp_path: Path) -> None:
    roles = _roles(tmp_path, "Base")
    assert roles.get("Thread") == "aggregate_root"
    assert roles.get("Post") == "member"


def test_kept_by_an_entity_recording_nothing_it_stays_a_root(tmp_path: Path) -> None:
    roles = _roles(tmp_path, "object")
    assert roles.get("Post") == "aggregate_root"
