"""One configuration per workspace folder, through the protocol (pytest-lsp): the editor's
settings for each folder (workspace/configuration with a scopeUri per folder), each folder's
own project file, and both read again when they change."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import pytest_lsp
from lsprotocol import types as t
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities
from tests.conftest import SERVER_COMMAND, server_env
from tests.lsp.helpers import open_doc
from tests.patterns.test_lsp_pattern_settings import SMALL  # WMC 6, ATFD 2, TCC 0.27

CONFIG = ClientServerConfig(server_command=SERVER_COMMAND, server_env=server_env())
COLOR = "---\nname: reviewer\ndescription: Reviews code\ncolor: chartreuse\n---\nBody\n"
LOW = {"atfd": 1, "wmc": 5, "tcc": 0.5}


@pytest_lsp.fixture(config=CONFIG)
async def lsp(lsp_client: LanguageClient):  # type: ignore[no-untyped-def]
    yield
    await lsp_client.shutdown_session()


def folders(tmp_path: Path) -> tuple[Path, Path]:
    alpha, beta = tmp_path / "alpha", tmp_path / "beta"
    for folder in (alpha, beta):
        (folder / ".claude" / "agents").mkdir(parents=True)
    return alpha, beta


async def begin(client: LanguageClient, *roots: Path) -> None:
    """VS Code's capabilities (pushed diagnostics, workspace/configuration, file watching)
    and one workspace folder per root."""
    client.registrations = []  # type: ignore[attr-defined]

    @client.feature(t.CLIENT_REGISTER_CAPABILITY)
    def register_capability(params: t.RegistrationParams) -> None:
        client.registrations.extend(params.registrations)  # type: ignore[attr-defined]

    await client.initialize_session(t.InitializeParams(
        capabilities=client_capabilities("visual-studio-code"), root_uri=roots[0].as_uri(),
        workspace_folders=[t.WorkspaceFolder(uri=r.as_uri(), name=r.name) for r in roots]))


def codes(diags: list[t.Diagnostic]) -> set[str]:
    return {str(d.code) for d in diags}


def opened(client: LanguageClient, path: Path, text: str, lang: str = "markdown") -> str:
    uri = path.as_uri()
    open_doc(client, uri, text, lang)
    return uri


async def settled(client: LanguageClient, uri: str, want: Callable[[set[str]], bool]) -> set[str]:
    """The codes last published for ``uri``, once they are as wanted (the folder settings
    arrive after ``initialized``: a document opened meanwhile is published again)."""
    for _ in range(200):
        found = client.diagnostics.get(uri)
        if found is not None and want(codes(list(found))):
            return codes(list(found))
        await asyncio.sleep(0.05)
    raise AssertionError(f"{uri}: {codes(list(client.diagnostics.get(uri) or []))}")


async def republished(client: LanguageClient, uris: list[str], action: Any) -> dict[str, set[str]]:
    """Run ``action``; the codes published next for each of ``uris``."""
    seen: dict[str, set[str]] = {}
    before = {u: client.diagnostics.get(u) for u in uris}
    action()
    for _ in range(200):
        for u in uris:
            now = client.diagnostics.get(u)
            if now is not before[u] and u not in seen:
                seen[u] = codes(list(now or []))
        if len(seen) == len(uris):
            return seen
        await asyncio.sleep(0.05)
    raise AssertionError(f"not republished: {set(uris) - set(seen)}")


@pytest.mark.asyncio
async def test_two_folders_get_their_own_editor_settings(lsp: LanguageClient, tmp_path: Path) -> None:
    alpha, beta = folders(tmp_path)
    # What VS Code answers for each folder's scopeUri: beta's .vscode/settings.json ignores
    # AG141 and lowers the god-class thresholds; alpha has no folder settings.
    lsp.set_configuration({"agentls": {}})
    lsp.set_configuration({"agentls": {"ignore": ["AG141"], "patterns": {"godClass": LOW}}},
                          scope_uri=beta.as_uri())
    await begin(lsp, alpha, beta)
    a, b = opened(lsp, alpha / ".claude/agents/a.md", COLOR), opened(lsp, beta / ".claude/agents/b.md", COLOR)
    pa, pb = opened(lsp, alpha / "orders.py", SMALL, "python"), opened(lsp, beta / "orders.py", SMALL, "python")
    await settled(lsp, a, lambda c: "AG141" in c)
    await settled(lsp, b, lambda c: "AG141" not in c)
    await settled(lsp, pb, lambda c: "god_class" in c)
    assert "god_class" not in await settled(lsp, pa, lambda c: True)

    # New settings for alpha only; the editor says "ask me" (no payload), as VS Code does.
    lsp.set_configuration({"agentls": {"select": ["AG0"]}}, scope_uri=alpha.as_uri())
    after = await republished(lsp, [a], lambda: lsp.workspace_did_change_configuration(
        t.DidChangeConfigurationParams(settings=None)))
    assert "AG141" not in after[a]  # AG141 is not among the selected AG0xx rules
    assert "AG141" not in codes(list(lsp.diagnostics[b]))  # still ignored in beta


@pytest.mark.asyncio
async def test_each_folder_reads_its_project_file_and_again_when_it_changes(
        lsp: LanguageClient, tmp_path: Path) -> None:
    alpha, beta = folders(tmp_path)
    (alpha / "pyproject.toml").write_text('[project]\nname = "a"\n\n[tool.agentls]\nignore = ["AG141"]\n')
    (beta / ".agentls.toml").write_text("[patterns.god-class]\natfd = 1\nwmc = 5\ntcc = 0.5\n")
    await begin(lsp, alpha, beta)
    wanted = {"**/pyproject.toml", "**/.agentls.toml"}
    for _ in range(200):  # registered once the client is initialized
        globs = {w["globPattern"] for r in lsp.registrations  # type: ignore[attr-defined]
                 if r.method == t.WORKSPACE_DID_CHANGE_WATCHED_FILES
                 for w in r.register_options["watchers"]}  # unstructured on the client side
        if wanted <= globs:
            break
        await asyncio.sleep(0.05)
    assert wanted <= globs
    a, b = opened(lsp, alpha / ".claude/agents/a.md", COLOR), opened(lsp, beta / ".claude/agents/b.md", COLOR)
    pa, pb = opened(lsp, alpha / "orders.py", SMALL, "python"), opened(lsp, beta / "orders.py", SMALL, "python")
    assert "AG141" in await settled(lsp, b, lambda c: "AG141" in c)
    assert "AG141" not in await settled(lsp, a, lambda c: True)  # read at initialize already
    await settled(lsp, pb, lambda c: "god_class" in c)
    assert "god_class" not in await settled(lsp, pa, lambda c: True)

    # The project file is edited on disk: the editor reports it, the server reads it again.
    (alpha / "pyproject.toml").write_text('[project]\nname = "a"\n\n[tool.agentls]\nignore = []\n')
    change = t.FileEvent(uri=(alpha / "pyproject.toml").as_uri(), type=t.FileChangeType.Changed)
    after = await republished(lsp, [a], lambda: lsp.workspace_did_change_watched_files(
        t.DidChangeWatchedFilesParams(changes=[change])))
    assert "AG141" in after[a]


@pytest.mark.asyncio
async def test_a_bad_project_value_is_shown_and_the_rest_still_works(lsp: LanguageClient, tmp_path: Path) -> None:
    alpha, beta = folders(tmp_path)
    (alpha / ".agentls.toml").write_text('fail-on = "sometimes"\n')
    await begin(lsp, alpha, beta)
    await settled(lsp, opened(lsp, alpha / ".claude/agents/a.md", COLOR), lambda c: "AG141" in c)
    for _ in range(100):
        if any("agentls settings" in m.message for m in lsp.messages):
            break
        await asyncio.sleep(0.05)
    (shown,) = [m for m in lsp.messages if "agentls settings" in m.message]
    assert ".agentls.toml" in shown.message and "sometimes" in shown.message.lower()
