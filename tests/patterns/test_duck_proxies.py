"""A proxy with no base class and no annotation (duck typing), through `agentls patterns` run
as a subprocess: handed an untyped object whose one class the program makes and hands to its
constructor, offering its methods and caching each answer; beside its near misses (two
classes handed in that place: a wrapper of any; nothing handed at all)."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows

RATES = """\
class LiveRates:
    def rate(self, currency):
        return {"EUR": 1.1}.get(currency, 1.0)


class FixedRates:
    def rate(self, currency):
        return 1.0


class CachedRates:
    def __init__(self, source):
        self._source = source
        self._seen = {}

    def rate(self, currency):
        if currency not in self._seen:
            self._seen[currency] = self._source.rate(currency)
        return self._seen[currency]
"""

ONE = """\
from app.rates import CachedRates, LiveRates


def rates():
    live = LiveRates()
    return CachedRates(live)
"""

TWO = """\
from app.rates import CachedRates, FixedRates, LiveRates


def rates(offline):
    return CachedRates(FixedRates()) if offline else CachedRates(LiveRates())
"""

NONE = """\
from app.rates import CachedRates


def rates(source):
    return CachedRates(source)
"""


def _proxies(tmp_path: Path, main: str) -> dict[str, str]:
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "__init__.py").write_text("")
    (tmp_path / "app" / "rates.py").write_text(RATES)
    (tmp_path / "app" / "main.py").write_text(main)
    rows = patterns_rows(tmp_path, "app")
    found = [r for r in rows if r["pattern"] == "proxy"]
    return {str(r["symbol"]).rpartition(".")[2]: str(r["role"]) for r in found}


def test_a_cache_handed_one_class_is_its_proxy(tmp_path: Path) -> None:
    assert _proxies(tmp_path, ONE) == {"CachedRates": "proxy", "LiveRates": "real_subject"}


def test_a_cache_handed_two_classes_stands_in_for_none(tmp_path: Path) -> None:
    assert _proxies(tmp_path, TWO) == {}


def test_a_cache_handed_nothing_known_stands_in_for_none(tmp_path: Path) -> None:
    assert _proxies(tmp_path, NONE) == {}
