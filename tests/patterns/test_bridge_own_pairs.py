"""Sibling classes under one base, each keeping an object of one implementation family,
through `agentls patterns` run as a subprocess: when each makes its own implementor, a class
of its own (`PdfExport` making a `PdfWriter`), every abstraction belongs to one implementation
(parallel hierarchies) and there is no Bridge; the near miss, the same siblings handed their
implementor, stays one."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

BASES = """\
from abc import ABC, abstractmethod


class Writer(ABC):
    @abstractmethod
    def write(self, text): ...


class PdfWriter(Writer):
    def write(self, text):
        print("pdf", text)


class HtmlWriter(Writer):
    def write(self, text):
        print("html", text)


class Export(ABC):
    @abstractmethod
    def run(self): ...


"""

MADE = (
    BASES
    + """\
class PdfExport(Export):
    def __init__(self, title):
        self.writer = PdfWriter()
        self.title = title

    def run(self):
        self.writer.write(self.title)


class HtmlExport(Export):
    def __init__(self, title):
        self.writer = HtmlWriter()
        self.title = title

    def run(self):
        self.writer.write(self.title)
"""
)

HANDED = (
    BASES
    + """\
class ReportExport(Export):
    def __init__(self, writer: Writer, title):
        self.writer = writer
        self.title = title

    def run(self):
        self.writer.write(self.title)


class InvoiceExport(Export):
    def __init__(self, writer: Writer, total):
        self.writer = writer
        self.total = total

    def run(self):
        self.writer.write(f"total {self.total}")
"""
)


def test_siblings_each_making_their_own_implementor_are_no_bridge(tmp_path: Path) -> None:
    write_tree(tmp_path, {"export.py": MADE})
    assert roles_of(patterns_rows(tmp_path), "bridge") == {}


def test_siblings_handed_their_implementor_stay_a_bridge(tmp_path: Path) -> None:
    write_tree(tmp_path, {"export.py": HANDED})
    roles = roles_of(patterns_rows(tmp_path), "bridge")
    assert roles["Export"] == "abstraction"
    assert roles["Writer"] == "implementor"
    assert roles["ReportExport"] == "refined_abstraction"
    assert roles["PdfWriter"] == "concrete_implementor"
