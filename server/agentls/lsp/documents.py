"""Text documents whose lines split the LSP way.

pygls splits with ``str.splitlines``, which also breaks at ``\\v``, ``\\f``, ``\\x1c``-``\\x1e``,
``\\x85``, U+2028 and U+2029; after that every incremental edit lands in the wrong place.
"""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import unquote

from lsprotocol import types as t
from pygls.workspace import TextDocument, Workspace

from agentls.text import split_lines


class LspTextDocument(TextDocument):
    @property
    def lines(self) -> Sequence[str]:
        return tuple(split_lines(self.source)) if self.source else ()


def hold(workspace: Workspace, item: t.TextDocumentItem, sync_kind: t.TextDocumentSyncKind) -> None:
    """Keep a just-opened document as an ``LspTextDocument``.

    pygls puts a plain ``TextDocument`` into the workspace before our ``didOpen`` handler runs
    and has no factory to override; its public ``text_documents`` mapping takes ours in its
    place (keyed as pygls keys it), before any edit reaches the document.
    """
    key = unquote(item.uri)
    if isinstance(workspace.text_documents.get(key), LspTextDocument):
        return
    workspace.text_documents[key] = LspTextDocument(
        item.uri, source=item.text, version=item.version, language_id=item.language_id,
        sync_kind=sync_kind, position_codec=workspace.position_codec)
