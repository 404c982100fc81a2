"""Text documents whose lines split the LSP way.

pygls splits with ``str.splitlines``, which also breaks at ``\\v``, ``\\f``, ``\\x1c``-``\\x1e``,
``\\x85``, U+2028 and U+2029; after that every incremental edit lands in the wrong place.
"""

from __future__ import annotations

from collections.abc import Sequence

from pygls.workspace import TextDocument, Workspace

from agentls.text import split_lines


class LspTextDocument(TextDocument):
    @property
    def lines(self) -> Sequence[str]:
        return tuple(split_lines(self.source)) if self.source else ()


class LspWorkspace(Workspace):
    def _create_text_document(self, doc_uri: str, source: str | None = None,
                              version: int | None = None,
                              language_id: str | None = None) -> TextDocument:
        return LspTextDocument(doc_uri, source=source, version=version, language_id=language_id,
                               sync_kind=self._sync_kind, position_codec=self._position_codec)


def adopt(workspace: Workspace) -> None:
    """Make pygls's freshly created workspace create our documents.

    pygls builds the workspace inside its own ``initialize`` handling, before ours runs and
    with no factory to override; swapping the class of that one object keeps all its state.
    """
    if not isinstance(workspace, LspWorkspace):
        workspace.__class__ = LspWorkspace
