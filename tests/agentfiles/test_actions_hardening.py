"""QA regressions: code actions in agent files."""

from __future__ import annotations

from pathlib import Path

import pytest
from lsprotocol import types as t
from pytest_lsp import LanguageClient
from tests.agentfiles.helpers import init, uri
from tests.lsp.helpers import open_doc, published


@pytest.mark.asyncio
@pytest.mark.parametrize("text", ["---\r\ndescription: d\r\n---\r\nbody\r\n", "---\r\ndescription: d\r\n---\r\nbody"])
async def test_disable_for_this_file_keeps_crlf(client: LanguageClient, tmp_path: Path, text: str) -> None:
    await init(client, tmp_path)
    path = tmp_path / ".claude/agents/a.md"
    diags = await published(client, uri(path), lambda: open_doc(client, uri(path), text))
    assert diags
    result = await client.text_document_code_action_async(t.CodeActionParams(
        t.TextDocumentIdentifier(uri(path)), diags[0].range, t.CodeActionContext(diagnostics=diags)))
    (action,) = [a for a in result or [] if isinstance(a, t.CodeAction) and "for this file" in a.title]
    assert action.edit is not None and action.edit.document_changes
    change = action.edit.document_changes[0]
    assert isinstance(change, t.TextDocumentEdit)
    new = change.edits[0].new_text
    assert new.endswith("-->\r\n") and "\n" not in new.replace("\r\n", "")
