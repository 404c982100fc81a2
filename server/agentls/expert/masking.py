"""Mask secrets before any code leaves the machine.

Every match is replaced by ``***MASKED***`` while its line breaks are kept, so the line
numbers the expert cites still point at the user's file. The patterns err on the side of
masking: a hidden non-secret costs the expert a detail, a leaked key costs the user a key.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

MASK = "***MASKED***"

# Words that make an assignment's value a secret (``db_password = "…"``, ``"token": "…"``).
_SECRET_WORDS = (r"passw(?:or)?d|passwd|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|"
                 r"private[_-]?key|client[_-]?secret|credentials?|auth[_-]?key|signing[_-]?key|"
                 r"bearer|authorization|session[_-]?key|conn(?:ection)?[_-]?str(?:ing)?|dsn")
# What joins the name to its value: `=`, `:` (dicts, YAML), `:=`, or an annotated assignment
# (`password: str = "…"`, as in pydantic settings and dataclasses).
_ASSIGN = r"['\"]?\s*(?::[ \t]*[\w.\[\], |]+?[ \t]*=(?!=)|:=|:|=)\s*"

# (kind, pattern, group to mask; 0 = the whole match). Order matters: whole blocks first.
_PATTERNS: list[tuple[str, re.Pattern[str], int]] = [
    ("private-key", re.compile(
        r"-----BEGIN[A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----.*?-----END[A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----",
        re.S), 0),
    ("anthropic-key", re.compile(r"sk-ant-[A-Za-z0-9_\-]{16,}"), 0),
    ("openai-key", re.compile(r"\bsk-(?:proj-)?[A-Za-z0-9_\-]{20,}"), 0),
    ("github-token", re.compile(r"\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{22,})"), 0),
    ("aws-access-key-id", re.compile(r"\b(?:AKIA|ASIA|ABIA|ACCA|AIDA|AROA)[0-9A-Z]{16}\b"), 0),
    ("aws-secret-key", re.compile(
        r"(?i)aws[_\-.]?secret[_\-.]?(?:access[_\-.]?)?key\W{0,6}([A-Za-z0-9/+=]{40})\b"), 1),
    ("gcp-api-key", re.compile(r"\bAIza[0-9A-Za-z_\-]{35}"), 0),
    ("gcp-oauth-token", re.compile(r"\bya29\.[0-9A-Za-z_\-]{20,}"), 0),
    ("azure-storage-key", re.compile(r"(?i)(?:AccountKey|SharedAccessKey)=([A-Za-z0-9+/=]{20,})"), 1),
    ("azure-sas", re.compile(r"(?i)[?&]sig=([A-Za-z0-9%+/=]{20,})"), 1),
    ("slack-token", re.compile(r"\bxox[abposr]-[A-Za-z0-9\-]{10,}"), 0),
    ("stripe-key", re.compile(r"\b[rs]k_(?:live|test)_[A-Za-z0-9]{16,}"), 0),
    ("jwt", re.compile(r"\beyJ[A-Za-z0-9_\-]{8,}\.eyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}"), 0),
    ("url-password", re.compile(r"\b[a-z][a-z0-9+.\-]*://[^\s:/@'\"]+:([^\s@/'\"]+)@"), 1),
    # name = """value""" (triple quotes: the value may span lines; line breaks are kept)
    ("assigned-secret", re.compile(
        r"(?is)\b[\w.\-]*(?:" + _SECRET_WORDS + r")[\w\-]*" + _ASSIGN +
        r"[rbuf]{0,2}(\"\"\"|\'\'\')(.+?)\1"), 2),
    # name = "value" / name: 'value' / "name": "value" / name="value" (keyword argument)
    ("assigned-secret", re.compile(
        r"(?i)\b[\w.\-]*(?:" + _SECRET_WORDS + r")[\w\-]*" + _ASSIGN +
        r"[rbuf]{0,2}(['\"])((?:\\.|(?!\1).){1,}?)\1"), 2),
    # .env style: KEY=value on its own line, unquoted (quoted values are caught above)
    ("env-secret", re.compile(
        r"(?m)^[ \t]*(?:export[ \t]+)?[A-Z0-9_]*(?:PASSWORD|PASSWD|PWD|SECRET|TOKEN|API_?KEY|ACCESS_?KEY|"
        r"PRIVATE_?KEY|CREDENTIALS?|AUTH)[A-Z0-9_]*[ \t]*=[ \t]*([^\s'\"#][^\r\n#]*?)[ \t]*$"), 1),
]

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
            if MASK in secret or (kind in ("assigned-secret", "env-secret") and _HARMLESS.match(secret.strip())):
                continue
            if kind == "env-secret" and _EXPRESSION.search(secret):
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
