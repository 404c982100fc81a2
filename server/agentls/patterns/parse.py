"""Parse Python source without letting broken or hostile input stop the analysis.

``ast.parse`` raises more than ``SyntaxError``: deep nesting gives ``RecursionError``, huge
unary chains ``MemoryError``, NUL bytes ``ValueError`` on some versions. When the whole module
fails we retry each top-level statement on its own, so that one half-typed function does not
hide every class in the file. A statement whose text runs over a line at column 0 (a
multi-line string or call whose later lines are not indented) fails on its own as
"unterminated" or "never closed": it is retried joined with the next spans. Code written for
Python 3.12 (type parameter lists) or for Python 2 (print statements) is parsed on the same
lines after a rewrite of just those constructs.
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
# What a statement cut short by a column-0 line fails with (CPython 3.10-3.13 wordings).
_UNCLOSED = ("unterminated", "was never closed", "unexpected eof", "eof while scanning", "eof in multi-line")
# How many following spans an unclosed statement may absorb before we give up on it.
_MAX_JOIN = 8


# A class or function header with a type parameter list (PEP 695, Python 3.12:
# `class Entity[T: Hashable]:`), or a `type X = ...` alias statement.
_TYPE_PARAMS = re.compile(r"^[ \t]*(?:async[ \t]+)?(?:class|def)[ \t]+\w+(?=\[)", re.M)
_TYPE_ALIAS = re.compile(r"^([ \t]*)type([ \t]+)(?=\w+[ \t]*(?:\[[^\n=]*\])?[ \t]*=)", re.M)


def _without_type_params(source: str) -> str:
    """``source`` with PEP 695 type parameter lists blanked (same length, same lines) and
    `type X = ...` read as `X = ...`: a server on an older Python still sees the classes of
    code written for 3.12."""
    chars: list[str] | None = None  # built on the first header: most failing texts have none
    for m in _TYPE_PARAMS.finditer(source):
        if chars is None:
            chars = list(source)
        depth = 0
        for i in range(m.end(), len(source)):
            c = source[i]
            depth += c == "["
            depth -= c == "]"
            if c != "\n":
                chars[i] = " "
            if depth == 0:
                break
    out = source if chars is None else "".join(chars)
    return _TYPE_ALIAS.sub(r"\1", out)


# Python 2 statements that Python 3 cannot parse: `print x`, `exec code`, `raise E, "msg"` and
# `except E, e:`. The print, exec and raise forms become two statements of the same length
# (`print;x`, `raise E; "msg"`), the except form `except E as e:` (that line alone grows).
_PY2_PRINT = re.compile(r"^([ \t]*(?:print|exec))[ \t](?=[ \t]*[^\s=,;.)\]}>#])", re.M)
_PY2_RAISE = re.compile(r"^([ \t]*raise[ \t]+[\w.]+)[ \t]*,", re.M)
_PY2_EXCEPT = re.compile(r"^([ \t]*except[ \t]+[^:#\n]+?)[ \t]*,[ \t]*([A-Za-z_]\w*)[ \t]*:", re.M)


def _python3_statements(source: str) -> str:
    """``source`` with Python 2's print, exec, raise and except statements written so that
    Python 3 parses them, on the same lines: the classes of code written for Python 2 (many
    older examples and tutorials) are analysed rather than lost with the statements."""
    out = _PY2_PRINT.sub(r"\1;", source)
    out = _PY2_RAISE.sub(r"\1;", out)
    return _PY2_EXCEPT.sub(r"\1 as \2:", out)


def _parse(source: str) -> ast.Module:
    with warnings.catch_warnings():
        # Invalid escape sequences in the analysed code are not our concern.
        warnings.simplefilter("ignore")
        try:
            return ast.parse(source, type_comments=False)
        except SyntaxError as exc:
            plain = _without_type_params(source)
            if plain != source:
                try:
                    return ast.parse(plain, type_comments=False)
                except SyntaxError as real:
                    # the type parameters were fine: report what is really broken (same lines)
                    raise real from exc
            older = _python3_statements(source)
            if older == source:
                raise
            try:
                return ast.parse(older, type_comments=False)
            except SyntaxError:
                raise exc from None  # not (only) Python 2: report the error as written


def parse_text(source: str) -> ast.Module | None:
    """The tree of ``source``, or None when it does not parse whole."""
    try:
        return _parse(source)
    except (SyntaxError, RecursionError, MemoryError, ValueError):
        return None


def parse_or_error(source: str) -> ast.Module | BaseException:
    """The tree of ``source``, or what parsing it raised."""
    try:
        return _parse(source)
    except (SyntaxError, RecursionError, MemoryError, ValueError) as exc:
        return exc


def can_close_later(exc: BaseException) -> bool:
    """Whether text that follows could still complete what failed: a string or a line
    continuation left open at the end (an open bracket cannot be closed by text that is
    balanced on its own)."""
    if not isinstance(exc, SyntaxError):
        return True
    msg = str(exc.msg).lower()
    return "triple-quoted" in msg or "eof" in msg


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


def chunk_starts(lines: list[str], offset: int = 0) -> list[int]:
    """The lines where the recovery below cuts the text (each plus ``offset``): a line at
    column 0 that continues nothing and does not follow a decorator's line."""
    starts: list[int] = []
    after_decorator = False
    for i, line in enumerate(lines):
        if not line or line[0] in " \t\r\n\f":
            continue
        if _CONTINUATION.match(line):
            continue
        if not after_decorator:
            starts.append(i + offset)
        after_decorator = line.startswith("@")
    return starts


def _chunks(lines: list[str]) -> list[tuple[int, int]]:
    """Split into (start, end) line spans, one per top-level statement (decorators attach)."""
    starts = chunk_starts(lines)
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    return [(s, e) for s, e in zip(starts, [*starts[1:], len(lines)], strict=True)]


def _unclosed(exc: BaseException) -> bool:
    return isinstance(exc, SyntaxError) and any(w in str(exc.msg).lower() for w in _UNCLOSED)


def joins_whole(chunks: list[str]) -> bool:
    """Whether ``parse_module`` reads these consecutive chunks (one statement's text, cut by
    ``chunk_starts`` where a line inside it is at column 0) as that one statement: the first
    fails as unclosed, and only the join with all of them parses."""
    if len(chunks) < 2 or len(chunks) > _MAX_JOIN + 1:
        return False
    for j in range(1, len(chunks) + 1):
        try:
            _parse("".join(chunks[:j]))
        except (SyntaxError, RecursionError, MemoryError, ValueError) as exc:
            if not _unclosed(exc):
                return False
            continue
        return j == len(chunks)
    return False


def parse_module(source: str) -> tuple[ast.Module, list[ParseProblem]]:
    """A module tree holding every top-level statement that parses, plus what failed."""
    try:
        return _parse(source), []
    except (SyntaxError, RecursionError, MemoryError, ValueError) as exc:
        first = _problem(exc, 0)
    lines = split_lines(source)  # \n, \r\n, \r only: the line numbers ast reports
    body: list[ast.stmt] = []
    problems = [first]
    spans = _chunks(lines)
    i = 0
    while i < len(spans):
        start, end = spans[i]
        i += 1
        chunk = "".join(lines[start:end])
        if not chunk.strip():
            continue
        try:
            tree = _parse(chunk)
        except (SyntaxError, RecursionError, MemoryError, ValueError) as exc:
            joined = None
            if _unclosed(exc):
                # `s = """` + a column-0 line + `"""`: the spans that follow may close it.
                for j in range(i, min(i + _MAX_JOIN, len(spans))):
                    try:
                        joined = _parse("".join(lines[start : spans[j][1]]))
                    except (SyntaxError, RecursionError, MemoryError, ValueError) as again:
                        if _unclosed(again):
                            continue
                        break
                    i = j + 1
                    break
            if joined is None:
                problem = _problem(exc, start)
                if problem.line != first.line or problem.kind != first.kind:
                    problems.append(problem)
                continue
            tree = joined
        if start:
            ast.increment_lineno(tree, start)
        body.extend(tree.body)
    return ast.Module(body=body, type_ignores=[]), problems
