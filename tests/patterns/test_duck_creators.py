"""Factory methods with no written creator interface (duck typing), through `agentls
patterns` run as a subprocess: a function calling one creation method on what it is handed,
and the program handing it two classes each answering with a new object of its own product;
beside its near misses (the same classes handed nowhere; a client asking what it is handed
for two products, an abstract factory's)."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows

MAKERS = """\
class Ticket:
    def show(self):
        return "ticket"


class PaperTicket(Ticket):
    pass


class PhoneTicket(Ticket):
    pass


class Booth:
    def issue(self):
        return PaperTicket()


class App:
    def issue(self):
        return PhoneTicket()


def admit(source):
    ticket = source.issue()
    return ticket.show()
"""

HANDED = """\
from app.makers import App, Booth, admit

admit(Booth())
admit(App())
"""

NOT_HANDED = """\
from app.makers import App, Booth

Booth().issue()
App().issue()
"""

TWO_REQUESTS = """\
class Stub:
    pass


class PaperTicket:
    pass


class PhoneTicket:
    pass


class PaperStub:
    pass


class PhoneStub:
    pass


class Booth:
    def issue(self):
        return PaperTicket()

    def stub(self):
        return PaperStub()


class App:
    def issue(self):
        return PhoneTicket()

    def stub(self):
        return PhoneStub()


def admit(source):
    return source.issue(), source.stub()


admit(Booth())
admit(App())
"""


def _factory(tmp_path: Path, files: dict[str, str]) -> dict[str, str]:
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "__init__.py").write_text("")
    for name, text in files.items():
        (tmp_path / "app" / name).write_text(text)
    rows = patterns_rows(tmp_path, "app")
    found = [r for r in rows if r["pattern"] == "factory"]
    return {str(r["symbol"]).rpartition(".")[2]: str(r["role"]) for r in found}


def test_classes_handed_to_one_creation_request_are_creators(tmp_path: Path) -> None:
    roles = _factory(tmp_path, {"makers.py": MAKERS, "main.py": HANDED})
    assert roles.get("Booth") == "concrete_creator" and roles.get("App") == "concrete_creator"
    assert roles.get("PaperTicket") == "product" and roles.get("PhoneTicket") == "product"


def test_the_same_classes_handed_nowhere_are_no_creators(tmp_path: Path) -> None:
    roles = _factory(tmp_path, {"makers.py": MAKERS, "main.py": NOT_HANDED})
    assert "Booth" not in roles and "App" not in roles


def test_a_client_asking_for_two_products_is_no_factory_methods_user(tmp_path: Path) -> None:
    roles = _factory(tmp_path, {"kiosk.py": TWO_REQUESTS})
    assert "Booth" not in roles and "App" not in roles
