"""The Anthropic Messages API: the only module that imports ``anthropic``, and lazily.

``import anthropic`` costs about a second, so it happens on the first real call, never when
the server or the CLI starts. Every failure becomes one ``ExpertError`` whose message says
what to do; the API key is never logged and is scrubbed from every message.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from agentls.expert.answer import TOOL, TOOL_NAME, MalformedAnswer
from agentls.knowledge import models

if TYPE_CHECKING:  # types only; the real import is lazy
    import anthropic

DEFAULT_TIMEOUT = 120.0
DEFAULT_MAX_TOKENS = 8192  # a model the table does not know
# Per family: room for eight replacements with their quoted originals, well under each
# model's max output (knowledge/models.py), so a truncated answer is rare and cheap.
FAMILY_MAX_TOKENS = {"opus": 16_384, "sonnet": 16_384, "fable": 16_384, "haiku": 8_192}
ANTHROPIC_HOSTS = ("api.anthropic.com",)


def max_tokens_for(model: str, setting: int | None = None) -> int:
    """``expert.maxTokens`` when set, else the family's default; never above the model's limit."""
    found = models.info(model)
    family = models.family_of(model)
    wanted = setting or FAMILY_MAX_TOKENS.get(family or "", DEFAULT_MAX_TOKENS)
    return min(wanted, found.max_output_tokens) if found else wanted


@dataclass(frozen=True)
class BackendConfig:
    api_key: str | None = field(default=None, repr=False)
    base_url: str | None = None
    timeout: float = DEFAULT_TIMEOUT
    max_retries: int = 2
    max_tokens: int | None = None  # None: the model family's default (max_tokens_for)

    @property
    def has_key(self) -> bool:
        return bool(self.api_key)

    @property
    def where(self) -> str:
        return self.base_url or os.environ.get("ANTHROPIC_BASE_URL") or "https://api.anthropic.com"

    @property
    def is_anthropic(self) -> bool:
        """Whether requests go to Anthropic's own API (not a gateway or another host)."""
        from urllib.parse import urlsplit

        return (urlsplit(self.where).hostname or "") in ANTHROPIC_HOSTS


def config(api_key: str | None = None, base_url: str | None = None, timeout: float | None = None,
           max_retries: int | None = None, max_tokens: int | None = None) -> BackendConfig:
    """Settings first, then ``ANTHROPIC_API_KEY`` / ``ANTHROPIC_BASE_URL``."""
    return BackendConfig(
        api_key=api_key or os.environ.get("ANTHROPIC_API_KEY") or None,
        base_url=base_url or os.environ.get("ANTHROPIC_BASE_URL") or None,
        timeout=float(timeout) if timeout else DEFAULT_TIMEOUT,
        max_retries=int(max_retries) if max_retries is not None else 2,
        max_tokens=int(max_tokens) if max_tokens else None,
    )


class ExpertError(Exception):
    """A failure the user can act on; ``message`` is what to show them."""

    def __init__(self, message: str, kind: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.kind = kind
        self.retry_after = retry_after  # seconds the API asked to wait (429)

    def for_cli(self) -> str:
        """The message with the CLI's flags where it names editor settings."""
        return cli_text(self.message)


def cli_text(text: str) -> str:
    """``text`` naming the CLI's flags and variables instead of the editor's settings."""
    for setting, flag in _CLI_NAMES:
        text = text.replace(setting, flag)
    return text


# Editor setting -> what a terminal user types instead (longest first: they share prefixes).
_CLI_NAMES = (("ANTHROPIC_API_KEY or the agentls setting expert.apiKey", "ANTHROPIC_API_KEY"),
              ("ANTHROPIC_API_KEY or expert.apiKey", "ANTHROPIC_API_KEY"),
              ("expert.localOnly", "--local"), ("expert.timeout", "--timeout"), ("expert.model", "--model"),
              ("expert.maxTokens", "--max-tokens"), ("expert.baseUrl / ANTHROPIC_BASE_URL", "ANTHROPIC_BASE_URL"),
              ("expert.apiKey", "ANTHROPIC_API_KEY"), ("expert.maxRetries", "--max-retries"),
              ("select a smaller part", "review fewer lines (--lines A-B)"),
              ("(select a part)", "(--lines A-B)"),
              ("Select a smaller part of the module and ask for a refactoring of the selection",
               "Review fewer lines (--lines A-B)"))


@dataclass
class RawAnswer:
    tool_input: Any
    usage: dict[str, int]
    truncated: bool = False  # stop_reason max_tokens: the last suggestion may be cut


def request_params(req: Any, max_tokens: int | None = None) -> dict[str, Any]:
    """Messages API parameters. The system blocks (agent body, output contract, project
    context) carry the cache marks the request chose (``Request.system_blocks``)."""
    return {
        "model": req.model,
        "max_tokens": max_tokens_for(req.model, max_tokens),
        "system": req.system_blocks(),
        "messages": [{"role": "user", "content": req.user}],
        "tools": [TOOL],
        "tool_choice": {"type": "tool", "name": TOOL_NAME},
    }


def _client_args(cfg: BackendConfig) -> dict[str, Any]:
    if not cfg.api_key:
        raise ExpertError("No Anthropic API key: set ANTHROPIC_API_KEY or the agentls setting "
                          "expert.apiKey, or use the local expert (expert.localOnly).", "no-key")
    args: dict[str, Any] = {"api_key": cfg.api_key, "max_retries": cfg.max_retries, "timeout": cfg.timeout}
    if cfg.base_url:
        args["base_url"] = cfg.base_url
    return args


def _usage(message: Any) -> dict[str, int]:
    usage = getattr(message, "usage", None)
    out: dict[str, int] = {}
    for name in ("input_tokens", "output_tokens", "cache_creation_input_tokens", "cache_read_input_tokens"):
        value = getattr(usage, name, None)
        if isinstance(value, int):
            out[name] = value
    return out


def truncated_error(max_tokens: int) -> ExpertError:
    return ExpertError(f"The answer was cut off at max_tokens ({max_tokens:,}) before any suggestion was "
                       "complete; nothing was cached. Review fewer lines (select a part) or raise "
                       "expert.maxTokens.", "truncated")


def _raw(message: Any, max_tokens: int) -> RawAnswer:
    """The tool input, with the stop reason read first: a cut-off answer is marked, not trusted."""
    stop = getattr(message, "stop_reason", None)
    found = None
    for block in getattr(message, "content", None) or []:
        if getattr(block, "type", None) == "tool_use" and getattr(block, "name", None) == TOOL_NAME:
            found = block.input
            break
    if stop == "max_tokens":
        if not isinstance(found, dict) or not isinstance(found.get("suggestions"), list):
            raise truncated_error(max_tokens)
        return RawAnswer(found, _usage(message), truncated=True)
    if stop == "refusal":
        raise ExpertError("The model declined to answer (stop reason: refusal). Nothing was changed.", "refusal")
    if found is None:
        raise MalformedAnswer(f"the expert did not call `{TOOL_NAME}` (stop reason: {stop})")
    return RawAnswer(found, _usage(message))


async def stream(req: Any, cfg: BackendConfig, on_progress: Callable[[int], None] | None = None) -> RawAnswer:
    """Stream one answer; ``on_progress(chars received)`` after each delta. Cancelling the
    calling task closes the HTTP stream."""
    client = await asyncio.to_thread(_async_client, cfg)
    received = 0
    params = request_params(req, cfg.max_tokens)
    try:
        async with client.messages.stream(**params) as s:
            async for event in s:
                if event.type == "input_json":
                    received += len(event.partial_json)
                elif event.type == "text":
                    received += len(event.text)
                else:
                    continue
                if on_progress is not None:
                    on_progress(received)
            final = await s.get_final_message()
        return _raw(final, params["max_tokens"])
    except Exception as exc:
        raise map_error(exc, cfg, req.model) from None
    finally:
        await client.close()


async def count_tokens(req: Any, cfg: BackendConfig) -> int:
    """Exact input tokens from the API (``/v1/messages/count_tokens``)."""
    client = await asyncio.to_thread(_async_client, cfg)
    params = request_params(req)
    params.pop("max_tokens")
    try:
        result = await client.messages.count_tokens(**params)
        return int(result.input_tokens)
    except Exception as exc:
        raise map_error(exc, cfg, req.model) from None
    finally:
        await client.close()


def _async_client(cfg: BackendConfig) -> anthropic.AsyncAnthropic:
    """Built in a worker thread: the first ``import anthropic`` takes about a second and the
    client loads the CA bundle, either of which would stall every other request on the loop."""
    import anthropic

    return anthropic.AsyncAnthropic(**_client_args(cfg))


# -- Message Batches (the CLI's --batch) --------------------------------------------------------

def _sync(cfg: BackendConfig) -> anthropic.Anthropic:
    import anthropic

    return anthropic.Anthropic(**_client_args(cfg))


def batch_submit(reqs: list[tuple[str, Any]], cfg: BackendConfig) -> str:
    client = _sync(cfg)
    try:
        requests: list[Any] = [{"custom_id": cid, "params": request_params(req, cfg.max_tokens)}
                               for cid, req in reqs]
        batch = client.messages.batches.create(requests=requests)
        return str(batch.id)
    except Exception as exc:
        raise map_error(exc, cfg, reqs[0][1].model if reqs else "") from None
    finally:
        client.close()


def batch_status(batch_id: str, cfg: BackendConfig) -> tuple[str, dict[str, int]]:
    client = _sync(cfg)
    try:
        batch = client.messages.batches.retrieve(batch_id)
        counts = batch.request_counts
        return str(batch.processing_status), {
            "processing": counts.processing, "succeeded": counts.succeeded, "errored": counts.errored,
            "canceled": counts.canceled, "expired": counts.expired}
    except Exception as exc:
        raise map_error(exc, cfg, "") from None
    finally:
        client.close()


def batch_results(batch_id: str, cfg: BackendConfig) -> Iterator[tuple[str, RawAnswer | None, str | None]]:
    """(custom_id, answer, error message) for each request of an ended batch."""
    client = _sync(cfg)
    try:
        for item in client.messages.batches.results(batch_id):
            result = item.result
            if result.type == "succeeded":
                try:
                    yield item.custom_id, _raw(result.message, max_tokens_for(result.message.model,
                                                                               cfg.max_tokens)), None
                except MalformedAnswer as exc:
                    yield item.custom_id, None, f"malformed answer: {exc}"
                except ExpertError as exc:
                    yield item.custom_id, None, exc.message
            elif result.type == "errored":
                error = getattr(getattr(result, "error", None), "error", None)
                yield item.custom_id, None, f"{getattr(error, 'type', 'error')}: {getattr(error, 'message', '')}"
            else:
                yield item.custom_id, None, f"request {result.type}"
    except Exception as exc:
        raise map_error(exc, cfg, "") from None
    finally:
        client.close()


# -- errors -------------------------------------------------------------------------------------

def _scrub(text: str, cfg: BackendConfig) -> str:
    return text.replace(cfg.api_key, "***") if cfg.api_key else text


def _chain(exc: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def _retry_after(exc: Any) -> float | None:
    """Seconds from ``retry-after-ms`` / ``retry-after`` (seconds or an HTTP date)."""
    headers = getattr(getattr(exc, "response", None), "headers", None) or {}
    try:
        if headers.get("retry-after-ms"):
            return float(headers["retry-after-ms"]) / 1000
        value = headers.get("retry-after")
        if not value:
            return None
        try:
            return max(0.0, float(value))
        except ValueError:
            import email.utils
            import time

            when = email.utils.parsedate_to_datetime(value).timestamp()
            return max(0.0, when - time.time())
    except (TypeError, ValueError, OverflowError):
        return None


def map_error(exc: BaseException, cfg: BackendConfig, model: str) -> ExpertError:
    """One user-facing error for every way a call can fail."""
    if isinstance(exc, ExpertError):
        return exc
    if isinstance(exc, MalformedAnswer):
        return ExpertError(f"The expert's answer was not in the expected shape ({exc}). Nothing was changed; "
                           "run the action again, or choose another model (expert.model).", "malformed")
    import anthropic

    names = {type(e).__name__ for e in _chain(exc)}
    if isinstance(exc, anthropic.APIStatusError):
        status, kind = exc.status_code, exc.type or ""
        detail = _scrub(exc.api_message or "", cfg)
        if status == 200:  # an `event: error` inside the stream
            return ExpertError(f"The API reported an error in the middle of the answer ({kind or 'error'}: "
                               f"{detail}). Nothing was changed; run the action again in a moment.", "stream-error")
        if status == 401:
            return ExpertError("The Anthropic API rejected the API key (401). Set a valid key in "
                               "ANTHROPIC_API_KEY or the agentls setting expert.apiKey, or use the local "
                               "expert (expert.localOnly).", "auth")
        if status == 403:
            return ExpertError(f"The API key may not use this (403 permission denied, model {model}). Choose "
                               "another model with expert.model, or check the key's workspace.", "permission")
        if status == 404:
            return ExpertError(f"Model {model!r} was not found (404). Fix the agent's `model` field or set "
                               "expert.model.", "not-found")
        if status == 413:
            return ExpertError("The request is too large (413). Select a smaller part of the module and "
                               "ask for a refactoring of the selection.", "too-large")
        if status == 429:
            wait = _retry_after(exc)
            when = f"{wait:g} s, as the API asked (retry-after)" if wait is not None else "a minute"
            return ExpertError(f"Rate limited by the Anthropic API (429). Wait {when}, then run the action "
                               "again.", "rate-limit", wait)
        if status == 529 or kind == "overloaded_error":
            return ExpertError("The Anthropic API is overloaded (529). Try again in a few minutes, or use the "
                               "local expert (expert.localOnly).", "overloaded")
        if status >= 500:
            return ExpertError(f"The Anthropic API had a server error ({status}). Try again later.", "server")
        return ExpertError(f"The Anthropic API refused the request ({status}: {detail}).", "request")
    if isinstance(exc, anthropic.APITimeoutError) or "ReadTimeout" in names or "TimeoutException" in names:
        return ExpertError(f"No answer from {cfg.where} within {cfg.timeout:g} s. Try again, select a smaller "
                           "part, or raise expert.timeout.", "timeout")
    if "RemoteProtocolError" in names or "IncompleteRead" in names:
        return ExpertError("The connection dropped in the middle of the answer. Nothing was changed; run the "
                           "action again.", "dropped")
    if isinstance(exc, anthropic.APIConnectionError) or "ConnectError" in names:
        return ExpertError(f"Could not reach {cfg.where}. Check the network or proxy, and expert.baseUrl / "
                           "ANTHROPIC_BASE_URL.", "connection")
    if isinstance(exc, ValueError):  # e.g. tool input JSON the SDK could not parse
        return ExpertError(f"The expert's answer could not be read ({_scrub(str(exc), cfg)[:200]}). Nothing was "
                           "changed; run the action again.", "malformed")
    return ExpertError(f"The expert failed unexpectedly ({type(exc).__name__}: {_scrub(str(exc), cfg)[:200]}).",
                       "unexpected")
