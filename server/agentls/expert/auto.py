"""Inline suggestions while editing: the pure core (no LSP, no network).

Which top-level symbols changed between two texts; the key an answer is cached under (the
symbol's own text, so moving it or editing a neighbour costs nothing); the budget ledger
(tokens or dollars per sliding hour); the dismiss store (symbol text + suggestion title, per
workspace, as hashes: no code is written). The ``expert.auto*`` settings are read by
``agentls.config.expert``.
"""

from __future__ import annotations

import ast
import contextlib
import hashlib
import json
import time
import warnings
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from agentls.config.expert import DEFAULT_BUDGET_DOLLARS, Budget
from agentls.expert import cache
from agentls.expert.answer import Answer, Suggestion
from agentls.knowledge import models
from agentls.text import split_lines

WINDOW_SECONDS = 3600.0
OUTPUT_ESTIMATE = 1_000  # tokens a symbol's answer typically takes, for the estimate before sending


# -- symbols ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Symbol:
    name: str
    kind: str  # "class" | "function"
    start: int  # 1-based, inclusive, decorators included
    end: int
    text: str  # the lines start..end, terminators kept

    @property
    def fingerprint(self) -> str:
        """The symbol's text with line ends and trailing blanks ignored (what "changed" means)."""
        return "\n".join(ln.rstrip() for ln in split_lines(self.text)).strip("\n")


def symbols(text: str) -> list[Symbol] | None:
    """Top-level classes and functions; None when the text does not parse (mid-typing)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            tree = ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    lines = split_lines(text)
    out: list[Symbol] = []
    for node in tree.body:
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            continue
        start = min([node.lineno, *(d.lineno for d in node.decorator_list)])
        end = node.end_lineno or node.lineno
        kind = "class" if isinstance(node, ast.ClassDef) else "function"
        out.append(Symbol(node.name, kind, start, end, "".join(lines[start - 1:end])))
    return out


def changed(old: str | None, new: str) -> list[Symbol] | None:
    """Symbols of ``new`` whose text differs from the symbol of that name in ``old`` (or that
    are new); None when ``new`` does not parse. ``old`` None (nothing to compare): none."""
    now = symbols(new)
    if now is None:
        return None
    if old is None:
        return []
    before = {s.name: s.fingerprint for s in symbols(old) or []}
    return [s for s in now if before.get(s.name) != s.fingerprint]


def containing(found: list[Symbol], line: int) -> Symbol | None:
    return next((s for s in found if s.start <= line <= s.end), None)


def find(found: list[Symbol], name: str) -> Symbol | None:
    return next((s for s in found if s.name == name), None)


# -- the answer cache, keyed by the symbol's text ------------------------------------------------

def answer_key(expert_fingerprint: str, model: str, contract: str, masked_symbol: str) -> str:
    """Only what shapes the answer about this code: not its line numbers, not the neighbours."""
    return cache.key(expert_fingerprint, model, "auto\0" + contract + "\0" + masked_symbol)


def shift(suggestions: list[Suggestion], by: int) -> list[Suggestion]:
    return [replace(s, start_line=s.start_line + by, end_line=s.end_line + by) for s in suggestions]


def cache_answer(key: str, answer: Answer, symbol_start: int) -> None:
    """Stored with lines relative to the symbol (its first line is 1), so it fits anywhere."""
    relative = replace(answer, suggestions=shift(answer.suggestions, 1 - symbol_start))
    cache.put(key, relative.to_json())


def cached_answer(key: str, symbol_start: int) -> Answer | None:
    data = cache.get(key)
    if data is None:
        return None
    try:
        found = Answer.from_json(data)
    except (KeyError, TypeError, ValueError):
        return None  # an old or damaged entry: ask again
    return replace(found, suggestions=shift(found.suggestions, symbol_start - 1))


# -- budget ------------------------------------------------------------------------------------

def total_tokens(usage: Mapping[str, int]) -> int:
    return sum(usage.get(k, 0) for k in ("input_tokens", "output_tokens", "cache_creation_input_tokens",
                                         "cache_read_input_tokens"))


def dollars(model: str, tokens_in: int, tokens_out: int) -> float:
    """An estimate's price; a model the table does not know is priced as the default model."""
    found = models.info(model) or models.info(models.DEFAULT_MODEL)
    return found.cost(tokens_in, tokens_out) if found else 0.0


@dataclass
class _Spend:
    when: float
    tokens: int
    dollars: float


@dataclass
class Ledger:
    """What auto requests spent in the last hour. A request reserves its estimate when it is
    sent (so requests in flight count) and settles to its real usage when it ends."""

    budget: Budget = field(default_factory=lambda: Budget(dollars=DEFAULT_BUDGET_DOLLARS))
    entries: list[_Spend] = field(default_factory=list)
    requests: int = 0

    def _trim(self, now: float) -> None:
        self.entries = [e for e in self.entries if now - e.when < WINDOW_SECONDS]

    def spent(self, now: float | None = None) -> tuple[int, float]:
        self._trim(time.monotonic() if now is None else now)
        return sum(e.tokens for e in self.entries), sum(e.dollars for e in self.entries)

    def allows(self, tokens: int, cost: float, now: float | None = None) -> bool:
        used_tokens, used_dollars = self.spent(now)
        if self.budget.tokens is not None:
            return used_tokens + tokens <= self.budget.tokens
        return used_dollars + cost <= (self.budget.dollars or 0.0)

    def reserve(self, tokens: int, cost: float, now: float | None = None) -> _Spend:
        entry = _Spend(time.monotonic() if now is None else now, tokens, cost)
        self.entries.append(entry)
        self.requests += 1
        return entry

    def settle(self, entry: _Spend, tokens: int, cost: float) -> None:
        entry.tokens, entry.dollars = tokens, cost

    def free_in(self, now: float | None = None) -> float:
        """Seconds until the oldest spend leaves the window (0 with nothing spent)."""
        now = time.monotonic() if now is None else now
        self._trim(now)
        return max(0.0, WINDOW_SECONDS - (now - self.entries[0].when)) if self.entries else 0.0

    def describe(self, now: float | None = None) -> str:
        tokens, cost = self.spent(now)
        return f"{tokens:,} tokens, ${cost:.4f} in the last hour (budget {self.budget.describe()})"


# -- dismissed suggestions -------------------------------------------------------------------------

def dismiss_key(symbol_fingerprint: str, title: str) -> str:
    return hashlib.sha256(f"{symbol_fingerprint}\0{title.strip()}".encode("utf-8", "surrogatepass")).hexdigest()


class DismissStore:
    """Dismissed (symbol text, title) pairs of one workspace, as hashes, kept in the cache folder
    so a dismissed suggestion stays away across sessions, until its code changes."""

    def __init__(self, workspace: str | None) -> None:
        digest = hashlib.sha256((workspace or "").encode("utf-8", "surrogatepass")).hexdigest()[:16]
        self.path: Path = cache.cache_dir() / "auto" / f"dismissed-{digest}.json"
        try:
            loaded = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            loaded = []
        self.keys: set[str] = {k for k in loaded if isinstance(k, str)} if isinstance(loaded, list) else set()

    def dismiss(self, symbol: Symbol, title: str) -> None:
        self.keys.add(dismiss_key(symbol.fingerprint, title))
        with contextlib.suppress(OSError):  # else remembered for this session only
            cache.write_private(self.path, json.dumps(sorted(self.keys)))

    def dismissed(self, symbol: Symbol | None, title: str) -> bool:
        return symbol is not None and dismiss_key(symbol.fingerprint, title) in self.keys

    def keep(self, suggestions: list[Suggestion], found: list[Symbol]) -> list[Suggestion]:
        return [s for s in suggestions if not self.dismissed(containing(found, s.start_line), s.title)]
