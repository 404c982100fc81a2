"""Load an agent definition file the way Claude Code reads it (§2.8 of our loader model).

``load_text`` turns text into an ``AgentDocument``: the cut block, how the YAML parsed
(strictly, rescued by the lenient retry, or not at all), the root mapping with every node's
offsets in the document, and the plain data Claude Code would see. Field rules work on that.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any

import yaml

from agentls.frontmatter import block as blocks
from agentls.frontmatter import retry, yamlnodes
from agentls.frontmatter.yamlnodes import AnyNode, Mapping, Marker, Sequence
from agentls.text import LineIndex

CLAUDE_SIZE_LIMIT = 1_048_576


class ParseState(enum.Enum):
    OK = "ok"  # strict YAML parse succeeded
    RESCUED = "rescued"  # strict parse failed, Claude Code's retry succeeded
    FAILED = "failed"  # both failed
    NO_BLOCK = "no-block"  # no frontmatter block at all
    NOT_MAPPING = "not-mapping"  # parsed, but not one mapping (list, scalar, empty, 2 docs)


@dataclass(frozen=True)
class ParseError:
    message: str
    offset: int | None  # document offset, when the parser gave one


@dataclass(frozen=True)
class FileProblem:
    """Something about the bytes that stops or changes the reading."""

    kind: str  # "too-large" | "binary" | "invalid-utf8"
    message: str
    offset: int  # document offset (0 when the whole file is concerned)


@dataclass
class AgentDocument:
    text: str
    path: str | None
    dialect: str
    cut: blocks.Cut
    state: ParseState
    root: Mapping | None = None
    data: dict[str, Any] = field(default_factory=dict)
    markers: list[Marker] = field(default_factory=list)
    strict_error: ParseError | None = None
    retry_error: ParseError | None = None
    rewrite: retry.Rewrite | None = None
    problems: list[FileProblem] = field(default_factory=list)
    byte_size: int = 0
    # Derived values rules share (e.g. the split ``tools`` entries), computed once per parse.
    memo: dict[str, Any] = field(default_factory=dict)
    # The editor session's memo of failed YAML parses, for rules that parse a piece again
    # (AG005); None outside an editor.
    yaml_failures: yamlnodes.ParseFailures | None = field(default=None, repr=False, compare=False)
    _index: LineIndex | None = None

    @property
    def index(self) -> LineIndex:
        if self._index is None:
            self._index = LineIndex(self.text)
        return self._index

    @property
    def block(self) -> blocks.Block | None:
        return self.cut.block

    @property
    def crlf(self) -> bool:
        b = self.cut.block
        return b is not None and "\r\n" in b.yaml

    def pair(self, key: str) -> tuple[AnyNode, AnyNode] | None:
        return self.root.get(key) if self.root is not None else None

    def quoted_by_retry(self, offset: int) -> retry.QuotedLine | None:
        """The retry-quoted line holding ``offset`` (a document offset), if any."""
        if self.rewrite is None or self.block is None:
            return None
        local = offset - self.block.start
        for line in self.rewrite.quoted:
            if line.value_start <= local <= line.value_end:
                return line
        return None


def decode(data: bytes, size_limit: int = CLAUDE_SIZE_LIMIT) -> tuple[str, list[FileProblem]]:
    """Decode like Claude Code (UTF-8, bad bytes -> U+FFFD) and note what is wrong."""
    problems: list[FileProblem] = []
    if len(data) > size_limit:
        problems.append(FileProblem(
            "too-large",
            f"the file is {len(data):,} bytes; the limit is {size_limit:,} bytes",
            0,
        ))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        text = data.decode("utf-8", errors="replace")
        prefix = data[: exc.start].decode("utf-8", errors="replace")
        problems.append(FileProblem(
            "invalid-utf8",
            f"byte 0x{data[exc.start]:02x} at byte offset {exc.start} is not valid UTF-8",
            len(prefix),
        ))
    nul = text.find("\x00")
    if nul >= 0:
        problems.append(FileProblem("binary", "the file contains NUL bytes: it looks binary", nul))
    return text, problems


def load_bytes(data: bytes, path: str | None, dialect: str,
               size_limit: int = CLAUDE_SIZE_LIMIT) -> AgentDocument:
    text, problems = decode(data, size_limit)
    if any(p.kind in ("too-large", "binary") for p in problems):
        doc = AgentDocument(text, path, dialect, blocks.Cut(None, False, text), ParseState.NO_BLOCK)
    else:
        doc = load_text(text, path, dialect, lenient=_lenient(dialect))
    doc.problems = problems
    doc.byte_size = len(data)
    return doc


def _lenient(dialect: str) -> bool:
    # Claude Code's reader retries. Cursor writes `globs: *.py` unquoted itself (invalid YAML:
    # `*` starts an alias) and reads it as the text, so its rules are read leniently too. VS
    # Code reads Copilot headers with its own tolerant parser (no anchors, aliases or tags:
    # `applyTo: **/*.py` is the text), so the retry stands in for it and AG191 says where
    # VS Code's reading differs. OpenCode uses a strict YAML parser.
    return dialect.startswith(("claude-", "copilot-")) or dialect == "cursor-rule"


def load_text(text: str, path: str | None, dialect: str, lenient: bool | None = None,
              failures: yamlnodes.ParseFailures | None = None) -> AgentDocument:
    """``failures``: an editor session's memo of failed parses (see ``yamlnodes.parse``)."""
    if lenient is None:
        lenient = _lenient(dialect)
    cut = blocks.cut_lines(text) if dialect.startswith("copilot-") else blocks.cut(text)
    if cut.block is None:
        return AgentDocument(text, path, dialect, cut, ParseState.NO_BLOCK)
    b = cut.block
    doc = AgentDocument(text, path, dialect, cut, ParseState.OK, yaml_failures=failures)
    try:
        parsed = yamlnodes.parse(b.yaml, failures=failures)
    except yamlnodes.YamlError as exc:
        doc.strict_error = ParseError(exc.message, _shift(exc.offset, b.start))
        if not lenient:
            doc.state = ParseState.FAILED
            return doc
        # VS Code's parser takes CRLF; Claude Code's retry never quotes a line ending in
        # `\r`. Standing in for VS Code, blank the `\r`s (one character for one, so offsets
        # hold; a quoted value keeps a trailing space).
        vscode = dialect.startswith("copilot-")
        rewritten = retry.rewrite(b.yaml.replace("\r", " ") if vscode else b.yaml)
        try:
            parsed = yamlnodes.parse(rewritten.text, failures=failures)
        except yamlnodes.YamlError as again:
            local = rewritten.to_original(again.offset) if again.offset is not None else None
            doc.retry_error = ParseError(again.message, _shift(local, b.start))
            doc.state = ParseState.FAILED
            doc.rewrite = rewritten
            return doc
        doc.rewrite = rewritten
        doc.state = ParseState.RESCUED
        _relocate(parsed, lambda o: b.start + rewritten.to_original(o))
    else:
        _relocate(parsed, lambda o: b.start + o)
    doc.markers = parsed.markers
    root = parsed.root
    if isinstance(root, Mapping):
        doc.root = root
        doc.data = {k: v for k, v in root.value.items() if isinstance(k, str)}
    else:
        doc.state = ParseState.NOT_MAPPING
    return doc


def _shift(offset: int | None, by: int) -> int | None:
    return None if offset is None else offset + by


def _relocate(parsed: yamlnodes.Parsed, move: Any) -> None:
    """Turn parser offsets into document offsets, without recursion."""
    stack: list[AnyNode] = [d for d in parsed.documents if d is not None]
    while stack:
        node = stack.pop()
        node.start, node.end = move(node.start), move(node.end)
        if isinstance(node, Sequence):
            stack.extend(node.items)
        elif isinstance(node, Mapping):
            for key, value in node.pairs:
                stack.append(key)
                stack.append(value)
    parsed.markers[:] = [
        Marker(m.kind, m.text, move(m.start), move(m.end)) for m in parsed.markers
    ]


def strict_yaml_error(block_text: str) -> str | None:
    """What a stock YAML 1.1 parser (PyYAML, as python-frontmatter uses) says, if it fails."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        for _ in yaml.parse(block_text, Loader=loader):
            pass
    except yaml.YAMLError as exc:
        problem = getattr(exc, "problem", None)
        return str(problem or exc).splitlines()[0]
    except (RecursionError, MemoryError, ValueError):
        return "the parser gave up"
    return None
