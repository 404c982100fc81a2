"""Pattern hover, smell diagnostics and document symbols through the protocol (pytest-lsp)."""

from __future__ import annotations

from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types as t
from pytest_lsp import LanguageClient
from tests.conftest import CONFIG
from tests.lsp.helpers import open_doc, published, start

POSITIVES = Path(__file__).resolve().parents[1] / "fixtures" / "patterns" / "positives"
STRATEGY = (POSITIVES / "strategy.py").read_text()
URI = "file:///ws/pricing.py"


def god_class_source() -> str:
    methods = []
    for i in range(12):
        branches = "\n".join(f"        if other.f{j} > {j}:\n            total += other.g{j}" for j in range(4))
        methods.append(f"    def m{i}(self, other):\n        total = self.a{i}\n{branches}\n        return total\n")
    return "# caf\u00e9 \U0001f600\nclass Everything:\n" + "\n".join(methods)


@pytest_lsp.fixture(config=CONFIG)
async def no_smells(lsp_client: LanguageClient):  # type: ignore[no-untyped-def]
    await start(lsp_client, "neovim", options={"patterns": {"smells": False}})
    yield
    await lsp_client.shutdown_session()


def _line_of(text: str, prefix: str) -> int:
    return next(i for i, line in enumerate(text.split("\n")) if line.startswith(prefix))


@pytest.mark.asyncio
async def test_hover_on_a_context_explains_the_strategy(vscode: LanguageClient) -> None:
    await published(vscode, URI, lambda: open_doc(vscode, URI, STRATEGY, lang="python"))
    line = _line_of(STRATEGY, "class Cart")
    hover = await vscode.text_document_hover_async(
        t.HoverParams(text_document=t.TextDocumentIdentifier(uri=URI), position=t.Position(line, 7))
    )
    assert hover is not None and isinstance(hover.contents, t.MarkupContent)
    assert hover.contents.kind == t.MarkupKind.Markdown
    text = hover.contents.value
    assert "**Strategy**" in text and "context" in text
    assert f"({URI}#L" in text  # evidence lines link into the document
    assert "Concrete strategies: `Regular`" in text
    nothing = await vscode.text_document_hover_async(
        t.HoverParams(text_document=t.TextDocumentIdentifier(uri=URI), position=t.Position(line, 0))
    )
    assert nothing is None


@pytest.mark.asyncio
async def test_strategies_in_another_open_file_are_participants(vscode: LanguageClient) -> None:
    base = (
        "from abc import ABC, abstractmethod\n\n\n"
        "class Pricing(ABC):\n    @abstractmethod\n    def price(self, base): ...\n"
    )
    await published(vscode, "file:///ws/base.py", lambda: open_doc(vscode, "file:///ws/base.py", base, lang="python"))
    other = (
        "from base import Pricing\n\n\nclass Regular(Pricing):\n    def price(self, base):\n        return base\n\n\n"
        "class Sale(Pricing):\n    def price(self, base):\n        return base / 2\n\n\n"
        "class Cart:\n    def __init__(self, pricing: Pricing):\n        self.pricing = pricing\n\n"
        "    def total(self, items):\n        return sum(self.pricing.price(i) for i in items)\n"
    )
    uri = "file:///ws/shop.py"
    await published(vscode, uri, lambda: open_doc(vscode, uri, other, lang="python"))
    hover = await vscode.text_document_hover_async(
        t.HoverParams(
            text_document=t.TextDocumentIdentifier(uri=uri), position=t.Position(_line_of(other, "class Cart"), 7)
        )
    )
    assert hover is not None and isinstance(hover.contents, t.MarkupContent)
    assert "Strategy: `Pricing`" in hover.contents.value and "base.py" in hover.contents.value


@pytest.mark.asyncio
async def test_god_class_is_an_information_diagnostic_with_metrics(vscode: LanguageClient) -> None:
    source = god_class_source()
    diags = await published(
        vscode, "file:///ws/god.py", lambda: open_doc(vscode, "file:///ws/god.py", source, lang="python")
    )
    (d,) = [d for d in diags if d.code == "god_class"]
    assert d.severity == t.DiagnosticSeverity.Information
    assert d.source == "agentls.patterns"
    assert "ATFD" in d.message and "WMC" in d.message and "TCC" in d.message
    assert d.range.start.line == 1 and d.range.start.character == len("class ")
    hover = await vscode.text_document_hover_async(
        t.HoverParams(text_document=t.TextDocumentIdentifier(uri="file:///ws/god.py"), position=t.Position(1, 8))
    )
    assert hover is not None and isinstance(hover.contents, t.MarkupContent)
    assert "WMC =" in hover.contents.value and "Tight Class Cohesion" in hover.contents.value


@pytest.mark.asyncio
async def test_setting_turns_smell_diagnostics_off(no_smells: LanguageClient) -> None:
    report = None
    open_doc(no_smells, "file:///ws/god.py", god_class_source(), lang="python")
    report = await no_smells.text_document_diagnostic_async(
        t.DocumentDiagnosticParams(text_document=t.TextDocumentIdentifier(uri="file:///ws/god.py"))
    )
    assert isinstance(report, t.RelatedFullDocumentDiagnosticReport)
    assert [d for d in report.items if d.source == "agentls.patterns"] == []


@pytest.mark.asyncio
async def test_document_symbols_carry_the_pattern(vscode: LanguageClient) -> None:
    await published(vscode, URI, lambda: open_doc(vscode, URI, STRATEGY, lang="python"))
    symbols = await vscode.text_document_document_symbol_async(
        t.DocumentSymbolParams(text_document=t.TextDocumentIdentifier(uri=URI))
    )
    assert symbols is not None
    by_name = {s.name: s for s in symbols if isinstance(s, t.DocumentSymbol)}
    assert by_name["Cart"].detail == "strategy: context"
    assert by_name["Pricing"].detail == "strategy: strategy"
    assert by_name["Cart"].kind == t.SymbolKind.Class
    assert {c.name for c in by_name["Cart"].children or []} == {"__init__", "total"}


@pytest.mark.asyncio
async def test_broken_python_still_gets_hover(vscode: LanguageClient) -> None:
    source = STRATEGY + "\ndef oops(:\n"
    await published(vscode, URI, lambda: open_doc(vscode, URI, source, lang="python"))
    hover = await vscode.text_document_hover_async(
        t.HoverParams(
            text_document=t.TextDocumentIdentifier(uri=URI), position=t.Position(_line_of(source, "class Cart"), 7)
        )
    )
    assert hover is not None
