"""A stand-in server for tests/lsp/test_published_helper.py: on each didChange of a document it
publishes that document's diagnostics, works for the number of milliseconds the new text
gives, then publishes another document's, as agentls does for a cross-file finding."""

from __future__ import annotations

import time

from lsprotocol import types as t
from pygls.lsp.server import LanguageServer

EDITED, OTHER = "file:///edited.md", "file:///other.md"
server = LanguageServer("two-publications", "0")


def _publish(ls: LanguageServer, uri: str, version: int) -> None:
    ls.text_document_publish_diagnostics(t.PublishDiagnosticsParams(uri=uri, diagnostics=[t.Diagnostic(
        range=t.Range(t.Position(0, 0), t.Position(0, 1)), message=f"version {version}")]))


@server.feature(t.TEXT_DOCUMENT_DID_CHANGE)
def changed(ls: LanguageServer, params: t.DidChangeTextDocumentParams) -> None:
    version = params.text_document.version
    _publish(ls, EDITED, version)
    change = params.content_changes[0]
    end = time.perf_counter() + float(change.text if isinstance(change, t.TextDocumentContentChangeWholeDocument)
                                      else "0") / 1000
    while time.perf_counter() < end:  # the other document's check
        pass
    _publish(ls, OTHER, version)


if __name__ == "__main__":
    server.start_io()
