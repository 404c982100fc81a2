"""Closing a document makes every feature forget it: a closed module is no longer evidence
for the patterns of the others (the server only knows the open ones)."""

from __future__ import annotations

import pytest
from lsprotocol import types as t
from pytest_lsp import LanguageClient
from tests.lsp.helpers import open_doc

IFACE = """from abc import ABC, abstractmethod


class Pricing(ABC):
    @abstractmethod
    def price(self, amount: float) -> float: ...


class Regular(Pricing):
    def price(self, amount: float) -> float:
        return amount


class Sale(Pricing):
    def price(self, amount: float) -> float:
        return amount * 0.8
"""
CART = """from iface import Pricing


class Cart:
    def __init__(self, pricing: Pricing) -> None:
        self.pricing = pricing
        self.items: list[float] = []

    def set_pricing(self, pricing: Pricing) -> None:
        self.pricing = pricing

    def total(self) -> float:
        return sum(self.pricing.price(i) for i in self.items)
"""
IFACE_URI, CART_URI = "file:///ws/iface.py", "file:///ws/cart.py"


async def hover_cart(vscode: LanguageClient) -> str:
    found = await vscode.text_document_hover_async(t.HoverParams(
        text_document=t.TextDocumentIdentifier(uri=CART_URI), position=t.Position(3, 7)))
    return found.contents.value if found is not None else ""  # type: ignore[union-attr]


@pytest.mark.asyncio
async def test_a_closed_module_is_no_longer_evidence(vscode: LanguageClient) -> None:
    open_doc(vscode, IFACE_URI, IFACE, "python")
    open_doc(vscode, CART_URI, CART, "python")
    assert "strategy" in (await hover_cart(vscode)).lower()
    vscode.text_document_did_close(t.DidCloseTextDocumentParams(
        text_document=t.TextDocumentIdentifier(uri=IFACE_URI)))
    vscode.text_document_did_change(t.DidChangeTextDocumentParams(
        text_document=t.VersionedTextDocumentIdentifier(uri=CART_URI, version=2),
        content_changes=[t.TextDocumentContentChangeWholeDocument(text=CART + "\n")]))
    assert "strategy" not in (await hover_cart(vscode)).lower()
