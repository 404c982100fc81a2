"""Creation methods taking a settings object, reading one of its fields and handing the object
whole to the class they return (`if config.fmt != "pdf": ...`, `return PdfDocument(config)`),
through `agentls patterns` run as a subprocess: the settings are what each product is made
with, so the factories create families. The near miss, one argument away: methods building
their result from the fields of the argument they require (`PdfDocument(config.title)`)
convert between representations (a data mapper) and create no family."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

KIT = """\
from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, replace


@dataclass
class Settings:
    title: str
    fmt: str


class Document(ABC):
    @abstractmethod
    def save(self) -> str: ...


class Reader(ABC):
    @abstractmethod
    def read(self, text: str) -> dict[str, str]: ...


class PdfDocument(Document):
    def __init__(self, settings: object) -> None:
        self.settings = settings

    def save(self) -> str:
        return "pdf"


class HtmlDocument(Document):
    def __init__(self, settings: object) -> None:
        self.settings = settings

    def save(self) -> str:
        return "html"


class PdfReader(Reader):
    def read(self, text: str) -> dict[str, str]:
        return {"pdf": text}


class HtmlReader(Reader):
    def read(self, text: str) -> dict[str, str]:
        return {"html": text}


class DocumentKit(ABC):
    @abstractmethod
    def create_document(self, settings: Settings) -> Document: ...

    @abstractmethod
    def create_reader(self) -> Reader: ...


class PdfKit(DocumentKit):
    def create_document(self, settings: Settings) -> Document:
        if settings.fmt != "pdf":
            settings = replace(settings, fmt="pdf")
        return PdfDocument(PDF_ARG)

    def create_reader(self) -> Reader:
        return PdfReader()


class HtmlKit(DocumentKit):
    def create_document(self, settings: Settings) -> Document:
        if settings.fmt != "html":
            settings = replace(settings, fmt="html")
        return HtmlDocument(HTML_ARG)

    def create_reader(self) -> Reader:
        return HtmlReader()
"""


def _roles(tmp_path: Path, arg: str) -> dict[str, str]:
    text = KIT.replace("PDF_ARG", arg).replace("HTML_ARG", arg)
    write_tree(tmp_path, {"app/__init__.py": "", "app/kit.py": text})
    return roles_of(patterns_rows(tmp_path, "app"), "abstract_factory")


def test_settings_handed_whole_to_the_product_make_a_family(tmp_path: Path) -> None:
    roles = _roles(tmp_path, "settings")
    assert roles.get("DocumentKit") == "abstract_factory"
    assert roles.get("PdfKit") == "concrete_factory"
    assert roles.get("HtmlDocument") == "product"


def test_product_built_from_the_fields_of_the_argument_is_a_conversion(tmp_path: Path) -> None:
    roles = _roles(tmp_path, "settings.title")
    assert "DocumentKit" not in roles and "PdfKit" not in roles
