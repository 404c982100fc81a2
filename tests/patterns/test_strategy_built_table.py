"""A context may make its own table of algorithms, one implementation per key (`self._codecs
= {"zip": Zip(), "gzip": Gzip()}`), and pick one by key per call, through a local or
through the attribute it puts it in (`self._codec = self._codecs[name]`, then
`self._codec.pack(data)`): a Strategy context, the interface and the implementations its
strategies. The near miss, one change away: the implementations are made with what they
act on (`Zip(self.disk)`), each carrying its own receiver: no algorithm table is reported.
Through `agentls patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

TEXT = """\
from abc import ABC, abstractmethod


class Disk:
    def write(self, data):
        return len(data)


class Codec(ABC):
    @abstractmethod
    def pack(self, data): ...


class Zip(Codec):
    def __init__(self, disk=None):
        self.disk = disk

    def pack(self, data):
        return b"zip" + data


class Gzip(Codec):
    def __init__(self, disk=None):
        self.disk = disk

    def pack(self, data):
        return b"gz" + data


class Archiver:
    def __init__(self):
        self.disk = Disk()
        self._codecs = {"zip": Zip(ARG), "gzip": Gzip(ARG)}
        self._codec = None

    def choose(self, name):
        self._codec = self._codecs[name]

    def store(self, data):
        return self._codec.pack(data)

    def store_with(self, name, data):
        codec = self._codecs[name]
        return codec.pack(data)


if __name__ == "__main__":
    archiver = Archiver()
    archiver.choose("zip")
    print(archiver.store(b"a"), archiver.store_with("gzip", b"b"))
"""

BUILT = TEXT.replace("ARG", "")
# The near miss: each codec is made with the disk it writes to.
RECEIVING = TEXT.replace("ARG", "self.disk")


def _strategy(tmp_path: Path, text: str) -> dict[str, str]:
    write_tree(tmp_path, {"store/archive.py": text})
    return roles_of(patterns_rows(tmp_path, "store", "--min-confidence", "0"), "strategy")


def test_a_table_of_algorithms_the_context_makes_and_picks_by_key(tmp_path: Path) -> None:
    got = _strategy(tmp_path, BUILT)
    assert got.get("Archiver") == "context"
    assert got.get("Codec") == "strategy"
    assert got.get("Zip") == got.get("Gzip") == "concrete_strategy"


def test_implementations_made_with_what_they_act_on_are_no_algorithm_table(tmp_path: Path) -> None:
    assert RECEIVING != BUILT
    assert _strategy(tmp_path, RECEIVING) == {}
