"""Shared pieces of the agent-editing tests: a workspace on disk and a client started on it."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from lsprotocol import types as t
from pygls.uris import from_fs_path
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities
from tests.conftest import SERVER_COMMAND, server_env

# One HOME per test module run: the user folder (~/.claude) the server indexes.
HOME = Path(tempfile.mkdtemp(prefix="agentls-home-"))
CONFIG = ClientServerConfig(server_command=SERVER_COMMAND, server_env=server_env(HOME=str(HOME)))

AGENT = "---\nname: {name}\ndescription: {description}\n{extra}---\n{body}\n"


def agent(name: str, description: str = "Reviews code", extra: str = "", body: str = "You review.") -> str:
    return AGENT.format(name=name, description=description, extra=extra, body=body)


def write(root: Path, rel: str, text: str) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def uri(path: Path) -> str:
    return from_fs_path(str(path)) or str(path)


async def init(client: LanguageClient, *folders: Path, recorded: str = "visual-studio-code",
               options: Any = None) -> t.InitializeResult:
    """Initialize with ``folders`` as the workspace folders; records registrations and edits."""
    client.registrations = []  # type: ignore[attr-defined]
    client.applied_edits = []  # type: ignore[attr-defined]

    @client.feature(t.CLIENT_REGISTER_CAPABILITY)
    def register(params: t.RegistrationParams) -> None:
        client.registrations.extend(params.registrations)  # type: ignore[attr-defined]

    @client.feature(t.WORKSPACE_APPLY_EDIT)
    def apply_edit(params: t.ApplyWorkspaceEditParams) -> t.ApplyWorkspaceEditResult:
        client.applied_edits.append(params)  # type: ignore[attr-defined]
        return t.ApplyWorkspaceEditResult(applied=True)

    result = await client.initialize_session(t.InitializeParams(
        capabilities=client_capabilities(recorded),
        root_uri=uri(folders[0]) if folders else None,
        workspace_folders=[t.WorkspaceFolder(uri=uri(f), name=f.name) for f in folders] or None,
        initialization_options=options,
    ))
    return result


def at(text: str, marker: str, delta: int = 0) -> t.Position:
    """The position of ``marker`` in ``text`` (+ ``delta`` characters); ASCII text only."""
    offset = text.index(marker) + delta
    line = text.count("\n", 0, offset)
    return t.Position(line, offset - (text.rfind("\n", 0, offset) + 1))
