"""What an editor session keeps between keystrokes to check an agent file again quickly.

The engine is pure: ``engine.check_text`` without a cache parses and checks from scratch (the
CLI). The language server keeps one ``EditCache`` per session and passes it in, so nothing
is shared between two workspaces, two servers or two tests in one process.

Each part is kept because ``bench/lsp_latency.py`` shows it pays (>= 5% of a keystroke); the
figures are in ARCHITECTURE.md ("Where state lives"), and each part has its differential test
in ``tests/incremental/`` (a cached check must equal a fresh one).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Generic, TypeVar

from agentls.frontmatter import block as blocks
from agentls.frontmatter.document import AgentDocument, ParseState
from agentls.frontmatter.yamlnodes import ParseFailures
from agentls.model import Finding
from agentls.rules.base import Rule
from agentls.settings import Settings

T = TypeVar("T")

# The last text checked in full, its parse state, its entries as written, and each keyed
# rule's findings.
Keyed = tuple[str, ParseState, dict[str, tuple[str, ...]], dict[str, list[Finding]]]


class PerFile(Generic[T]):
    """The last value kept for each file (path and dialect), for one settings object."""

    def __init__(self, size: int = 64) -> None:
        self._size = size
        self._entries: dict[tuple[str | None, str], tuple[Settings, T]] = {}

    def get(self, path: str | None, dialect: str, settings: Settings) -> T | None:
        entry = self._entries.get((path, dialect))
        return entry[1] if entry is not None and entry[0] is settings else None

    def put(self, path: str | None, dialect: str, settings: Settings, value: T) -> None:
        key = (path, dialect)
        if key not in self._entries and len(self._entries) >= self._size:
            self._entries.pop(next(iter(self._entries)))
        self._entries[key] = (settings, value)

    def forget(self, path: str | None) -> None:
        for key in [k for k in self._entries if k[0] == path]:
            del self._entries[key]


class HeadCache:
    """The last frontmatter checked for each path, with the findings that depend only on it.

    Typing in the body of an agent file (most of a long file) changes neither the block nor
    anything the frontmatter rules look at, so those need not run again; only the rules that
    read the body do.
    """

    def __init__(self) -> None:
        self._files: PerFile[tuple[AgentDocument, list[Finding]]] = PerFile()

    def reuse(self, text: str, path: str | None, dialect: str,
              settings: Settings) -> tuple[AgentDocument, list[Finding]] | None:
        entry = self._files.get(path, dialect, settings)
        if entry is None:
            return None
        old, findings = entry
        block = old.block
        if block is None or not text.startswith(old.text[: block.close_end]):
            return None
        cut = blocks.cut(text)
        if cut.block != block:
            return None
        return replace(old, text=text, cut=cut, _index=None, problems=[]), findings

    def remember(self, doc: AgentDocument, settings: Settings, findings: list[Finding]) -> None:
        if doc.block is not None:
            self._files.put(doc.path, doc.dialect, settings, (doc, findings))

    def forget(self, path: str | None) -> None:
        self._files.forget(path)


class EditCache:
    """One editor session's reuse between keystrokes (see the module docstring).

    ``active``: the rules that apply, per dialect and settings object (choosing them walks
    every rule); ``keyed``: per file, the findings of rules whose YAML keys an edit did not
    touch; ``heads``: per file, the frontmatter and its findings while the body is typed;
    ``failures``: recent failed YAML parses (a rescued one-line description fails the strict
    parse on every keystroke).
    """

    def __init__(self) -> None:
        self.active: dict[tuple[str, int, bool], tuple[Settings, list[Rule]]] = {}
        self.keyed: PerFile[Keyed] = PerFile()
        self.heads = HeadCache()
        self.failures = ParseFailures()

    def forget(self, path: str | None) -> None:
        """A document closed: what was kept for it goes (the failures are not per file)."""
        self.keyed.forget(path)
        self.heads.forget(path)
