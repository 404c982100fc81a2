"""Mask secrets before any code leaves the machine.

Every match is replaced by ``***MASKED***`` while its line breaks are kept, so the line
numbers the expert cites still point at the user's file. The patterns err on the side of
masking: a hidden non-secret costs the expert a detail, a leaked key costs the user a key.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from agentls.knowledge.secrets import ASSIGNED, ENV, SECRETS

MASK = "***MASKED***"

# The catalog (kinds, their masking patterns and which group is hidden) is shared with the
# agent-file secret warning; masking's patterns are the looser ones (see knowledge/secrets.py).
_PATTERNS: list[tuple[str, re.Pattern[str], int]] = [
    (k.kind, k.mask, k.mask_group) for k in SECRETS if k.mask is not None]

# Values that are clearly not secrets: leave them so the expert sees the code's intent.
_HARMLESS = re.compile(r"(?i)^(?:|\*+|x+|\.\.\.|none|null|true|false|changeme|<[^>]*>|\$\{?\w+\}?|%\(\w+\)s|\{\w*\}|"
                       r"(?:bearer|basic|token) +(?:\{[\w.]*\}|%s|\$\{?\w+\}?))$")
# An unquoted ``NAME = value`` in Python code is an expression, not a literal secret.
_EXPRESSION = re.compile(r"[()\[\]{}]|^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+$")


@dataclass
class Masked:
    text: str
    count: int = 0
    kinds: Counter[str] = field(default_factory=Counter)


def _replacement(secret: str) -> str:
    # Keep line breaks (private key blocks span lines) so line numbers stay right.
    breaks = secret.count("\n")
    return MASK + "\n" * breaks if breaks else MASK


def mask(text: str) -> Masked:
    """``text`` with every secret replaced by ``MASK``; counts per kind."""
    result = Masked(text)
    for kind, pattern, group in _PATTERNS:
        pieces: list[str] = []
        last = 0
        current = result.text
        for m in pattern.finditer(current):
            start, end = m.span(group)
            if start < 0:
                continue
            secret = current[start:end]
            if MASK in secret or (kind in (ASSIGNED, ENV) and _HARMLESS.match(secret.strip())):
                continue
            if kind == ENV and _EXPRESSION.search(secret):
                continue
            pieces.append(current[last:start])
            pieces.append(_replacement(secret))
            last = end
            result.count += 1
            result.kinds[kind] += 1
        if pieces:
            pieces.append(current[last:])
            result.text = "".join(pieces)
    return result


def contains_mask(text: str | None) -> bool:
    return bool(text) and MASK in (text or "")
