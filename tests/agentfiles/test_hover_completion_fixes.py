"""Issue 14's editor fixes through the protocol: hover on a continuation line of a multi-line
description, a hover range that leaves a ` # comment` out, and no Claude Code names inside
`Agent(` / `Skill(` in Copilot files."""

from __future__ import annotations

from pathlib import Path

import pytest
from lsprotocol import types as t
from pytest_lsp import LanguageClient
from tests.agentfiles.helpers import agent, at, init, uri, write
from tests.lsp.helpers import open_doc, text_at


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    write(tmp_path, ".claude/skills/pdf-tools/SKILL.md", "---\ndescription: Work with PDFs\n---\n")
    write(tmp_path, ".claude/agents/helper.md", agent("helper"))
    return tmp_path


async def hover_at(client: LanguageClient, path: Path, text: str, marker: str,
                   delta: int = 0) -> t.Hover | None:
    open_doc(client, uri(path), text)
    return await client.text_document_hover_async(t.HoverParams(
        text_document=t.TextDocumentIdentifier(uri(path)), position=at(text, marker, delta)))


def body(hover: t.Hover | None) -> str:
    assert hover is not None and isinstance(hover.contents, t.MarkupContent)
    return hover.contents.value


@pytest.mark.asyncio
@pytest.mark.parametrize("style", [">", "|", ""])
async def test_hover_on_a_continuation_line_of_the_description(client: LanguageClient, ws: Path,
                                                             style: str) -> None:
    await init(client, ws)
    head = f"description: {style}\n  Reviews code" if style else "description: Reviews code,\n  carefully"
    text = f"---\nname: reviewer\n{head}\n  and tests.\nmodel: opus\n---\nBody\n"
    path = ws / ".claude/agents/reviewer.md"
    hover = await hover_at(client, path, text, "and tests", 4)
    shown = body(hover)
    assert "As Claude Code loads it" in shown and "and tests." in shown
    assert hover is not None and hover.range is not None
    covered = text_at(text, hover.range)
    assert covered.endswith("and tests.") and "model" not in covered  # the whole value, no more
    # An indented line under another key is not the description.
    other = "---\nname: r\ndescription: d\ntools:\n  - Read\n---\nBody\n"
    hover = await hover_at(client, ws / ".claude/agents/r.md", other, "Read")
    assert hover is None or "As Claude Code loads it" not in body(hover)


@pytest.mark.asyncio
async def test_model_hover_range_leaves_the_comment_out(client: LanguageClient, ws: Path) -> None:
    await init(client, ws)
    text = "---\nname: reviewer\ndescription: d\nmodel: opus # fast\n---\nBody\n"
    hover = await hover_at(client, ws / ".claude/agents/reviewer.md", text, "opus", 1)
    assert "Opus" in body(hover)
    assert hover is not None and hover.range is not None
    assert text_at(text, hover.range) == "opus"


async def complete(client: LanguageClient, path: Path, text: str, marker: str,
                   delta: int) -> list[str]:
    open_doc(client, uri(path), text)
    result = await client.text_document_completion_async(t.CompletionParams(
        text_document=t.TextDocumentIdentifier(uri(path)), position=at(text, marker, delta)))
    if result is None:
        return []
    items = result.items if isinstance(result, t.CompletionList) else result
    return [i.label for i in items]


@pytest.mark.asyncio
async def test_copilot_files_get_no_claude_names_inside_agent_or_skill(client: LanguageClient,
                                                                      ws: Path) -> None:
    await init(client, ws)
    for tool, name in (("Agent", "helper"), ("Skill", "pdf-tools")):
        text = f"---\ndescription: d\ntools: [read, {tool}(\n---\nBody\n"
        copilot = await complete(client, ws / ".github/agents/x.agent.md", text, f"{tool}(", len(tool) + 1)
        assert name not in copilot and "Explore" not in copilot, copilot
        claude = await complete(client, ws / ".claude/agents/x.md",
                                f"---\nname: x\ndescription: d\ntools: {tool}(\n---\nBody\n",
                                f"{tool}(", len(tool) + 1)
        assert name in claude  # the Claude Code file still gets them


@pytest.mark.asyncio
async def test_skill_name_hover_says_it_is_the_slash_command(client: LanguageClient, ws: Path) -> None:
    await init(client, ws)
    text = "---\nname: Fancy Display\ndescription: Fancy\n---\nBody\n"
    path = write(ws, ".claude/skills/fancy/SKILL.md", text)
    shown = body(await hover_at(client, path, text, "Fancy Display", 2))
    assert "Its slash command is `/Fancy Display` (`/fancy` stays an alias)" in shown
