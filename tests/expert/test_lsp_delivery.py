"""What the editor shows of a checked answer, through the protocol (a real server subprocess,
the fake Messages API over real HTTP): verified edits, alternatives and withheld edits, cache
reads and cost, "Verify with tests", and where code may be sent."""

from __future__ import annotations

import asyncio
import json
import re
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest
import pytest_lsp
from lsprotocol import types as t
from pytest_lsp import ClientServerConfig, LanguageClient
from tests.conftest import SERVER_COMMAND, server_env
from tests.expert.fake_anthropic import FakeAnthropic
from tests.expert.test_lsp_expert import actions, run_action, session
from tests.expert.test_review_delivery import PROJECT, package
from tests.lsp.helpers import apply_text_edits, open_doc

FAKE = FakeAnthropic()
STATE = Path(tempfile.mkdtemp(prefix="agentls-expert-delivery-"))
ENV = server_env(ANTHROPIC_BASE_URL=FAKE.url, XDG_CACHE_HOME=str(STATE / "cache"), HOME=str(STATE / "home"))
# A gateway host that is not on this machine, reached (through an HTTP proxy) at the fake.
GATEWAY = "http://gateway.example"
THROUGH_PROXY = {**{k: v for k, v in ENV.items() if k != "ANTHROPIC_BASE_URL" and "proxy" not in k.lower()},
                 "HTTP_PROXY": FAKE.url}
KEY = "delivery-key-77"
SOURCE = ('def f(a, b):\n    return a + b\n\n\ndef g():\n    return 2\n\n'
          'SECRET_TOKEN = "ghp_abcdefghijklmnopqrstuvwxyz0123456789"\n')
VERIFIED = "verified: parses, names resolve"


def options(**expert: Any) -> dict[str, Any]:
    return {"expert": {"apiKey": KEY, "maxRetries": 0, "timeout": 5, **expert}}


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    FAKE.reset()
    shutil.rmtree(STATE / "cache", ignore_errors=True)
    return tmp_path


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER_COMMAND, server_env=ENV))
async def vscode(lsp_client: LanguageClient, ws: Path):  # type: ignore[no-untyped-def]
    lsp_client.ws = ws  # type: ignore[attr-defined]
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER_COMMAND, server_env=THROUGH_PROXY))
async def gateway(lsp_client: LanguageClient, ws: Path):  # type: ignore[no-untyped-def]
    lsp_client.ws = ws  # type: ignore[attr-defined]
    yield
    await lsp_client.shutdown_session()


def progress_ends(client: LanguageClient, title: str) -> list[str]:
    return [r[-1].message or "" for r in client.progress_reports.values()
            if r and getattr(r[0], "title", "").startswith(title) and r[-1].kind == "end"]


async def review(client: LanguageClient, uri: str, text: str, expert: str = "python-architect") -> str:
    open_doc(client, uri, text, "python")
    ask = next(a for a in await actions(client, uri, t.Range(t.Position(0, 0), t.Position(0, 0)))
               if a.title.startswith(f"Ask {expert}: review"))
    await run_action(client, ask)
    await asyncio.sleep(0.2)
    return ask.title


def diagnostics(client: LanguageClient, uri: str) -> list[t.Diagnostic]:
    return [d for d in client.diagnostics.get(uri, []) if (d.source or "").startswith("agentls expert")]


@pytest.mark.asyncio
async def test_editor_offers_only_verified_edits_marks_alternatives_and_shows_cost(vscode: LanguageClient) -> None:
    ws: Path = vscode.ws  # type: ignore[attr-defined]
    (ws / "pkg").mkdir()
    (ws / "pkg" / "calc.py").write_text(SOURCE)
    uri = (ws / "pkg" / "calc.py").as_uri()
    await session(vscode, "visual-studio-code", ws, options())
    FAKE.tool_input = {"summary": "s", "suggestions": [
        {"title": "Rename", "rationale": "r", "severity": "hint", "start_line": 1, "end_line": 2,
         "original": "def f(a, b):\n    return a + b\n",
         "replacement": "def total(a, b):\n    return a + b\n\n\nf = total\n"},
        {"title": "Swap", "rationale": "r", "severity": "hint", "start_line": 2, "end_line": 2,
         "original": "    return a + b\n", "replacement": "    return b + a\n"},
        {"title": "Broken", "rationale": "r", "severity": "info", "start_line": 5, "end_line": 6,
         "original": "def g():\n    return 2\n", "replacement": "def g(:\n    return 2\n"},
        {"title": "Env", "rationale": "r", "severity": "info", "start_line": 8, "end_line": 8,
         "original": 'SECRET_TOKEN = "***MASKED***"\n', "replacement": "SECRET_TOKEN = ''\n"}]}
    title = await review(vscode, uri, SOURCE)
    assert "`original` must repeat" in FAKE.messages()[0].body["tools"][0]["description"]
    # before it is sent: the estimate in the action's title and in the progress
    assert re.search(r"\(~[\d,]+ input tokens, ≈\$\d+\.\d{3}\)$", title), title
    (reports,) = [r for r in vscode.progress_reports.values() if r and getattr(r[0], "title", "").startswith("Asking")]
    assert any("cacheable), 1 secret(s) masked, estimated $" in (r.message or "") for r in reports[1:-1])
    by_title = {d.message.split(":")[0]: d.message for d in diagnostics(vscode, uri)}
    assert VERIFIED in by_title["Rename"] and VERIFIED in by_title["Swap"]
    assert "no edit offered: the edited module would not parse" in by_title["Broken"]
    assert "no edit offered: it would rewrite a line holding a masked secret" in by_title["Env"]
    every = t.Range(t.Position(0, 0), t.Position(8, 0))
    applies = sorted(a.title for a in await actions(vscode, uri, every) if a.title.startswith("Apply"))
    assert applies == [f"Apply alternative: Rename (overlaps #2) ({VERIFIED})",
                       f"Apply alternative: Swap (overlaps #1) ({VERIFIED})"]
    (end,) = progress_ends(vscode, "Asking")
    assert end.startswith("4 suggestion(s) from python-architect (claude-sonnet-5-5); ")
    assert "read from the prompt cache" in end and "about $" in end
    # The key never comes back in anything the server sent.
    sent = json.dumps([[m.message for m in vscode.messages], [m.message for m in vscode.log_messages],
                       [d.message for d in vscode.diagnostics.get(uri, [])], end])
    assert KEY not in sent


@pytest.mark.asyncio
async def test_second_module_of_a_package_reads_the_prompt_cache_and_the_editor_says_so(
        vscode: LanguageClient) -> None:
    ws: Path = vscode.ws  # type: ignore[attr-defined]
    package(ws)  # ws/ws/shop/..., with an Opus architect in ws/ws/.claude/agents
    root = ws / "ws"
    await session(vscode, "visual-studio-code", root, options(default="architect"))
    for name in ("orders", "billing"):
        path = root / "shop" / f"{name}.py"
        await review(vscode, path.as_uri(), path.read_text(), "architect")
    first, second = progress_ends(vscode, "Asking")
    assert [b.body["model"] for b in FAKE.messages()] == ["claude-opus-5-5"] * 2
    assert "(0 read from the prompt cache" in first
    found = re.search(r"\(([\d,]+) read from the prompt cache", second)
    assert found, second
    read = int(found.group(1).replace(",", ""))
    assert read > 512 and "about $" in second


@pytest.mark.asyncio
async def test_verify_with_tests_puts_the_verdict_on_each_suggestion(vscode: LanguageClient) -> None:
    ws: Path = vscode.ws  # type: ignore[attr-defined]
    root = ws / "project"
    shutil.copytree(PROJECT, root)
    cmd = f"{sys.executable} -m pytest -q -p no:cacheprovider"
    await session(vscode, "visual-studio-code", root, options(verifyCommand=cmd))
    FAKE.tool_input = {"summary": "s", "suggestions": [
        {"title": "Subtract", "rationale": "r", "severity": "info", "start_line": 4, "end_line": 5,
         "original": "def add(a, b):\n    return a + b\n", "replacement": "def add(a, b):\n    return a - b\n"},
        {"title": "Comprehension", "rationale": "r", "severity": "hint", "start_line": 8, "end_line": 12,
         "original": "def scale(values, factor):\n    result = []\n    for value in values:\n"
                     "        result.append(value * factor)\n    return result\n",
         "replacement": "def scale(values, factor):\n    return [value * factor for value in values]\n"}]}
    ops = root / "calc" / "ops.py"
    await review(vscode, ops.as_uri(), ops.read_text())
    # "Verify with tests" is a source action in any editor once the file has edits to test.
    (action,) = [a for a in await actions(vscode, ops.as_uri(), t.Range(t.Position(0, 0), t.Position(0, 0)))
                 if a.title.startswith("Verify")]
    assert action.title == f"Verify 2 expert edit(s) with tests ({cmd})" and action.command is not None
    result = await vscode.workspace_execute_command_async(t.ExecuteCommandParams(
        command=action.command.command, arguments=action.command.arguments))
    (one,) = result
    assert one["baseline"] == "passed"
    assert [(v["title"], v["status"]) for v in one["verdicts"]] == [("Subtract", "failed"), ("Comprehension", "passed")]
    await asyncio.sleep(0.2)
    by_title = {d.message.split(":")[0]: d.message for d in diagnostics(vscode, ops.as_uri())}
    assert "tests with this edit alone: failed" in by_title["Subtract"]
    assert "tests with this edit alone: passed" in by_title["Comprehension"]
    assert any("Subtract: failed" in m.message for m in vscode.messages)
    (end,) = progress_ends(vscode, "Verify with tests")
    assert "#1 Subtract: failed" in end and "#2 Comprehension: passed" in end


@pytest.mark.asyncio
async def test_base_url_from_settings_is_asked_once_per_host(gateway: LanguageClient) -> None:
    ws: Path = gateway.ws  # type: ignore[attr-defined]
    (ws / "calc.py").write_text(SOURCE)
    answers = ["Cancel", "Send to gateway.example"]
    asked: list[str] = []

    @gateway.feature(t.WINDOW_SHOW_MESSAGE_REQUEST)
    def ask(params: t.ShowMessageRequestParams) -> t.MessageActionItem:
        asked.append(params.message)
        return t.MessageActionItem(title=answers[min(len(asked), len(answers)) - 1])

    await session(gateway, "visual-studio-code", ws, options(baseUrl=GATEWAY))
    uri = (ws / "calc.py").as_uri()
    await review(gateway, uri, SOURCE)
    assert FAKE.messages() == [] and progress_ends(gateway, "Asking") == ["Cancelled: code not sent"]
    await review(gateway, uri, SOURCE)
    await review(gateway, uri, SOURCE.replace("2", "3"))
    assert len(asked) == 2 and "which is not the Anthropic API" in asked[0] and KEY not in asked[0]
    assert len(FAKE.messages()) == 2  # once approved, not asked again for that host
    assert FAKE.messages()[0].headers["host"] == "gateway.example"


@pytest.mark.asyncio
async def test_untrusted_workspace_cannot_choose_the_host(vscode: LanguageClient) -> None:
    ws: Path = vscode.ws  # type: ignore[attr-defined]
    (ws / "calc.py").write_text(SOURCE)
    opts = {**options(baseUrl="http://127.0.0.1:9", verifyCommand="touch pwned"), "workspaceTrusted": False}
    await session(vscode, "visual-studio-code", ws, opts)
    await review(vscode, (ws / "calc.py").as_uri(), SOURCE)
    assert len(FAKE.messages()) == 1  # ANTHROPIC_BASE_URL from the server's environment, not the setting
    result = await vscode.workspace_execute_command_async(t.ExecuteCommandParams(
        command="agentls.expert.verify", arguments=[(ws / "calc.py").as_uri()]))
    assert result == [] and not (ws / "pwned").exists()
    assert any("expert.verifyCommand is ignored in an untrusted workspace" in m.message for m in vscode.messages)


@pytest.mark.asyncio
async def test_a_gateway_on_this_machine_is_not_asked_about(gateway: LanguageClient) -> None:
    ws: Path = gateway.ws  # type: ignore[attr-defined]
    (ws / "calc.py").write_text(SOURCE)
    asked: list[str] = []

    @gateway.feature(t.WINDOW_SHOW_MESSAGE_REQUEST)
    def ask(params: t.ShowMessageRequestParams) -> None:
        asked.append(params.message)

    await session(gateway, "visual-studio-code", ws, options(baseUrl=FAKE.url))
    await review(gateway, (ws / "calc.py").as_uri(), SOURCE)
    assert asked == [] and len(FAKE.messages()) == 1


@pytest.mark.asyncio
async def test_apply_all_takes_the_verified_edits_and_leaves_the_alternatives_out(vscode: LanguageClient) -> None:
    ws: Path = vscode.ws  # type: ignore[attr-defined]
    text = "import os\n\n\ndef a():\n    return os.sep\n\n\ndef b():\n    return 1\n\n\ndef c():\n    return 2\n"
    (ws / "m.py").write_text(text)
    uri = (ws / "m.py").as_uri()
    await session(vscode, "visual-studio-code", ws, options())

    def edit(title: str, start: int, end: int, old: str, new: str) -> dict[str, Any]:
        return {"title": title, "rationale": "r", "severity": "hint", "start_line": start, "end_line": end,
                "original": old, "replacement": new}

    FAKE.tool_input = {"summary": "s", "suggestions": [
        edit("A", 4, 5, "def a():\n    return os.sep\n", "def a() -> str:\n    return os.sep\n"),
        edit("B", 8, 9, "def b():\n    return 1\n", "def b() -> int:\n    return 1\n"),
        edit("C1", 12, 13, "def c():\n    return 2\n", "def c() -> int:\n    return 2\n"),
        edit("C2", 13, 13, "    return 2\n", "    return 1 + 1\n")]}
    await review(vscode, uri, text)
    (action,) = [a for a in await actions(vscode, uri, t.Range(t.Position(0, 0), t.Position(0, 0)))
                 if a.title.startswith("Apply all")]
    assert action.title == "Apply all 2 verified expert edits (alternatives left out)" and action.command
    applied = await vscode.workspace_execute_command_async(t.ExecuteCommandParams(
        command=action.command.command, arguments=action.command.arguments))
    assert applied is True
    sent = vscode.applied_edits[-1].edit  # type: ignore[attr-defined]
    (change,) = sent.document_changes
    assert sent.change_annotations["agentls.expert"].needs_confirmation is True
    after = apply_text_edits(text, list(change.edits))
    assert after == text.replace("def a():", "def a() -> str:").replace("def b():", "def b() -> int:")
