"""``shutdown`` and ``exit`` while the expert's answer is still streaming in.

The server is a real subprocess; the Anthropic API is the local fake Messages API (SSE over
real HTTP), here streaming an answer that would take a minute. The shutdown must be answered
and the process must end at once with code 0 (LSP: ``exit`` after ``shutdown``), without
waiting for the stream, without an edit sent to the client, and with nothing of the half
answer left in the expert's cache (no partial or temporary file).
"""

from __future__ import annotations

import asyncio
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

import pytest
import pytest_lsp
from lsprotocol import types as t
from pytest_lsp import ClientServerConfig, LanguageClient
from tests.conftest import SERVER_COMMAND, server_env
from tests.expert.fake_anthropic import FakeAnthropic
from tests.lsp.helpers import open_doc, start

FAKE = FakeAnthropic()
STATE = Path(tempfile.mkdtemp(prefix="agentls-shutdown-stream-"))  # cache and home, never the real ones
ENV = server_env(ANTHROPIC_BASE_URL=FAKE.url, XDG_CACHE_HOME=str(STATE / "cache"), HOME=str(STATE / "home"))
CONFIG = ClientServerConfig(server_command=SERVER_COMMAND, server_env=ENV)
SOURCE = "def f(a, b):\n    return a + b\n\n\ndef g():\n    return 2\n"
OPTIONS: dict[str, Any] = {"expert": {"apiKey": "client-key-7", "maxRetries": 0, "timeout": 120}}


@pytest_lsp.fixture(config=CONFIG)
async def client(lsp_client: LanguageClient, tmp_path: Path):  # type: ignore[no-untyped-def]
    lsp_client.ws = tmp_path  # type: ignore[attr-defined]
    FAKE.reset()
    shutil.rmtree(STATE / "cache", ignore_errors=True)
    await start(lsp_client, "visual-studio-code", tmp_path.as_uri(), OPTIONS)
    yield
    # The test shuts the server down itself; shutdown_session does nothing a second time.


@pytest.mark.asyncio
async def test_shutdown_while_the_expert_streams_ends_the_server_at_once(client: LanguageClient) -> None:
    uri = (client.ws / "calc.py").as_uri()  # type: ignore[attr-defined]
    open_doc(client, uri, SOURCE, "python")
    FAKE.mode, FAKE.chunks, FAKE.chunk_delay = "slow-stream", 1200, 0.05  # a minute of deltas
    try:
        found = await client.text_document_code_action_async(t.CodeActionParams(
            text_document=t.TextDocumentIdentifier(uri=uri), range=t.Range(t.Position(0, 0), t.Position(0, 0)),
            context=t.CodeActionContext(diagnostics=[])))
        (ask,) = [a for a in found or [] if a.title.startswith("Ask")]
        pending = asyncio.create_task(client.code_action_resolve_async(ask))
        for _ in range(200):  # until the answer is streaming in
            await asyncio.sleep(0.05)
            reports = [r for rs in client.progress_reports.values() for r in rs]
            if any("receiving" in (getattr(r, "message", "") or "") for r in reports):
                break
        else:
            pytest.fail("the stream never started")
        server = client._server
        assert server is not None and server.returncode is None
        started = time.monotonic()
        await asyncio.wait_for(client.shutdown_session(), 20)  # shutdown answered, exit sent, process gone
        # Far less than the minute the stream still had to go: nothing waited for it.
        assert time.monotonic() - started < 20
        assert server.returncode == 0
        # The resolve request ends (answered or failed with the connection), it does not hang.
        done, _ = await asyncio.wait({pending}, timeout=5)
        assert done
        assert client.applied_edits == []  # type: ignore[attr-defined]
        cached = [p for p in (STATE / "cache").rglob("*") if p.is_file()]
        assert cached == []  # no half answer, no temporary file
        assert len(FAKE.messages()) == 1
    finally:
        FAKE.chunks, FAKE.chunk_delay = 40, 0.05
