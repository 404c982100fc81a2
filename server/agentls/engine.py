"""One engine for the CLI and the server: text in, findings out; and safe fixes."""

from __future__ import annotations

import itertools
import logging
import re

from agentls import rules
from agentls.frontmatter.block import Cut
from agentls.frontmatter.document import (
    AgentDocument,
    FileProblem,
    ParseState,
    load_bytes,
    load_text,
)
from agentls.model import Applicability, Edit, Finding, apply_edits
from agentls.rules.base import CheckContext
from agentls.settings import Settings

log = logging.getLogger(__name__)

# Past this many findings of one rule in one file, more of them help nobody.
MAX_PER_RULE = 100

# "# agentls: disable=AG160,AG141" on a frontmatter line (or the line above it);
# "disable-file=" anywhere, also as an HTML comment in the body.
_SUPPRESS = re.compile(r"agentls:\s*(disable|disable-file)\s*=\s*([A-Za-z0-9_, ]+)")


def check_document(doc: AgentDocument, settings: Settings | None = None) -> list[Finding]:
    settings = settings or Settings()
    parsed = doc.root is not None
    findings: list[Finding] = []
    for rule in rules.all_rules().values():
        if not rule.applies_to(doc.dialect) or not settings.enabled(rule.code):
            continue
        if rule.needs_mapping and not parsed:
            continue
        try:
            # Rules yield lazily: a file with 50,000 bad keys costs only what we keep.
            findings.extend(itertools.islice(rule.check(CheckContext(doc, rule)), MAX_PER_RULE))
        except Exception:  # one broken rule must not hide the others
            log.exception("rule %s failed on %s", rule.code, doc.path)
    if settings.severity:
        findings = [
            Finding(f.code, f.message, settings.severity.get(f.code, f.severity), f.span, f.fix,
                    f.source, f.related)
            for f in findings
        ]
    findings = _suppressed(doc, findings)
    findings.sort(key=lambda f: (f.span.start, f.span.end, f.code))
    return findings


def _suppressed(doc: AgentDocument, findings: list[Finding]) -> list[Finding]:
    if "agentls:" not in doc.text:
        return findings
    index = doc.index
    whole_file: set[str] = set()
    by_line: dict[int, set[str]] = {}
    for match in _SUPPRESS.finditer(doc.text):
        codes = {c.strip().upper() for c in match.group(2).replace(",", " ").split()}
        if match.group(1) == "disable-file":
            whole_file |= codes
        else:
            line = index.line_of(match.start())
            by_line.setdefault(line, set()).update(codes)
            by_line.setdefault(line + 1, set()).update(codes)

    def hidden(f: Finding) -> bool:
        if f.code in whole_file or "ALL" in whole_file:
            return True
        codes = by_line.get(index.line_of(f.span.start), set())
        return f.code in codes or "ALL" in codes

    return [f for f in findings if not hidden(f)]


def check_text(text: str, path: str | None, dialect: str,
               settings: Settings | None = None) -> tuple[AgentDocument, list[Finding]]:
    settings = settings or Settings()
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
        doc = load_text(text, path, dialect)
    doc.problems = problems
    doc.byte_size = size
    return doc, check_document(doc, settings)


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
    settings = settings or Settings()
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
