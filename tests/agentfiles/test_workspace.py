"""The workspace model through the protocol: name clashes across scopes and roots, references,
secrets, and files changed on disk (didChangeWatchedFiles, registered dynamically)."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

import pytest
from lsprotocol import types as t
from pytest_lsp import LanguageClient
from tests.agentfiles.helpers import HOME, agent, init, uri, write
from tests.lsp.helpers import open_doc, published, text_at


def workspace(diags: list[t.Diagnostic]) -> list[t.Diagnostic]:
    return [d for d in diags if d.source == "agentls-workspace"]


@pytest.mark.asyncio
async def test_duplicate_in_one_folder_points_at_the_winner(client: LanguageClient, tmp_path: Path) -> None:
    winner = write(tmp_path, ".claude/agents/sub/b.md", agent("dup"))
    text = agent("dup")
    loser = write(tmp_path, ".claude/agents/a.md", text)
    await init(client, tmp_path)
    (d,) = workspace(await published(client, uri(loser), lambda: open_doc(client, uri(loser), text)))
    assert d.code == "AGW001" and d.severity == t.DiagnosticSeverity.Warning
    assert text_at(text, d.range) == "dup" and "sorting last" in d.message
    assert d.related_information and d.related_information[0].location.uri == uri(winner)
    assert d.related_information[0].location.range.start == t.Position(1, 6)


@pytest.mark.asyncio
async def test_user_folder_agent_loses_to_the_project(client: LanguageClient, tmp_path: Path) -> None:
    user = write(HOME, ".claude/agents/shared-reviewer.md", agent("shared-reviewer"))
    try:
        write(tmp_path, ".claude/agents/r.md", agent("shared-reviewer"))
        await init(client, tmp_path)
        diags = workspace(await published(client, uri(user), lambda: open_doc(client, uri(user), user.read_text())))
        (d,) = diags
        assert "project" in d.message and "user" in d.message
        symbols = await client.workspace_symbol_async(t.WorkspaceSymbolParams(query="shared"))
        assert symbols is not None and {s.container_name for s in symbols} == {  # type: ignore[union-attr]
            "project agent", "user agent"}
    finally:
        shutil.rmtree(HOME / ".claude")


@pytest.mark.asyncio
async def test_user_folder_can_be_turned_off(client: LanguageClient, tmp_path: Path) -> None:
    user = write(HOME, ".claude/skills/only-user/SKILL.md", "---\ndescription: d\n---\n")
    try:
        text = agent("a", extra="skills: only-user\n")
        path = write(tmp_path, ".claude/agents/a.md", text)
        await init(client, tmp_path, options={"indexUserFolder": False})
        (d,) = workspace(await published(client, uri(path), lambda: open_doc(client, uri(path), text)))
        assert d.code == "AGW002" and "not indexed" in d.message
    finally:
        shutil.rmtree(user.parent.parent.parent)


@pytest.mark.asyncio
async def test_multi_root_folders_are_separate_projects(client: LanguageClient, tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    write(two, ".claude/skills/from-two/SKILL.md", "---\ndescription: d\n---\n")
    write(two, ".claude/agents/same.md", agent("same"))
    text = agent("same", extra="skills: from-two, nowhere\n")
    path = write(one, ".claude/agents/same.md", text)
    await init(client, one, two)
    diags = workspace(await published(client, uri(path), lambda: open_doc(client, uri(path), text)))
    # No clash between the roots (never loaded together); skills from either root are known.
    assert [(d.code, text_at(text, d.range)) for d in diags] == [("AGW002", "nowhere")]


@pytest.mark.asyncio
async def test_references_and_secrets(client: LanguageClient, tmp_path: Path) -> None:
    (tmp_path / ".mcp.json").write_text('{"mcpServers": {"github": {}}}')
    text = agent("a", extra="tools: Agent(ghost), mcp__github__x, mcp__jira__y\n",
                 body="Call with sk-ant-api03-" + "Zx9" * 10 + " please.")
    path = write(tmp_path, ".claude/agents/a.md", text)
    await init(client, tmp_path)
    diags = workspace(await published(client, uri(path), lambda: open_doc(client, uri(path), text)))
    found = {(d.code, text_at(text, d.range)[:12]) for d in diags}
    assert found == {("AGW003", "ghost"), ("AGW004", "mcp__jira__y"), ("AGW007", "sk-ant-api03")}


@pytest.mark.asyncio
async def test_editing_a_name_updates_the_other_open_file(client: LanguageClient, tmp_path: Path) -> None:
    a_text, b_text = agent("one"), agent("two")
    a = write(tmp_path, ".claude/agents/a.md", a_text)
    b = write(tmp_path, ".claude/agents/b.md", b_text)
    await init(client, tmp_path)
    await published(client, uri(a), lambda: open_doc(client, uri(a), a_text))
    await published(client, uri(b), lambda: open_doc(client, uri(b), b_text))

    def rename() -> None:
        client.text_document_did_change(t.DidChangeTextDocumentParams(
            text_document=t.VersionedTextDocumentIdentifier(uri=uri(b), version=2),
            content_changes=[t.TextDocumentContentChangeWholeDocument(text=agent("one"))]))

    diags = workspace(await published(client, uri(a), rename))
    assert [d.code for d in diags] == ["AGW001"]


@pytest.mark.asyncio
async def test_file_changed_on_disk_updates_dependent_open_files(client: LanguageClient, tmp_path: Path) -> None:
    text = agent("a", extra="skills: late-skill\n")
    path = write(tmp_path, ".claude/agents/a.md", text)
    await init(client, tmp_path)
    def agent_registrations() -> list[t.Registration]:  # the pattern features watch **/*.py apart
        return [r for r in client.registrations  # type: ignore[attr-defined]
                if any(w["globPattern"] != "**/*.py" and str(w["globPattern"]).endswith((".md", ".mdc"))
                       for w in r.register_options["watchers"])]

    for _ in range(50):  # the registration is sent from the initialized notification
        if agent_registrations():
            break
        await asyncio.sleep(0.05)
    (reg,) = agent_registrations()
    assert reg.method == t.WORKSPACE_DID_CHANGE_WATCHED_FILES
    globs = [w["globPattern"] for w in reg.register_options["watchers"]]  # type: ignore[index]
    assert "**/.claude/skills/*/SKILL.md" in globs
    (d,) = workspace(await published(client, uri(path), lambda: open_doc(client, uri(path), text)))
    assert d.code == "AGW002"
    skill = write(tmp_path, ".claude/skills/late-skill/SKILL.md", "---\ndescription: d\n---\n")

    def created() -> None:
        client.workspace_did_change_watched_files(t.DidChangeWatchedFilesParams(changes=[
            t.FileEvent(uri=uri(skill), type=t.FileChangeType.Created)]))

    assert workspace(await published(client, uri(path), created)) == []
    skill.unlink()

    def deleted() -> None:
        client.workspace_did_change_watched_files(t.DidChangeWatchedFilesParams(changes=[
            t.FileEvent(uri=uri(skill), type=t.FileChangeType.Deleted)]))

    assert [d.code for d in workspace(await published(client, uri(path), deleted))] == ["AGW002"]


@pytest.mark.asyncio
async def test_no_registration_without_the_client_capability(client: LanguageClient, tmp_path: Path) -> None:
    await init(client, tmp_path, recorded="neovim")  # no dynamic registration; pulls diagnostics
    text = agent("a", extra="skills: nowhere\n")
    path = write(tmp_path, ".claude/agents/a.md", text)
    open_doc(client, uri(path), text)
    report = await client.text_document_diagnostic_async(t.DocumentDiagnosticParams(
        text_document=t.TextDocumentIdentifier(uri(path))))
    assert [d.code for d in workspace(list(report.items))] == ["AGW002"]  # type: ignore[union-attr]
    assert client.registrations == []  # type: ignore[attr-defined]
