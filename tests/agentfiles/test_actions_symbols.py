"""Code actions, document and workspace symbols, and go-to-definition through the protocol."""

from __future__ import annotations

from pathlib import Path

import pytest
from lsprotocol import types as t
from pytest_lsp import LanguageClient
from tests.agentfiles.helpers import agent, at, init, uri, write
from tests.lsp.helpers import apply_text_edits, open_doc, published

from agentls.frontmatter.document import ParseState, load_text


async def actions(client: LanguageClient, path: Path, rng: t.Range,
                  diags: list[t.Diagnostic] | None = None) -> list[t.CodeAction]:
    result = await client.text_document_code_action_async(t.CodeActionParams(
        text_document=t.TextDocumentIdentifier(uri(path)), range=rng,
        context=t.CodeActionContext(diagnostics=diags or [])))
    return [a for a in result or [] if isinstance(a, t.CodeAction)]


def applied(text: str, action: t.CodeAction) -> str:
    assert action.edit is not None and action.edit.document_changes
    change = action.edit.document_changes[0]
    assert isinstance(change, t.TextDocumentEdit)
    return apply_text_edits(text, [e for e in change.edits if isinstance(e, t.TextEdit)])


def edits(action: t.CodeAction) -> list[t.TextEdit]:
    assert action.edit is not None and action.edit.document_changes
    change = action.edit.document_changes[0]
    assert isinstance(change, t.TextDocumentEdit)
    return [e for e in change.edits if isinstance(e, t.TextEdit)]


def point(text: str, marker: str) -> t.Range:
    p = at(text, marker)
    return t.Range(p, p)


@pytest.mark.asyncio
async def test_convert_tools_string_to_list_and_back(client: LanguageClient, tmp_path: Path) -> None:
    text = agent("a", extra="tools: Read, Bash(git diff:*, git log), *\n")
    path = write(tmp_path, ".claude/agents/a.md", text)
    await init(client, tmp_path)
    open_doc(client, uri(path), text)
    (to_list,) = [a for a in await actions(client, path, point(text, "tools")) if "YAML list" in a.title]
    assert to_list.kind == t.CodeActionKind.RefactorRewrite
    listed = applied(text, to_list)
    assert "tools:\n  - Read\n  - Bash(git diff:*, git log)\n  - \"*\"\n---" in listed
    assert load_text(listed, None, "claude-agent").data["tools"] == ["Read", "Bash(git diff:*, git log)", "*"]
    client.text_document_did_change(t.DidChangeTextDocumentParams(
        text_document=t.VersionedTextDocumentIdentifier(uri=uri(path), version=2),
        content_changes=[t.TextDocumentContentChangeWholeDocument(text=listed)]))
    (back,) = [a for a in await actions(client, path, point(listed, "  - Read")) if "comma" in a.title]
    again = applied(listed, back)
    assert 'tools: Read, Bash(git diff:*, git log), *\n---' in again
    assert load_text(again, None, "claude-agent").state is ParseState.OK


@pytest.mark.asyncio
async def test_add_missing_name_and_description(client: LanguageClient, tmp_path: Path) -> None:
    text = "---\ntools: Read\n---\nBody\n"
    path = write(tmp_path, ".claude/agents/code-reviewer.md", text)
    await init(client, tmp_path)
    open_doc(client, uri(path), text)
    (add,) = [a for a in await actions(client, path, point(text, "tools")) if "missing" in a.title]
    fixed = applied(text, add)
    data = load_text(fixed, None, "claude-agent").data
    assert data["name"] == "code-reviewer" and data["description"] and data["tools"] == "Read"


@pytest.mark.asyncio
async def test_disable_this_rule_here_silences_the_finding(client: LanguageClient, tmp_path: Path) -> None:
    text = agent("a", extra="color: magenta\n", body="key sk-ant-api03-" + "Q7" * 15)
    path = write(tmp_path, ".claude/agents/a.md", text)
    await init(client, tmp_path)
    diags = await published(client, uri(path), lambda: open_doc(client, uri(path), text))
    colour = next(d for d in diags if d.code == "AG141")
    secret = next(d for d in diags if d.code == "AGW007")
    (off,) = [a for a in await actions(client, path, colour.range, [colour]) if a.title == "Disable AG141 here"]
    step = applied(text, off)
    assert "# agentls: disable=AG141\ncolor: magenta" in step
    (off2,) = [a for a in await actions(client, path, secret.range, [secret]) if "AGW007" in a.title]
    final = apply_text_edits(text, edits(off) + edits(off2))  # both computed on the same version
    assert "<!-- agentls: disable=AGW007 -->\nkey sk-ant" in final

    def change() -> None:
        client.text_document_did_change(t.DidChangeTextDocumentParams(
            text_document=t.VersionedTextDocumentIdentifier(uri=uri(path), version=2),
            content_changes=[t.TextDocumentContentChangeWholeDocument(text=final)]))

    codes = {d.code for d in await published(client, uri(path), change)}
    assert not codes & {"AG141", "AGW007"}


@pytest.mark.asyncio
async def test_document_symbols_keys_and_headings(client: LanguageClient, tmp_path: Path) -> None:
    text = agent("a", extra="tools: Read\n", body="# Role\n## Steps\n```\n# not a heading\n```\n# Output")
    path = write(tmp_path, ".claude/agents/a.md", text)
    await init(client, tmp_path)
    open_doc(client, uri(path), text)
    symbols = await client.text_document_document_symbol_async(t.DocumentSymbolParams(
        text_document=t.TextDocumentIdentifier(uri(path))))
    assert symbols is not None
    tree = [(s.name, [c.name for c in s.children or []]) for s in symbols]  # type: ignore[union-attr]
    assert tree == [("frontmatter", ["name", "description", "tools"]), ("Role", ["Steps"]), ("Output", [])]


@pytest.mark.asyncio
async def test_workspace_symbols_by_name(client: LanguageClient, tmp_path: Path) -> None:
    write(tmp_path, ".claude/agents/r.md", agent("code-reviewer"))
    write(tmp_path, ".claude/skills/pdf/SKILL.md", "---\ndescription: d\n---\n")
    write(tmp_path, ".claude/commands/deploy.md", "---\ndescription: d\n---\n")
    await init(client, tmp_path)
    found = await client.workspace_symbol_async(t.WorkspaceSymbolParams(query=""))
    assert found is not None
    kinds = {s.name: s.kind for s in found}
    assert kinds == {"code-reviewer": t.SymbolKind.Class, "pdf": t.SymbolKind.Function,
                     "deploy": t.SymbolKind.Event}
    narrowed = await client.workspace_symbol_async(t.WorkspaceSymbolParams(query="crv"))
    assert [s.name for s in narrowed or []] == ["code-reviewer"]


@pytest.mark.asyncio
async def test_definition_of_skill_and_agent_names(client: LanguageClient, tmp_path: Path) -> None:
    skill = write(tmp_path, ".claude/skills/pdf/SKILL.md", "---\ndescription: d\n---\n")
    helper = write(tmp_path, ".claude/agents/helper.md", agent("helper"))
    text = agent("boss", extra="skills:\n  - pdf\ntools: Read, Agent(helper)\n")
    path = write(tmp_path, ".claude/agents/boss.md", text)
    await init(client, tmp_path)
    open_doc(client, uri(path), text)

    async def goto(marker: str, delta: int) -> list[t.Location]:
        result = await client.text_document_definition_async(t.DefinitionParams(
            text_document=t.TextDocumentIdentifier(uri(path)), position=at(text, marker, delta)))
        return [r for r in result or [] if isinstance(r, t.Location)]  # type: ignore[union-attr]

    (s,) = await goto("pdf", 1)
    assert s.uri == uri(skill)
    (a,) = await goto("helper)", 2)
    assert a.uri == uri(helper) and a.range.start == t.Position(1, 6)
    assert await goto("Read", 1) == []
