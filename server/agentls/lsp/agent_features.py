"""Agent files in the editor: registers the workspace model and its features with the server
(listed in ``run.OPTIONAL_FEATURES``)."""

from __future__ import annotations

import logging

from lsprotocol import types as t

from agentls.lsp import agent_actions, agent_completion, agent_hover, agent_symbols
from agentls.lsp.agent_editing import SOURCE, AgentEditing
from agentls.lsp.server import AgentLanguageServer, DiagnosticSource

log = logging.getLogger(__name__)


def register(server: AgentLanguageServer) -> AgentEditing:
    editing = AgentEditing()
    server.sources.append(DiagnosticSource(SOURCE, editing.diagnose))
    server.initialized_hooks.append(editing.register_watchers)

    def did_change_watched(ls: AgentLanguageServer, params: t.DidChangeWatchedFilesParams) -> None:
        ls.forget_dialects()
        editing.watched(ls, params)

    # The server dispatches workspace/didChangeWatchedFiles to every feature (handlers.py).
    server.watched_hooks.append(did_change_watched)

    agent_completion.register(server, editing)
    agent_hover.register(server, editing)
    agent_actions.register(server, editing)
    agent_symbols.register(server, editing)
    return editing
