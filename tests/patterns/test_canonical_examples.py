"""The two examples every Python patterns tutorial shows, through the CLI as a user runs it.

Written here in the shape public code has them (issue 10): the State radio whose base class
has real behaviour and whose states switch the radio through its attributes, and the
abstract repository whose public `add`/`get` call abstract `_add`/`_get`, implemented in
another module over an injected SQLAlchemy session.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from lsprotocol import types as t
from pytest_lsp import LanguageClient
from tests.conftest import AGENTLS
from tests.lsp.helpers import open_doc, published

RADIO = '''\
class State:
    """Shared behaviour of every band."""

    def scan(self):
        self.pos += 1
        if self.pos == len(self.stations):
            self.pos = 0
        return self.stations[self.pos]


class AmBand(State):
    def __init__(self, radio):
        self.radio = radio
        self.stations = ["1250", "1380", "1510"]
        self.pos = 0

    def toggle_amfm(self):
        self.radio.state = self.radio.fm


class FmBand(State):
    def __init__(self, radio):
        self.radio = radio
        self.stations = ["81.3", "89.1", "103.9"]
        self.pos = 0

    def toggle_amfm(self):
        self.radio.state = self.radio.am


class Radio:
    def __init__(self):
        self.am = AmBand(self)
        self.fm = FmBand(self)
        self.state = self.am

    def toggle_amfm(self):
        self.state.toggle_amfm()

    def scan(self):
        return self.state.scan()
'''

PORT = """\
import abc

from shop import model


class AbstractRepository(abc.ABC):
    def __init__(self):
        self.seen = set()

    def add(self, product: model.Product):
        self._add(product)
        self.seen.add(product)

    def get(self, sku) -> model.Product:
        product = self._get(sku)
        if product:
            self.seen.add(product)
        return product

    @abc.abstractmethod
    def _add(self, product: model.Product):
        raise NotImplementedError

    @abc.abstractmethod
    def _get(self, sku) -> model.Product:
        raise NotImplementedError
"""

SQL = """\
from shop import model
from shop.repository import AbstractRepository


class SqlAlchemyRepository(AbstractRepository):
    def __init__(self, session):
        super().__init__()
        self.session = session

    def _add(self, product):
        self.session.add(product)

    def _get(self, sku):
        return self.session.query(model.Product).filter_by(sku=sku).first()
"""

MODEL = """\
class Product:
    def __init__(self, sku, batches):
        self.sku = sku
        self.batches = batches
"""


def patterns_json(cwd: Path, *paths: str) -> list[dict[str, object]]:
    done = subprocess.run(
        [*AGENTLS, "patterns", "--format", "json", "--jobs", "1", *paths],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    rows = json.loads(done.stdout)
    assert isinstance(rows, list)
    return rows


def roles(rows: list[dict[str, object]], pattern: str) -> dict[str, str]:
    return {str(r["symbol"]): str(r["role"]) for r in rows if r["pattern"] == pattern}


def test_the_state_radio_is_detected_with_every_participant(tmp_path: Path) -> None:
    (tmp_path / "radio.py").write_text(RADIO)
    rows = patterns_json(tmp_path, "radio.py")
    assert roles(rows, "state") == {
        "State": "state",
        "AmBand": "concrete_state",
        "FmBand": "concrete_state",
        "Radio": "context",
    }
    context = next(r for r in rows if r["pattern"] == "state" and r["symbol"] == "Radio")
    participants = {(p["symbol"], p["role"]) for p in context["participants"]}  # type: ignore[attr-defined]
    assert participants == {("State", "state"), ("AmBand", "concrete_state"), ("FmBand", "concrete_state")}
    assert any("switch" in e["reason"] for e in context["evidence"])  # type: ignore[attr-defined]
    assert not roles(rows, "strategy"), "a state machine is not reported as a strategy"


def test_the_abstract_repository_and_its_sqlalchemy_implementation(tmp_path: Path) -> None:
    shop = tmp_path / "shop"
    shop.mkdir()
    (shop / "__init__.py").write_text("")
    (shop / "model.py").write_text(MODEL)
    (shop / "repository.py").write_text(PORT)
    (shop / "sql.py").write_text(SQL)
    rows = patterns_json(tmp_path, "shop")
    assert roles(rows, "repository") == {
        "AbstractRepository": "abstract_repository",
        "SqlAlchemyRepository": "repository",
    }
    port = next(r for r in rows if r["symbol"] == "AbstractRepository" and r["pattern"] == "repository")
    assert port["path"] == str(Path("shop") / "repository.py")
    assert [(p["symbol"], p["role"], p["path"]) for p in port["participants"]] == [  # type: ignore[attr-defined]
        ("SqlAlchemyRepository", "repository", str(Path("shop") / "sql.py"))
    ]
    impl = next(r for r in rows if r["symbol"] == "SqlAlchemyRepository" and r["pattern"] == "repository")
    reasons = " ".join(e["reason"] for e in impl["evidence"])  # type: ignore[attr-defined]
    assert "session" in reasons
    assert set(port) >= {"path", "symbol", "kind", "line", "end_line", "pattern", "role", "confidence", "evidence"}


# -- the same two examples on hover in the language server, with one file open --------------



async def _hover(client: LanguageClient, uri: str, text: str, prefix: str) -> str:
    line = next(i for i, row in enumerate(text.split("\n")) if row.startswith(prefix))
    hover = await client.text_document_hover_async(
        t.HoverParams(text_document=t.TextDocumentIdentifier(uri=uri), position=t.Position(line, len("class ") + 1))
    )
    assert hover is not None and isinstance(hover.contents, t.MarkupContent)
    return hover.contents.value


@pytest.mark.asyncio
async def test_hover_on_the_radio_names_every_state(vscode: LanguageClient, tmp_path: Path) -> None:
    path = tmp_path / "radio.py"
    path.write_text(RADIO)
    uri = path.as_uri()
    await published(vscode, uri, lambda: open_doc(vscode, uri, RADIO, lang="python"))
    text = await _hover(vscode, uri, RADIO, "class Radio")
    assert "**State**" in text and "context" in text
    for name in ("AmBand", "FmBand", "State"):
        assert f"`{name}`" in text
    band = await _hover(vscode, uri, RADIO, "class AmBand")
    assert "concrete_state" in band or "concrete state" in band.lower()
