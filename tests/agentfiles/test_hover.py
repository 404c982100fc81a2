"""Hover through the protocol: keys, values, names and the description as Claude Code loads it."""

from __future__ import annotations

from pathlib import Path

import pytest
from lsprotocol import types as t
from pytest_lsp import LanguageClient
from tests.agentfiles.helpers import agent, at, init, uri, write
from tests.lsp.helpers import open_doc


async def hover(client: LanguageClient, path: Path, text: str, marker: str, delta: int = 0) -> str:
    if not getattr(client, "_opened", None):
        client._opened = set()  # type: ignore[attr-defined]
    if str(path) not in client._opened:  # type: ignore[attr-defined]
        open_doc(client, uri(path), text)
        client._opened.add(str(path))  # type: ignore[attr-defined]
    result = await client.text_document_hover_async(t.HoverParams(
        text_document=t.TextDocumentIdentifier(uri(path)), position=at(text, marker, delta)))
    if result is None:
        return ""
    assert isinstance(result.contents, t.MarkupContent)
    return result.contents.value


RESCUED = ('---\nname: reviewer\ndescription: Use it. Examples: <example>user: "hi"</example>\n'
           'tools: Read, Agent(helper), mcp__github__create_issue\nmodel: opusplan\ncolor: cyan\n'
           'skills: pdf\nFoo: 1\n---\nYou review code.\n')


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    write(tmp_path, ".claude/skills/pdf/SKILL.md", "---\ndescription: Work with PDFs\n---\n")
    write(tmp_path, ".claude/agents/helper.md", agent("helper", "Helps out"))
    (tmp_path / ".mcp.json").write_text('{"mcpServers": {"github": {}}}')
    return tmp_path


@pytest.mark.asyncio
async def test_key_docs_values_default_and_products(client: LanguageClient, ws: Path) -> None:
    await init(client, ws)
    path = ws / ".claude/agents/reviewer.md"
    body = await hover(client, path, RESCUED, "color:", 1)
    assert "`red`" in body and "Default:" in body and "Honoured by:" in body and "Claude Code" in body
    unknown = await hover(client, path, RESCUED, "Foo:", 1)
    assert "not a Claude Code subagent key" in unknown


@pytest.mark.asyncio
async def test_model_alias_tool_and_mcp_values(client: LanguageClient, ws: Path) -> None:
    await init(client, ws)
    path = ws / ".claude/agents/reviewer.md"
    assert "Sonnet" in await hover(client, path, RESCUED, "opusplan", 2)
    assert "Reads files" in await hover(client, path, RESCUED, "Read,", 1)
    assert "configured in .mcp.json" in await hover(client, path, RESCUED, "mcp__github", 3)
    helper = await hover(client, path, RESCUED, "helper)", 2)
    assert "**wins**" in helper and "helper.md" in helper
    assert "pdf/SKILL.md" in await hover(client, path, RESCUED, "pdf\n", 1)


@pytest.mark.asyncio
async def test_description_as_loaded_after_the_retry_with_listing_cost(client: LanguageClient, ws: Path) -> None:
    await init(client, ws)
    body = await hover(client, ws / ".claude/agents/reviewer.md", RESCUED, "Use it.", 2)
    assert "after its lenient retry" in body
    assert 'Use it. Examples: <example>user: "hi"</example>' in body
    assert "Listing cost: ~" in body and "all 2 agents" in body


@pytest.mark.asyncio
async def test_failed_parse_says_not_loaded(client: LanguageClient, ws: Path) -> None:
    await init(client, ws)
    text = '---\nname: a\ndescription: "oops\n---\nBody\n'
    assert "not loaded" in await hover(client, ws / ".claude/agents/a.md", text, "oops", 1)


@pytest.mark.asyncio
async def test_name_hover_says_which_file_wins(client: LanguageClient, ws: Path) -> None:
    write(ws, ".claude/agents/zz/helper2.md", agent("helper"))
    await init(client, ws)
    text = agent("helper", "Helps out")
    body = await hover(client, ws / ".claude/agents/helper.md", text, "helper", 2)
    assert "Shadowed by" in body and "zz/helper2.md" in body and "sorting last" in body
