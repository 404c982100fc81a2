"""The expert comes to the code while you edit (``expert.auto``), within a budget.

``local``: when typing pauses (``expert.autoDebounce``, 600 ms), the local expert looks at the
top-level symbols that changed since it last looked; Hint diagnostics, source
``agentls expert (local)``. ``onSave`` adds: on save, each symbol changed since the last save
goes to the chosen expert alone (outline and imported signatures as context), unless its text
was answered before (answer cache keyed by the symbol's text). The first send in a session asks
the user, showing what goes where; an untrusted workspace's ``onSave`` is not honoured; over
``expert.autoBudget`` a symbol gets the local expert and a message. An edit to a symbol whose
request is in flight cancels it (the HTTP stream closes). Everything runs in tasks and threads
off the typing path: the handlers only start a timer or a task.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import functools
import logging
from collections.abc import Coroutine
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from lsprotocol import types as t
from pygls.workspace import TextDocument

from agentls.lsp import engine_modules as engines
from agentls.lsp import expert_auto_consent, expert_auto_views, expert_commands
from agentls.lsp.expert_features import Delivered, ExpertFeature, source_name
from agentls.lsp.expert_modules import analysis, answers, auto, auto_prompt, backend, experts, local, prompts, service
from agentls.lsp.feature import LanguageFeature
from agentls.lsp.server import AgentLanguageServer
from agentls.lsp.work_progress import WorkProgress

if TYPE_CHECKING:
    from agentls.config.expert import AutoSettings
    from agentls.expert.answer import Suggestion

log = logging.getLogger(__name__)

# How long a save made before the client's settings arrived waits for them.
CONFIGURATION_WAIT_S = 5.0

LOCAL_SOURCE = source_name("local")


def auto_source(expert: str) -> str:
    return f"agentls expert ({expert}, on save)"


@dataclass
class _Inflight:
    task: asyncio.Task[None]
    text: str  # the symbol's lines as sent: once they are gone from the document, it was edited


class AutoFeature(LanguageFeature):
    def __init__(self, feature: ExpertFeature) -> None:
        self.feature = feature
        self.timers: dict[str, asyncio.TimerHandle] = {}
        self.analysed: dict[str, str] = {}  # uri -> the text the local expert last looked at
        self.saved: dict[str, str] = {}  # uri -> the text at open or at the last save
        self.inflight: dict[tuple[str, str], _Inflight] = {}  # (uri, symbol name)
        self._ledger: auto.Ledger | None = None
        self.stores: dict[str, auto.DismissStore] = {}  # per workspace root
        self.consent: dict[str, bool] = {}  # per workspace root: the answer to the first send
        self.told: set[str] = set()  # messages shown once per session
        self.tasks: set[asyncio.Task[Any]] = set()
        self.counts = {"requests": 0, "cacheHits": 0, "cancelled": 0, "overBudget": 0, "localRuns": 0,
                       "failed": 0}

    @property
    def ledger(self) -> auto.Ledger:
        if self._ledger is None:  # at the first auto-mode event: its module loads then
            self._ledger = auto.Ledger()
        return self._ledger

    def register(self, server: AgentLanguageServer) -> None:
        expert_auto_views.register(server, self)  # code lenses, inline completion, commands

    def code_actions(self, ls: AgentLanguageServer, params: t.CodeActionParams) -> list[t.CodeAction]:
        return expert_auto_views.code_actions(self, ls, params)

    # -- settings ------------------------------------------------------------------------------
    def settings(self, ls: AgentLanguageServer) -> AutoSettings:
        s = ls.config.window.expert.auto  # built once per configuration, not per keystroke
        self.ledger.budget = s.budget
        return s

    def level(self, ls: AgentLanguageServer) -> str:
        """The level in force: ``onSave`` only from a trusted workspace and not refused."""
        wanted = self.settings(ls).level
        if wanted == "onSave" and not expert_commands.trusted(ls):
            self.tell(ls, "untrusted", t.MessageType.Warning, "agentls auto: expert.auto \"onSave\" is not honoured "
                      "in an untrusted workspace (it would send code); suggestions stay local.")
            return "local"
        if wanted == "onSave" and self.consent.get(self.root(ls)) is False:
            return "local"
        return wanted

    def root(self, ls: AgentLanguageServer) -> str:
        return ls.workspace.root_path or ""

    def store(self, ls: AgentLanguageServer) -> auto.DismissStore:
        root = self.root(ls)
        if root not in self.stores:
            self.stores[root] = auto.DismissStore(root)
        return self.stores[root]

    def tell(self, ls: AgentLanguageServer, key: str | None, kind: t.MessageType, message: str) -> None:
        if key is not None:
            if key in self.told:
                return
            self.told.add(key)
        ls.window_show_message(t.ShowMessageParams(type=kind, message=message))

    # -- document events (called on the typing path: only timers and tasks start here) ---------
    def document_opened(self, ls: AgentLanguageServer, uri: str) -> None:
        self.on_document(ls, "open", uri)

    def document_changed(self, ls: AgentLanguageServer, uri: str) -> None:
        self.on_document(ls, "change", uri)

    def document_saved(self, ls: AgentLanguageServer, uri: str) -> None:
        self.on_document(ls, "save", uri)

    def on_document(self, ls: AgentLanguageServer, event: str, uri: str) -> None:
        if not uri.endswith((".py", ".pyi")):
            return
        doc = ls.workspace.get_text_document(uri)
        if event == "open":
            self.analysed.setdefault(uri, doc.source)
            self.saved.setdefault(uri, doc.source)
            return
        self._cancel_edited(uri, doc.source)
        if event == "save" and not ls.config.pulled.is_set():
            self.spawn(self._save_when_configured(ls, uri))  # judged by the settings to come
            return
        level = self.level(ls)
        if level == "off":
            return
        if event == "change":
            self._debounce(ls, uri, self.settings(ls).debounce_ms)
        elif event == "save" and level == "onSave":
            self.spawn(self.on_save(ls, uri))

    async def _save_when_configured(self, ls: AgentLanguageServer, uri: str) -> None:
        with contextlib.suppress(TimeoutError):  # a client that never answers: what we have
            await asyncio.wait_for(ls.config.pulled.wait(), CONFIGURATION_WAIT_S)
        ls.config.pulled.set()
        if uri in self.saved:  # still open
            self.on_document(ls, "save", uri)

    def document_closed(self, ls: AgentLanguageServer, uri: str) -> None:
        timer = self.timers.pop(uri, None)
        if timer is not None:
            timer.cancel()
        for key in [k for k in self.inflight if k[0] == uri]:
            self.inflight.pop(key).task.cancel()
        self.analysed.pop(uri, None)
        self.saved.pop(uri, None)

    def shutdown(self, ls: AgentLanguageServer) -> None:
        for timer in self.timers.values():
            timer.cancel()
        for task in list(self.tasks):
            task.cancel()

    def spawn(self, job: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        task = asyncio.ensure_future(job)
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)
        return task

    def _cancel_edited(self, uri: str, text: str) -> None:
        for (u, _), job in list(self.inflight.items()):
            if u == uri and job.text not in text:  # a substring test: no parse per keystroke
                job.task.cancel()

    def _debounce(self, ls: AgentLanguageServer, uri: str, ms: int) -> None:
        old = self.timers.pop(uri, None)
        if old is not None:
            old.cancel()
        loop = asyncio.get_running_loop()
        self.timers[uri] = loop.call_later(ms / 1000, lambda: self.spawn(self.run_local(ls, uri)))

    # -- local ---------------------------------------------------------------------------------
    async def run_local(self, ls: AgentLanguageServer, uri: str) -> None:
        self.timers.pop(uri, None)
        if uri not in ls.workspace.text_documents:
            return
        doc = ls.workspace.get_text_document(uri)
        text, version = doc.source, doc.version
        found = auto.changed(self.analysed.get(uri), text)
        if found is None:
            return  # does not parse (mid-typing): the next pause tries again
        if not found:
            self.analysed[uri] = text
            return
        suggestions = await asyncio.to_thread(self.local_answer, ls, doc, text)
        if ls.workspace.get_text_document(uri).version != version:
            return  # typing went on: the next pause looks again, from the same starting text
        self.analysed[uri] = text
        self.counts["localRuns"] += 1
        await self.deliver(ls, uri, LOCAL_SOURCE, "local", suggestions, found)

    def local_answer(self, ls: AgentLanguageServer, doc: TextDocument, text: str) -> list[Suggestion]:
        s = self.feature.settings(ls)
        expert = experts.choose(self.feature.experts(ls, s), s.default)
        if expert is None:
            return []
        analysed = self.feature.pattern_analysis(ls, doc)
        path = ls.path_of(doc.uri)
        if analysed is not None and doc.source == text:
            req = prompts.Request(expert, local.LOCAL_MODEL, "", "", path or doc.uri, text,
                                  detections=analysis.from_engine(analysed))
        else:  # the module alone (no walk of the disk on the typing path)
            req = prompts.build(expert, local.LOCAL_MODEL, text, path, ls.workspace.root_path,
                                index=engines.workspace.WorkspaceIndex())
        return local.answer(req).suggestions

    async def local_for(self, ls: AgentLanguageServer, uri: str, found: list[auto.Symbol]) -> None:
        doc = ls.workspace.get_text_document(uri)
        suggestions = await asyncio.to_thread(self.local_answer, ls, doc, doc.source)
        self.counts["localRuns"] += 1
        await self.deliver(ls, uri, LOCAL_SOURCE, "local", suggestions, found)

    # -- delivery ------------------------------------------------------------------------------
    async def deliver(self, ls: AgentLanguageServer, uri: str, source: str, expert: str,
                      new: list[Suggestion], region: list[auto.Symbol]) -> None:
        """Replace ``source``'s suggestions inside the ``region`` symbols with ``new`` (those not
        dismissed); the others stay, moved to where their code now is."""
        if uri not in ls.workspace.text_documents:
            return
        doc = ls.workspace.get_text_document(uri)
        text = doc.source
        found = auto.symbols(text) or []
        names = {sym.name for sym in region}
        current = [sym for sym in found if sym.name in names]
        new, _ = answers.reanchor(new, text)
        new = self.store(ls).keep([s for s in new if auto.containing(current, s.start_line)], found)
        old = self.feature.results.get((uri, source))
        kept: list[Suggestion] = []
        if old is not None:
            kept, _ = answers.reanchor(old.suggestions, text)
            kept = [s for s in kept if not auto.containing(current, s.start_line)]
        self.feature.results[(uri, source)] = Delivered(expert, sorted([*kept, *new], key=lambda s: s.start_line),
                                                        quiet=True)
        await self.publish(ls, uri, source)

    async def publish(self, ls: AgentLanguageServer, uri: str, source: str) -> None:
        self.feature.store_diagnostics(ls, uri)
        await ls.deliver_late(uri)
        ws = ls.client_capabilities.workspace
        if ws and ws.code_lens and ws.code_lens.refresh_support:
            try:
                await ls.workspace_code_lens_refresh_async(None)
            except Exception:
                log.info("workspace/codeLens/refresh failed")

    # -- on save -------------------------------------------------------------------------------
    async def on_save(self, ls: AgentLanguageServer, uri: str) -> None:
        doc = ls.workspace.get_text_document(uri)
        text = doc.source
        found = auto.changed(self.saved.get(uri), text)
        if found is None:
            return  # does not parse: nothing to review yet
        self.saved[uri] = text
        if not found:
            return
        s = self.feature.settings(ls)
        cfg = service.backend_config(s)
        why = service.local_reason(s, cfg)
        expert = experts.choose(await asyncio.to_thread(self.feature.experts, ls, s), s.default)
        if why is not None or expert is None:
            self.tell(ls, "no-remote", t.MessageType.Info, f"agentls auto: {why or 'no expert'}; on save the "
                                                           "local expert answers.")
            await self.local_for(ls, uri, found)
            return
        model = experts.resolve_model(expert.model, s.model)
        analysed = await asyncio.to_thread(self.feature.pattern_analysis, ls, doc)
        if doc.source != text:
            analysed = None
        misses: list[tuple[auto.Symbol, prompts.Request, str]] = []
        for sym in found:
            req = await asyncio.to_thread(auto_prompt.build_symbol, expert, model, text, ls.path_of(uri),
                                          ls.workspace.root_path, sym, analysed)
            key = auto.answer_key(expert.fingerprint, model, req.contract, auto_prompt.masked_symbol(sym))
            hit = auto.cached_answer(key, sym.start)
            if hit is not None:  # this exact code was answered before: no request, no cost
                self.counts["cacheHits"] += 1
                await self.deliver(ls, uri, auto_source(expert.name), expert.name, hit.suggestions, [sym])
            else:
                misses.append((sym, req, key))
        if not misses:
            return
        if not await expert_auto_consent.may_send(self, ls, expert, model, s, cfg, misses):
            await self.local_for(ls, uri, [sym for sym, _, _ in misses])
            return
        over: list[auto.Symbol] = []
        for sym, req, key in misses:
            tokens = req.input_tokens + auto.OUTPUT_ESTIMATE
            if not self.ledger.allows(tokens, auto.dollars(model, req.input_tokens, auto.OUTPUT_ESTIMATE)):
                over.append(sym)
                continue
            entry = self.ledger.reserve(tokens, auto.dollars(model, req.input_tokens, auto.OUTPUT_ESTIMATE))
            previous = self.inflight.pop((uri, sym.name), None)
            if previous is not None:
                previous.task.cancel()
            task = self.spawn(self.ask(ls, uri, sym, req, key, s, entry, expert.name))
            self.inflight[(uri, sym.name)] = _Inflight(task, sym.text)
            task.add_done_callback(functools.partial(self._ended, (uri, sym.name), entry=entry, req=req))
        if over:
            self.counts["overBudget"] += len(over)
            minutes = max(1, round(self.ledger.free_in() / 60))
            names = ", ".join(f"`{sym.name}`" for sym in over)
            self.tell(ls, None, t.MessageType.Warning,
                      f"agentls auto: over budget ({self.ledger.describe()}): {names} got the local expert "
                      f"instead; the budget frees up within {minutes} min (expert.autoBudget).")
            await self.local_for(ls, uri, over)

    async def ask(self, ls: AgentLanguageServer, uri: str, sym: auto.Symbol, req: prompts.Request, key: str,
                  s: service.ExpertSettings, entry: Any, expert: str) -> None:
        progress = WorkProgress(ls, "agentls-auto")
        await progress.begin(f"agentls auto: {expert} on `{sym.name}`",
                             f"~{req.input_tokens:,} input tokens, {req.masked} secret(s) masked")
        try:
            outcome = await service.ask(req, s, use_cache=False)
        except asyncio.CancelledError:
            progress.end(f"Cancelled: `{sym.name}` was edited")  # accounted for in _ended
            raise
        except Exception as exc:
            self.ledger.settle(entry, 0, 0.0)
            self.counts["failed"] += 1
            progress.end("Failed")
            if isinstance(exc, (backend.ExpertError, prompts.PromptTooLarge)):
                text = exc.message if isinstance(exc, backend.ExpertError) else str(exc)
                self.tell(ls, f"failed:{text}", t.MessageType.Warning, f"agentls auto: {text}")
            else:
                log.exception("automatic expert request failed")
            return
        usage = outcome.answer.usage
        self.ledger.settle(entry, auto.total_tokens(usage), service.cost(req.model, usage)
                           or auto.dollars(req.model, auto.total_tokens(usage), 0))
        self.counts["requests"] += 1
        if not outcome.answer.truncated:
            auto.cache_answer(key, outcome.answer, sym.start)
        await self.deliver(ls, uri, auto_source(expert), expert, outcome.answer.suggestions, [sym])
        progress.end(f"{len(outcome.answer.suggestions)} suggestion(s) for `{sym.name}`; "
                     f"{service.usage_line(outcome.answer)}; {self.ledger.describe()}")

    def _ended(self, key: tuple[str, str], task: asyncio.Task[None], entry: Any, req: prompts.Request) -> None:
        """Also for a task cancelled before it ever ran (an edit right after the save)."""
        job = self.inflight.get(key)
        if job is not None and job.task is task:
            self.inflight.pop(key)
        if task.cancelled():
            # The API may have read the prompt: count the input, conservatively.
            self.ledger.settle(entry, req.input_tokens, auto.dollars(req.model, req.input_tokens, 0))
            self.counts["cancelled"] += 1

    def status(self, ls: AgentLanguageServer) -> dict[str, Any]:
        tokens, dollars = self.ledger.spent()
        return {"level": self.level(ls), "configured": self.settings(ls).level,
                "budget": self.ledger.budget.describe(), "spentTokens": tokens, "spentDollars": round(dollars, 6),
                "inFlight": len(self.inflight), "busy": len(self.tasks), **self.counts,
                "summary": self.ledger.describe()}

    def short_settings(self, s: service.ExpertSettings, max_tokens: int) -> service.ExpertSettings:
        return dataclasses.replace(s, max_tokens=min(s.max_tokens or max_tokens, max_tokens))

