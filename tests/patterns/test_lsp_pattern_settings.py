"""The engine's settings from the editor (`agentls.patterns`): thresholds, layers, disabled
patterns, through initializationOptions and workspace/configuration (pytest-lsp)."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from lsprotocol import types as t
from pytest_lsp import LanguageClient
from tests.lsp.helpers import open_doc, published, start
from tests.patterns.test_lsp_patterns import god_class_source

# Small: WMC 6, ATFD 2, TCC 0.27; a god class only below the default thresholds.
SMALL = """class Orders:
    def place(self, o):
        self.repo.save(o.id)

    def cancel(self, o):
        self.repo.delete(o)

    def confirm(self, o):
        self.mailer.send(o.email)

    def remind(self, o):
        self.mailer.send(o)

    def find(self, o):
        return self.repo.get(o)

    def ping(self):
        return self.mailer.ok()
"""
LOW = {"godClass": {"atfd": 1, "wmc": 5, "tcc": 0.5}}


def codes(diags: list[t.Diagnostic]) -> list[str]:
    return sorted(str(d.code) for d in diags if d.source == "agentls.patterns")


async def session(client: LanguageClient, options: Any = None, configuration: dict[str, Any] | None = None,
                  root: Path | None = None) -> None:
    """vscode's capabilities (pushed diagnostics, workspace/configuration); the client answers
    workspace/configuration from ``configuration`` (the ``agentls`` section), as an editor does."""
    client.set_configuration({"agentls": configuration} if configuration is not None else None)
    await start(client, "visual-studio-code", root.as_uri() if root else None, options)


class Publications(dict[str, Any]):
    """``client.diagnostics`` that also counts the publications per document (an empty list
    published again may be the same object)."""

    def __init__(self) -> None:
        super().__init__()
        self.count: dict[str, int] = {}

    def __setitem__(self, uri: str, value: Any) -> None:
        self.count[uri] = self.count.get(uri, 0) + 1
        super().__setitem__(uri, value)


@pytest.mark.asyncio
async def test_initialization_options_lower_the_god_class_thresholds(client: LanguageClient) -> None:
    await session(client, {"patterns": LOW})
    uri = "file:///ws/orders.py"
    diags = await published(client, uri, lambda: open_doc(client, uri, SMALL, lang="python"))
    (d,) = [d for d in diags if d.code == "god_class"]
    assert "WMC 6 ≥ 5" in d.message and "ATFD 2 > 1" in d.message and "< 0.50" in d.message


@pytest.mark.asyncio
async def test_workspace_configuration_changes_the_published_diagnostics(client: LanguageClient) -> None:
    await session(client, None, {})
    store = client.diagnostics = Publications()
    small, big = "file:///ws/orders.py", "file:///ws/god.py"
    assert codes(await published(client, small, lambda: open_doc(client, small, SMALL, lang="python"))) == []
    assert codes(await published(client, big, lambda: open_doc(client, big, god_class_source(), lang="python"))) == [
        "god_class"
    ]

    async def reconfigure(settings: dict[str, Any]) -> tuple[list[str], list[str]]:
        """New settings; then what is published anew for both documents."""
        before = dict(store.count)
        client.set_configuration({"agentls": settings})
        client.workspace_did_change_configuration(t.DidChangeConfigurationParams(settings=None))
        for _ in range(200):
            if all(store.count.get(uri, 0) > before.get(uri, 0) for uri in (small, big)):
                break
            await asyncio.sleep(0.05)
        return codes(list(client.diagnostics[small])), codes(list(client.diagnostics[big]))

    # Flat keys, as VS Code's settings.json has them: the small class is a god class now.
    flat = {"patterns.godClass.atfd": 1, "patterns.godClass.wmc": 5, "patterns.godClass.tcc": 0.5}
    assert await reconfigure(flat) == (["god_class"], ["god_class"])
    # A disabled smell is gone from every document.
    assert await reconfigure({"patterns": {**LOW, "disabled": ["god_class"]}}) == ([], [])
    # Smells off for the engine: the same.
    assert await reconfigure({"patterns": {**LOW, "smells": False}}) == ([], [])
    # Back to the defaults.
    assert await reconfigure({}) == ([], ["god_class"])


@pytest.mark.asyncio
async def test_layers_from_the_editor_make_a_layer_violation(client: LanguageClient, tmp_path: Path) -> None:
    rules = "from app.web.views import render\n\n\ndef check():\n    return render()\n"
    files = {"app/core/rules.py": rules, "app/web/views.py": "def render(): ...\n"}
    for rel, text in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text)
    layers = [{"name": "core", "packages": ["core"]}, {"name": "web", "packages": ["web", "views"]}]
    await session(client, {"patterns": {"layers": layers, "maxFiles": 0}}, root=tmp_path)
    views = (tmp_path / "app/web/views.py").as_uri()
    await published(client, views, lambda: open_doc(client, views, files["app/web/views.py"], lang="python"))
    uri = (tmp_path / "app/core/rules.py").as_uri()
    diags = await published(client, uri, lambda: open_doc(client, uri, rules, lang="python"))
    (d,) = [d for d in diags if d.code == "layer_violation"]
    assert d.range.start.line == 0 and "the core layer imports `app.web.views.render`" in d.message


@pytest.mark.asyncio
async def test_bad_values_are_ignored_with_a_warning(client: LanguageClient) -> None:
    bad = {"godClass": {"wmc": "lots", "tcc": 7, "atfd": -1}, "layers": 3, "disabled": [1], "smells": "no"}
    await session(client, {"patterns": bad})
    small, big = "file:///ws/orders.py", "file:///ws/god.py"
    assert codes(await published(client, small, lambda: open_doc(client, small, SMALL, lang="python"))) == []
    assert codes(await published(client, big, lambda: open_doc(client, big, god_class_source(), lang="python"))) == [
        "god_class"
    ]
    for _ in range(50):
        seen = "\n".join(m.message for m in client.log_messages)
        if "godClass.atfd" in seen:
            break
        await asyncio.sleep(0.05)
    for key in ("godClass.wmc = 'lots'", "godClass.tcc = 7", "godClass.atfd = -1", "layers = 3", "disabled",
                "smells = 'no'"):
        assert f"ignoring {key}" in seen, seen
