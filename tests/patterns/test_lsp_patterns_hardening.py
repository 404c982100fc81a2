"""Pattern features through the protocol: reopened documents, UTF-16 columns, edits, settings."""

from __future__ import annotations

from pathlib import Path

import pytest
from lsprotocol import types as t
from pytest_lsp import LanguageClient
from tests.lsp.helpers import open_doc, published

POSITIVES = Path(__file__).resolve().parents[1] / "fixtures" / "patterns" / "positives"
STRATEGY = (POSITIVES / "strategy.py").read_text()
URI = "file:///ws/pricing.py"


def _line_of(text: str, prefix: str) -> int:
    return next(i for i, line in enumerate(text.split("\n")) if line.startswith(prefix))


async def _hover(vscode: LanguageClient, uri: str, line: int, col: int) -> str | None:
    hover = await vscode.text_document_hover_async(
        t.HoverParams(text_document=t.TextDocumentIdentifier(uri=uri), position=t.Position(line, col))
    )
    if hover is None:
        return None
    assert isinstance(hover.contents, t.MarkupContent)
    return hover.contents.value


def _close(vscode: LanguageClient, uri: str) -> None:
    vscode.text_document_did_close(t.DidCloseTextDocumentParams(text_document=t.TextDocumentIdentifier(uri=uri)))


@pytest.mark.asyncio
async def test_a_reopened_document_is_analysed_afresh(vscode: LanguageClient) -> None:
    """Closed at version 1, changed on disk (a checkout), opened again at version 1."""
    await published(vscode, URI, lambda: open_doc(vscode, URI, STRATEGY, lang="python"))
    assert await _hover(vscode, URI, _line_of(STRATEGY, "class Cart"), 7) is not None
    _close(vscode, URI)
    shifted = "# moved down\n\n\n\n" + STRATEGY
    await published(vscode, URI, lambda: open_doc(vscode, URI, shifted, lang="python", version=1))
    line = _line_of(shifted, "class Cart")
    text = await _hover(vscode, URI, line, 7)
    assert text is not None and "**Strategy**" in text
    assert await _hover(vscode, URI, line - 4, 7) is None  # where Cart was before
    symbols = await vscode.text_document_document_symbol_async(
        t.DocumentSymbolParams(text_document=t.TextDocumentIdentifier(uri=URI))
    )
    assert symbols is not None
    cart = next(s for s in symbols if isinstance(s, t.DocumentSymbol) and s.name == "Cart")
    assert cart.selection_range.start.line == line


@pytest.mark.asyncio
async def test_hover_columns_are_utf16_after_astral_characters(vscode: LanguageClient) -> None:
    # `𠀀` (U+20000) is an identifier character that takes two UTF-16 code units.
    source = STRATEGY.replace("Cart", "𠀀𠀁Cart")
    uri = "file:///ws/astral.py"
    await published(vscode, uri, lambda: open_doc(vscode, uri, source, lang="python"))
    line = _line_of(source, "class 𠀀𠀁Cart")
    # Columns 6..14 in UTF-16 cover the name (2 + 2 + 4 units); 15 is past `:`.
    for col in (6, 10, 14):
        text = await _hover(vscode, uri, line, col)
        assert text is not None and "context" in text, col
    assert await _hover(vscode, uri, line, 16) is None
    symbols = await vscode.text_document_document_symbol_async(
        t.DocumentSymbolParams(text_document=t.TextDocumentIdentifier(uri=uri))
    )
    assert symbols is not None
    cart = next(s for s in symbols if isinstance(s, t.DocumentSymbol) and s.name == "𠀀𠀁Cart")
    assert (cart.selection_range.start.character, cart.selection_range.end.character) == (6, 14)


@pytest.mark.asyncio
async def test_incremental_edits_that_break_and_fix_the_syntax(vscode: LanguageClient) -> None:
    await published(vscode, URI, lambda: open_doc(vscode, URI, STRATEGY, lang="python"))
    line = _line_of(STRATEGY, "class Cart")
    total = _line_of(STRATEGY, "    def total")

    def change(version: int, start: tuple[int, int], end: tuple[int, int], text: str) -> None:
        vscode.text_document_did_change(
            t.DidChangeTextDocumentParams(
                text_document=t.VersionedTextDocumentIdentifier(uri=URI, version=version),
                content_changes=[
                    t.TextDocumentContentChangePartial(
                        range=t.Range(start=t.Position(*start), end=t.Position(*end)), text=text
                    )
                ],
            )
        )

    # Type an unclosed call inside Cart.total, then a new line at column 0 below Cart.
    await published(vscode, URI, lambda: change(2, (total + 1, 8), (total + 1, 8), "print(\n"))
    await published(vscode, URI, lambda: change(3, (0, 0), (0, 0), "import os\n"))
    # Cart is broken now (its strategies with it); the server keeps answering.
    assert await _hover(vscode, URI, line + 1, 7) is None
    # Delete the `print(`: everything answers again.
    await published(vscode, URI, lambda: change(4, (total + 2, 8), (total + 3, 0), ""))
    text = await _hover(vscode, URI, line + 1, 7)
    assert text is not None and "context" in text
    pricing = _line_of(STRATEGY, "class Pricing") + 1
    assert await _hover(vscode, URI, pricing, 7) is not None


@pytest.mark.asyncio
async def test_document_symbols_on_a_broken_file(vscode: LanguageClient) -> None:
    source = STRATEGY + "\n\nclass Half(\n    def x(self\n"
    await published(vscode, URI, lambda: open_doc(vscode, URI, source, lang="python"))
    symbols = await vscode.text_document_document_symbol_async(
        t.DocumentSymbolParams(text_document=t.TextDocumentIdentifier(uri=URI))
    )
    assert symbols is not None
    assert {s.name for s in symbols} >= {"Pricing", "Regular", "Sale", "Cart"}
