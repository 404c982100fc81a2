"""A virtual proxy may reach its lazily made subject by calling its own getter in place
(`self._real().display()`, `_real` making `self._image` on first use and answering it), as it
may through a local (`real = self._real(); real.display()`), through `agentls patterns` run as
a subprocess. The near miss: a method of its own that makes a new object on every call
(`self._fresh().display()`) holds no subject to stand in for."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

IMAGES = """\
from abc import ABC, abstractmethod


class Image(ABC):
    @abstractmethod
    def display(self):
        pass

    @abstractmethod
    def size(self):
        pass


class DiskImage(Image):
    def __init__(self, path):
        self.path = path

    def display(self):
        print("showing", self.path)

    def size(self):
        return 42


class LazyImage(Image):
    def __init__(self, path):
        self.path = path
        self._image = None

    def _real(self):
        if self._image is None:
            self._image = DiskImage(self.path)
        return self._image

    def _fresh(self):
        return DiskImage(self.path)

    def display(self):
        self.GETTER().display()

    def size(self):
        return self.GETTER().size()
"""


def _roles(tmp_path: Path, getter: str) -> dict[str, str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/images.py": IMAGES.replace("GETTER", getter)})
    return roles_of(patterns_rows(tmp_path, "app"), "proxy")


def test_a_getter_called_in_place_reaches_the_lazily_made_subject(tmp_path: Path) -> None:
    roles = _roles(tmp_path, "_real")
    assert roles.get("LazyImage") == "proxy"
    assert roles.get("Image") == "subject"


def test_a_method_making_a_new_object_each_call_holds_no_subject(tmp_path: Path) -> None:
    assert "LazyImage" not in _roles(tmp_path, "_fresh")
