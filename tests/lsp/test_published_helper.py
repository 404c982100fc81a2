"""``tests.lsp.helpers.published`` sees a cross-file republication that arrives right after the
edited document's.

agentls publishes the edited document, then, in the same didChange, the open documents whose
cross-file findings changed (test_workspace.py's rename: AGW001 on the other file, 5-35 ms
after the edit on an idle machine; no debounce or queue in between). The helper woke on the
first publication and registered its next waiter a loop turn later: a publication read in that
turn woke nobody, and the test waited for its 10 s timeout (once, under load). Only its copy in
``client.diagnostics`` could catch it, which fails for an empty list (lsprotocol makes it the
empty tuple, always the same object). Against this stand-in server (0 to 0.4 ms of work between
the two publications, load about 8) the old helper missed 4 of 1,000, 12 and 49 of 3,000
publications, and 43 of 300 empty ones; the new one none of 7,000, nor of 1,000 empty ones.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types as t
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities
from tests.lsp.helpers import published

SERVER = Path(__file__).with_name("two_publications_server.py")
EDITED, OTHER = "file:///edited.md", "file:///other.md"


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[sys.executable, str(SERVER)]))
async def client(lsp_client: LanguageClient):  # type: ignore[no-untyped-def]
    await lsp_client.initialize_session(t.InitializeParams(capabilities=client_capabilities("visual-studio-code")))
    yield
    await lsp_client.shutdown_session()


@pytest.mark.asyncio
async def test_the_other_documents_publication_is_seen_however_soon_it_follows(client: LanguageClient) -> None:
    client.text_document_did_open(t.DidOpenTextDocumentParams(text_document=t.TextDocumentItem(
        uri=EDITED, language_id="markdown", version=0, text="0")))
    rnd = random.Random(2)
    for version in range(1, 1001):
        work_ms = rnd.uniform(0, 0.4)

        def edit(version: int = version, work_ms: float = work_ms) -> None:
            client.text_document_did_change(t.DidChangeTextDocumentParams(
                text_document=t.VersionedTextDocumentIdentifier(uri=EDITED, version=version),
                content_changes=[t.TextDocumentContentChangeWholeDocument(text=str(work_ms))]))

        (diagnostic,) = await published(client, OTHER, edit, timeout=5)
        assert diagnostic.message == f"version {version}"
