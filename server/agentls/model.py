"""The core vocabulary shared by every checker: spans, edits, fixes and findings.

Offsets are code-point indices into the decoded document text (after BOM removal they are
still indices into the text the editor holds: the BOM, if any, is counted). Conversion to
lines, columns and UTF-16 happens at the edges (``agentls.text``).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class Severity(enum.IntEnum):
    """Ordered so that ``a >= b`` means "at least as severe"."""

    HINT = 1
    INFO = 2
    WARNING = 3
    ERROR = 4

    @classmethod
    def parse(cls, name: str) -> Severity:
        aliases = {"information": "info", "warn": "warning", "err": "error"}
        key = aliases.get(name.lower(), name.lower())
        return cls[key.upper()]

    @property
    def label(self) -> str:
        return self.name.lower()


class Effect(enum.Enum):
    """What the finding means for the file as the tool loads it (the verdict)."""

    SKIP = "skip"  # the tool does not load the file at all
    CHANGED = "changed"  # it loads, but a value differs from what was written or is ignored
    RESCUED = "rescued"  # invalid strict YAML that the tool still loads


class Applicability(enum.Enum):
    """Safe fixes run with ``--fix`` and are preferred quick fixes; unsafe ones only on request."""

    SAFE = "safe"
    UNSAFE = "unsafe"


@dataclass(frozen=True)
class Span:
    start: int
    end: int

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"span ends before it starts: {self.start}..{self.end}")

    def shifted(self, delta: int) -> Span:
        return Span(self.start + delta, self.end + delta)


@dataclass(frozen=True)
class Edit:
    span: Span
    new_text: str


@dataclass(frozen=True)
class Fix:
    title: str
    edits: tuple[Edit, ...]
    applicability: Applicability = Applicability.SAFE


@dataclass(frozen=True)
class Related:
    """Another place that explains a finding (LSP ``relatedInformation``)."""

    message: str
    span: Span
    path: str | None = None


@dataclass(frozen=True)
class Finding:
    code: str
    message: str
    severity: Severity
    span: Span
    fix: Fix | None = None
    source: str = "agentls"
    related: tuple[Related, ...] = field(default=())
    effect: Effect | None = None


def apply_edits(text: str, edits: tuple[Edit, ...] | list[Edit]) -> str:
    """Apply non-overlapping edits; later ones first so offsets stay valid."""
    out = text
    last_start = len(text) + 1
    for edit in sorted(edits, key=lambda e: (e.span.start, e.span.end), reverse=True):
        if edit.span.end > last_start:
            raise ValueError("overlapping edits")
        out = out[: edit.span.start] + edit.new_text + out[edit.span.end :]
        last_start = edit.span.start
    return out
