"""Where inline suggestions show, and what the user does with them: a code lens above each
symbol with suggestions ("agentls: 2 suggestions · Show · Apply · Dismiss"), inline completion
(the replacement as ghost text with the cursor inside a suggestion), and the quick fixes and
commands Dismiss, Explain more and Try again (one short request; the answer replaces the
suggestion in place). They work on every expert suggestion in the file, asked for or automatic.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING, Any

from lsprotocol import types as t

from agentls.lsp import convert, expert_commands
from agentls.lsp.expert_features import APPLY
from agentls.lsp.expert_modules import answers, auto, auto_prompt, backend, edits, experts, prompts, service
from agentls.lsp.server import AgentLanguageServer

if TYPE_CHECKING:
    from agentls.expert.answer import Suggestion

if TYPE_CHECKING:
    from agentls.lsp.expert_auto import AutoFeature

log = logging.getLogger(__name__)

SHOW, DISMISS = "agentls.expert.show", "agentls.expert.dismiss"
EXPLAIN, RETRY, STATUS = "agentls.expert.explain", "agentls.expert.retry", "agentls.expert.autoStatus"
FOLLOW_UP_MAX_TOKENS = 2_048  # "one short request"


def _current(state: AutoFeature, ls: AgentLanguageServer, uri: str) -> list[tuple[str, int, Suggestion]]:
    """Every expert suggestion of ``uri`` as (source, index, suggestion), moved to the current text."""
    text = ls.workspace.get_text_document(uri).source
    out: list[tuple[str, int, Suggestion]] = []
    for (u, name), delivered in state.feature.results.items():
        if u != uri:
            continue
        delivered.suggestions, _ = answers.reanchor(delivered.suggestions, text)
        out += [(name, i, s) for i, s in enumerate(delivered.suggestions)]
    return out


def code_lenses(state: AutoFeature, ls: AgentLanguageServer, uri: str) -> list[t.CodeLens]:
    found = _current(state, ls, uri)
    if not found:
        return []
    symbols = auto.symbols(ls.workspace.get_text_document(uri).source) or []
    out: list[t.CodeLens] = []
    for sym in symbols:
        mine = [(name, i, s) for name, i, s in found if sym.start <= s.start_line <= sym.end]
        if not mine:
            continue
        at = t.Range(t.Position(sym.start - 1, 0), t.Position(sym.start - 1, 0))
        count = f"agentls: {len(mine)} suggestion{'s' if len(mine) != 1 else ''}"
        out += [t.CodeLens(at, t.Command(count, SHOW, arguments=[uri, sym.start])),
                t.CodeLens(at, t.Command("Show", SHOW, arguments=[uri, sym.start]))]
        edit = next(((name, i) for name, i, s in mine if s.replacement is not None and s.verified and not s.group),
                    None)
        if edit is not None:
            out.append(t.CodeLens(at, t.Command("Apply", APPLY, arguments=[uri, edit[0], edit[1]])))
        out.append(t.CodeLens(at, t.Command("Dismiss", DISMISS, arguments=[uri, sym.start])))
    return out


def inline_completion(state: AutoFeature, ls: AgentLanguageServer,
                      params: t.InlineCompletionParams) -> t.InlineCompletionList | None:
    """Ghost text: each verified replacement whose lines hold the cursor, from its first change to
    the end of its lines."""
    uri, line = params.text_document.uri, params.position.line
    hits = [s for _, _, s in _current(state, ls, uri)
            if s.replacement is not None and s.verified and s.start_line - 1 <= line <= s.end_line - 1]
    if not hits:
        return None
    text = ls.workspace.get_text_document(uri).source
    positions = convert.Positions(text, ls.position_encoding)
    items = []
    for s in hits:
        if edits.recheck(text, s) is not None:
            continue  # the text around it changed and the edit would now break the module
        start = positions.index.line_start(s.start_line - 1)
        end = positions.index.line_end(s.end_line - 1)
        old = text[start:end]
        ghost = answers.replacement_text(s, old)  # the range stops before the last line's break
        ghost = ghost.removesuffix("\r\n") if ghost.endswith("\r\n") else ghost.removesuffix("\n")
        # Start where the text first differs: editors show ghost text from the cursor on, so an
        # item whose range begins with unchanged text would not show.
        same = next((i for i, (a, b) in enumerate(zip(old, ghost, strict=False)) if a != b),
                    min(len(old), len(ghost)))
        if same == len(old) == len(ghost):
            continue
        items.append(t.InlineCompletionItem(insert_text=ghost[same:], range=positions.range(start + same, end)))
    return t.InlineCompletionList(items=items) if items else None


def code_actions(state: AutoFeature, ls: AgentLanguageServer, params: t.CodeActionParams) -> list[t.CodeAction]:
    """Dismiss (any expert suggestion), Explain more and Try again (those from a model)."""
    uri = params.text_document.uri
    out: list[t.CodeAction] = []
    for d in params.context.diagnostics:
        data = d.data
        if not (isinstance(data, dict) and isinstance(data.get("i"), int) and d.source
                and (uri, d.source) in state.feature.results):
            continue
        delivered = state.feature.results[(uri, d.source)]
        if not 0 <= data["i"] < len(delivered.suggestions):
            continue
        title = delivered.suggestions[data["i"]].title
        args = [uri, d.source, data["i"]]
        wanted = [("Dismiss", DISMISS)]
        if delivered.expert != "local" and not d.source.startswith(("agentls expert (local",)):
            wanted += [("Explain more", EXPLAIN), ("Try again", RETRY)]
        for label, command in wanted:
            full = f"{label}: {title}"
            out.append(t.CodeAction(title=full, kind=t.CodeActionKind.QuickFix, diagnostics=[d],
                                    command=t.Command(full, command, arguments=args)))
    return out


async def refresh(state: AutoFeature, ls: AgentLanguageServer, uri: str, sources: set[str]) -> None:
    for source in sources:
        await state.publish(ls, uri, source)


async def dismiss(state: AutoFeature, ls: AgentLanguageServer, args: tuple[Any, ...]) -> int:
    """``(uri, line)``: every suggestion of the symbol at that line; ``(uri, source, index)``: one."""
    if not args or not isinstance(args[0], str):
        return 0
    uri = args[0]
    found = _current(state, ls, uri)
    symbols = auto.symbols(ls.workspace.get_text_document(uri).source) or []
    if len(args) == 2 and isinstance(args[1], int):
        sym = auto.containing(symbols, args[1])
        chosen = [(n, i, s) for n, i, s in found if sym is not None and sym.start <= s.start_line <= sym.end]
    elif len(args) == 3 and isinstance(args[2], int):
        chosen = [(n, i, s) for n, i, s in found if n == args[1] and i == args[2]]
    else:
        return 0
    store = state.store(ls)
    for name, _, s in chosen:
        store.dismiss(auto.containing(symbols, s.start_line) or auto.Symbol("", "module", 0, 0, s.anchor), s.title)
        delivered = state.feature.results[(uri, name)]
        delivered.suggestions = [x for x in delivered.suggestions if x is not s]
    await refresh(state, ls, uri, {name for name, _, _ in chosen})
    return len(chosen)


def show(state: AutoFeature, ls: AgentLanguageServer, args: tuple[Any, ...]) -> list[str]:
    if len(args) != 2 or not isinstance(args[0], str) or not isinstance(args[1], int):
        return []
    uri, line = args[0], args[1]
    sym = auto.containing(auto.symbols(ls.workspace.get_text_document(uri).source) or [], line)
    mine = [s for _, _, s in _current(state, ls, uri) if sym is not None and sym.start <= s.start_line <= sym.end]
    lines = [f"{i}. {s.title} (line {s.start_line}): {s.rationale}" + (f" [{s.verified}]" if s.verified else "")
             for i, s in enumerate(mine, 1)]
    if sym is not None and lines:
        ls.window_show_message(t.ShowMessageParams(
            type=t.MessageType.Info, message=f"agentls: `{sym.name}`:\n" + "\n".join(lines)))
    return [s.title for s in mine]


async def follow_up(state: AutoFeature, ls: AgentLanguageServer, kind: str, args: tuple[Any, ...]) -> bool:
    """One short request about one suggestion; its answer replaces the suggestion in place."""
    if len(args) != 3 or not all(isinstance(a, c) for a, c in zip(args, (str, str, int), strict=True)):
        return False
    uri, source, index = args
    delivered = state.feature.results.get((uri, source))
    found = {(n, i): s for n, i, s in _current(state, ls, uri)}
    s = found.get((source, index))
    if delivered is None or s is None:
        state.tell(ls, None, t.MessageType.Warning, "agentls expert: that suggestion no longer matches the file.")
        return False
    if delivered.expert == "local":
        state.tell(ls, None, t.MessageType.Info, "agentls expert: the local expert has said all it knows; turn on "
                                                 "expert.auto \"onSave\" or ask the expert for a review.")
        return False
    settings = state.feature.settings(ls)
    cfg = service.backend_config(settings)
    doc = ls.workspace.get_text_document(uri)
    text = doc.source
    sym = auto.containing(auto.symbols(text) or [], s.start_line)
    expert = experts.choose(state.feature.experts(ls, settings), delivered.expert)
    why = service.local_reason(settings, cfg)
    if sym is None or expert is None or why is not None:
        state.tell(ls, None, t.MessageType.Warning, "agentls expert: cannot ask about that suggestion ("
                   + (why or ("no expert" if expert is None else "it is not inside a top-level function or class"))
                   + ").")
        return False
    if not await expert_commands.approve_host(state.feature.approved_hosts, ls, settings, cfg):
        return False
    model = experts.resolve_model(expert.model, settings.model)
    req = await asyncio.to_thread(auto_prompt.build_symbol, expert, model, text, ls.path_of(uri),
                                  ls.workspace.root_path, sym, None, (kind, s))
    entry = state.ledger.reserve(req.input_tokens, 0.0)  # an explicit action: counted, never refused
    try:
        outcome = await service.ask(req, state.short_settings(settings, FOLLOW_UP_MAX_TOKENS),
                                    use_cache=kind == auto_prompt.EXPLAIN)
    except (backend.ExpertError, prompts.PromptTooLarge) as exc:
        state.ledger.settle(entry, 0, 0.0)
        state.tell(ls, None, t.MessageType.Error,
                   f"agentls expert: {exc.message if isinstance(exc, backend.ExpertError) else exc}")
        return False
    usage = outcome.answer.usage
    state.ledger.settle(entry, auto.total_tokens(usage), service.cost(req.model, usage) or 0.0)
    new, _ = answers.reanchor(outcome.answer.suggestions, ls.workspace.get_text_document(uri).source)
    if not new:
        state.tell(ls, None, t.MessageType.Info, "agentls expert: the expert had nothing new to say about "
                                                 f"“{s.title}”; the suggestion stays as it was.")
        return False
    at = next((i for i, x in enumerate(delivered.suggestions) if x is s), None)
    if at is None:  # edited meanwhile: the old suggestion is gone, the new one joins
        delivered.suggestions.append(new[0])
    else:
        delivered.suggestions[at] = new[0]
    await state.publish(ls, uri, source)
    return True


def register(server: AgentLanguageServer, state: AutoFeature) -> None:
    @server.feature(t.TEXT_DOCUMENT_CODE_LENS, t.CodeLensOptions(resolve_provider=False))
    def lenses(ls: AgentLanguageServer, params: t.CodeLensParams) -> list[t.CodeLens] | None:
        try:
            return code_lenses(state, ls, params.text_document.uri) or None
        except Exception:  # never an error popup from a lens
            log.exception("code lens failed")
            return None

    @server.feature(t.TEXT_DOCUMENT_INLINE_COMPLETION, t.InlineCompletionOptions())
    def inline(ls: AgentLanguageServer, params: t.InlineCompletionParams) -> t.InlineCompletionList | None:
        try:
            return inline_completion(state, ls, params)
        except Exception:
            log.exception("inline completion failed")
            return None

    @server.command(DISMISS)
    async def dismiss_command(ls: AgentLanguageServer, *args: Any) -> int:
        return await dismiss(state, ls, args)

    @server.command(SHOW)
    def show_command(ls: AgentLanguageServer, *args: Any) -> list[str]:
        return show(state, ls, args)

    @server.command(EXPLAIN)
    async def explain_command(ls: AgentLanguageServer, *args: Any) -> bool:
        return await follow_up(state, ls, auto_prompt.EXPLAIN, args)

    @server.command(RETRY)
    async def retry_command(ls: AgentLanguageServer, *args: Any) -> bool:
        return await follow_up(state, ls, auto_prompt.RETRY, args)

    @server.command(STATUS)
    def status_command(ls: AgentLanguageServer, *args: Any) -> dict[str, Any]:
        return state.status(ls)
