"""Completion through the protocol: keys, values, workspace names, broken YAML, new files."""

from __future__ import annotations

from pathlib import Path

import pytest
from lsprotocol import types as t
from pytest_lsp import LanguageClient
from tests.agentfiles.helpers import agent, at, init, uri, write
from tests.lsp.helpers import open_doc


async def complete(client: LanguageClient, path: Path, text: str, marker: str, delta: int = 0,
                   version: int = 1) -> list[t.CompletionItem]:
    open_doc(client, uri(path), text, version=version)
    result = await client.text_document_completion_async(t.CompletionParams(
        text_document=t.TextDocumentIdentifier(uri(path)), position=at(text, marker, delta)))
    if result is None:
        return []
    return list(result.items if isinstance(result, t.CompletionList) else result)


def labels(items: list[t.CompletionItem]) -> list[str]:
    return [i.label for i in items]


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    write(tmp_path, ".claude/skills/pdf-tools/SKILL.md", "---\ndescription: Work with PDFs\n---\n")
    write(tmp_path, ".claude/agents/helper.md", agent("helper"))
    (tmp_path / ".mcp.json").write_text('{"mcpServers": {"github": {"command": "gh-mcp"}}}')
    return tmp_path


@pytest.mark.asyncio
async def test_keys_have_docs_and_skip_present_ones(client: LanguageClient, ws: Path) -> None:
    await init(client, ws)
    text = "---\nname: a\ndescription: d\nmo\n---\nBody\n"
    items = await complete(client, ws / ".claude/agents/a.md", text, "mo\n", 2)
    names = labels(items)
    assert "model" in names and "permissionMode" in names and "tools" in names
    assert "name" not in names and "description" not in names
    model = next(i for i in items if i.label == "model")
    assert isinstance(model.documentation, t.MarkupContent) and "inherit" in model.documentation.value
    assert model.text_edit is not None and model.text_edit.range.start.character == 0  # type: ignore[union-attr]


@pytest.mark.asyncio
async def test_skill_keys_differ_from_agent_keys(client: LanguageClient, ws: Path) -> None:
    await init(client, ws)
    text = "---\ndescription: d\n\n---\n"
    names = labels(await complete(client, ws / ".claude/skills/x/SKILL.md", text, "d\n", 2))
    assert "allowed-tools" in names and "disable-model-invocation" in names and "permissionMode" not in names


@pytest.mark.asyncio
@pytest.mark.parametrize(("line", "expected", "absent"), [
    ("model: ", {"sonnet", "opus", "haiku", "inherit", "opusplan", "claude-opus-4-6"}, set()),
    ("color: ", {"red", "blue", "cyan"}, {"magenta"}),
    ("permissionMode: ", {"default", "acceptEdits", "plan", "bypassPermissions"}, set()),
    ("effort: ", {"low", "xhigh", "max"}, set()),
    ("memory: ", {"user", "project", "local"}, set()),
    ("isolation: ", {"worktree"}, set()),
    ("background: ", {"true", "false"}, set()),
])
async def test_values_per_key(client: LanguageClient, ws: Path, line: str, expected: set[str],
                              absent: set[str]) -> None:
    await init(client, ws)
    text = f"---\nname: a\ndescription: d\n{line}\n---\nBody\n"
    names = set(labels(await complete(client, ws / ".claude/agents/a.md", text, line, len(line))))
    assert expected <= names and not (absent & names)


@pytest.mark.asyncio
async def test_tools_in_a_comma_string_skip_present_and_replace_the_word(client: LanguageClient, ws: Path) -> None:
    await init(client, ws)
    text = "---\nname: a\ndescription: d\ntools: Read, Gr\n---\nBody\n"
    items = await complete(client, ws / ".claude/agents/a.md", text, "Gr\n", 2)
    names = labels(items)
    assert "Grep" in names and "Read" not in names and "mcp__github__*" in names
    grep = next(i for i in items if i.label == "Grep")
    assert grep.text_edit is not None
    assert grep.text_edit.range.start == at(text, "Gr\n")  # type: ignore[union-attr]
    assert any(i.label.startswith("Bash(") and i.insert_text_format == t.InsertTextFormat.Snippet for i in items)


@pytest.mark.asyncio
async def test_tools_in_a_yaml_list_and_agent_names_in_parentheses(client: LanguageClient, ws: Path) -> None:
    await init(client, ws)
    text = "---\nname: a\ndescription: d\ntools:\n  - Read\n  - We\n  - Agent(hel\n---\nBody\n"
    path = ws / ".claude/agents/a.md"
    assert {"WebFetch", "WebSearch"} <= set(labels(await complete(client, path, text, "We\n", 2)))
    names = labels(await complete(client, path, text, "hel\n", 3, version=2))
    assert "helper" in names and "Explore" in names and "Read" not in names


@pytest.mark.asyncio
async def test_skill_names_from_the_workspace(client: LanguageClient, ws: Path) -> None:
    await init(client, ws)
    text = "---\nname: a\ndescription: d\nskills:\n  - \n---\nBody\n"
    assert labels(await complete(client, ws / ".claude/agents/a.md", text, "  - \n", 4)) == ["pdf-tools"]


@pytest.mark.asyncio
async def test_works_in_broken_frontmatter_while_typing(client: LanguageClient, ws: Path) -> None:
    await init(client, ws)
    # Unclosed frontmatter, an unterminated quote above: no YAML parse succeeds.
    text = 'name: a\n'
    text = '---\nname: a\ndescription: "oops\ncolor: '
    names = labels(await complete(client, ws / ".claude/agents/a.md", text, "color: ", 7))
    assert "green" in names


@pytest.mark.asyncio
async def test_new_agent_snippet_in_an_empty_file(client: LanguageClient, ws: Path) -> None:
    await init(client, ws)
    items = await complete(client, ws / ".claude/agents/code-reviewer.md", "", "", 0)
    (snippet,) = items
    assert snippet.kind == t.CompletionItemKind.Snippet
    assert snippet.text_edit is not None
    new = snippet.text_edit.new_text
    assert new.startswith("---\nname: ${1:code-reviewer}\ndescription: ") and "tools:" in new


@pytest.mark.asyncio
async def test_no_completion_in_the_body_or_other_files(client: LanguageClient, ws: Path) -> None:
    await init(client, ws)
    text = agent("a")
    assert await complete(client, ws / ".claude/agents/a.md", text, "You", 1) == []
    assert await complete(client, ws / "README.md", "---\nmo", "mo", 2) == []
