"""Ask the expert from the editor: code actions, progress, diagnostics, "Apply" edits.

Nothing leaves the machine until the user runs an action. The action is resolved lazily
(``codeAction/resolve``, an async handler, so ``$/cancelRequest`` aborts the HTTP stream), or,
for clients without resolve (eglot), through the command ``agentls.expert.run``. Everything
is async or runs in a thread, so hover and diagnostics keep answering while an answer streams.
"""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from lsprotocol import types as t
from pygls.workspace import TextDocument

from agentls.lsp import convert, expert_commands
from agentls.lsp import engine_modules as engines
from agentls.lsp.expert_modules import answers, backend, edits, experts, models, prompts, review, service
from agentls.lsp.feature import LanguageFeature
from agentls.lsp.patterns_features import PatternFeatures
from agentls.lsp.server import AgentLanguageServer

if TYPE_CHECKING:
    from agentls.expert.answer import Suggestion
    from agentls.patterns.model import ModuleAnalysis

log = logging.getLogger(__name__)

RUN, APPLY = "agentls.expert.run", "agentls.expert.apply"
ANNOTATION = "agentls.expert"
DISCOVERY_TTL = 5.0  # seconds; agent files change rarely and code actions must stay fast
REPORT_EVERY = 0.1  # seconds between streaming progress reports
SOURCE = "agentls expert"  # the store's key; each diagnostic names its expert (source_name)


def source_name(expert: str) -> str:
    return f"agentls expert ({expert})"


@dataclass
class Delivered:
    expert: str
    suggestions: list[Suggestion]
    quiet: bool = False  # auto mode's, while editing: Hint diagnostics, never a squiggle


class ExpertFeature(LanguageFeature):
    source = SOURCE
    late = True

    def __init__(self, patterns: PatternFeatures | None) -> None:
        self.patterns = patterns  # its analysis goes with a request, as hover shows it
        self.results: dict[tuple[str, str], Delivered] = {}  # (uri, diagnostics' source name)
        self.delivered = False  # until then a pulling client gets nothing pushed
        self.chosen: str | None = None  # from agentls.expert.choose; beats expert.default
        self._found: tuple[float, Any, list[experts.Expert]] = (0.0, None, [])
        self.approved_hosts: set[str] = set()  # hosts other than Anthropic's the user said yes to

    # -- settings and experts -------------------------------------------------------------
    def register(self, server: AgentLanguageServer) -> None:
        _register_commands(server, self)

    def pattern_analysis(self, ls: AgentLanguageServer, doc: TextDocument) -> ModuleAnalysis | None:
        """The analysis hover and smell diagnostics show (the pattern feature's, with the
        editor's pattern settings and the workspace index), so the expert sees the same
        detections."""
        return self.patterns.analysis(ls, doc) if self.patterns is not None else None

    def settings(self, ls: AgentLanguageServer) -> service.ExpertSettings:
        s = ls.config.window.expert.service  # an untrusted workspace's baseUrl is dropped there
        return replace(s, default=self.chosen) if self.chosen else s

    def experts(self, ls: AgentLanguageServer, s: service.ExpertSettings) -> list[experts.Expert]:
        key = (ls.workspace.root_path, s.include_user_agents)
        stamp, old_key, found = self._found
        if old_key != key or time.monotonic() - stamp > DISCOVERY_TTL:
            found = experts.discover(ls.workspace.root_path, s.include_user_agents)
            self._found = (time.monotonic(), key, found)
        return found

    # -- code actions ---------------------------------------------------------------------
    def code_actions(self, ls: AgentLanguageServer, params: t.CodeActionParams) -> list[t.CodeAction]:
        uri = params.text_document.uri
        if not uri.endswith((".py", ".pyi")):
            return []
        only = params.context.only
        actions = [a for a in [*self._apply_actions(ls, uri, params), *expert_commands.apply_all_actions(self, ls, uri),
                               *expert_commands.verify_actions(self, ls, uri)] if _wanted(a.kind, only)]
        s = self.settings(ls)
        expert = experts.choose(self.experts(ls, s), s.default)
        if expert is None:
            return actions
        doc = ls.workspace.get_text_document(uri)
        remote = service.local_reason(s, service.backend_config(s)) is None
        cost = _estimate(expert, s, doc.source) if remote else "local, no API call"
        cap = ls.client_capabilities.text_document
        ca = cap.code_action if cap else None
        resolvable = bool(ca and ca.resolve_support)
        tagged = bool(ca and ca.tag_support) and remote
        rng = params.range
        wanted = [("review", t.CodeActionKind.Source, f"Ask {expert.name}: review this module ({cost})")]
        if rng.start != rng.end:
            wanted.append(("refactor", t.CodeActionKind.RefactorRewrite,
                           f"Ask {expert.name}: refactor selection ({cost})"))
        for what, kind, title in wanted:
            if not _wanted(kind, only):
                continue
            data = {"agentls": "expert", "what": what, "uri": uri, "expert": expert.name,
                    "lines": _lines(rng) if what == "refactor" else None}
            action = t.CodeAction(title=title, kind=kind,
                                  tags=[t.CodeActionTag.LlmGenerated] if tagged else None)
            if resolvable:
                action.data = data
            else:  # eglot: no resolve, so the action runs a command
                action.command = t.Command(title, RUN, arguments=[data])
            actions.append(action)
        return actions

    def _apply_actions(self, ls: AgentLanguageServer, uri: str, params: t.CodeActionParams) -> list[t.CodeAction]:
        rng = params.range
        cap = ls.client_capabilities.text_document
        resolvable = bool(cap and cap.code_action and cap.code_action.resolve_support)
        out: list[t.CodeAction] = []
        for (u, name), delivered in self.results.items():
            if u != uri:
                continue
            for i, s in enumerate(delivered.suggestions):
                if s.replacement is None or s.start_line - 1 > rng.end.line or s.end_line - 1 < rng.start.line:
                    continue
                diags = [d for d in params.context.diagnostics
                         if d.source == name and isinstance(d.data, dict) and d.data.get("i") == i]
                alt = edits.alternatives(delivered.suggestions, i)
                title = (f"Apply alternative: {s.title} (overlaps {', '.join(f'#{n}' for n in alt)})" if alt
                         else f"Apply: {s.title}") + f" ({s.verified or 'unverified'})"
                action = t.CodeAction(title=title, kind=t.CodeActionKind.QuickFix, diagnostics=diags or None)
                if resolvable:  # the edit is built when chosen, against the text at that moment
                    action.data = {"agentls": "expert-apply", "uri": uri, "source": name, "i": i}
                else:
                    action.edit = self.edit(ls, uri, name, i)
                out.append(action)
        return out

    async def resolve_code_action(self, ls: AgentLanguageServer, action: t.CodeAction) -> t.CodeAction | None:
        data = action.data
        if not isinstance(data, dict):
            return None
        if data.get("agentls") == "expert-apply":
            action.edit = self.edit(ls, str(data["uri"]), str(data["source"]), int(data["i"]))
            if action.edit is None:
                _show(ls, t.MessageType.Warning, "agentls expert: that suggestion no longer matches the file.")
            return action
        if data.get("agentls") != "expert":
            return None
        await self.run(ls, data)
        return action  # the result arrives as diagnostics and a review, not as one edit

    # -- running a request ----------------------------------------------------------------
    async def run(self, ls: AgentLanguageServer, data: dict[str, Any]) -> None:
        uri = str(data["uri"])
        s = self.settings(ls)
        window = ls.client_capabilities.window
        token: str | None = None
        if window and window.work_done_progress:
            token = f"agentls-expert-{uuid.uuid4()}"
            try:
                await ls.work_done_progress.create_async(token)
                ls.work_done_progress.begin(token, t.WorkDoneProgressBegin(
                    title=f"Asking {data.get('expert')}", message="preparing the request", cancellable=True))
            except Exception:
                log.info("the client refused work-done progress")
                token = None

        def report(message: str) -> None:
            if token is not None:
                ls.work_done_progress.report(token, t.WorkDoneProgressReport(message=message))

        def end(message: str) -> None:
            if token is not None:
                ls.work_done_progress.end(token, t.WorkDoneProgressEnd(message=message))

        job: asyncio.Task[service.Outcome] | None = None
        try:
            found = await asyncio.to_thread(experts.discover, ls.workspace.root_path, s.include_user_agents)
            expert = experts.choose(found, str(data.get("expert") or "") or s.default)
            if expert is None:
                raise backend.ExpertError(f"No expert named {data.get('expert')!r}; run agentls.expert.list.",
                                          "no-expert")
            doc = ls.workspace.get_text_document(uri)
            lines = data.get("lines")
            selection = (int(lines[0]), int(lines[1])) if isinstance(lines, list) and len(lines) == 2 else None
            source = doc.source
            analysed = await asyncio.to_thread(self.pattern_analysis, ls, doc)
            if doc.source != source:
                analysed = None  # edited meanwhile: that analysis is of another text
            # Without the pattern feature's analysis, the module alone (no walk of the disk here).
            req = await asyncio.to_thread(prompts.build, expert, experts.resolve_model(expert.model, s.model),
                                          source, ls.path_of(uri), ls.workspace.root_path, selection,
                                          patterns=analysed,
                                          index=None if analysed else engines.workspace.WorkspaceIndex())
            cfg = service.backend_config(s)
            if service.local_reason(s, cfg) is None:
                if not await expert_commands.approve_host(self.approved_hosts, ls, s, cfg):
                    end("Cancelled: code not sent")
                    return
                price = service.estimate_cost(req)
                report(f"~{req.input_tokens:,} input tokens to {req.model} ({req.cached_prefix_tokens:,} cacheable), "
                       f"{req.masked} secret(s) masked" + (f", estimated ${price:.4f}" if price is not None else "")
                       + "; waiting for the answer")
            last = [0.0]

            def streamed(chars: int) -> None:
                now = time.monotonic()
                if now - last[0] >= REPORT_EVERY:
                    last[0] = now
                    report(f"receiving the answer: {chars:,} characters")

            job = asyncio.ensure_future(service.ask(req, s, streamed))
            if token is not None and token in ls.work_done_progress.tokens:
                loop = asyncio.get_running_loop()
                ls.work_done_progress.tokens[token].add_done_callback(
                    lambda f: loop.call_soon_threadsafe(job.cancel) if f.cancelled() and job else None)
            outcome = await job
        except asyncio.CancelledError:
            end("Cancelled")
            if job is not None and job.cancelled() and not _current_cancelling():
                return  # cancelled from the progress UI: finish quietly
            raise
        except backend.ExpertError as exc:
            end("Failed")
            _show(ls, t.MessageType.Error, f"agentls expert: {exc.message}")
            return
        except prompts.PromptTooLarge as exc:
            end("Failed")
            _show(ls, t.MessageType.Error, f"agentls expert: {exc}; select a part and ask for a refactoring.")
            return
        except Exception as exc:  # never crash the server over one request
            log.exception("expert request failed")
            end("Failed")
            _show(ls, t.MessageType.Error, f"agentls expert failed unexpectedly ({type(exc).__name__}).")
            return
        kept = await self.deliver(ls, uri, outcome)
        who = "local expert" if outcome.answer.local else outcome.answer.model
        end(f"{kept} suggestion(s) from {expert.name} ({who}); {service.usage_line(outcome.answer, outcome.cached)}")
        if outcome.answer.truncated:
            _show(ls, t.MessageType.Warning, "agentls expert: the answer was cut off at max_tokens; its last "
                                             "suggestion was dropped and it was not cached. Select fewer lines "
                                             "or raise agentls.expert.maxTokens.")

    async def deliver(self, ls: AgentLanguageServer, uri: str, outcome: service.Outcome) -> int:
        answer = outcome.answer
        doc = ls.workspace.get_text_document(uri)
        kept, dropped = answers.reanchor(answer.suggestions, doc.source)
        if dropped:
            answer.dropped.extend(dropped)
            _show(ls, t.MessageType.Info, f"agentls expert: {len(dropped)} suggestion(s) no longer match the "
                                          "edited file and were dropped (listed in the review).")
        name = source_name(answer.expert)
        self.results[(uri, name)] = Delivered(answer.expert, kept)
        self.store_diagnostics(ls, uri)
        await ls.deliver_late(uri)
        written = await asyncio.to_thread(review.write, answer, outcome.request, outcome.local_reason,
                                          outcome.cached)
        window = ls.client_capabilities.window
        if window and window.show_document and window.show_document.support:
            try:
                await ls.window_show_document_async(t.ShowDocumentParams(uri=written.as_uri(), take_focus=False))
            except Exception:
                log.info("the client could not show the review")
        else:
            _show(ls, t.MessageType.Info, f"agentls expert: review written to {written} "
                                          f"({service.usage_line(answer, outcome.cached)})")
        return len(kept)

    def store_diagnostics(self, ls: AgentLanguageServer, uri: str) -> None:
        """New or changed results for ``uri``: into the store (the caller shows them)."""
        self.delivered = True
        doc = ls.workspace.get_text_document(uri)
        ls.diagnostics.set(uri, SOURCE, doc.version, self.diagnose(ls, doc))

    def diagnose(self, ls: AgentLanguageServer, doc: TextDocument) -> list[t.Diagnostic] | None:
        """Every expert's diagnostics for ``doc``, re-anchored to the current text (called on
        every change); ``None`` when no expert has answered for it."""
        names = [name for (uri, name) in self.results if uri == doc.uri]
        if not names:
            return None
        return [d for name in names for d in self.diagnose_source(ls, doc.uri, doc.source, name) or []]

    def diagnose_source(self, ls: AgentLanguageServer, uri: str, text: str, name: str) -> list[t.Diagnostic] | None:
        """One expert's diagnostics for ``uri`` (source ``name``), re-anchored to ``text``."""
        delivered = self.results.get((uri, name))
        if delivered is None:
            return None
        delivered.suggestions, _ = answers.reanchor(delivered.suggestions, text)
        positions = convert.Positions(text, ls.position_encoding)
        out = []
        for i, s in enumerate(delivered.suggestions):
            start = positions.index.line_start(s.start_line - 1)
            line_text = text[start:positions.index.line_end(s.start_line - 1)]
            start += len(line_text) - len(line_text.lstrip())
            end = positions.index.line_end(s.end_line - 1)
            severity = (t.DiagnosticSeverity.Hint if s.severity == "hint" or delivered.quiet
                        else t.DiagnosticSeverity.Information)
            message = f"{s.title}: {s.rationale}" + "".join(f" ({r})" for r in _remarks(s))
            out.append(t.Diagnostic(range=positions.range(start, max(start, end)), message=message,
                                    severity=severity, source=name, code=s.pattern,
                                    data={"expert": name, "i": i}))
        return out

    # -- applying a suggestion ------------------------------------------------------------
    def edit(self, ls: AgentLanguageServer, uri: str, name: str, index: int) -> t.WorkspaceEdit | None:
        delivered = self.results.get((uri, name))
        doc = ls.workspace.get_text_document(uri)
        if delivered is None:
            return None
        delivered.suggestions, _ = answers.reanchor(delivered.suggestions, doc.source)
        if not 0 <= index < len(delivered.suggestions) or delivered.suggestions[index].replacement is None:
            return None
        s = delivered.suggestions[index]
        if edits.recheck(doc.source, s) is not None:
            return None  # the file changed around it and the edit would now break it
        positions = convert.Positions(doc.source, ls.position_encoding)
        start = positions.index.line_start(s.start_line - 1)
        end = (positions.index.line_start(s.end_line) if s.end_line < positions.index.line_count
               and positions.index.line_start(s.end_line) > start else len(doc.source))
        text_edit = t.TextEdit(range=positions.range(start, end),
                               new_text=answers.replacement_text(s, doc.source[start:end]))
        ws = ls.client_capabilities.workspace
        annotations = bool(ws and ws.workspace_edit and ws.workspace_edit.change_annotation_support)
        ident = t.OptionalVersionedTextDocumentIdentifier(uri=uri, version=doc.version)
        if annotations and ls.document_changes:
            # Needs confirmation: VS Code shows the refactor preview before an AI edit lands.
            annotated = t.AnnotatedTextEdit(range=text_edit.range, new_text=text_edit.new_text,
                                            annotation_id=ANNOTATION)
            return t.WorkspaceEdit(
                document_changes=[t.TextDocumentEdit(text_document=ident, edits=[annotated])],
                change_annotations={ANNOTATION: t.ChangeAnnotation(
                    label=f"{delivered.expert}: {s.title}", needs_confirmation=True,
                    description="Suggested by a language model: review before applying.")})
        if ls.document_changes:
            return t.WorkspaceEdit(document_changes=[t.TextDocumentEdit(text_document=ident, edits=[text_edit])])
        return t.WorkspaceEdit(changes={uri: [text_edit]})


def _remarks(s: Suggestion) -> list[str]:
    out = [s.note] if s.note else []
    if s.replacement is not None and s.verified:
        out.append(s.verified)
    if s.tests:
        out.append(f"tests with this edit alone: {s.tests}")
    return out


def _estimate(expert: experts.Expert, s: service.ExpertSettings, source: str) -> str:
    tokens = prompts.quick_estimate(expert, source)
    found = models.info(experts.resolve_model(expert.model, s.model))
    return f"~{tokens:,} input tokens" + (f", ≈${found.cost(tokens, 1_500):.3f}" if found else "")


def _current_cancelling() -> bool:
    task = asyncio.current_task()
    cancelling = getattr(task, "cancelling", None)  # Python 3.11+
    return bool(cancelling and cancelling())


def _lines(rng: t.Range) -> list[int]:
    """1-based inclusive lines of a selection; a selection ending at column 0 stops the line before."""
    end = rng.end.line if rng.end.character == 0 and rng.end.line > rng.start.line else rng.end.line + 1
    return [rng.start.line + 1, end]


def _wanted(kind: str | None, only: Sequence[str] | None) -> bool:
    return not only or any(kind == k or (kind or "").startswith(f"{k}.") for k in only)


def _show(ls: AgentLanguageServer, kind: t.MessageType, message: str) -> None:
    ls.window_show_message(t.ShowMessageParams(type=kind, message=message))


def _register_commands(server: AgentLanguageServer, feature: ExpertFeature) -> None:
    expert_commands.register(server, feature)

    @server.command(RUN)
    async def run(ls: AgentLanguageServer, *args: Any) -> None:
        # Behind workspace/executeCommand, $/cancelRequest does not stop this coroutine;
        # the progress token's cancel does (see ExpertFeature.run).
        if args and isinstance(args[0], dict):
            await feature.run(ls, args[0])

    @server.command(APPLY)
    async def apply(ls: AgentLanguageServer, *args: Any) -> bool:
        if len(args) != 3:
            return False
        uri, name, index = str(args[0]), str(args[1]), int(args[2])
        edit = feature.edit(ls, uri, name, index)
        if edit is None:
            _show(ls, t.MessageType.Warning, "agentls expert: that suggestion no longer matches the file.")
            return False
        result = await ls.workspace_apply_edit_async(t.ApplyWorkspaceEditParams(edit=edit, label="agentls expert"))
        if not result.applied:
            why = result.failure_reason or "declined"
            _show(ls, t.MessageType.Warning, f"agentls expert: the edit was not applied ({why}).")
        return bool(result.applied)
