"""Claude models as Claude Code resolves them, with what the expert needs to send and price a
request. One table: the ``model`` rules, hover, completion and the expert all read it.

Aliases resolve as Claude Code 2.1.332 runs a subagent (observed: ``opus`` →
``claude-opus-5-5``, ``opusplan`` → the Sonnet model, ``best`` → the Opus model). Claude Code
moves aliases to new models with its releases; the ``expert.model`` setting pins an id.
Prices are US dollars per million tokens from the public model pages (2026-10/11); the
minimum cacheable prefix is the API's: a shorter prefix marked for caching is simply not cached.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from agentls.knowledge import CLAUDE_CODE_VERSION as CLAUDE_CODE_VERSION  # the build of this alias table


@dataclass(frozen=True)
class Model:
    id: str
    family: str  # opus | sonnet | haiku | fable
    input_price: float  # $ per million input tokens
    output_price: float
    cache_write_price: float  # 5-minute cache write
    cache_read_price: float
    max_output_tokens: int
    min_cacheable_tokens: int  # below this a cache_control mark caches nothing

    def cost(self, input_tokens: int, output_tokens: int, cache_write_tokens: int = 0,
             cache_read_tokens: int = 0) -> float:
        """Dollars for one request with this usage (uncached input counted apart)."""
        return (input_tokens * self.input_price + output_tokens * self.output_price
                + cache_write_tokens * self.cache_write_price
                + cache_read_tokens * self.cache_read_price) / 1_000_000


MODELS: tuple[Model, ...] = (
    Model("claude-opus-5-5", "opus", 4.0, 20.0, 5.0, 0.20, 128_000, 512),
    Model("claude-sonnet-5-5", "sonnet", 2.0, 10.0, 2.50, 0.20, 128_000, 1_024),
    Model("claude-haiku-5-5", "haiku", 0.10, 0.50, 0.125, 0.01, 128_000, 4_096),
    Model("claude-fable-5-2", "fable", 10.0, 50.0, 12.50, 1.00, 128_000, 512),
    Model("claude-opus-5", "opus", 5.0, 25.0, 6.25, 0.50, 128_000, 512),
    Model("claude-sonnet-5", "sonnet", 2.0, 10.0, 2.50, 0.20, 128_000, 1_024),
    Model("claude-fable-5-1", "fable", 10.0, 50.0, 12.50, 1.00, 128_000, 512),
    Model("claude-fable-5", "fable", 10.0, 50.0, 12.50, 1.00, 128_000, 512),
    Model("claude-opus-4-8", "opus", 5.0, 25.0, 6.25, 0.50, 128_000, 1_024),
    Model("claude-opus-4-6", "opus", 5.0, 25.0, 6.25, 0.50, 128_000, 4_096),
    Model("claude-haiku-4-5", "haiku", 1.0, 5.0, 1.25, 0.10, 64_000, 4_096),
)
BY_ID: dict[str, Model] = {m.id: m for m in MODELS}

# What each alias runs on in Claude Code (see the module doc); ``inherit`` and ``default`` take
# the main conversation's model, which for the expert is DEFAULT_MODEL.
ALIAS_TARGETS: dict[str, str] = {
    "opus": "claude-opus-5-5",
    "sonnet": "claude-sonnet-5-5",
    "haiku": "claude-haiku-5-5",
    "fable": "claude-fable-5-2",
    "opusplan": "claude-sonnet-5-5",  # a spawned subagent is never in plan mode
    "best": "claude-opus-5-5",
}
DEFAULT_MODEL = "claude-sonnet-5-5"
ALIASES: tuple[str, ...] = (*ALIAS_TARGETS, "inherit", "default")
FAMILIES: tuple[str, ...] = ("opus", "sonnet", "haiku", "fable", "instant")

ALIAS_DOCS: dict[str, str] = {
    "sonnet": f"the Sonnet model: `{ALIAS_TARGETS['sonnet']}` in Claude Code {CLAUDE_CODE_VERSION}",
    "opus": f"the Opus model: `{ALIAS_TARGETS['opus']}` in Claude Code {CLAUDE_CODE_VERSION}",
    "haiku": f"the Haiku model: `{ALIAS_TARGETS['haiku']}` in Claude Code {CLAUDE_CODE_VERSION}",
    "fable": f"the Fable model: `{ALIAS_TARGETS['fable']}` in Claude Code {CLAUDE_CODE_VERSION}",
    "opusplan": "Opus in plan mode, Sonnet otherwise; a subagent spawned with it runs on the "
                f"Sonnet model (`{ALIAS_TARGETS['opusplan']}`)",
    "best": f"the most capable model available to you: the Opus model (`{ALIAS_TARGETS['best']}`)",
    "inherit": "the model of the main conversation (the default when `model` is absent)",
    "default": "`--model default` (the account's default model); in agent frontmatter: unverified",
}

_ONE_M = re.compile(r"\[1m\]$", re.IGNORECASE)  # context-window suffix: same id on the API


def strip_context_suffix(value: str) -> str:
    return _ONE_M.sub("", value.strip())


def resolve(value: str | None, override: str | None = None) -> str:
    """The model id a request goes to: the override (a setting), else the agent's ``model``
    through the alias table; full ids and anything unknown pass unchanged, as in Claude Code."""
    raw = (override or "").strip() or (value or "").strip()
    if not raw:
        return DEFAULT_MODEL
    raw = strip_context_suffix(raw)
    low = raw.lower()
    if low in ("inherit", "default"):
        return DEFAULT_MODEL
    return ALIAS_TARGETS.get(low, raw)


def info(model_id: str) -> Model | None:
    """The table's entry for an id (dated ids match their undated entry), or None."""
    low = strip_context_suffix(model_id).lower()
    if low in BY_ID:
        return BY_ID[low]
    undated = re.sub(r"-\d{8}$", "", low)
    return BY_ID.get(undated)


def family_of(model_id: str) -> str | None:
    found = info(model_id)
    if found:
        return found.family
    low = model_id.lower()
    return next((f for f in FAMILIES if f in low), None)
