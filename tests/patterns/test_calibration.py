"""Confidence is capped by what each pattern earned on code the engine had never seen
(`agentls.patterns.calibration`): the share right it reaches at least, with 95% certainty. A
pattern often wrong on first runs (Strategy) is reported below 0.8 however strong its evidence;
so is one always right but on too few detections to be sure (Singleton, 19 of 19); one right
over dozens (Template method) keeps a high confidence; nothing drops below what the CLI shows
by default."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from tests.patterns.cli import patterns_rows, write_tree

from agentls.patterns.calibration import BELOW_HIGH, FIRST_RUNS, FLOOR, HIGH, ceiling, ceiling_of, lower_bound
from agentls.patterns.detector_registry import detectors

SHAPES = """\
from abc import ABC, abstractmethod


class Compression(ABC):
    @abstractmethod
    def compress(self, data: bytes) -> bytes: ...


class Zip(Compression):
    def compress(self, data: bytes) -> bytes:
        return data[::2]


class Rar(Compression):
    def compress(self, data: bytes) -> bytes:
        return data[::3]


class Archiver:
    def __init__(self, compression: Compression) -> None:
        self.compression = compression

    def store(self, data: bytes) -> bytes:
        return self.compression.compress(data)


class Report(ABC):
    def render(self) -> str:
        return self.header() + self.body() + self.footer()

    @abstractmethod
    def header(self) -> str: ...

    @abstractmethod
    def body(self) -> str: ...

    def footer(self) -> str:
        return "--"


class SalesReport(Report):
    def header(self) -> str:
        return "Sales"

    def body(self) -> str:
        return "42"


class StockReport(Report):
    def header(self) -> str:
        return "Stock"

    def body(self) -> str:
        return "7"
"""


def test_often_wrong_patterns_are_reported_below_the_high_band(tmp_path: Path) -> None:
    write_tree(tmp_path, {"shapes.py": SHAPES})
    rows = patterns_rows(tmp_path, ".")
    strategy = {r["symbol"]: r["confidence"] for r in rows if r["pattern"] == "strategy"}
    template = {r["symbol"]: r["confidence"] for r in rows if r["pattern"] == "template_method"}
    assert set(strategy) == {"Compression", "Zip", "Rar", "Archiver"}
    assert all(FLOOR <= c == ceiling("strategy") < 0.8 for c in strategy.values()), strategy
    assert {"Report", "SalesReport", "StockReport"} <= set(template)
    assert all(c >= 0.8 for c in template.values()), template


SINGLETON = """\
class Config:
    _instance = None

    def __new__(cls) -> "Config":
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance
"""


def test_always_right_on_few_detections_is_not_enough_for_the_high_band(tmp_path: Path) -> None:
    # Right every time on first runs: the share (smoothed or not) says >= 0.9, the bound not.
    right, judged = FIRST_RUNS["singleton"]
    assert right == judged and (right + 1) / (judged + 2) >= 0.9 and lower_bound(right, judged) < HIGH
    write_tree(tmp_path, {"config.py": SINGLETON})
    rows = patterns_rows(tmp_path, ".")
    assert [(r["symbol"], r["confidence"]) for r in rows if r["pattern"] == "singleton"] == [("Config", BELOW_HIGH)]


def test_ceilings_follow_the_lower_bound() -> None:
    assert ceiling_of(115, 115) == 0.95  # right over dozens: high
    assert ceiling_of(20, 20) == BELOW_HIGH  # bound 0.88: below the high band
    assert ceiling_of(0, 0) == ceiling_of(3, 3) == ceiling_of(0, 5) == FLOOR
    assert ceiling("no_such_pattern") == FLOOR  # not measured: no evidence for more
    assert ceiling("strategy") < ceiling("factory") < ceiling("template_method")
    for pattern, (right, judged) in FIRST_RUNS.items():
        assert 0 <= right <= judged, pattern
        bound = lower_bound(right, judged)
        assert bound <= (right / judged if judged else 0.0), pattern
        assert FLOOR <= ceiling(pattern) <= max(FLOOR, bound), pattern
        assert (ceiling(pattern) >= 0.8) == (bound >= HIGH), pattern


def _first_runs_bench() -> ModuleType:
    bench = Path(__file__).resolve().parents[2] / "bench"
    sys.path.insert(0, str(bench))
    spec = importlib.util.spec_from_file_location("patterns_first_runs", bench / "patterns_first_runs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_cross_validation_caps_each_source_by_the_others() -> None:
    # Right 30 of 30 in two sources, wrong 5 of 5 in a third: left out, each right source meets
    # a table of 30 of 35 (below the high band), the wrong one a table of 60 of 60 (0.95).
    fr = _first_runs_bench()
    per_source = {
        "a": {"p": [(0.9, True)] * 30},
        "b": {"p": [(0.9, True)] * 30},
        "c": {"p": [(0.9, False)] * 5},
    }
    capped = fr.cross_validated(per_source, ceiling_of)
    assert sorted(set(capped)) == [(ceiling_of(30, 35), True), (0.9, False)]
    assert capped.count((0.9, False)) == 5 and len(capped) == 65
    assert ceiling_of(30, 35) < 0.8 <= ceiling_of(60, 60)


def test_the_table_names_only_real_patterns() -> None:
    assert set(FIRST_RUNS) <= set(detectors())
