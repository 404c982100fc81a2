"""Closing a document makes every feature forget it: a closed module is no longer evidence
for the patterns of the others (the server only knows the open ones)."""

from __future__ import annotations

import pytest
import pytest_lsp
from lsprotocol import types as t
from pytest_lsp import ClientServerConfig, LanguageClient

from tests.conftest import SERVER_COMMAND, server_env
from tests.lsp.helpers import open_doc, start

CONFIG = ClientServerConfig(server_command=SERVER_COMMAND, server_env=server_env())
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


@pytest_lsp.fixture(config=CONFIG)
async def client(lsp_client: LanguageClient):  # type: ignore[no-untyped-def]
    await start(lsp_client, "visual-studio-code")
    yield
    await lsp_client.shutdown_session()


async def hover_cart(client: LanguageClient) -> str:
    found = await client.text_document_hover_async(t.HoverParams(
        text_document=t.TextDocumentIdentifier(uri=CART_URI), position=t.Position(3, 7)))
    return found.contents.value if found is not None else ""  # type: ignore[union-attr]


@pytest.mark.asyncio
async def test_a_closed_module_is_no_longer_evidence(client: LanguageClient) -> None:
    open_doc(client, IFACE_URI, IFACE, "python")
    open_doc(client, CART_URI, CART, "python")
    assert "strategy" in (await hover_cart(client)).lower()
    client.text_document_did_close(t.DidCloseTextDocumentParams(
        text_document=t.TextDocumentIdentifier(uri=IFACE_URI)))
    client.text_document_did_change(t.DidChangeTextDocumentParams(
        text_document=t.VersionedTextDocumentIdentifier(uri=CART_URI, version=2),
        content_changes=[t.TextDocumentContentChangeWholeDocument(text=CART + "\n")]))
    assert "strategy" not in (await hover_cart(client)).lower()
