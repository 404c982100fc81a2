"""Text documents whose lines split the LSP way.

pygls splits with ``str.splitlines``, which also breaks at ``\\v``, ``\\f``, ``\\x1c``-``\\x1e``,
``\\x85``, U+2028 and U+2029; after that every incremental edit lands in the wrong place.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from urllib.parse import unquote

from lsprotocol import types as t
from pygls.uris import to_fs_path
from pygls.workspace import TextDocument, Workspace

from agentls.text import split_lines


class LspTextDocument(TextDocument):
    _split_of: str | None = None
    _split: tuple[str, ...] = ()

    @property
    def lines(self) -> Sequence[str]:
        # pygls reads ``lines`` for every incremental change and position conversion; the
        # split is kept until the text changes (a 5,000-line module costs ~1 ms to split).
        source = self.source
        if source is not self._split_of:
            self._split_of, self._split = source, tuple(split_lines(source)) if source else ()
        return self._split


def requested(workspace: Workspace, uri: str) -> TextDocument | None:
    """The document a request names: the open one, else the file on disk read once; None
    when neither exists or it cannot be read (a request for a deleted or never-saved file
    answers nothing instead of every provider failing on pygls's lazy read)."""
    opened: TextDocument | None = workspace.text_documents.get(unquote(uri))
    if opened is not None:
        return opened
    path = to_fs_path(uri)
    try:
        text = Path(path).read_text(encoding="utf-8") if path else None
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    if text is None:
        return None
    return LspTextDocument(uri, source=text, position_codec=workspace.position_codec)


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
