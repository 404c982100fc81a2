"""Python fuzzing through the protocol (CI size): random edits to modules of this project.

Half-typed code, unterminated strings, 500-deep nesting, pasted and cut blocks and undos, sent
as incremental didChange (UTF-16 ranges) to a real server; after each edit the server must
publish for that version. At the end the server is still answering, logged no error, and
publishes the same smells and outline for the final texts as a server that opens them fresh.
The full size (10,000 edits on Django and SQLAlchemy modules) is bench/fuzz_python.py.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
import pytest_lsp
from lsprotocol import types as t
from pytest_lsp import ClientServerConfig, LanguageClient
from tests.conftest import SERVER_COMMAND, server_env
from tests.incremental.fuzz_edits import random_edit
from tests.lsp.helpers import open_doc, published, start

CONFIG = ClientServerConfig(server_command=SERVER_COMMAND, server_env=server_env())
SOURCES = [Path(__file__).resolve().parents[2] / "server" / "agentls" / "patterns" / name
           for name in ("walk.py", "files.py")]
EDITS = 200


@pytest_lsp.fixture(config=CONFIG)
async def fuzzed(lsp_client: LanguageClient):  # type: ignore[no-untyped-def]
    await start(lsp_client, "visual-studio-code")
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=CONFIG)
async def fresh(lsp_client: LanguageClient):  # type: ignore[no-untyped-def]
    await start(lsp_client, "visual-studio-code")
    yield
    await lsp_client.shutdown_session()


def _shown(diags: list[t.Diagnostic]) -> list[tuple[object, ...]]:
    return sorted((str(d.code), d.range.start.line, d.range.start.character, d.range.end.line,
                   d.range.end.character, d.message) for d in diags)


def _change(raw: dict[str, Any]) -> t.TextDocumentContentChangeEvent:
    if "range" not in raw:
        return t.TextDocumentContentChangeWholeDocument(text=raw["text"])
    r = raw["range"]
    return t.TextDocumentContentChangePartial(
        range=t.Range(t.Position(**r["start"]), t.Position(**r["end"])), text=raw["text"])


async def _outline(client: LanguageClient, uri: str) -> object:
    return await client.text_document_document_symbol_async(
        t.DocumentSymbolParams(text_document=t.TextDocumentIdentifier(uri=uri)))


@pytest.mark.asyncio
async def test_random_edits_never_crash_and_end_equal_to_a_fresh_server(
    fuzzed: LanguageClient, fresh: LanguageClient
) -> None:
    rng = random.Random(15)
    texts, versions, history = {}, {}, {}
    for i, path in enumerate(SOURCES):
        uri = f"file:///fuzz/pkg/mod{i}.py"
        texts[uri], versions[uri], history[uri] = path.read_text(encoding="utf-8"), 1, []
        await published(fuzzed, uri, lambda u=uri: open_doc(fuzzed, u, texts[u], "python"))
    for n in range(EDITS):
        uri = rng.choice(sorted(texts))
        new, change = random_edit(rng, texts[uri], history[uri])
        if n % 25 == 0:
            history[uri].append(texts[uri])
        texts[uri] = new
        versions[uri] += 1
        params = t.DidChangeTextDocumentParams(
            text_document=t.VersionedTextDocumentIdentifier(uri=uri, version=versions[uri]),
            content_changes=[_change(change)])
        await published(fuzzed, uri, lambda p=params: fuzzed.text_document_did_change(p), timeout=30)
    for uri, text in texts.items():
        fresh_uri = uri.replace("/fuzz/", "/fresh/")
        want = await published(fresh, fresh_uri, lambda u=fresh_uri, s=text: open_doc(fresh, u, s, "python"))
        assert _shown(fuzzed.diagnostics[uri]) == _shown(want)
        assert await _outline(fuzzed, uri) == await _outline(fresh, fresh_uri)
    errors = [m.message for m in fuzzed.log_messages if m.type == t.MessageType.Error]
    assert errors == []
