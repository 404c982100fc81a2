"""One engine for the CLI and the server: text in, findings out; and safe fixes."""

from __future__ import annotations

import itertools
import logging
import re
from dataclasses import replace
from typing import Generic, TypeVar

from agentls import keyed, rules
from agentls.frontmatter import block as blocks
from agentls.frontmatter.block import Cut
from agentls.frontmatter.document import (
    AgentDocument,
    FileProblem,
    ParseState,
    load_bytes,
    load_text,
)
from agentls.model import Applicability, Edit, Finding, apply_edits
from agentls.rules.base import CheckContext, Rule
from agentls.settings import Settings
from agentls.suppress import unsuppressed

log = logging.getLogger(__name__)
T = TypeVar("T")

# One object, so that the caches below (keyed on the settings object) serve callers that
# pass none.
DEFAULT_SETTINGS = Settings()

# Past this many findings of one rule in one file, more of them help nobody.
MAX_PER_RULE = 100


def _active(dialect: str, settings: Settings, parsed: bool) -> list[Rule]:
    key = (dialect, id(settings), parsed)
    cached = _ACTIVE.get(key)
    if cached is None or cached[0] is not settings:
        chosen = [r for r in rules.all_rules().values()
                  if r.applies_to(dialect) and settings.enabled(r.code)
                  and (not r.needs_mapping if not parsed else not r.unparsed_only)]
        if len(_ACTIVE) > 64:
            _ACTIVE.clear()
        cached = _ACTIVE[key] = (settings, chosen)
    return cached[1]


_ACTIVE: dict[tuple[str, int, bool], tuple[Settings, list[Rule]]] = {}


def _run(doc: AgentDocument, settings: Settings, body_only: bool = False) -> list[Finding]:
    findings: list[Finding] = []
    for rule in _active(doc.dialect, settings, doc.root is not None):
        if body_only and not rule.reads_body:
            continue
        findings.extend(_check(rule, doc))
    return findings


def _check(rule: Rule, doc: AgentDocument) -> list[Finding]:
    found: list[Finding] = []
    try:
        # Rules yield lazily: a file with 50,000 bad keys costs only what we keep.
        found.extend(itertools.islice(rule.check(CheckContext(doc, rule)), MAX_PER_RULE))
    except Exception:  # one broken rule must not hide the others
        log.exception("rule %s failed on %s", rule.code, doc.path)
    return found


def _run_keyed(doc: AgentDocument, settings: Settings) -> list[Finding]:
    """``_run``, reusing the findings of each rule whose keys the edit did not touch."""
    entries = keyed.entry_texts(doc)
    previous = _KEYED.get(doc, settings) if entries is not None else None
    region: keyed.Region | None = None
    changed: set[str] = set()
    before: dict[str, list[Finding]] = {}
    if entries is not None and previous is not None and previous[1] is doc.state:
        old_text, _state, old_entries, before = previous
        region = keyed.changed_region(old_text, doc.text)
        changed = {k for k in entries.keys() | old_entries.keys() if entries.get(k) != old_entries.get(k)}
    findings: list[Finding] = []
    results: dict[str, list[Finding]] = {}
    for rule in _active(doc.dialect, settings, doc.root is not None):
        keys = rule.keys
        if keys is None or entries is None:
            findings.extend(_check(rule, doc))
            continue
        old = before.get(rule.code)
        found = None
        if old is not None and region is not None and changed.isdisjoint(keys):
            found = keyed.moved(old, region) if old else old
        if found is None:
            found = _check(rule, doc)
        results[rule.code] = found
        findings.extend(found)
    if entries is not None:
        _KEYED.put(doc, settings, (doc.text, doc.state, entries, results))
    return findings


class _PerFile(Generic[T]):
    """The last value kept for each file (path and dialect), for one settings object."""

    def __init__(self, size: int = 64) -> None:
        self._size = size
        self._entries: dict[tuple[str | None, str], tuple[Settings, T]] = {}

    def get(self, doc: AgentDocument, settings: Settings) -> T | None:
        return self.get_for(doc.path, doc.dialect, settings)

    def get_for(self, path: str | None, dialect: str, settings: Settings) -> T | None:
        entry = self._entries.get((path, dialect))
        return entry[1] if entry is not None and entry[0] is settings else None

    def put(self, doc: AgentDocument, settings: Settings, value: T) -> None:
        key = (doc.path, doc.dialect)
        if key not in self._entries and len(self._entries) >= self._size:
            self._entries.pop(next(iter(self._entries)))
        self._entries[key] = (settings, value)


# Per file: the last text checked in full, its parse state, its entries as written, and each
# keyed rule's findings.
_KEYED: _PerFile[tuple[str, ParseState, dict[str, tuple[str, ...]], dict[str, list[Finding]]]] = _PerFile()


def _finish(doc: AgentDocument, findings: list[Finding], settings: Settings) -> list[Finding]:
    if settings.severity:
        findings = [replace(f, severity=settings.severity.get(f.code, f.severity))
                    for f in findings]
    if "agentls:" in doc.text:  # cheap test first: most files have no suppression comment
        findings = unsuppressed(doc.text, findings, doc.index)
    findings.sort(key=lambda f: (f.span.start, f.span.end, f.code))
    return findings


def check_document(doc: AgentDocument, settings: Settings | None = None) -> list[Finding]:
    settings = settings or DEFAULT_SETTINGS
    return _finish(doc, _run(doc, settings), settings)


def check_text(text: str, path: str | None, dialect: str,
               settings: Settings | None = None) -> tuple[AgentDocument, list[Finding]]:
    settings = settings or DEFAULT_SETTINGS
    size = len(text) if text.isascii() else len(text.encode("utf-8", errors="surrogatepass"))
    # Text from an editor gets the same file checks as bytes from disk (AG020-AG022): a
    # file too large or binary is not parsed; a lone surrogate stands for undecodable bytes.
    problems = _text_problems(text, size, settings.max_file_size)
    if any(p.kind in ("too-large", "binary") for p in problems):
        doc = AgentDocument(text, path, dialect, Cut(None, text.startswith("\ufeff"), text),
                            ParseState.NO_BLOCK)
    elif any(p.kind == "invalid-utf8" for p in problems):
        # Parse what Claude Code would decode (U+FFFD for each bad byte; offsets unchanged).
        doc = load_text(_SURROGATE.sub("\ufffd", text), path, dialect)
    else:
        cached = _HEADS.reuse(text, path, dialect, settings)
        if cached is not None:
            doc, head_findings = cached
            doc.byte_size = size
            return doc, _finish(doc, head_findings + _run(doc, settings, body_only=True), settings)
        doc = load_text(text, path, dialect)
        doc.byte_size = size
        findings = _run_keyed(doc, settings)
        _HEADS.remember(doc, settings, [f for f in findings if not _reads_body(f.code)])
        return doc, _finish(doc, findings, settings)
    doc.problems = problems
    doc.byte_size = size
    return doc, check_document(doc, settings)


def _reads_body(code: str) -> bool:
    rule = rules.get(code)
    return rule is None or rule.reads_body


class _HeadCache:
    """The last frontmatter checked for each path, with the findings that depend only on it.

    Typing in the body of an agent file (most of a long file) changes neither the block nor
    anything the frontmatter rules look at, so those need not run again; only the rules that
    read the body do.
    """

    def __init__(self) -> None:
        self._files: _PerFile[tuple[AgentDocument, list[Finding]]] = _PerFile()

    def reuse(self, text: str, path: str | None, dialect: str,
              settings: Settings) -> tuple[AgentDocument, list[Finding]] | None:
        entry = self._files.get_for(path, dialect, settings)
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
            self._files.put(doc, settings, (doc, findings))


_HEADS = _HeadCache()


_SURROGATE = re.compile("[\ud800-\udfff]")


def _text_problems(text: str, size: int, limit: int) -> list[FileProblem]:
    problems: list[FileProblem] = []
    if size > limit:
        problems.append(FileProblem(
            "too-large", f"the file is {size:,} bytes; the limit is {limit:,} bytes", 0))
    bad = None if text.isascii() else _SURROGATE.search(text)
    if bad is not None:
        problems.append(FileProblem(
            "invalid-utf8", f"character U+{ord(bad.group()):04X} at offset {bad.start()} is not "
            "valid Unicode (undecodable bytes in the file)", bad.start()))
    nul = text.find("\x00")
    if nul >= 0:
        problems.append(FileProblem("binary", "the file contains NUL bytes: it looks binary", nul))
    return problems


def check_bytes(data: bytes, path: str | None, dialect: str,
                settings: Settings | None = None) -> tuple[AgentDocument, list[Finding]]:
    settings = settings or DEFAULT_SETTINGS
    doc = load_bytes(data, path, dialect, settings.max_file_size)
    return doc, check_document(doc, settings)


def fix_text(text: str, path: str | None, dialect: str, settings: Settings | None = None,
             unsafe: bool = False, rounds: int = 8) -> tuple[str, int]:
    """Apply fixes until none is left (or ``rounds`` passes); returns the text and the count."""
    applied = 0
    for _ in range(rounds):
        _, findings = check_text(text, path, dialect, settings)
        edits: list[Edit] = []
        taken: list[tuple[int, int]] = []
        for f in findings:
            if f.fix is None or (f.fix.applicability is Applicability.UNSAFE and not unsafe):
                continue
            spans = [(e.span.start, e.span.end) for e in f.fix.edits]
            if any((s < te and ts < e) or (s == e == ts) for s, e in spans for ts, te in taken):
                continue  # overlaps a fix already taken: next round
            taken.extend(spans)
            edits.extend(f.fix.edits)
            applied += 1
        if not edits:
            break
        text = apply_edits(text, edits)
    return text, applied
