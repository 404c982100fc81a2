"""expert.auto through the protocol: the server is a subprocess, the API the stdlib fake.

Each level: no request while typing; one request per save per changed symbol; a cache hit
for a symbol answered before; the budget enforced and reported; a dismissed suggestion stays
away until its code changes; a new edit cancels the stream; code lens, inline completion and
the follow-ups on what was delivered.
"""

from __future__ import annotations

import asyncio
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import pytest_lsp
from lsprotocol import types as t
from pytest_lsp import ClientServerConfig, LanguageClient
from tests.conftest import SERVER_COMMAND, server_env
from tests.expert.fake_anthropic import FakeAnthropic
from tests.expert.test_lsp_expert import actions
from tests.lsp.helpers import open_doc, start

FAKE = FakeAnthropic()
STATE = Path(tempfile.mkdtemp(prefix="agentls-auto-lsp-"))
ENV = server_env(ANTHROPIC_BASE_URL=FAKE.url, XDG_CACHE_HOME=str(STATE / "cache"), HOME=str(STATE / "home"))
CONFIG = ClientServerConfig(server_command=SERVER_COMMAND, server_env=ENV)
SOURCE = '''class Registry:
    _instance = None

    def __new__(cls):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance


def f(a, b):
    return a + b


def g():
    return 2
'''
LOCAL = "agentls expert (local)"
ON_SAVE = "agentls expert (python-architect, on save)"
F_NEW = "def f(a, b):\n    return a + b  # sum\n"
REPLACEMENT = "def total(a, b):\n    return a + b\n\n\nf = total\n"


def answer_for_f(original: str = F_NEW, rationale: str = "Names should say what they hold.") -> dict[str, Any]:
    return {"summary": "s", "suggestions": [{
        "title": "Rename `f` to `total`", "rationale": rationale, "severity": "info",
        "start_line": 10, "end_line": 11, "original": original, "replacement": REPLACEMENT}]}


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    FAKE.reset()
    FAKE.chunks, FAKE.chunk_delay = 40, 0.05
    shutil.rmtree(STATE / "cache", ignore_errors=True)
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "calc.py").write_text(SOURCE)
    return tmp_path


@pytest_lsp.fixture(config=CONFIG)
async def client(lsp_client: LanguageClient, ws: Path):  # type: ignore[no-untyped-def]
    lsp_client.ws = ws  # type: ignore[attr-defined]
    lsp_client.asked = []  # type: ignore[attr-defined]
    lsp_client.answer = "Send"  # type: ignore[attr-defined]

    @lsp_client.feature(t.WINDOW_SHOW_MESSAGE_REQUEST)
    def ask(params: t.ShowMessageRequestParams) -> t.MessageActionItem | None:
        lsp_client.asked.append(params)  # type: ignore[attr-defined]
        answer = lsp_client.answer  # type: ignore[attr-defined]
        return t.MessageActionItem(title=answer.pop(0) if isinstance(answer, list) else answer)

    lsp_client.lens_refreshes = 0  # type: ignore[attr-defined]

    @lsp_client.feature(t.WORKSPACE_CODE_LENS_REFRESH)
    def lens_refresh(params: None) -> None:
        lsp_client.lens_refreshes += 1  # type: ignore[attr-defined]

    yield
    await lsp_client.shutdown_session()


async def begin(client: LanguageClient, **expert: Any) -> str:
    ws = client.ws  # type: ignore[attr-defined]
    opts = {"expert": {"apiKey": "k-auto", "maxRetries": 0, "timeout": 20, "includeUserAgents": False,
                       "autoDebounce": 100, **expert}}
    if "workspaceTrusted" in expert:
        opts["workspaceTrusted"] = opts["expert"].pop("workspaceTrusted")
    await start(client, "visual-studio-code", ws.as_uri(), opts)
    uri = (ws / "pkg" / "calc.py").as_uri()
    open_doc(client, uri, SOURCE, "python")
    client.version = 1  # type: ignore[attr-defined]
    return uri


def edit(client: LanguageClient, uri: str, text: str) -> None:
    client.version += 1  # type: ignore[attr-defined]
    client.text_document_did_change(t.DidChangeTextDocumentParams(
        text_document=t.VersionedTextDocumentIdentifier(uri=uri, version=client.version),  # type: ignore[attr-defined]
        content_changes=[t.TextDocumentContentChangeWholeDocument(text=text)]))


def save(client: LanguageClient, uri: str) -> None:
    client.text_document_did_save(t.DidSaveTextDocumentParams(text_document=t.TextDocumentIdentifier(uri=uri)))


async def command(client: LanguageClient, name: str, *args: Any) -> Any:
    return await client.workspace_execute_command_async(t.ExecuteCommandParams(command=name, arguments=list(args)))


async def until(check: Callable[[], Any], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, "timed out"
        await asyncio.sleep(0.05)


async def status(client: LanguageClient) -> dict[str, Any]:
    found: dict[str, Any] = await command(client, "agentls.expert.autoStatus")
    return found


def diags(client: LanguageClient, uri: str, source: str) -> list[t.Diagnostic]:
    return [d for d in client.diagnostics.get(uri, []) if d.source == source]


async def settled(client: LanguageClient, key: str, value: int, timeout: float = 30.0) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while True:
        found = await status(client)
        if found[key] >= value and found["inFlight"] == 0:
            return found
        assert time.monotonic() < deadline, f"timed out: {found}"
        await asyncio.sleep(0.05)


@pytest.mark.asyncio
async def test_local_level_changed_symbols_only_debounced_and_dismiss(client: LanguageClient) -> None:
    uri = await begin(client, auto="local")
    for n in range(5):  # a burst of typing in g: one run after the pause
        edit(client, uri, SOURCE.replace("return 2", f"return {n}"))
    await settled(client, "localRuns", 1)
    await asyncio.sleep(0.3)
    assert (await status(client))["localRuns"] == 1
    assert diags(client, uri, LOCAL) == []  # Registry's singleton: not changed, not reported
    one = SOURCE.replace("_instance = None", "_instance = None  # one")
    edit(client, uri, one)
    await until(lambda: diags(client, uri, LOCAL))
    (d,) = diags(client, uri, LOCAL)
    assert d.severity == t.DiagnosticSeverity.Hint and d.message.startswith("Pass `Registry` in")
    assert FAKE.requests == []  # local never sends, key or not
    found = await actions(client, uri, d.range, [d])
    titles = [a.title for a in found or []]
    assert "Dismiss: Pass `Registry` in instead of reaching for its single instance" in titles
    assert not any(x.startswith(("Explain more", "Try again")) for x in titles)  # the local expert has no more
    (dismiss,) = [a for a in found or [] if a.title.startswith("Dismiss")]
    assert dismiss.command is not None
    assert await command(client, dismiss.command.command, *(dismiss.command.arguments or [])) == 1
    await until(lambda: diags(client, uri, LOCAL) == [])
    edit(client, uri, one.replace("# one", "# two"))  # its code changed: it comes back
    await until(lambda: diags(client, uri, LOCAL))
    edit(client, uri, one)  # the dismissed text again: it stays away
    await settled(client, "localRuns", 4)
    await asyncio.sleep(0.2)
    assert diags(client, uri, LOCAL) == []


@pytest.mark.asyncio
async def test_on_save_sends_each_changed_symbol_once_and_caches_by_its_text(client: LanguageClient) -> None:
    uri = await begin(client, auto="onSave")
    b = SOURCE.replace("return a + b", "return a + b  # sum").replace("return 2", "return 3")
    for text in (SOURCE.replace("return 2", "return 9"), b):  # typing in f and g: nothing is sent
        edit(client, uri, text)
    await asyncio.sleep(0.5)
    assert FAKE.messages() == [] and client.asked == []  # type: ignore[attr-defined]
    FAKE.tool_input = answer_for_f()
    save(client, uri)
    await settled(client, "requests", 2)
    (asked,) = client.asked  # type: ignore[attr-defined]
    assert "`f`, `g`" in asked.message and "input tokens" in asked.message and "outline" in asked.message
    users = sorted(m.body["messages"][0]["content"] for m in FAKE.messages())
    f_req, g_req = users
    assert "The function `f` (lines 10-11)" in f_req and "return 3" not in f_req and "def g(): ..." in f_req
    assert "The function `g` (lines 14-15)" in g_req and "return a + b" not in g_req
    await until(lambda: diags(client, uri, ON_SAVE))
    (d,) = diags(client, uri, ON_SAVE)
    assert d.message.startswith("Rename `f` to `total`") and d.severity == t.DiagnosticSeverity.Hint
    save(client, uri)  # nothing changed since the last save
    edit(client, uri, b.replace("# sum", "# total"))
    await asyncio.sleep(0.2)
    save(client, uri)  # f changed: one request
    await settled(client, "requests", 3)
    edit(client, uri, b)  # f back to the text answered first: from the cache
    save(client, uri)
    found = await settled(client, "cacheHits", 1)
    assert found["requests"] == 3 and len(FAKE.messages()) == 3
    await until(lambda: any(x.message.startswith("Rename") for x in diags(client, uri, ON_SAVE)))
    assert len(client.asked) == 1  # type: ignore[attr-defined]


@pytest.mark.asyncio
async def test_the_first_send_can_show_exactly_what_is_sent(client: LanguageClient) -> None:
    uri = await begin(client, auto="onSave")
    client.answer = ["Show what is sent", "Send"]  # type: ignore[attr-defined]
    edit(client, uri, SOURCE.replace("return 2", 'return "ghp_abcdefghijklmnopqrstuvwxyz0123456789"'))
    save(client, uri)
    await settled(client, "requests", 1)
    first, second = client.asked  # type: ignore[attr-defined]
    assert [a.title for a in first.actions] == ["Send", "Show what is sent", "Don't send"]
    assert [a.title for a in second.actions] == ["Send", "Don't send"]
    (shown,) = client.shown_documents
    preview = Path(shown.uri.removeprefix("file://")).read_text()
    (sent,) = FAKE.messages()
    assert sent.body["messages"][0]["content"] in preview and "ghp_abc" not in preview
    assert Path(shown.uri.removeprefix("file://")).is_relative_to(STATE)


@pytest.mark.asyncio
async def test_refused_or_untrusted_on_save_sends_nothing(client: LanguageClient) -> None:
    uri = await begin(client, auto="onSave")
    client.answer = "Don't send"  # type: ignore[attr-defined]
    edit(client, uri, SOURCE.replace("_instance = None", "_instance = None  # x"))
    save(client, uri)
    await until(lambda: diags(client, uri, LOCAL))  # the local expert answered instead
    edit(client, uri, SOURCE.replace("return 2", "return 5"))
    save(client, uri)
    await asyncio.sleep(0.4)
    assert FAKE.messages() == [] and len(client.asked) == 1  # type: ignore[attr-defined]
    assert (await status(client))["level"] == "local"
    assert any("nothing sent" in m.message for m in client.messages)


@pytest.mark.asyncio
async def test_untrusted_workspace_on_save_is_not_honoured(client: LanguageClient) -> None:
    uri = await begin(client, auto="onSave", workspaceTrusted=False)
    edit(client, uri, SOURCE.replace("return 2", "return 5"))
    save(client, uri)
    await settled(client, "localRuns", 1)
    await asyncio.sleep(0.3)
    assert FAKE.messages() == [] and client.asked == []  # type: ignore[attr-defined]
    assert any("untrusted" in m.message for m in client.messages)
    assert (await status(client))["level"] == "local"


@pytest.mark.asyncio
async def test_budget_enforced_and_reported(client: LanguageClient) -> None:
    uri = await begin(client, auto="onSave", autoBudget=1_000_000)
    edit(client, uri, SOURCE.replace("return 2", "return 3"))
    save(client, uri)
    spent = (await settled(client, "requests", 1))["spentTokens"]
    assert spent > 0
    client.workspace_did_change_configuration(t.DidChangeConfigurationParams(settings={"agentls": {"expert": {
        "apiKey": "k-auto", "maxRetries": 0, "includeUserAgents": False, "auto": "onSave", "autoDebounce": 100,
        "autoBudget": spent + 50}}}))
    await asyncio.sleep(0.2)
    edit(client, uri, SOURCE.replace("return 2", "return 4").replace("_instance = None", "_instance = None  # y"))
    save(client, uri)
    found = await settled(client, "overBudget", 2)
    assert found["requests"] == 1 and len(FAKE.messages()) == 1
    assert found["budget"] == f"{spent + 50:,} tokens per hour" and found["spentTokens"] == spent
    (warning,) = [m for m in client.messages if "over budget" in m.message]
    assert warning.type == t.MessageType.Warning and "`Registry`, `g`" in warning.message
    assert f"{spent:,} tokens" in warning.message
    await until(lambda: diags(client, uri, LOCAL))  # the local expert instead, for the changed class


@pytest.mark.asyncio
async def test_a_new_edit_to_the_symbol_cancels_the_stream(client: LanguageClient) -> None:
    uri = await begin(client, auto="onSave")
    FAKE.mode, FAKE.chunks, FAKE.chunk_delay = "slow-stream", 400, 0.05  # 20 s of answer
    text = SOURCE.replace("return a + b", "return a + b  # sum")
    edit(client, uri, text)
    save(client, uri)
    await until(lambda: FAKE.messages())
    assert (await status(client))["inFlight"] == 1
    started = time.monotonic()
    hover = await asyncio.wait_for(client.text_document_hover_async(t.HoverParams(
        text_document=t.TextDocumentIdentifier(uri=uri), position=t.Position(0, 7))), 2)
    assert hover is None or hover
    edit(client, uri, text.replace("return 2", "return 7"))  # another symbol: the stream goes on
    await asyncio.sleep(0.3)
    assert (await status(client))["inFlight"] == 1
    edit(client, uri, text.replace("# sum", "# sum of both"))  # the symbol in flight
    found = await settled(client, "cancelled", 1, timeout=8)
    assert time.monotonic() - started < 10 and found["requests"] == 0
    ends = [r for rs in client.progress_reports.values() for r in rs if getattr(r, "kind", "") == "end"]
    assert any(r.message == "Cancelled: `f` was edited" for r in ends)
    assert diags(client, uri, ON_SAVE) == []


@pytest.mark.asyncio
async def test_code_lens_inline_completion_apply_and_follow_up(client: LanguageClient) -> None:
    uri = await begin(client, auto="onSave")
    text = SOURCE.replace("return a + b", "return a + b  # sum")
    FAKE.tool_input = answer_for_f()
    edit(client, uri, text)
    save(client, uri)
    await settled(client, "requests", 1)
    await until(lambda: diags(client, uri, ON_SAVE))
    lenses = await client.text_document_code_lens_async(t.CodeLensParams(
        text_document=t.TextDocumentIdentifier(uri=uri)))
    assert [(x.range.start.line, x.command.title) for x in lenses or [] if x.command] == [
        (9, "agentls: 1 suggestion"), (9, "Show"), (9, "Apply"), (9, "Dismiss")]
    ghost = await client.text_document_inline_completion_async(t.InlineCompletionParams(
        text_document=t.TextDocumentIdentifier(uri=uri), position=t.Position(10, 6),
        context=t.InlineCompletionContext(trigger_kind=t.InlineCompletionTriggerKind.Automatic)))
    assert isinstance(ghost, t.InlineCompletionList)
    (item,) = ghost.items
    # from the first change ("def " is kept) to the end of the suggestion's lines
    assert item.insert_text == REPLACEMENT.rstrip("\n").removeprefix("def ") and item.range is not None
    assert (item.range.start.line, item.range.start.character) == (9, 4)
    assert (item.range.end.line, item.range.end.character) == (10, len("    return a + b  # sum"))
    outside = await client.text_document_inline_completion_async(t.InlineCompletionParams(
        text_document=t.TextDocumentIdentifier(uri=uri), position=t.Position(14, 4),
        context=t.InlineCompletionContext(trigger_kind=t.InlineCompletionTriggerKind.Automatic)))
    assert outside is None
    # Explain more: one short request; the answer replaces the suggestion in place
    (d,) = diags(client, uri, ON_SAVE)
    FAKE.tool_input = answer_for_f(rationale="Longer: `f` says nothing; callers read `total`.")
    fixes = {a.title: a for a in await actions(client, uri, d.range, [d])}
    assert {"Explain more: Rename `f` to `total`", "Try again: Rename `f` to `total`",
            "Dismiss: Rename `f` to `total`"} <= set(fixes)
    explain = fixes["Explain more: Rename `f` to `total`"].command
    assert explain is not None and explain.arguments == [uri, ON_SAVE, 0]
    assert await command(client, explain.command, *explain.arguments) is True
    follow = FAKE.messages()[-1].body
    assert len(FAKE.messages()) == 2 and follow["max_tokens"] <= 2048
    assert "Your earlier suggestion" in follow["messages"][0]["content"]
    await until(lambda: any("Longer" in x.message for x in diags(client, uri, ON_SAVE)))
    assert len(diags(client, uri, ON_SAVE)) == 1
    # Try again: a different suggestion takes its place (never served from the cache)
    retry_answer = answer_for_f()
    retry_answer["suggestions"][0]["title"] = "Name `f` after what it returns"
    FAKE.tool_input = retry_answer
    assert await command(client, "agentls.expert.retry", uri, ON_SAVE, 0) is True
    assert len(FAKE.messages()) == 3 and "Try again" in FAKE.messages()[-1].body["messages"][0]["content"]
    await until(lambda: [x.message.split(":")[0] for x in diags(client, uri, ON_SAVE)]
                == ["Name `f` after what it returns"])
    # Apply from the lens: the same verified edit as the quick fix
    (apply,) = [x for x in lenses or [] if x.command and x.command.title == "Apply"]
    assert apply.command is not None
    assert client.lens_refreshes >= 2  # type: ignore[attr-defined]  # delivered, then replaced
    assert await command(client, apply.command.command, *(apply.command.arguments or [])) is True
    assert client.applied_edits  # type: ignore[attr-defined]
