"""Plain data shared by the pattern engine, the CLI and the language server.

Positions are 0-based lines and code-point columns (the editor edge converts to UTF-16).
Nothing here imports pygls or lsprotocol: the engine must run in the CLI and in tests alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

SymbolKind = Literal["class", "function", "module"]


@dataclass(frozen=True)
class Range:
    line: int
    col: int
    end_line: int
    end_col: int

    def __reduce__(self) -> tuple[object, ...]:
        # Pickled by the thousand (two per function): a tuple, not a dict of field names.
        return (make_range, (self.line, self.col, self.end_line, self.end_col))

    def contains(self, line: int, col: int) -> bool:
        if line < self.line or line > self.end_line:
            return False
        if line == self.line and col < self.col:
            return False
        return not (line == self.end_line and col > self.end_col)

    @property
    def size(self) -> tuple[int, int]:
        return (self.end_line - self.line, self.end_col - self.col)


def make_range(line: int, col: int, end_line: int, end_col: int) -> Range:
    """``Range(...)`` without the frozen ``__init__``'s ``object.__setattr__`` calls (the
    index makes two per function and class)."""
    r = object.__new__(Range)
    d = r.__dict__
    d["line"] = line
    d["col"] = col
    d["end_line"] = end_line
    d["end_col"] = end_col
    return r


@dataclass(frozen=True)
class Evidence:
    range: Range
    reason: str
    path: str | None = None  # None: the module being analysed


@dataclass(frozen=True)
class Participant:
    """Another symbol in the same pattern instance, possibly in another module."""

    symbol: str
    role: str
    line: int  # 0-based
    path: str | None = None


@dataclass(frozen=True)
class Detection:
    symbol: str
    kind: SymbolKind
    range: Range
    selection: Range  # the identifier; hover and document symbols use it
    pattern: str
    role: str
    confidence: float
    evidence: tuple[Evidence, ...] = ()
    participants: tuple[Participant, ...] = ()
    metrics: tuple[tuple[str, float], ...] = ()  # smells only: the measured values

    def sort_key(self) -> tuple[int, int, str, str]:
        return (self.range.line, self.range.col, self.pattern, self.role)


@dataclass(frozen=True)
class ParseProblem:
    message: str
    line: int
    col: int
    kind: str = "syntax"  # syntax | recursion | memory | value


@dataclass(frozen=True)
class OutlineSymbol:
    """A class or function for document symbols; ``detail`` names the patterns it plays."""

    name: str
    kind: Literal["class", "function", "method"]
    range: Range
    selection: Range
    detail: str = ""
    children: tuple[OutlineSymbol, ...] = ()


@dataclass
class ModuleAnalysis:
    path: str
    detections: list[Detection] = field(default_factory=list)
    smells: list[Detection] = field(default_factory=list)
    problems: list[ParseProblem] = field(default_factory=list)
    outline: list[OutlineSymbol] = field(default_factory=list)

    def all(self) -> list[Detection]:
        return sorted([*self.detections, *self.smells], key=Detection.sort_key)
