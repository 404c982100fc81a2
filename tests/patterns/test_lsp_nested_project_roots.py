"""The language server resolves a nested project's imports as the CLI does
(test_nested_project_roots.py): `one/adapter/store.py` writes `from domain.book import
BookRepository`, `one/` being where that project runs from. Only the port's file is opened;
the hover names the adapter the background index found on disk. The near miss: the sibling
project `two/`, holding the same port, has no implementation of it."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_lsp import LanguageClient
from tests.lsp.helpers import open_doc, start
from tests.patterns.cli import write_tree
from tests.patterns.test_lsp_workspace_index import hover_text, indexed
from tests.patterns.test_nested_project_roots import ADAPTER, DOMAIN, SIBLINGS

PORT_LINE = DOMAIN.splitlines().index("class BookRepository(ABC):")


@pytest.mark.asyncio
async def test_hover_on_a_nested_projects_port_names_its_adapter(client: LanguageClient, tmp_path: Path) -> None:
    write_tree(tmp_path, {**SIBLINGS, "one/adapter/store.py": ADAPTER.format(module="domain.book")})
    await start(client, "visual-studio-code", root=tmp_path.as_uri())
    await indexed(client)
    texts = {}
    for project in ("one", "two"):
        uri = (tmp_path / project / "domain" / "book.py").as_uri()
        open_doc(client, uri, DOMAIN, lang="python")
        texts[project] = await hover_text(client, uri, PORT_LINE, 8)
    assert "SqlBooks" in texts["one"] and "store.py" in texts["one"]
    assert "SqlBooks" not in texts["two"]
