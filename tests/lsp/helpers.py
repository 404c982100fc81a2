"""Shared pieces of the end-to-end LSP tests."""

from __future__ import annotations

import asyncio
from typing import Any

from lsprotocol import types as t
from pytest_lsp import LanguageClient, client_capabilities


async def start(client: LanguageClient, recorded: str, root: str | None = None,
                options: Any = None) -> t.InitializeResult:
    @client.feature(t.WORKSPACE_APPLY_EDIT)
    def apply_edit(params: t.ApplyWorkspaceEditParams) -> t.ApplyWorkspaceEditResult:
        client.applied_edits.append(params)  # type: ignore[attr-defined]
        return t.ApplyWorkspaceEditResult(applied=True)

    @client.feature(t.CLIENT_REGISTER_CAPABILITY)
    def register_capability(params: t.RegistrationParams) -> None:
        # Real clients accept dynamic registrations (file watchers); pytest-lsp has no default.
        client.registrations.extend(params.registrations)  # type: ignore[attr-defined]

    client.applied_edits = []  # type: ignore[attr-defined]
    client.registrations = []  # type: ignore[attr-defined]
    return await client.initialize_session(t.InitializeParams(
        capabilities=client_capabilities(recorded),
        root_uri=root,
        workspace_folders=[t.WorkspaceFolder(uri=root, name="ws")] if root else None,
        initialization_options=options,
    ))


def open_doc(client: LanguageClient, uri: str, text: str, lang: str = "markdown",
             version: int = 1) -> None:
    client.text_document_did_open(t.DidOpenTextDocumentParams(
        text_document=t.TextDocumentItem(uri=uri, language_id=lang, version=version, text=text)))


async def published(client: LanguageClient, uri: str, action: Any, timeout: float = 10) -> list[t.Diagnostic]:
    """Run ``action`` and wait for the diagnostics it makes the server publish for ``uri``."""
    # pytest-lsp wakes at most one waiter per method, and forgets it once woken. The next one
    # is registered from the woken one's callback, which pytest-lsp runs before it reads
    # another message: no publication goes by unseen. (Registered from the waiting coroutine,
    # it came a loop turn late; a cross-file republication read in that turn, just after the
    # edited document's, woke nobody: test_published_helper.py.)
    loop = asyncio.get_running_loop()
    found: asyncio.Future[list[t.Diagnostic]] = loop.create_future()

    def listen() -> None:
        client.protocol.wait_for_notification(t.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS).add_done_callback(heard)

    def heard(notification: Any) -> None:
        if found.done() or notification.cancelled():
            return
        params = notification.result()
        if params.uri == uri:
            loop.call_soon_threadsafe(_settle, found, list(params.diagnostics))
        else:
            listen()

    listen()
    if action is not None:
        action()
    try:
        return await asyncio.wait_for(asyncio.shield(found), timeout)
    finally:
        found.cancel()  # a later publication finds it done and registers nothing


def _settle(future: asyncio.Future[list[t.Diagnostic]], value: list[t.Diagnostic]) -> None:
    if not future.done():
        future.set_result(value)


def text_at(text: str, rng: t.Range) -> str:
    """The text a range covers (UTF-16 columns; fine for the ASCII tests)."""
    lines = text.split("\n")
    if rng.start.line == rng.end.line:
        return lines[rng.start.line][rng.start.character:rng.end.character]
    parts = [lines[rng.start.line][rng.start.character:]]
    parts += lines[rng.start.line + 1:rng.end.line]
    parts.append(lines[rng.end.line][:rng.end.character])
    return "\n".join(parts)


def apply_text_edits(text: str, edits: list[t.TextEdit]) -> str:
    lines = text.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)

    def off(p: t.Position) -> int:
        return offsets[p.line] + p.character

    for e in sorted(edits, key=lambda e: off(e.range.start), reverse=True):
        text = text[:off(e.range.start)] + e.new_text + text[off(e.range.end):]
    return text
