"""The agent-file tests' client: a server whose user folder (``~/.claude``) is this run's own."""

from __future__ import annotations

import pytest_lsp
from pytest_lsp import LanguageClient
from tests.agentfiles.helpers import CONFIG


@pytest_lsp.fixture(config=CONFIG)
async def client(lsp_client: LanguageClient):  # type: ignore[no-untyped-def]
    """Started, not initialized: each test initializes it on its own folders (``helpers.init``)."""
    yield lsp_client
    await lsp_client.shutdown_session()
