"""The document store splits lines the LSP way, so incremental edits land in place."""

from __future__ import annotations

import pytest
from lsprotocol import types as t

from agentls.lsp.documents import LspTextDocument


@pytest.mark.parametrize("odd", ["\v", "\f", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"])
def test_incremental_edit_after_odd_character(odd: str) -> None:
    text = f"first{odd}still first\nsecond line\nthird\r\nfourth\rfifth\n"
    doc = LspTextDocument("file:///x.md", text, version=1)
    doc.apply_change(t.TextDocumentContentChangePartial(
        range=t.Range(t.Position(1, 0), t.Position(1, 6)), text="2nd"))
    doc.apply_change(t.TextDocumentContentChangePartial(
        range=t.Range(t.Position(4, 0), t.Position(4, 5)), text="5th"))
    assert doc.source == f"first{odd}still first\n2nd line\nthird\r\nfourth\r5th\n"
