"""The expert's commands beside asking: list, choose, clear the cache, and "Verify with tests";
and what the server refuses to take from an untrusted workspace.

A client tells the server the workspace is untrusted with ``workspaceTrusted: false`` in its
settings (VS Code's restricted mode). Then settings that choose where code and the key are
sent (``expert.baseUrl``) or that run a program (``expert.verifyCommand``) are ignored. A host
other than the Anthropic API taken from settings is used only after the user agreed, once per
host and session; ``ANTHROPIC_BASE_URL`` in the server's own environment is the user's choice,
and a gateway on this machine (loopback) keeps the code here, so neither is asked about.
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from lsprotocol import types as t

from agentls.lsp.expert_modules import answers, backend, cache, experts, service, verify
from agentls.lsp.server import AgentLanguageServer

if TYPE_CHECKING:
    from agentls.expert.answer import Suggestion

if TYPE_CHECKING:
    from agentls.lsp.expert_features import ExpertFeature

log = logging.getLogger(__name__)

LIST, CHOOSE, CLEAR, VERIFY, APPLY_ALL = ("agentls.expert.list", "agentls.expert.choose",
                                          "agentls.expert.clearCache", "agentls.expert.verify",
                                          "agentls.expert.applyAll")
ANNOTATION = "agentls.expert"


def _show(ls: AgentLanguageServer, kind: t.MessageType, message: str) -> None:
    ls.window_show_message(t.ShowMessageParams(type=kind, message=message))


def trusted(ls: AgentLanguageServer) -> bool:
    return ls.config.window.trusted


async def approve_host(approved: set[str], ls: AgentLanguageServer, s: service.ExpertSettings,
                       cfg: backend.BackendConfig) -> bool:
    """Ask once per host before code and key go to a host other than the Anthropic API."""
    if cfg.is_anthropic or s.base_url is None or _loopback(cfg.where):
        return True
    host = urlsplit(cfg.where).netloc or cfg.where
    if host in approved:
        return True
    window = ls.client_capabilities.window
    if not (window and window.show_message):
        _show(ls, t.MessageType.Warning, f"agentls expert: not sending code to {cfg.where} (expert.baseUrl): "
                                         "it is not the Anthropic API and this editor cannot ask you to confirm.")
        return False
    send = "Send to " + host
    picked = await ls.window_show_message_request_async(t.ShowMessageRequestParams(
        type=t.MessageType.Warning, actions=[t.MessageActionItem(title=send), t.MessageActionItem(title="Cancel")],
        message=f"agentls expert: expert.baseUrl sends the module (secrets masked) and your API key to "
                f"{cfg.where}, which is not the Anthropic API. Send?"))
    if picked is None or picked.title != send:
        return False
    approved.add(host)
    return True


def _loopback(url: str) -> bool:
    """A gateway on this machine (``localhost``, 127.0.0.0/8, ``::1``): code stays here."""
    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def configured_command(ls: AgentLanguageServer) -> str | None:
    """``expert.verifyCommand``, whatever the workspace's trust (the caller decides)."""
    return ls.config.window.expert.verify_command


def verify_command(ls: AgentLanguageServer, args: tuple[Any, ...]) -> str | None:
    """The command from the arguments (the user's action), else ``expert.verifyCommand``."""
    if len(args) > 1 and isinstance(args[1], str) and args[1].strip():
        return args[1]
    value = configured_command(ls)
    if value is not None and not trusted(ls):
        _show(ls, t.MessageType.Warning, "agentls expert: expert.verifyCommand is ignored in an untrusted "
                                         "workspace (it runs a program).")
        return None
    return value


def verify_actions(feature: ExpertFeature, ls: AgentLanguageServer, uri: str) -> list[t.CodeAction]:
    """"Verify with tests" as a source action, in every editor, once a file has edits to test."""
    command = configured_command(ls)
    if command is None or not trusted(ls):
        return []
    count = sum(1 for (u, _), d in feature.results.items() if u == uri for s in d.suggestions
                if s.replacement is not None)
    if not count:
        return []
    title = f"Verify {count} expert edit(s) with tests ({command})"
    return [t.CodeAction(title=title, kind=t.CodeActionKind.Source, command=t.Command(title, VERIFY, arguments=[uri]))]


async def run_verify(feature: ExpertFeature, ls: AgentLanguageServer, args: tuple[Any, ...]) -> list[dict[str, Any]]:
    """Run the tests once unchanged, then once per offered edit alone, in a copy of the workspace;
    the verdicts go onto the suggestions' diagnostics."""
    if not args or not isinstance(args[0], str):
        return []
    uri = args[0]
    command = verify_command(ls, args)
    delivered = [(name, d) for (u, name), d in feature.results.items() if u == uri]
    offered = [(name, d) for name, d in delivered if any(s.replacement is not None for s in d.suggestions)]
    if command is None:
        _show(ls, t.MessageType.Error, "agentls expert: set agentls.expert.verifyCommand (e.g. "
                                       "\"python -m pytest -q -x\") to verify suggestions with tests.")
        return []
    if not offered:
        _show(ls, t.MessageType.Info, "agentls expert: no suggestion with an edit to verify in this file.")
        return []
    root, path = ls.workspace.root_path, ls.path_of(uri)
    if not root or not path or not Path(path).resolve().is_relative_to(Path(root).resolve()):
        _show(ls, t.MessageType.Error, "agentls expert: Verify with tests needs a file inside the workspace.")
        return []
    doc = ls.workspace.get_text_document(uri)
    token = f"agentls-verify-{uuid.uuid4()}"
    window = ls.client_capabilities.window
    progress = bool(window and window.work_done_progress)
    if progress:
        await ls.work_done_progress.create_async(token)
        ls.work_done_progress.begin(token, t.WorkDoneProgressBegin(title=f"Verify with tests: {command}"))
    loop = asyncio.get_running_loop()

    def on_run(label: str, run: verify.Run | None) -> None:
        if progress:
            text = f"{label}: running" if run is None else f"{label}: {run.summary}"
            loop.call_soon_threadsafe(ls.work_done_progress.report, token, t.WorkDoneProgressReport(message=text))

    results: list[dict[str, Any]] = []
    lines: list[str] = []
    for name, d in offered:
        d.suggestions, _ = answers.reanchor(d.suggestions, doc.source)
        try:
            baseline, verdicts = await asyncio.to_thread(verify.verify, Path(root), Path(path), doc.source,
                                                         d.suggestions, command, verify.DEFAULT_TIMEOUT, on_run)
        except (ValueError, OSError) as exc:
            _show(ls, t.MessageType.Error, f"agentls expert: Verify with tests failed to run: {exc}")
            break
        d.suggestions = verify.with_verdicts(d.suggestions, verdicts)
        feature.store_diagnostics(ls, uri)
        lines.append(f"unchanged: {baseline.status}")
        lines += [f"#{v.index + 1} {v.title}: {v.run.status}" for v in verdicts]
        results.append({"expert": name, "baseline": baseline.status,
                        "verdicts": [{"index": v.index, "title": v.title, "status": v.run.status,
                                      "seconds": round(v.run.seconds, 2)} for v in verdicts]})
    await ls.deliver_late(uri)
    if progress:
        ls.work_done_progress.end(token, t.WorkDoneProgressEnd(message="; ".join(lines)))
    if lines:
        _show(ls, t.MessageType.Info, f"agentls expert: tests ({command}): " + "; ".join(lines))
    return results


def _applicable(feature: ExpertFeature, ls: AgentLanguageServer, uri: str) -> list[tuple[str, int]]:
    """(source, index) of every edit "apply all" takes: verified, no alternative, not failed by
    the tests, overlapping nothing taken before (another expert's edit, say)."""
    text = ls.workspace.get_text_document(uri).source
    taken: list[Suggestion] = []
    out: list[tuple[str, int]] = []
    for (u, name), d in feature.results.items():
        if u != uri:
            continue
        d.suggestions, _ = answers.reanchor(d.suggestions, text)  # indices as feature.edit sees them
        for i, s in enumerate(d.suggestions):
            if s.replacement is None or s.group or s.tests in (verify.FAILED, verify.TIMED_OUT):
                continue
            if any(s.start_line <= o.end_line and o.start_line <= s.end_line for o in taken):
                continue
            taken.append(s)
            out.append((name, i))
    return out


def apply_all_actions(feature: ExpertFeature, ls: AgentLanguageServer, uri: str) -> list[t.CodeAction]:
    count = len(_applicable(feature, ls, uri))
    if count < 2:
        return []  # one edit has its own quick fix
    title = f"Apply all {count} verified expert edits (alternatives left out)"
    return [t.CodeAction(title=title, kind=t.CodeActionKind.Source,
                         command=t.Command(title, APPLY_ALL, arguments=[uri]))]


async def apply_all(feature: ExpertFeature, ls: AgentLanguageServer, uri: str) -> bool:
    """One workspace edit with every applicable edit, through ``workspace/applyEdit``."""
    text_edits: list[t.TextEdit | t.AnnotatedTextEdit] = []
    for name, i in _applicable(feature, ls, uri):
        one = feature.edit(ls, uri, name, i)
        if one is None:
            continue
        if one.document_changes:
            text_edits += [e for dc in one.document_changes if isinstance(dc, t.TextDocumentEdit)
                           for e in dc.edits if isinstance(e, (t.TextEdit, t.AnnotatedTextEdit))]
        elif one.changes:
            text_edits += one.changes.get(uri, [])
    if not text_edits:
        _show(ls, t.MessageType.Info, "agentls expert: no verified edit to apply in this file.")
        return False
    doc = ls.workspace.get_text_document(uri)
    if ls.document_changes:
        ident = t.OptionalVersionedTextDocumentIdentifier(uri=uri, version=doc.version)
        annotated = any(isinstance(e, t.AnnotatedTextEdit) for e in text_edits)
        edit = t.WorkspaceEdit(document_changes=[t.TextDocumentEdit(text_document=ident, edits=text_edits)],
                               change_annotations={ANNOTATION: t.ChangeAnnotation(
                                   label=f"agentls expert: {len(text_edits)} edits", needs_confirmation=True,
                                   description="Suggested by a language model: review before applying.")}
                               if annotated else None)
    else:
        edit = t.WorkspaceEdit(changes={uri: [t.TextEdit(range=e.range, new_text=e.new_text) for e in text_edits]})
    result = await ls.workspace_apply_edit_async(t.ApplyWorkspaceEditParams(edit=edit, label="agentls expert"))
    return bool(result.applied)


def register(server: AgentLanguageServer, feature: ExpertFeature) -> None:
    @server.command(APPLY_ALL)
    async def apply_all_edits(ls: AgentLanguageServer, *args: Any) -> bool:
        return bool(args and isinstance(args[0], str)) and await apply_all(feature, ls, str(args[0]))

    @server.command(VERIFY)
    async def verify_with_tests(ls: AgentLanguageServer, *args: Any) -> list[dict[str, Any]]:
        return await run_verify(feature, ls, args)

    @server.command(LIST)
    def list_experts(ls: AgentLanguageServer, *args: Any) -> list[dict[str, Any]]:
        s = feature.settings(ls)
        found = experts.discover(ls.workspace.root_path, s.include_user_agents)
        current = experts.choose(found, s.default)
        return [{"name": e.name, "description": e.description, "origin": e.origin, "path": e.path,
                 "model": experts.resolve_model(e.model, s.model), "default": current is e} for e in found]

    @server.command(CHOOSE)
    async def choose(ls: AgentLanguageServer, *args: Any) -> str | None:
        s = feature.settings(ls)
        found = experts.discover(ls.workspace.root_path, s.include_user_agents)
        name = str(args[0]) if args and args[0] else None
        if name is None:
            window = ls.client_capabilities.window
            if not (window and window.show_message):
                return None
            picked = await ls.window_show_message_request_async(t.ShowMessageRequestParams(
                type=t.MessageType.Info, message="Which expert should answer?",
                actions=[t.MessageActionItem(title=e.name) for e in found]))
            name = picked.title if picked else None
        if name is None or experts.choose(found, name) is None:
            if name is not None:
                _show(ls, t.MessageType.Warning, f"agentls expert: no expert named {name!r}.")
            return None
        feature.chosen = name
        return name

    @server.command(CLEAR)
    def clear(ls: AgentLanguageServer, *args: Any) -> int:
        removed = cache.clear()
        _show(ls, t.MessageType.Info, f"agentls expert: removed {removed} cached file(s) from {cache.cache_dir()}.")
        return removed
