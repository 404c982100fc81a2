"""The floor for bench/lsp_latency.py: a bare pygls 2.1 server that publishes no diagnostics.

It keeps the document in pygls's workspace exactly as agentls does (incremental sync, the
default), and on every didOpen/didChange pushes an empty diagnostics list for that version.
agentls reads stdin on its event loop instead of pygls's worker thread (``agentls.lsp.run``),
which saves about 0.25 ms a message; ``--stdin-on-loop`` gives the floor the same reader, so
what agentls costs above *that* floor is the cost of its own analysis.

    python bench/floor_server.py                   # speaks LSP on stdio, pygls's start_io
    python bench/floor_server.py --stdin-on-loop   # reads stdin as agentls does (no thread)
"""

from __future__ import annotations

import sys

from lsprotocol import types as t
from pygls.lsp.server import LanguageServer

server = LanguageServer("floor", "0", text_document_sync_kind=t.TextDocumentSyncKind.Incremental)


def _publish(ls: LanguageServer, uri: str) -> None:
    doc = ls.workspace.get_text_document(uri)
    ls.text_document_publish_diagnostics(
        t.PublishDiagnosticsParams(uri=uri, version=doc.version, diagnostics=[]))


@server.feature(t.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: LanguageServer, params: t.DidOpenTextDocumentParams) -> None:
    _publish(ls, params.text_document.uri)


@server.feature(t.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: LanguageServer, params: t.DidChangeTextDocumentParams) -> None:
    _publish(ls, params.text_document.uri)


if __name__ == "__main__":
    if "--stdin-on-loop" in sys.argv:
        from agentls.lsp.run import serve_pipe, stdin_is_pipe

        assert stdin_is_pipe(sys.stdin.buffer), "--stdin-on-loop wants stdin to be a pipe"
        serve_pipe(server)
    else:
        server.start_io()
