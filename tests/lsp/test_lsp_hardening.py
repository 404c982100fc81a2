"""QA: agent-file diagnostics through the protocol, the way an editor drives them."""

from __future__ import annotations

import asyncio

import pytest
import pytest_lsp
from lsprotocol import types as t
from pytest_lsp import LanguageClient, client_capabilities
from tests.conftest import CONFIG
from tests.lsp.helpers import apply_text_edits, open_doc, published

URI = "file:///ws/.claude/agents/reviewer.md"
COLOR = "---\nname: reviewer\ndescription: Reviews code\ncolor: chartreuse\n---\nBody\n"


@pytest.mark.asyncio
async def test_ignore_setting_applies_to_open_documents(vscode: LanguageClient) -> None:
    diags = await published(vscode, URI, lambda: open_doc(vscode, URI, COLOR))
    assert "AG141" in [d.code for d in diags]

    def ignore() -> None:
        vscode.workspace_did_change_configuration(t.DidChangeConfigurationParams(
            settings={"agentls": {"ignore": ["AG141"]}}))

    diags = await published(vscode, URI, ignore)
    assert "AG141" not in [d.code for d in diags]


@pytest.mark.asyncio
async def test_reopened_document_is_checked_again(vscode: LanguageClient) -> None:
    diags = await published(vscode, URI, lambda: open_doc(vscode, URI, COLOR))
    assert "AG141" in [d.code for d in diags]
    cleared = await published(vscode, URI, lambda: vscode.text_document_did_close(
        t.DidCloseTextDocumentParams(text_document=t.TextDocumentIdentifier(uri=URI))))
    assert cleared == []
    # Fixed on disk while closed; the editor opens it again, at version 1 again.
    fixed = COLOR.replace("chartreuse", "green")
    diags = await published(vscode, URI, lambda: open_doc(vscode, URI, fixed))
    assert "AG141" not in [d.code for d in diags]


@pytest_lsp.fixture(config=CONFIG)
async def puller(lsp_client: LanguageClient):  # type: ignore[no-untyped-def]
    """A pull-diagnostics client that supports `workspace/diagnostic/refresh` (VS Code does)."""
    caps = client_capabilities("neovim")
    caps.workspace.diagnostics = t.DiagnosticWorkspaceClientCapabilities(refresh_support=True)
    await lsp_client.initialize_session(t.InitializeParams(capabilities=caps))
    yield
    await lsp_client.shutdown_session()


async def _pull(client: LanguageClient) -> list[str]:
    report = await client.text_document_diagnostic_async(t.DocumentDiagnosticParams(
        text_document=t.TextDocumentIdentifier(uri=URI)))
    assert isinstance(report, t.RelatedFullDocumentDiagnosticReport)
    return [str(d.code) for d in report.items]


@pytest.mark.asyncio
async def test_settings_change_asks_a_pull_client_to_pull_again(puller: LanguageClient) -> None:
    open_doc(puller, URI, COLOR)
    assert "AG141" in await _pull(puller)
    puller.workspace_did_change_configuration(t.DidChangeConfigurationParams(
        settings={"agentls": {"ignore": ["AG141"]}}))
    for _ in range(100):
        if puller.diagnostic_refresh_count:
            break
        await asyncio.sleep(0.05)
    assert puller.diagnostic_refresh_count
    assert "AG141" not in await _pull(puller)


@pytest.mark.asyncio
async def test_convert_tools_to_a_list_keeps_crlf_line_endings(vscode: LanguageClient) -> None:
    text = "---\r\nname: a\r\ndescription: d\r\ntools: Read, Grep\r\n---\r\nBody\r\n"
    await published(vscode, URI, lambda: open_doc(vscode, URI, text))
    here = t.Position(3, 2)
    result = await vscode.text_document_code_action_async(t.CodeActionParams(
        text_document=t.TextDocumentIdentifier(uri=URI), range=t.Range(here, here),
        context=t.CodeActionContext(diagnostics=[])))
    (convert,) = [a for a in result or [] if isinstance(a, t.CodeAction) and "YAML list" in a.title]
    assert convert.edit is not None and convert.edit.document_changes
    change = convert.edit.document_changes[0]
    assert isinstance(change, t.TextDocumentEdit)
    new = apply_text_edits(text, [e for e in change.edits if isinstance(e, t.TextEdit)])
    assert new == "---\r\nname: a\r\ndescription: d\r\ntools:\r\n  - Read\r\n  - Grep\r\n---\r\nBody\r\n"
