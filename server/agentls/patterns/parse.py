"""Parse Python source without letting broken or hostile input stop the analysis.

``ast.parse`` raises more than ``SyntaxError``: deep nesting gives ``RecursionError``, huge
unary chains ``MemoryError``, NUL bytes ``ValueError`` on some versions. When the whole module
fails we retry each top-level statement on its own, so that one half-typed function does not
hide every class in the file.
"""

from __future__ import annotations

import ast
import re
import warnings

from agentls.patterns.model import ParseProblem
from agentls.text import split_lines

# A top-level statement starts at column 0 with something that is not a continuation of the
# statement before it.
_CONTINUATION = re.compile(r"(?:[)\]}#]|else\b|elif\b|except\b|finally\b|case\b)")


def _parse(source: str) -> ast.Module:
    with warnings.catch_warnings():
        # Invalid escape sequences in the analysed code are not our concern.
        warnings.simplefilter("ignore")
        return ast.parse(source, type_comments=False)


def _problem(exc: BaseException, line_offset: int) -> ParseProblem:
    if isinstance(exc, SyntaxError):
        line = (exc.lineno or 1) - 1 + line_offset
        col = max((exc.offset or 1) - 1, 0)
        return ParseProblem(f"syntax error: {exc.msg}", line, col, "syntax")
    if isinstance(exc, RecursionError):
        return ParseProblem("nesting too deep to parse", line_offset, 0, "recursion")
    if isinstance(exc, MemoryError):
        return ParseProblem("expression too large to parse", line_offset, 0, "memory")
    return ParseProblem(f"cannot parse: {exc}", line_offset, 0, "value")


def _chunks(lines: list[str]) -> list[tuple[int, int]]:
    """Split into (start, end) line spans, one per top-level statement (decorators attach)."""
    starts: list[int] = []
    after_decorator = False
    for i, line in enumerate(lines):
        if not line or line[0] in " \t\r\n\f":
            continue
        if _CONTINUATION.match(line):
            continue
        if not after_decorator:
            starts.append(i)
        after_decorator = line.startswith("@")
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    return [(s, e) for s, e in zip(starts, [*starts[1:], len(lines)], strict=True)]


def parse_module(source: str) -> tuple[ast.Module, list[ParseProblem]]:
    """A module tree holding every top-level statement that parses, plus what failed."""
    try:
        return _parse(source), []
    except (SyntaxError, RecursionError, MemoryError, ValueError) as exc:
        first = _problem(exc, 0)
    lines = split_lines(source)  # \n, \r\n, \r only: the line numbers ast reports
    body: list[ast.stmt] = []
    problems = [first]
    for start, end in _chunks(lines):
        chunk = "".join(lines[start:end])
        if not chunk.strip():
            continue
        try:
            tree = _parse(chunk)
        except (SyntaxError, RecursionError, MemoryError, ValueError) as exc:
            problem = _problem(exc, start)
            if problem.line != first.line or problem.kind != first.kind:
                problems.append(problem)
            continue
        if start:
            ast.increment_lineno(tree, start)
        body.extend(tree.body)
    return ast.Module(body=body, type_ignores=[]), problems
