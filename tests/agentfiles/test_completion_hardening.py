"""QA regressions: completion in agent files at awkward places."""

from __future__ import annotations

from pathlib import Path

import pytest
from lsprotocol import types as t
from pytest_lsp import LanguageClient
from tests.agentfiles.helpers import at, init, uri
from tests.lsp.helpers import apply_text_edits, open_doc


async def complete(client: LanguageClient, path: Path, text: str, marker: str,
                   delta: int = 0) -> list[t.CompletionItem]:
    open_doc(client, uri(path), text)
    result = await client.text_document_completion_async(t.CompletionParams(
        text_document=t.TextDocumentIdentifier(uri(path)), position=at(text, marker, delta)))
    if result is None:
        return []
    return list(result.items if isinstance(result, t.CompletionList) else result)


def accept(text: str, item: t.CompletionItem) -> str:
    assert isinstance(item.text_edit, t.TextEdit)
    return apply_text_edits(text, [item.text_edit])


@pytest.mark.asyncio
async def test_renaming_a_key_keeps_a_single_colon(client: LanguageClient, tmp_path: Path) -> None:
    await init(client, tmp_path)
    text = "---\nname: a\ndescription: d\ntools: Read\n---\nBody\n"
    items = await complete(client, tmp_path / ".claude/agents/a.md", text, "tools", 2)
    item = next(i for i in items if i.label == "disallowedTools")
    assert "disallowedTools: Read\n" in accept(text, item)


@pytest.mark.asyncio
@pytest.mark.parametrize("rel", [".github/agents/x.agent.md", ".github/prompts/x.prompt.md"])
async def test_copilot_tools_are_copilot_names(client: LanguageClient, tmp_path: Path, rel: str) -> None:
    await init(client, tmp_path)
    text = "---\ndescription: d\ntools: read, \n---\nBody\n"
    items = await complete(client, tmp_path / rel, text, "read, ", 6)
    names = {i.label for i in items}
    assert {"execute", "edit", "search", "web", "*"} <= names
    assert "read" not in names  # already listed
    # Claude Code-only names, specifier snippets and mcp__ tools are not Copilot tools.
    assert not names & {"CronCreate", "Artifact", "Bash(…)"} and not any(n.startswith("mcp__") for n in names)


@pytest.mark.asyncio
async def test_copilot_tool_hover(client: LanguageClient, tmp_path: Path) -> None:
    await init(client, tmp_path)
    text = "---\ndescription: d\ntools: Read, execute\n---\nBody\n"
    path = tmp_path / ".github/agents/x.agent.md"
    open_doc(client, uri(path), text)
    hover = await client.text_document_hover_async(t.HoverParams(
        t.TextDocumentIdentifier(uri(path)), at(text, "execute", 2)))
    assert hover is not None and isinstance(hover.contents, t.MarkupContent)
    assert "shell" in hover.contents.value


@pytest.mark.asyncio
async def test_flow_lists_and_quoted_strings_hover_define_and_complete(client: LanguageClient,
                                                                      tmp_path: Path) -> None:
    from tests.agentfiles.helpers import write
    write(tmp_path, ".claude/skills/pdf-tools/SKILL.md", "---\ndescription: Work with PDFs\n---\n")
    await init(client, tmp_path)
    text = "---\nname: a\ndescription: d\ntools: [Read, Grep]\nskills: [pdf-tools]\n---\nBody\n"
    path = tmp_path / ".claude/agents/a.md"
    open_doc(client, uri(path), text)
    doc = t.TextDocumentIdentifier(uri(path))
    for marker in ("Read", "Grep"):
        hover = await client.text_document_hover_async(t.HoverParams(doc, at(text, marker, 1)))
        assert hover is not None and isinstance(hover.contents, t.MarkupContent), marker
        assert hover.contents.value.startswith(f"**{marker}**")
    found = await client.text_document_definition_async(t.DefinitionParams(doc, at(text, "pdf-tools", 2)))
    assert found and "pdf-tools/SKILL.md" in (found[0].uri if isinstance(found, list) else found.uri)
    quoted = "---\nname: b\ndescription: d\ntools: \"Read, Gr\"\n---\nBody\n"
    names = {i.label for i in await complete(client, tmp_path / ".claude/agents/b.md", quoted, "Gr", 2)}
    assert "Grep" in names and "Read" not in names


@pytest.mark.asyncio
async def test_hook_events_only_directly_under_hooks(client: LanguageClient, tmp_path: Path) -> None:
    await init(client, tmp_path)
    deep = ("---\nname: a\ndescription: d\nhooks:\n  PreToolUse:\n    - matcher: Bash\n      hooks:\n"
            "        - type: command\n      ty\n---\nBody\n")
    names = {i.label for i in await complete(client, tmp_path / ".claude/agents/a.md", deep, "      ty", 8)}
    assert "PreToolUse" not in names
    top = "---\nname: b\ndescription: d\nhooks:\n  PreToolUse:\n    - matcher: Bash\n  Po\n---\nBody\n"
    names = {i.label for i in await complete(client, tmp_path / ".claude/agents/b.md", top, "  Po", 4)}
    assert "PostToolUse" in names
    first = "---\nname: c\ndescription: d\nhooks:\n  Sto\n---\nBody\n"
    names = {i.label for i in await complete(client, tmp_path / ".claude/agents/c.md", first, "  Sto", 5)}
    assert "Stop" in names
