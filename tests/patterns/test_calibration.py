"""Confidence is capped by what each pattern earned on code the engine had never seen
(`agentls.patterns.calibration`): a pattern often wrong on first runs (Strategy) is reported
below 0.8 however strong its evidence, one nearly always right (Template method) keeps its
detector's confidence, and nothing drops below what the CLI shows by default."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

from agentls.patterns.calibration import FIRST_RUNS, FLOOR, MIN_JUDGED, ceiling
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


def test_ceilings_follow_the_measured_share() -> None:
    assert ceiling("template_method") >= 0.9
    assert ceiling("strategy") < ceiling("factory") < ceiling("template_method")
    assert ceiling("no_such_pattern") == 1.0  # not measured: the detector's own confidence
    for pattern, (right, judged) in FIRST_RUNS.items():
        assert 0 <= right <= judged, pattern
        if judged >= MIN_JUDGED:
            share = (right + 1) / (judged + 2)
            assert FLOOR <= ceiling(pattern) <= max(FLOOR, share) < ceiling(pattern) + 0.05, pattern
        else:
            assert ceiling(pattern) == 1.0, pattern


def test_the_table_names_only_real_patterns() -> None:
    assert set(FIRST_RUNS) <= set(detectors())
