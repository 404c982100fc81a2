"""In-file suppression comments, shared by every source of findings.

``# agentls: disable=AG160,AG141`` on a line (or the line above it) hides those codes there;
``disable-file=`` anywhere (also as an HTML comment in the body) hides them in the file;
``ALL`` stands for every code.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol, TypeVar

from agentls.model import Span
from agentls.text import LineIndex

_SUPPRESS = re.compile(r"agentls:\s*(disable|disable-file)\s*=\s*([A-Za-z0-9_, ]+)")


class _Coded(Protocol):
    @property
    def code(self) -> str: ...

    @property
    def span(self) -> Span: ...


F = TypeVar("F", bound=_Coded)


def unsuppressed(text: str, findings: Sequence[F], index: LineIndex | None = None) -> list[F]:
    """The findings no suppression comment in ``text`` hides."""
    if not findings or "agentls:" not in text:
        return list(findings)
    index = index if index is not None and index.text is text else LineIndex(text)
    whole_file: set[str] = set()
    by_line: dict[int, set[str]] = {}
    for match in _SUPPRESS.finditer(text):
        codes = {c.strip().upper() for c in match.group(2).replace(",", " ").split()}
        if match.group(1) == "disable-file":
            whole_file |= codes
        else:
            line = index.line_of(match.start())
            by_line.setdefault(line, set()).update(codes)
            by_line.setdefault(line + 1, set()).update(codes)

    def hidden(f: F) -> bool:
        codes = whole_file | by_line.get(index.line_of(f.span.start), set())
        return f.code in codes or "ALL" in codes

    return [f for f in findings if not hidden(f)]
