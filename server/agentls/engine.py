"""One engine for the CLI and the server: text in, findings out; and safe fixes."""

from __future__ import annotations

import itertools
import logging
import re
from dataclasses import replace

from agentls import keyed, rules
from agentls.edit_cache import EditCache
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

# Settings are frozen: one default object serves every caller that passes none (an editor
# session's cache is keyed on the settings object).
DEFAULT_SETTINGS = Settings()

# Past this many findings of one rule in one file, more of them help nobody.
MAX_PER_RULE = 100


def _active(dialect: str, settings: Settings, parsed: bool, cache: EditCache | None) -> list[Rule]:
    if cache is None:
        return _choose(dialect, settings, parsed)
    key = (dialect, id(settings), parsed)
    cached = cache.active.get(key)
    if cached is None or cached[0] is not settings:
        if len(cache.active) > 64:
            cache.active.clear()
        cached = cache.active[key] = (settings, _choose(dialect, settings, parsed))
    return cached[1]


def _choose(dialect: str, settings: Settings, parsed: bool) -> list[Rule]:
    return [r for r in rules.all_rules().values()
            if r.applies_to(dialect) and settings.enabled(r.code)
            and (not r.needs_mapping if not parsed else not r.unparsed_only)]


def _run(doc: AgentDocument, settings: Settings, body_only: bool = False,
         cache: EditCache | None = None) -> list[Finding]:
    findings: list[Finding] = []
    for rule in _active(doc.dialect, settings, doc.root is not None, cache):
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


def _run_keyed(doc: AgentDocument, settings: Settings, cache: EditCache) -> list[Finding]:
    """``_run``, reusing the findings of each rule whose keys the edit did not touch."""
    entries = keyed.entry_texts(doc)
    previous = cache.keyed.get(doc.path, doc.dialect, settings) if entries is not None else None
    region: keyed.Region | None = None
    changed: set[str] = set()
    before: dict[str, list[Finding]] = {}
    if entries is not None and previous is not None and previous[1] is doc.state:
        old_text, _state, old_entries, before = previous
        region = keyed.changed_region(old_text, doc.text)
        changed = {k for k in entries.keys() | old_entries.keys() if entries.get(k) != old_entries.get(k)}
    findings: list[Finding] = []
    results: dict[str, list[Finding]] = {}
    for rule in _active(doc.dialect, settings, doc.root is not None, cache):
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
        cache.keyed.put(doc.path, doc.dialect, settings, (doc.text, doc.state, entries, results))
    return findings


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


def check_text(text: str, path: str | None, dialect: str, settings: Settings | None = None,
               cache: EditCache | None = None) -> tuple[AgentDocument, list[Finding]]:
    """Parse and check ``text``. ``cache``: an editor session's, to reuse what the last check
    of the same file found; without one (the CLI) nothing is kept."""
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
    elif cache is not None:
        cached = cache.heads.reuse(text, path, dialect, settings)
        if cached is not None:
            doc, head_findings = cached
            doc.byte_size = size
            body = _run(doc, settings, body_only=True, cache=cache)
            return doc, _finish(doc, head_findings + body, settings)
        doc = load_text(text, path, dialect, failures=cache.failures)
        doc.byte_size = size
        findings = _run_keyed(doc, settings, cache)
        cache.heads.remember(doc, settings, [f for f in findings if not _reads_body(f.code)])
        return doc, _finish(doc, findings, settings)
    else:
        doc = load_text(text, path, dialect)
    doc.problems = problems
    doc.byte_size = size
    return doc, check_document(doc, settings)


def _reads_body(code: str) -> bool:
    rule = rules.get(code)
    return rule is None or rule.reads_body


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
