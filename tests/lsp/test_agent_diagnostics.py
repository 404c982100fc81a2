"""Agent-file diagnostics through the protocol, push and pull, and their quick fixes."""

from __future__ import annotations

import pytest
from lsprotocol import types as t
from pytest_lsp import LanguageClient
from tests.lsp.helpers import apply_text_edits, open_doc, published, text_at

URI = "file:///ws/.claude/agents/reviewer.md"
RESCUED = ('---\nname: reviewer\ndescription: Use it. Examples: <example>Context: x '
           'user: "hi"</example>\n---\nYou review code.\n')


@pytest.mark.asyncio
async def test_push_rescued_description_is_a_warning_on_the_value(vscode: LanguageClient) -> None:
    diags = await published(vscode, URI, lambda: open_doc(vscode, URI, RESCUED))
    (d,) = [d for d in diags if d.code == "AG005"]
    assert d.severity == t.DiagnosticSeverity.Warning
    assert d.source == "agentls"
    assert d.code_description is not None and d.code_description.href.endswith("AG005.md")
    assert text_at(RESCUED, d.range).startswith("Use it. Examples:")
    assert "Claude Code loads this" in d.message


@pytest.mark.asyncio
async def test_push_updates_on_change_and_clears(vscode: LanguageClient) -> None:
    await published(vscode, URI, lambda: open_doc(vscode, URI, RESCUED))
    fixed = RESCUED.replace("description: Use it", 'description: "Use it').replace(
        '"hi"</example>', '\\"hi\\"</example>"')

    def change() -> None:
        vscode.text_document_did_change(t.DidChangeTextDocumentParams(
            text_document=t.VersionedTextDocumentIdentifier(uri=URI, version=2),
            content_changes=[t.TextDocumentContentChangeWholeDocument(text=fixed)]))

    diags = await published(vscode, URI, change)
    assert [d.code for d in diags if d.code == "AG005"] == []


@pytest.mark.asyncio
async def test_parse_failure_is_an_error_that_says_claude_skips(vscode: LanguageClient) -> None:
    text = '---\nname: reviewer\ndescription: "oops\n---\nBody\n'
    diags = await published(vscode, URI, lambda: open_doc(vscode, URI, text))
    (d,) = [d for d in diags if d.code == "AG003"]
    assert d.severity == t.DiagnosticSeverity.Error
    assert d.message.startswith("Claude Code will not load this agent")
    assert d.range.start.line > 0  # never line 1 by default


@pytest.mark.asyncio
async def test_quick_fix_quotes_the_description(vscode: LanguageClient) -> None:
    diags = await published(vscode, URI, lambda: open_doc(vscode, URI, RESCUED))
    (d,) = [d for d in diags if d.code == "AG005"]
    actions = await vscode.text_document_code_action_async(t.CodeActionParams(
        text_document=t.TextDocumentIdentifier(uri=URI), range=d.range,
        context=t.CodeActionContext(diagnostics=[d])))
    assert actions
    (fix,) = [a for a in actions if isinstance(a, t.CodeAction) and a.kind == t.CodeActionKind.QuickFix
              and a.title.startswith("Quote")]
    assert fix.is_preferred
    assert fix.edit is not None and fix.edit.document_changes
    edits = fix.edit.document_changes[0].edits  # type: ignore[union-attr]
    new = apply_text_edits(RESCUED, list(edits))  # type: ignore[arg-type]
    assert 'description: "Use it. Examples: <example>Context: x user: \\"hi\\"</example>"' in new


@pytest.mark.asyncio
async def test_pull_client_gets_reports_and_nothing_pushed(nvim: LanguageClient) -> None:
    open_doc(nvim, URI, RESCUED)
    report = await nvim.text_document_diagnostic_async(t.DocumentDiagnosticParams(
        text_document=t.TextDocumentIdentifier(uri=URI)))
    assert isinstance(report, t.RelatedFullDocumentDiagnosticReport)
    assert "AG005" in [d.code for d in report.items]
    again = await nvim.text_document_diagnostic_async(t.DocumentDiagnosticParams(
        text_document=t.TextDocumentIdentifier(uri=URI), previous_result_id=report.result_id))
    assert isinstance(again, t.RelatedUnchangedDocumentDiagnosticReport)
    assert URI not in nvim.diagnostics


@pytest.mark.asyncio
async def test_non_agent_markdown_gets_no_diagnostics(vscode: LanguageClient) -> None:
    other = "file:///ws/README.md"
    open_doc(vscode, other, "no frontmatter here\n")
    open_doc(vscode, URI, RESCUED)  # the server answers in order: README first, if at all
    diags = await published(vscode, URI, None)
    assert diags
    assert not vscode.diagnostics.get(other)
