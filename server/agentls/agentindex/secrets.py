"""Secrets people paste into an agent's prompt, found without reading the text many times.

Each scan starts from a ``str.find`` of a literal trigger, so prose costs next to nothing; a
regex starting with ``\\b`` tried at every position cost ~70 us per 1.5 KB body per pattern.
"""

from __future__ import annotations

import re

from agentls.keyed import changed_region
from agentls.knowledge.secrets import ASSIGNMENT, ASSIGNMENT_LABEL, ASSIGNMENT_WORDS, SECRETS
from agentls.model import Span

# (label, literal triggers, the pattern matched where a trigger is found): the stricter of
# the two patterns knowledge/secrets.py keeps for each kind (a warning must not cry wolf).
_SECRETS: tuple[tuple[str, tuple[str, ...], re.Pattern[str]], ...] = tuple(
    (k.label, k.triggers, k.find) for k in SECRETS if k.find is not None)
_MAX_HITS = 200  # per trigger: a file full of look-alikes must not cost more


def in_body(text: str, start: int, key: str) -> list[tuple[str, Span]]:
    """``find_secrets`` from ``start``. The last body seen under ``key`` (a path) is kept: no
    pattern spans a line break, so after an edit only the lines it touched are scanned again
    (a frontmatter edit scans nothing), and the other hits are moved."""
    body = text[start:]
    last = _LAST.get(key)
    if len(body) > _INCREMENTAL_LIMIT:
        _LAST.pop(key, None)
        return find_secrets(text, start)
    if last is None:
        found = find_secrets(body, 0)
    elif last[0] == body:
        found = last[1]
    else:
        found = _rescan(last[0], last[1], body)
    if key not in _LAST and len(_LAST) >= 64:
        _LAST.pop(next(iter(_LAST)))
    _LAST[key] = (body, found)
    return [(label, Span(span.start + start, span.end + start)) for label, span in found] if start else found


# Past this size a body is always scanned whole. Below it, a rescan of a few lines and a whole
# scan differ only if one trigger occurs more than ``_MAX_HITS`` times: then the whole scan
# gives up on that trigger earlier.
_INCREMENTAL_LIMIT = 64 * 1024
_LAST: dict[str, tuple[str, list[tuple[str, Span]]]] = {}


def _rescan(old: str, hits: list[tuple[str, Span]], new: str) -> list[tuple[str, Span]]:
    region = changed_region(old, new)
    first = new.rfind("\n", 0, region.start) + 1  # whole lines: the edit's first ...
    last = new.find("\n", region.new_end)  # ... to its last
    last = len(new) if last < 0 else last
    delta = region.delta
    before = [h for h in hits if h[1].end < first]
    middle = [(label, Span(s.start + first, s.end + first)) for label, s in find_secrets(new[first:last], 0)]
    after = [(label, Span(s.start + delta, s.end + delta)) for label, s in hits if s.start > last - delta]
    return before + middle + after


def find_secrets(text: str, start: int) -> list[tuple[str, Span]]:
    if len(text) - start < 16:
        return []
    found: list[tuple[str, Span]] = []
    for label, triggers, pattern in _SECRETS:
        for trigger in triggers:
            for at in _occurrences(text, trigger, start):
                m = pattern.match(text, at)
                if m is not None and (at == 0 or not _word_char(text[at - 1])):
                    found.append((label, Span(m.start(), m.end())))
    lowered = text.lower() if text.isascii() else None
    if lowered is not None:
        for word in ASSIGNMENT_WORDS:
            for at in _occurrences(lowered, word, start):
                m = ASSIGNMENT.match(text, at)
                if m is not None and (at == 0 or not _word_char(text[at - 1])):
                    found.append((ASSIGNMENT_LABEL, Span(m.start(), m.end())))
    else:
        found.extend((ASSIGNMENT_LABEL, span) for span in _assignments(text, start))
    found.sort(key=lambda f: (f[1].start, -f[1].end))
    kept: list[tuple[str, Span]] = []
    for label, span in found:  # overlapping hits: keep the first, longest
        if not kept or span.start >= kept[-1][1].end:
            kept.append((label, span))
    return kept


def _assignments(text: str, start: int) -> list[Span]:
    """What ``ASSIGNMENT.finditer(text, start)`` finds, for text outside ASCII. The regex tried at
    every position cost ~1 ms per 10 KB; here it is tried only where ``str.find`` saw a keyword
    in the lowered text."""
    lowered = text.lower()
    # re.I also matches dotless i and long s to i and s, which lower() leaves alone, and
    # lower() lengthens dotted capital I: then only the regex itself is exact.
    if len(lowered) != len(text) or "\u0131" in text or "\u017f" in text:
        return [Span(m.start(), m.end()) for m in ASSIGNMENT.finditer(text, start)]
    starts: set[int] = set()
    for word in ASSIGNMENT_WORDS:
        at = lowered.find(word, start)
        while at >= 0:
            starts.add(at)
            at = lowered.find(word, at + 1)
    spans: list[Span] = []
    end = start
    for at in sorted(starts):
        if at >= end:  # finditer resumes after each match
            m = ASSIGNMENT.match(text, at)
            if m is not None:
                spans.append(Span(m.start(), m.end()))
                end = m.end()
    return spans


def _occurrences(text: str, literal: str, start: int) -> list[int]:
    out: list[int] = []
    at = text.find(literal, start)
    while at >= 0 and len(out) < _MAX_HITS:
        out.append(at)
        at = text.find(literal, at + 1)
    return out


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"
