"""Pattern features through the protocol: reopened documents, UTF-16 columns, edits, settings."""

from __future__ import annotations

from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types as t
from pytest_lsp import ClientServerConfig, LanguageClient
from tests.conftest import SERVER_COMMAND, server_env
from tests.lsp.helpers import open_doc, published, start

CONFIG = ClientServerConfig(server_command=SERVER_COMMAND, server_env=server_env())
POSITIVES = Path(__file__).resolve().parents[1] / "fixtures" / "patterns" / "positives"
STRATEGY = (POSITIVES / "strategy.py").read_text()
URI = "file:///ws/pricing.py"


@pytest_lsp.fixture(config=CONFIG)
async def client(lsp_client: LanguageClient):  # type: ignore[no-untyped-def]
    await start(lsp_client, "visual-studio-code")
    yield
    await lsp_client.shutdown_session()


def _line_of(text: str, prefix: str) -> int:
    return next(i for i, line in enumerate(text.split("\n")) if line.startswith(prefix))


async def _hover(client: LanguageClient, uri: str, line: int, col: int) -> str | None:
    hover = await client.text_document_hover_async(
        t.HoverParams(text_document=t.TextDocumentIdentifier(uri=uri), position=t.Position(line, col))
    )
    if hover is None:
        return None
    assert isinstance(hover.contents, t.MarkupContent)
    return hover.contents.value


def _close(client: LanguageClient, uri: str) -> None:
    client.text_document_did_close(t.DidCloseTextDocumentParams(text_document=t.TextDocumentIdentifier(uri=uri)))


@pytest.mark.asyncio
async def test_a_reopened_document_is_analysed_afresh(client: LanguageClient) -> None:
    """Closed at version 1, changed on disk (a checkout), opened again at version 1."""
    await published(client, URI, lambda: open_doc(client, URI, STRATEGY, lang="python"))
    assert await _hover(client, URI, _line_of(STRATEGY, "class Cart"), 7) is not None
    _close(client, URI)
    shifted = "# moved down\n\n\n\n" + STRATEGY
    await published(client, URI, lambda: open_doc(client, URI, shifted, lang="python", version=1))
    line = _line_of(shifted, "class Cart")
    text = await _hover(client, URI, line, 7)
    assert text is not None and "**Strategy**" in text
    assert await _hover(client, URI, line - 4, 7) is None  # where Cart was before
    symbols = await client.text_document_document_symbol_async(
        t.DocumentSymbolParams(text_document=t.TextDocumentIdentifier(uri=URI))
    )
    assert symbols is not None
    cart = next(s for s in symbols if isinstance(s, t.DocumentSymbol) and s.name == "Cart")
    assert cart.selection_range.start.line == line
