"""The first automatic send of a session waits for the user, showing what goes where.

A ``window/showMessageRequest`` names the symbols, the expert, model and host, the input
tokens, the secrets masked and the budget; "Show what is sent" writes the exact (masked)
request text to the cache folder, opens it, and asks again. "Don't send" keeps the session
local; closing the prompt sends nothing and asks again at the next save.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from lsprotocol import types as t

from agentls.lsp import expert_commands
from agentls.lsp.expert_modules import auto, backend, cache, experts, prompts, service
from agentls.lsp.server import AgentLanguageServer

if TYPE_CHECKING:
    from agentls.lsp.expert_auto import AutoFeature

log = logging.getLogger(__name__)

SEND, SHOW, DONT_SEND = "Send", "Show what is sent", "Don't send"


def preview(misses: list[tuple[auto.Symbol, prompts.Request, str]]) -> str:
    """Exactly what the requests carry besides the agent's prompt and the output contract."""
    out = ["# What agentls auto sends on this save", ""]
    for sym, req, _ in misses:
        out += [f"## `{sym.name}` to {req.expert.name} ({req.model}), about {req.input_tokens:,} input tokens", ""]
        if req.project:
            out += ["### System block: project context", "", req.project, ""]
        out += ["### Message", "", req.user, ""]
    return "\n".join(out)


async def _ask(ls: AgentLanguageServer, message: str, actions: list[str]) -> str | None:
    try:
        picked = await ls.window_show_message_request_async(t.ShowMessageRequestParams(
            type=t.MessageType.Info, message=message, actions=[t.MessageActionItem(title=a) for a in actions]))
    except Exception:
        log.info("window/showMessageRequest failed")
        return None
    return picked.title if picked is not None else None


async def _show(ls: AgentLanguageServer, misses: list[tuple[auto.Symbol, prompts.Request, str]]) -> None:
    path = cache.cache_dir() / "auto" / "what-is-sent.md"
    cache.write_private(path, preview(misses))
    window = ls.client_capabilities.window
    if window and window.show_document and window.show_document.support:
        try:
            await ls.window_show_document_async(t.ShowDocumentParams(uri=path.as_uri(), take_focus=True))
            return
        except Exception:
            log.info("the client could not show the preview")
    ls.window_show_message(t.ShowMessageParams(type=t.MessageType.Info,
                                               message=f"agentls auto: what would be sent is in {path}"))


async def may_send(state: AutoFeature, ls: AgentLanguageServer, expert: experts.Expert, model: str,
                   s: service.ExpertSettings, cfg: backend.BackendConfig,
                   misses: list[tuple[auto.Symbol, prompts.Request, str]]) -> bool:
    if not await expert_commands.approve_host(state.feature.approved_hosts, ls, s, cfg):
        return False
    root = state.root(ls)
    if root in state.consent:
        return state.consent[root]
    window = ls.client_capabilities.window
    if not (window and window.show_message):
        state.tell(ls, "cannot-ask", t.MessageType.Warning, "agentls auto: this editor cannot ask before code is "
                                                             "sent, so onSave stays local.")
        return False
    names = ", ".join(f"`{sym.name}`" for sym, _, _ in misses)
    tokens = sum(req.input_tokens for _, req, _ in misses)
    masked = sum(req.masked for _, req, _ in misses)
    context = sorted({m for _, req, _ in misses for m in req.context_modules})
    message = (f"agentls auto (expert.auto: onSave): on each save, every top-level function or class you changed "
               f"is sent alone to {expert.name} ({model} at {cfg.where}), with the module's outline"
               + (f" and the signatures of {', '.join(context)}" if context else "")
               + f"; secrets are masked. Now: {names}, about {tokens:,} input tokens, {masked} secret(s) masked. "
               f"Budget: {state.ledger.budget.describe()}. Send?")
    picked = await _ask(ls, message, [SEND, SHOW, DONT_SEND])
    if picked == SHOW:
        await _show(ls, misses)
        picked = await _ask(ls, message, [SEND, DONT_SEND])
    if picked is None:
        return False  # closed without an answer: ask again at the next save
    state.consent[root] = picked == SEND
    if not state.consent[root]:
        state.tell(ls, None, t.MessageType.Info, "agentls auto: nothing sent; suggestions stay local for this "
                                                 "session.")
    return state.consent[root]
