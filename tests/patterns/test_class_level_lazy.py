"""A class method that makes a collaborator on first call and keeps it on the class is a lazy
attribute; the same shape making the class itself is a singleton's accessor, and one making a
new object on every call caches nothing. Through `agentls patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows

SHAPE = """\
class Client:
    def fetch(self) -> str:
        return "data"


class Source:
    _client = None

    @classmethod
    def client(cls):
{body}
"""

CACHED = """\
        if cls._client is None:
            cls._client = Client()
        return cls._client
"""

SINGLETON = """\
        if cls._client is None:
            cls._client = cls()
        return cls._client
"""

FRESH = """\
        cls._client = Client()
        return cls._client
"""


def _lazy(tmp_path: Path, body: str) -> set[str]:
    (tmp_path / "source.py").write_text(SHAPE.format(body=body))
    rows = patterns_rows(tmp_path, ".")
    return {str(r["symbol"]) for r in rows if r["pattern"] == "lazy_evaluation"}


def test_a_class_method_keeping_what_it_made_on_first_call_is_lazy(tmp_path: Path) -> None:
    assert "Source.client" in _lazy(tmp_path, CACHED)


def test_a_class_method_keeping_the_class_itself_is_no_lazy_attribute(tmp_path: Path) -> None:
    assert not _lazy(tmp_path, SINGLETON)


def test_a_class_method_making_a_new_one_each_call_is_no_lazy_attribute(tmp_path: Path) -> None:
    assert not _lazy(tmp_path, FRESH)
