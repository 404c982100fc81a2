"""One path from a request to an answer, shared by the language server and the CLI.

Local expert when the user asked for it, turned the remote one off, or has no key; else the
cache; else the API. The answer is validated, anchored to the text that was sent, and cached.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from agentls.expert import backend, cache, local
from agentls.expert.answer import Answer, MalformedAnswer, anchor, parse_tool_input
from agentls.expert.masking import contains_mask
from agentls.expert.prompts import Request

_KEYS = {"default": "default", "model": "model", "localOnly": "local_only", "remoteEnabled": "remote_enabled",
         "baseUrl": "base_url", "apiKey": "api_key", "includeUserAgents": "include_user_agents",
         "timeout": "timeout", "maxRetries": "max_retries"}


@dataclass(frozen=True)
class ExpertSettings:
    default: str | None = None
    model: str | None = None
    local_only: bool = False
    remote_enabled: bool = True
    base_url: str | None = None
    api_key: str | None = field(default=None, repr=False)  # never in a repr, so never in a log
    include_user_agents: bool = True
    timeout: float | None = None
    max_retries: int | None = None


def settings_from(raw: Mapping[str, Any] | None) -> ExpertSettings:
    """From the ``agentls`` settings section: ``{"expert": {...}}`` or flat ``"expert.x"`` keys.
    Values of the wrong type are ignored (the default stands)."""
    raw = raw or {}
    nested = raw.get("expert")
    values: dict[str, Any] = dict(nested) if isinstance(nested, Mapping) else {}
    values.update({k.split(".", 1)[1]: v for k, v in raw.items() if isinstance(k, str) and k.startswith("expert.")})
    kwargs: dict[str, Any] = {}
    defaults = ExpertSettings()
    for key, attr in _KEYS.items():
        if key not in values or values[key] is None:
            continue
        value, default = values[key], getattr(defaults, attr)
        if isinstance(default, bool):
            if isinstance(value, bool):
                kwargs[attr] = value
        elif attr in ("timeout", "max_retries"):
            if isinstance(value, (int, float)) and not isinstance(value, bool) and value >= 0:
                kwargs[attr] = float(value) if attr == "timeout" else int(value)
        elif isinstance(value, str) and value.strip():
            kwargs[attr] = value.strip()
    return ExpertSettings(**kwargs)


def backend_config(s: ExpertSettings) -> backend.BackendConfig:
    return backend.config(s.api_key, s.base_url, s.timeout, s.max_retries)


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


def finish(req: Request, tool_input: Any, usage: dict[str, int]) -> Answer:
    """Validate the tool input and anchor it; an edit that would touch a masked secret is withheld."""
    try:
        summary, suggestions, notes = parse_tool_input(tool_input, req.line_count)
    except MalformedAnswer as exc:
        raise backend.map_error(exc, backend.BackendConfig(), req.model) from None
    checked = []
    for s in suggestions:
        if contains_mask(s.replacement):
            s = replace(s, replacement=None,
                        note="the replacement contained a masked secret, so it is not offered as an edit")
        checked.append(s)
    return Answer(req.expert.name, req.model, summary, anchor(checked, req.source), dropped=notes, usage=usage)


def cache_key(req: Request) -> str:
    return cache.key(req.expert.fingerprint, req.model, req.user)


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
    answer = finish(req, raw.tool_input, raw.usage)
    cache.put(key, answer.to_json())
    return Outcome(answer, req)
