"""The server's background index ends equal to the CLI's view of the same tree.

A small generated monorepo (packages that import and subclass each other, singletons, and a
repository interface whose implementations live in files that are never opened): once the
server's indexing progress ends, the pattern roles it reports for opened modules (document
symbols' details) equal what ``agentls patterns`` run in the folder finds for them.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from lsprotocol import types as t
from pytest_lsp import LanguageClient
from tests.conftest import AGENTLS, server_env
from tests.lsp.helpers import open_doc, start
from tests.patterns.test_lsp_workspace_index import BASE, MODEL, implementation, indexed

MODULES = 150


def module_text(i: int) -> str:
    base = (i * 7) // 10 if i else None  # an earlier module, in this or another package
    lines = ["import logging", ""]
    if base is not None:
        lines.append(f"from pkg_{base // 50:02d}.mod_{base:04d} import Service{base:04d}")
    lines += ["", "log = logging.getLogger(__name__)", "", ""]
    parent = f"Service{base:04d}" if base is not None else "object"
    lines += [f"class Service{i:04d}({parent}):", "    def __init__(self, repo):", "        self.repo = repo",
              "        self.items = []", ""]
    for m in range(2 + i % 5):
        lines += [f"    def handle_{m}(self, value):", f"        if value > {m}:",
                  f"            self.items.append(value * {m})", "        return len(self.items)", ""]
    if i % 10 == 0:
        lines += ["", "_instance = None", "", "", "def instance():", "    global _instance",
                  "    if _instance is None:", f"        _instance = Service{i:04d}(None)", "    return _instance"]
    return "\n".join(lines) + "\n"


def generate(root: Path) -> list[Path]:
    for i in range(MODULES):
        pkg = root / f"pkg_{i // 50:02d}"
        pkg.mkdir(parents=True, exist_ok=True)
        (pkg / "__init__.py").touch()
        (pkg / f"mod_{i:04d}.py").write_text(module_text(i))
    (root / "base.py").write_text(BASE)
    (root / "model.py").write_text(MODEL)
    for name in ("SqlAlchemyRepository", "InMemoryRepository"):
        (root / f"{name.lower()}.py").write_text(implementation(name))
    return [root / "base.py", root / "pkg_00" / "mod_0000.py", root / "pkg_01" / "mod_0070.py",
            root / "pkg_02" / "mod_0140.py"]


def cli_roles(root: Path) -> dict[str, set[tuple[str, str]]]:
    """path relative to the root -> {(qualified symbol, "pattern: role")} from the CLI."""
    proc = subprocess.run([*AGENTLS, "patterns", "--format", "json", "."],
                          cwd=root, capture_output=True, text=True, timeout=300, env=server_env())
    out: dict[str, set[tuple[str, str]]] = {}
    for d in json.loads(proc.stdout):
        out.setdefault(d["path"], set()).add((d["symbol"], f"{d['pattern']}: {d['role']}"))
    return out


def symbol_roles(symbols: list[t.DocumentSymbol], prefix: str = "") -> set[tuple[str, str]]:
    out: set[tuple[str, str]] = set()
    for s in symbols:
        qual = f"{prefix}{s.name}"
        for role in (s.detail or "").split(", "):
            if role:
                out.add((qual, role))
        out |= symbol_roles(s.children or [], f"{qual}.")
    return out


@pytest.mark.asyncio
async def test_the_finished_index_gives_the_clis_findings(client: LanguageClient, tmp_path: Path) -> None:
    root = tmp_path / "mono"
    opened = generate(root)
    expected = cli_roles(root)
    await start(client, "visual-studio-code", root=root.as_uri())
    assert f"{MODULES + 3 + 4} Python files indexed" in await indexed(client)
    seen_cross_module = False
    for path in opened:
        uri = path.as_uri()
        open_doc(client, uri, path.read_text(), lang="python")
        symbols = await client.text_document_document_symbol_async(
            t.DocumentSymbolParams(text_document=t.TextDocumentIdentifier(uri=uri)))
        assert symbols is not None
        got = symbol_roles([s for s in symbols if isinstance(s, t.DocumentSymbol)])
        want = expected.get(path.relative_to(root).as_posix(), set())
        assert got == want, path
        # The repository's implementations are only on disk: the index must have them.
        seen_cross_module = seen_cross_module or any("Repository" in s for s, _ in got)
    assert seen_cross_module
    assert any(expected.get(p.relative_to(root).as_posix()) for p in opened[1:])  # singletons too
