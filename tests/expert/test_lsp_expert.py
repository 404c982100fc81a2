"""The expert through the protocol: action -> resolve -> progress -> diagnostics -> Apply -> text.

The server is a real subprocess; the Anthropic API is the stdlib fake in this process, reached
through ANTHROPIC_BASE_URL. The key comes from the client's settings (initializationOptions).
"""

from __future__ import annotations

import ast
import asyncio
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
import pytest_lsp
from lsprotocol import types as t
from pygls.exceptions import JsonRpcRequestCancelled
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities
from tests.conftest import SERVER_COMMAND, server_env
from tests.expert.fake_anthropic import TOOL_INPUT, FakeAnthropic
from tests.lsp.helpers import apply_text_edits, open_doc

FAKE = FakeAnthropic()
STATE = Path(tempfile.mkdtemp(prefix="agentls-expert-lsp-"))  # cache and home, never the real ones
ENV = server_env(ANTHROPIC_BASE_URL=FAKE.url, XDG_CACHE_HOME=str(STATE / "cache"), HOME=str(STATE / "home"))
CONFIG = ClientServerConfig(server_command=SERVER_COMMAND, server_env=ENV)
SOURCE = ('def f(a, b):\n    return a + b\n\n\ndef g():\n    return 2\n\n'
          'SECRET_TOKEN = "ghp_abcdefghijklmnopqrstuvwxyz0123456789"\n')
KEY = "client-key-42"
EXPERT = "agentls expert (python-architect)"


def options(**expert: Any) -> dict[str, Any]:
    return {"expert": {"apiKey": KEY, "maxRetries": 0, "timeout": 5, **expert}}


async def session(client: LanguageClient, recorded: str, root: Path, opts: Any) -> None:
    """Like tests.lsp.helpers.start, self-contained: applyEdit and registerCapability answered."""
    @client.feature(t.WORKSPACE_APPLY_EDIT)
    def apply_edit(params: t.ApplyWorkspaceEditParams) -> t.ApplyWorkspaceEditResult:
        client.applied_edits.append(params)  # type: ignore[attr-defined]
        return t.ApplyWorkspaceEditResult(applied=True)

    @client.feature(t.CLIENT_REGISTER_CAPABILITY)  # other features register file watchers
    def register(params: t.RegistrationParams) -> None:
        return None

    client.applied_edits = []  # type: ignore[attr-defined]
    await client.initialize_session(t.InitializeParams(
        capabilities=client_capabilities(recorded), root_uri=root.as_uri(),
        workspace_folders=[t.WorkspaceFolder(uri=root.as_uri(), name="ws")], initialization_options=opts))


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    FAKE.reset()
    shutil.rmtree(STATE / "cache", ignore_errors=True)
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "calc.py").write_text(SOURCE)
    return tmp_path


@pytest_lsp.fixture(config=CONFIG, params=["visual-studio-code", "neovim", "emacs"])
async def client(lsp_client: LanguageClient, request: pytest.FixtureRequest, ws: Path):  # type: ignore[no-untyped-def]
    lsp_client.recorded = request.param  # type: ignore[attr-defined]
    lsp_client.ws = ws  # type: ignore[attr-defined]
    await session(lsp_client, request.param, ws, options())
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=CONFIG)
async def vscode(lsp_client: LanguageClient, ws: Path):  # type: ignore[no-untyped-def]
    lsp_client.ws = ws  # type: ignore[attr-defined]
    await session(lsp_client, "visual-studio-code", ws, options())
    yield
    await lsp_client.shutdown_session()


def uri_of(client: LanguageClient) -> str:
    return (client.ws / "pkg" / "calc.py").as_uri()  # type: ignore[attr-defined]


async def actions(client: LanguageClient, uri: str, rng: t.Range,
                  diags: list[t.Diagnostic] | None = None) -> list[t.CodeAction]:
    found = await client.text_document_code_action_async(t.CodeActionParams(
        text_document=t.TextDocumentIdentifier(uri=uri), range=rng,
        context=t.CodeActionContext(diagnostics=diags or [])))
    out = []
    for a in found or []:
        if isinstance(a, t.Command) and a.command.startswith("{"):
            # lsprotocol's client-side hook reads any code action that has a `command` as a
            # Command (stringifying the nested one); rebuild the CodeAction the server sent.
            inner = ast.literal_eval(a.command)
            a = t.CodeAction(title=a.title, command=t.Command(inner["title"], inner["command"],
                                                              arguments=inner.get("arguments")))
        out.append(a)
    return out


async def run_action(client: LanguageClient, action: t.CodeAction) -> None:
    """What the editor does when the user picks the action: resolve, or run its command."""
    if action.command is None:
        await client.code_action_resolve_async(action)
    else:
        await client.workspace_execute_command_async(t.ExecuteCommandParams(
            command=action.command.command, arguments=action.command.arguments))


async def expert_diagnostics(client: LanguageClient, uri: str) -> list[t.Diagnostic]:
    if getattr(client, "recorded", "") == "neovim":
        # Neovim pulls, but cannot be asked to pull again when the answer arrives: the
        # expert's diagnostics are pushed to it, and left out of what it pulls.
        report = await client.text_document_diagnostic_async(t.DocumentDiagnosticParams(
            text_document=t.TextDocumentIdentifier(uri=uri)))
        assert not [d for d in report.items if d.source == EXPERT]
    items = list(client.diagnostics.get(uri, []))
    return [d for d in items if d.source == EXPERT]


RANGE0 = t.Range(t.Position(0, 0), t.Position(0, 0))


def expert_progress(client: LanguageClient) -> list[Any]:
    """The expert's progress reports (the server also reports indexing the workspace's Python files)."""
    # A token without reports is the index's, created when the client was too slow to
    # accept it in time (a loaded machine): the index then goes on without progress.
    (reports,) = [rs for rs in client.progress_reports.values()
                  if rs and getattr(rs[0], "title", None) != "Indexing Python files"]
    return reports


@pytest.mark.asyncio
async def test_review_progress_diagnostics_apply_per_client(client: LanguageClient) -> None:
    uri, recorded = uri_of(client), client.recorded  # type: ignore[attr-defined]
    open_doc(client, uri, SOURCE, "python")
    (ask,) = [a for a in await actions(client, uri, RANGE0) if a.title.startswith("Ask python-architect")]
    assert ask.title.startswith("Ask python-architect: review this module (~") and "input tokens" in ask.title
    assert ask.edit is None and ask.tags is None  # none of the recordings declares tagSupport
    assert ask.kind == t.CodeActionKind.Source or recorded == "emacs"  # emacs: kind lost by the client parse
    if recorded == "emacs":  # no codeAction/resolve: the command fallback
        assert ask.command is not None and ask.command.command == "agentls.expert.run"
    else:
        assert ask.command is None and ask.data["what"] == "review"
    await run_action(client, ask)
    # progress: begin, reports, end
    reports = expert_progress(client)
    assert reports[0].kind == "begin" and reports[0].cancellable is True
    assert any(r.kind == "report" and "input tokens" in (r.message or "") for r in reports)
    assert reports[-1].kind == "end" and "1 suggestion(s)" in (reports[-1].message or "")
    # what the fake received
    (sent,) = FAKE.messages()
    body = sent.body
    assert sent.headers["authorization"] == f"Bearer {KEY}"
    assert body["model"] == "claude-sonnet-5-5" and body["stream"] is True
    assert body["system"][1]["cache_control"] == {"type": "ephemeral"}
    assert body["system"][0]["text"].startswith("You are a senior Python architect")
    user = body["messages"][0]["content"]
    assert "ghp_abc" not in user and "***MASKED***" in user and "Pattern detector findings" in user
    # delivery: diagnostics, the review document
    await asyncio.sleep(0.2)
    (diag,) = await expert_diagnostics(client, uri)
    assert diag.severity == t.DiagnosticSeverity.Hint and diag.message.startswith("Rename `f` to `total`")
    assert (diag.range.start.line, diag.range.end.line) == (0, 1)
    if recorded == "emacs":
        assert any("review written to" in m.message for m in client.messages)
    else:
        (shown,) = client.shown_documents
        assert shown.uri.endswith(".md") and Path(shown.uri.removeprefix("file://")).is_relative_to(STATE)
    # Apply: resolved lazily to an edit, annotated (needs confirmation) where the client can preview
    (apply,) = [a for a in await actions(client, uri, diag.range, [diag]) if a.title.startswith("Apply:")]
    assert apply.title == "Apply: Rename `f` to `total` (verified: parses, names resolve)" and apply.command is None
    assert apply.diagnostics and apply.diagnostics[0].message == diag.message
    if recorded == "emacs":  # no resolve: the edit comes with the action
        edit = apply.edit
    else:
        assert apply.edit is None
        edit = (await client.code_action_resolve_async(apply)).edit
    # the same edit through workspace/applyEdit, for scripts and keybindings
    applied = await client.workspace_execute_command_async(t.ExecuteCommandParams(
        command="agentls.expert.apply", arguments=[uri, EXPERT, 0]))
    assert applied is True and client.applied_edits[-1].edit == edit  # type: ignore[attr-defined]
    if recorded == "visual-studio-code":
        (doc_edit,) = edit.document_changes
        (text_edit,) = doc_edit.edits
        assert isinstance(text_edit, t.AnnotatedTextEdit)
        annotation = edit.change_annotations[text_edit.annotation_id]
        assert annotation.needs_confirmation is True
    elif recorded == "neovim":  # no annotations, no documentChanges declared
        assert edit.change_annotations is None and edit.document_changes is None
        (text_edit,) = edit.changes[uri]
    else:
        (text_edit,) = edit.document_changes[0].edits
        assert not isinstance(text_edit, t.AnnotatedTextEdit)
    new_text = apply_text_edits(SOURCE, [text_edit])
    assert new_text.startswith("def total(a, b):\n    return a + b\n\n\nf = total\n\n\ndef g():")
    client.text_document_did_change(t.DidChangeTextDocumentParams(
        text_document=t.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[t.TextDocumentContentChangeWholeDocument(text=new_text)]))
    await asyncio.sleep(0.3)
    assert await expert_diagnostics(client, uri) == []  # the applied suggestion no longer matches


@pytest.mark.asyncio
async def test_refactor_selection_is_a_rewrite_with_the_lines_sent(vscode: LanguageClient) -> None:
    uri = uri_of(vscode)
    open_doc(vscode, uri, SOURCE, "python")
    sel = t.Range(t.Position(4, 0), t.Position(6, 0))
    (ask,) = [a for a in await actions(vscode, uri, sel) if "refactor selection" in a.title]
    assert ask.kind == t.CodeActionKind.RefactorRewrite and ask.data["lines"] == [5, 6]
    only = await vscode.text_document_code_action_async(t.CodeActionParams(
        text_document=t.TextDocumentIdentifier(uri=uri), range=sel,
        context=t.CodeActionContext(diagnostics=[], only=[t.CodeActionKind.Source])))
    assert [a.kind for a in only or []] == [t.CodeActionKind.Source]
    await vscode.code_action_resolve_async(ask)
    assert "Refactor lines 5-6" in FAKE.messages()[0].body["messages"][0]["content"]


@pytest.mark.asyncio
async def test_cancel_aborts_the_stream_and_the_server_keeps_answering(vscode: LanguageClient) -> None:
    uri = uri_of(vscode)
    open_doc(vscode, uri, SOURCE, "python")
    FAKE.mode, FAKE.chunks, FAKE.chunk_delay = "slow-stream", 200, 0.05
    try:
        (ask,) = [a for a in await actions(vscode, uri, RANGE0) if a.title.startswith("Ask")]
        task = asyncio.create_task(vscode.protocol.send_request_async(t.CODE_ACTION_RESOLVE, ask, msg_id="r1"))
        for _ in range(100):
            await asyncio.sleep(0.05)
            reports = [r for rs in vscode.progress_reports.values() for r in rs]
            if any("receiving" in (getattr(r, "message", "") or "") for r in reports):
                break
        hover = await asyncio.wait_for(vscode.text_document_hover_async(t.HoverParams(
            text_document=t.TextDocumentIdentifier(uri=uri), position=t.Position(0, 4))), 2)
        assert hover is None or hover  # answered while the stream is open
        vscode.protocol.notify(t.CANCEL_REQUEST, t.CancelParams(id="r1"))
        with pytest.raises(JsonRpcRequestCancelled):
            await asyncio.wait_for(task, 5)
        await asyncio.sleep(0.2)
        reports = expert_progress(vscode)
        assert reports[-1].kind == "end" and reports[-1].message == "Cancelled"
        assert await expert_diagnostics(vscode, uri) == [] and vscode.applied_edits == []  # type: ignore[attr-defined]
    finally:
        FAKE.chunks, FAKE.chunk_delay = 40, 0.05


@pytest.mark.asyncio
async def test_edits_before_the_answer_re_anchor_or_drop(vscode: LanguageClient) -> None:
    uri = uri_of(vscode)
    open_doc(vscode, uri, SOURCE, "python")
    FAKE.mode, FAKE.chunks = "slow-stream", 20
    FAKE.tool_input = {"summary": "s", "suggestions": [
        TOOL_INPUT["suggestions"][0],
        {"title": "Inline g", "rationale": "r", "severity": "info", "start_line": 5, "end_line": 6}]}
    (ask,) = [a for a in await actions(vscode, uri, RANGE0) if a.title.startswith("Ask")]
    task = asyncio.create_task(vscode.code_action_resolve_async(ask))
    await asyncio.sleep(0.3)
    edited = "import math\n\n" + SOURCE.replace("return 2", "return 3")
    vscode.text_document_did_change(t.DidChangeTextDocumentParams(
        text_document=t.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[t.TextDocumentContentChangeWholeDocument(text=edited)]))
    await asyncio.wait_for(task, 10)
    await asyncio.sleep(0.2)
    (diag,) = await expert_diagnostics(vscode, uri)
    assert diag.message.startswith("Rename") and diag.range.start.line == 2
    assert any("1 suggestion(s) no longer match" in m.message for m in vscode.messages)


@pytest.mark.asyncio
@pytest.mark.parametrize("mode, words", [
    ("401", "rejected the API key"), ("529", "overloaded"), ("500", "server error"), ("429", "Rate limited"),
    ("drop", "connection dropped"), ("midstream", "middle of the answer"), ("malformed", "expected shape"),
])
async def test_failures_end_in_a_message_and_no_edit(vscode: LanguageClient, mode: str, words: str) -> None:
    uri = uri_of(vscode)
    open_doc(vscode, uri, SOURCE, "python")
    FAKE.mode = mode
    (ask,) = [a for a in await actions(vscode, uri, RANGE0) if a.title.startswith("Ask")]
    resolved = await vscode.code_action_resolve_async(ask)
    assert resolved.edit is None
    (msg,) = [m for m in vscode.messages if m.type == t.MessageType.Error]
    assert words in msg.message and KEY not in msg.message
    assert await expert_diagnostics(vscode, uri) == []
    reports = expert_progress(vscode)
    assert reports[-1].kind == "end" and reports[-1].message == "Failed"
    hover = await vscode.text_document_hover_async(t.HoverParams(
        text_document=t.TextDocumentIdentifier(uri=uri), position=t.Position(0, 4)))
    assert hover is None or hover  # still alive


@pytest_lsp.fixture(config=CONFIG)
async def keyless(lsp_client: LanguageClient, ws: Path):  # type: ignore[no-untyped-def]
    lsp_client.ws = ws  # type: ignore[attr-defined]
    (ws / "pkg" / "domain").mkdir()
    patterns = {"godClass": {"atfd": 1, "wmc": 5, "tcc": 0.5}, "layers": ["domain", "adapters"]}
    await session(lsp_client, "visual-studio-code", ws, {"expert": {"includeUserAgents": False},
                                                         "patterns": patterns})
    yield
    await lsp_client.shutdown_session()


GOD = """from pkg.adapters.db import SqlRepo


class Orders:
    def place(self, o):
        self.repo.save(o.id)

    def cancel(self, o):
        self.repo.delete(o)

    def confirm(self, o):
        self.mailer.send(o.email)

    def remind(self, o):
        self.mailer.send(o)

    def find(self, o):
        return self.repo.get(o)

    def ping(self):
        return self.mailer.ok()
"""
DB = "class SqlRepo:\n    def save(self, o): ...\n"


@pytest.mark.asyncio
async def test_local_expert_without_a_key(keyless: LanguageClient) -> None:
    """The local expert advises on what the pattern engine found with the editor's pattern
    settings (thresholds lowered for this small class, two layers of our own)."""
    path = keyless.ws / "pkg" / "domain" / "orders.py"  # type: ignore[attr-defined]
    path.write_text(GOD)
    db = keyless.ws / "pkg" / "adapters" / "db.py"  # type: ignore[attr-defined]
    db.parent.mkdir()
    db.write_text(DB)
    open_doc(keyless, db.as_uri(), DB, "python")  # in the index whether or not the walk is done
    uri = path.as_uri()
    open_doc(keyless, uri, GOD, "python")
    (ask,) = [a for a in await actions(keyless, uri, RANGE0) if a.title.startswith("Ask")]
    assert ask.title == "Ask python-architect: review this module (local, no API call)"
    await keyless.code_action_resolve_async(ask)
    await asyncio.sleep(0.2)
    found = {d.message.split(":")[0]: d for d in await expert_diagnostics(keyless, uri)}
    assert sorted(found) == ["Invert the dependency on `pkg.adapters.db` behind a protocol",
                             "Split `Orders` along the groups of methods that share fields"]
    review = Path(keyless.shown_documents[0].uri.removeprefix("file://")).read_text()
    assert "local expert, no API call" in review and FAKE.requests == []
    assert "WMC 6 ≥ 5" in review  # the engine's measurement against the editor's threshold


@pytest.mark.asyncio
async def test_list_choose_and_clear_cache(vscode: LanguageClient) -> None:
    agents = vscode.ws / ".claude" / "agents"  # type: ignore[attr-defined]
    agents.mkdir(parents=True)
    (agents / "ddd.md").write_text("---\nname: ddd-coach\ndescription: DDD.\nmodel: haiku\n---\nYou coach DDD.\n")

    async def command(name: str, *args: Any) -> Any:
        return await vscode.workspace_execute_command_async(t.ExecuteCommandParams(command=name, arguments=list(args)))

    listed = {e["name"]: e for e in await command("agentls.expert.list")}
    assert listed["ddd-coach"]["origin"] == "workspace" and listed["ddd-coach"]["model"] == "claude-haiku-5-5"
    assert listed["python-architect"]["default"] is True
    assert await command("agentls.expert.choose", "ddd-coach") == "ddd-coach"
    uri = uri_of(vscode)
    open_doc(vscode, uri, SOURCE, "python")
    (ask,) = [a for a in await actions(vscode, uri, RANGE0) if a.title.startswith("Ask")]
    assert ask.title.startswith("Ask ddd-coach:")
    await vscode.code_action_resolve_async(ask)
    assert FAKE.messages()[-1].body["model"] == "claude-haiku-5-5"
    assert await command("agentls.expert.clearCache") >= 2
    assert os.path.isdir(STATE)
