"""An iterator written inside its collection is named through the object
(`return self.Cursor(self._songs)`): the collection handing it out is the aggregate. A nested
class with no `__next__` handed out the same way is no iterator, and makes no aggregate.
Through `agentls patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

PLAYLIST = """\
class Playlist:
    class Cursor:
        def __init__(self, songs):
            self._songs = songs
            self._at = 0

        def {step}(self):
            if self._at >= len(self._songs):
                raise StopIteration
            self._at += 1
            return self._songs[self._at - 1]

    def __init__(self):
        self._songs = []

    def add(self, song):
        self._songs.append(song)

    def cursor(self):
        return self.Cursor(self._songs)
"""


def test_a_nested_iterator_handed_out_makes_the_aggregate(tmp_path: Path) -> None:
    write_tree(tmp_path, {"playlist.py": PLAYLIST.format(step="__next__")})
    assert roles_of(patterns_rows(tmp_path), "iterator").get("Playlist") == "aggregate"


def test_a_nested_class_with_no_next_makes_none(tmp_path: Path) -> None:
    write_tree(tmp_path, {"playlist.py": PLAYLIST.format(step="pick")})
    assert "Playlist" not in roles_of(patterns_rows(tmp_path), "iterator")
