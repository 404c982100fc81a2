"""The base class of the server's features (esbonio style).

A feature is one capability: agent-file diagnostics, hover in agent files, the Python pattern
analysis, the expert. It receives the features it builds on in its constructor, typed
(``run.create_server`` wires them once), and overrides the hooks it serves; everything else
stays the base class's no-op. ``handlers.py`` registers each LSP method once and calls the
features that override the matching hook, so one failing feature is logged and the others
still answer. A method only one feature answers (completion, go-to-definition, code lenses,
its commands) is declared in that feature's ``register``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from lsprotocol import types as t
from pygls.workspace import TextDocument

if TYPE_CHECKING:
    from agentls.lsp.server import AgentLanguageServer


class LanguageFeature:
    # The diagnostics source this feature fills (the key in ``DiagnosticStore``), if any.
    source: ClassVar[str | None] = None
    # Its results arrive after the request that asked for them (the expert): a client that
    # pulls but cannot be asked to pull again (Neovim 0.10/0.11) gets these pushed instead.
    late: ClassVar[bool] = False
    # A late source's first results: until then nothing of it is pushed to a pulling client.
    delivered: bool = False

    def serves(self, ls: AgentLanguageServer, doc: TextDocument) -> bool:
        """Whether ``doc`` is this feature's business; the providers below are asked only
        for the documents it serves ("not mine" is remembered per document version)."""
        return True

    # -- providers (asked for the documents the feature serves) ------------------------------
    def diagnose(self, ls: AgentLanguageServer, doc: TextDocument) -> list[t.Diagnostic] | None:
        """The feature's diagnostics for ``doc``; ``None`` when it is not its business."""
        return None

    def code_actions(self, ls: AgentLanguageServer, params: t.CodeActionParams) -> list[t.CodeAction]:
        return []

    async def resolve_code_action(self, ls: AgentLanguageServer, action: t.CodeAction) -> t.CodeAction | None:
        """The resolved action, or ``None`` when the action is not this feature's."""
        return None

    def hover(self, ls: AgentLanguageServer, doc: TextDocument, position: t.Position) -> t.Hover | None:
        return None

    def symbols(self, ls: AgentLanguageServer, doc: TextDocument) -> list[t.DocumentSymbol] | None:
        return None

    # -- lifecycle ---------------------------------------------------------------------------
    def register(self, server: AgentLanguageServer) -> None:
        """Declare the LSP methods and commands only this feature answers."""

    async def initialized(self, ls: AgentLanguageServer) -> None:
        """The client is initialized: dynamic registrations (file watchers)."""

    def configured(self, ls: AgentLanguageServer) -> None:
        """The settings are known (end of ``initialized``), or changed, or the folders did."""

    # The document hooks run on the typing path after the diagnostics are refreshed: they
    # may only start timers or tasks.
    def document_opened(self, ls: AgentLanguageServer, uri: str) -> None:
        """A document was opened."""

    def document_changed(self, ls: AgentLanguageServer, uri: str) -> None:
        """A document was edited."""

    def document_saved(self, ls: AgentLanguageServer, uri: str) -> None:
        """A document was saved."""

    def document_closed(self, ls: AgentLanguageServer, uri: str) -> None:
        """A document was closed: drop what the feature kept for it."""

    def files_changed(self, ls: AgentLanguageServer, params: t.DidChangeWatchedFilesParams) -> None:
        """Watched files changed on disk."""

    def shutdown(self, ls: AgentLanguageServer) -> None:
        """The client asked to shut down: stop background work."""


def overrides(feature: LanguageFeature, hook: str) -> bool:
    """Whether ``feature``'s class serves ``hook`` (overrides the base class's no-op)."""
    return getattr(type(feature), hook) is not getattr(LanguageFeature, hook)
