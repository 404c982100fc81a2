"""Secrets people paste into an agent's prompt, found without reading the text many times.

Each scan starts from a ``str.find`` of a literal trigger, so prose costs next to nothing; a
regex starting with ``\\b`` tried at every position cost ~70 us per 1.5 KB body per pattern.
"""

from __future__ import annotations

import re

from agentls.knowledge.secrets import ASSIGNMENT, ASSIGNMENT_LABEL, ASSIGNMENT_WORDS, SECRETS
from agentls.model import Span

# (label, literal triggers, the pattern matched where a trigger is found): the stricter of
# the two patterns knowledge/secrets.py keeps for each kind (a warning must not cry wolf).
_SECRETS: tuple[tuple[str, tuple[str, ...], re.Pattern[str]], ...] = tuple(
    (k.label, k.triggers, k.find) for k in SECRETS if k.find is not None)
_MAX_HITS = 200  # per trigger: a file full of look-alikes must not cost more


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
