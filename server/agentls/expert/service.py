"""One path from a request to an answer, shared by the language server and the CLI.

Local expert when the user asked for it, turned the remote one off, or has no key; else the
cache; else the API. The answer is validated suggestion by suggestion, each edit verified
(``edits.check``), anchored to the (masked) text that was sent, and cached unless it was cut off.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from agentls.config.expert import ExpertSettings as ExpertSettings  # the service's input
from agentls.expert import backend, cache, edits, local
from agentls.expert.answer import Answer, MalformedAnswer, anchor, parse_tool_input
from agentls.expert.masking import contains_mask
from agentls.expert.prompts import Request
from agentls.knowledge import models


def backend_config(s: ExpertSettings) -> backend.BackendConfig:
    return backend.config(s.api_key, s.base_url, s.timeout, s.max_retries, s.max_tokens or None)


def local_reason(s: ExpertSettings, cfg: backend.BackendConfig) -> str | None:
    """Why the local expert answers instead of the API, or None to ask the API."""
    if s.local_only:
        return "expert.localOnly is set"
    if not s.remote_enabled:
        return "the remote expert is turned off (expert.remoteEnabled)"
    if not cfg.has_key:
        return "no Anthropic API key (ANTHROPIC_API_KEY or expert.apiKey)"
    return None


@dataclass
class Outcome:
    answer: Answer
    request: Request
    cached: bool = False
    local_reason: str | None = None


def finish(req: Request, tool_input: Any, usage: dict[str, int], truncated: bool = False) -> Answer:
    """Validate the tool input suggestion by suggestion, verify each edit, anchor them.

    A cut-off answer (``truncated``) loses its last suggestion, which may be incomplete (the
    SDK drops a string cut in the middle, so a replacement could vanish silently)."""
    notes: list[str] = []
    if truncated and isinstance(tool_input, dict) and isinstance(tool_input.get("suggestions"), list):
        items = list(tool_input["suggestions"])
        if items:
            items.pop()
            notes.append("the answer was cut off at max_tokens: its last suggestion may be incomplete and "
                         "was dropped, and the answer was not cached; review fewer lines or raise "
                         "expert.maxTokens to get all of it")
        tool_input = {**tool_input, "suggestions": items}
    try:
        summary, suggestions, parse_notes = parse_tool_input(tool_input, req.line_count)
    except MalformedAnswer as exc:
        raise backend.map_error(exc, backend.BackendConfig(), req.model) from None
    checked = []
    for s in suggestions:
        if contains_mask(s.replacement):
            s = replace(s, replacement=None,
                        note="no edit offered: the replacement contained a masked secret")
        checked.append(s)
    verified = edits.check(req.source, req.masked_source or req.source, checked, req.selection)
    return Answer(req.expert.name, req.model, summary, anchor(verified, req.source),
                  dropped=parse_notes + notes, usage=usage, truncated=truncated)


def cost(model: str, usage: dict[str, int]) -> float | None:
    """Dollars for one answered request, from the model table's prices (None: model unknown)."""
    found = models.info(model)
    if found is None or not usage:
        return None
    return found.cost(usage.get("input_tokens", 0), usage.get("output_tokens", 0),
                      usage.get("cache_creation_input_tokens", 0), usage.get("cache_read_input_tokens", 0))


def estimate_cost(req: Request, output_tokens: int = 1_500) -> float | None:
    """Dollars before sending: the estimated input, uncached, and a typical answer's output."""
    found = models.info(req.model)
    return found.cost(req.input_tokens, output_tokens) if found else None


def usage_line(answer: Answer, cached: bool = False) -> str:
    """``1,234 input tokens (900 read from the prompt cache, 0 written), 321 output; about $0.0123``."""
    if answer.local:
        return "local expert: no API call, no cost"
    if cached:
        return "answered from the local answer cache: no API call, no cost"
    u = answer.usage
    read, write = u.get("cache_read_input_tokens", 0), u.get("cache_creation_input_tokens", 0)
    total_in = u.get("input_tokens", 0) + read + write
    price = cost(answer.model, u)
    money = f"about ${price:.4f}" if price is not None else "cost unknown (model not in the price table)"
    return (f"{total_in:,} input tokens ({read:,} read from the prompt cache, {write:,} written to it), "
            f"{u.get('output_tokens', 0):,} output; {money}")


def cache_key(req: Request) -> str:
    # Everything that shapes the answer besides the agent: contract, project context, the code.
    return cache.key(req.expert.fingerprint, req.model, "\0".join((req.contract, req.project, req.user)))


async def ask(req: Request, s: ExpertSettings, on_progress: Callable[[int], None] | None = None,
              use_cache: bool = True) -> Outcome:
    cfg = backend_config(s)
    reason = local_reason(s, cfg)
    if reason is not None:
        return Outcome(local.answer(req), req, local_reason=reason)
    key = cache_key(req)
    if use_cache:
        hit = cache.get(key)
        if hit is not None:
            try:
                return Outcome(Answer.from_json(hit), req, cached=True)
            except (KeyError, TypeError, ValueError):
                pass  # an old or damaged entry: ask again
    raw = await backend.stream(req, cfg, on_progress)
    # In a thread: the edit checks parse the module per edit and may run ruff, and the
    # language server's loop must keep answering meanwhile.
    answer = await asyncio.to_thread(finish, req, raw.tool_input, raw.usage, raw.truncated)
    if not answer.truncated:  # a cut-off answer is shown once, never served again
        cache.put(key, answer.to_json())
    return Outcome(answer, req)
