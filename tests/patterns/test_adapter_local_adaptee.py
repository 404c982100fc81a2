"""The class of an untyped object a wrapper is handed is known from what the program hands its
constructor, also through a local of a main guard or of a plain function (`adaptee =
Adaptee()`, then `Adapter(adaptee)`). Through `agentls patterns` run as a subprocess: an
adapter made so is reported with its adaptee. The near misses, each with the same wiring: an
observer handing itself to the subject it keeps (`subject.attach(self)`) talks both ways; a
client calling on its object a method its base declares abstract uses it through that
interface (a strategy's context); a request taking nothing, passing nothing on and answering
nothing, kept by an invoker that is handed it later, is a command; the same request with no
invoker stays an adapter; and a test case's locals wire doubles, not the program."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

ADAPTER = """\
class Target:
    def rights(self):
        return ""


class Adaptee:
    def specific_rights(self):
        return "a"


class Adapter(Target):
    def __init__(self, adaptee):
        self.adaptee = adaptee

    def rights(self):
        if self.adaptee.specific_rights() == "a":
            return "admin"
        return "user"


def main():
    adaptee = Adaptee()
    print(Adapter(adaptee).rights())


if __name__ == "__main__":
    legacy = Adaptee()
    adapter = Adapter(legacy)
"""

OBSERVER = """\
class Subject:
    def __init__(self):
        self._observers = []
        self._state = 0

    def attach(self, observer):
        self._observers.append(observer)

    def get_state(self):
        return self._state


class Observer:
    def update(self):
        pass


class Display(Observer):
    def __init__(self, subject):
        self._subject = subject
        subject.attach(self)

    def update(self):
        state = self._subject.get_state()
        print(state)


if __name__ == "__main__":
    subject = Subject()
    display = Display(subject)
"""

CLIENT = """\
from abc import ABC, abstractmethod


class Cipher(ABC):
    @abstractmethod
    def encrypt(self, text): ...


class Aes(Cipher):
    def encrypt(self, text):
        return text[::-1]


class Client:
    def __init__(self, cipher):
        self.cipher = cipher

    def send(self, text):
        return self.cipher.encrypt(text)


if __name__ == "__main__":
    cipher = Aes()
    client = Client(cipher)
"""

COMMAND = """\
from abc import ABC, abstractmethod


class Command(ABC):
    @abstractmethod
    def process(self): ...


class Receiver:
    def perform_action(self):
        print("done")


class Concrete(Command):
    def __init__(self, receiver):
        self.receiver = receiver

    def process(self):
        self.receiver.perform_action()


class Invoker:
    def __init__(self):
        self.cmd = None

    def command(self, cmd):
        self.cmd = cmd

    def execute(self):
        self.cmd.process()


if __name__ == "__main__":
    receiver = Receiver()
    cmd = Concrete(receiver)
INVOKED"""


def _adapter(tmp_path: Path, text: str, name: str = "app/mod.py") -> dict[str, str]:
    write_tree(tmp_path, {"app/__init__.py": "", name: text})
    return roles_of(patterns_rows(tmp_path, "app", "--min-confidence", "0"), "adapter")


def test_an_adaptee_handed_over_in_a_local_is_known(tmp_path: Path) -> None:
    found = _adapter(tmp_path, ADAPTER)
    assert found.get("Adapter") == "adapter"
    assert found.get("Adaptee") == "adaptee"
    assert found.get("Target") == "target"


def test_the_same_wiring_in_a_test_case_says_nothing(tmp_path: Path) -> None:
    wired = ADAPTER.split("def main():")[0] + (
        "import unittest\n\n\nclass AdapterTest(unittest.TestCase):\n"
        "    def test_rights(self):\n        adaptee = Adaptee()\n"
        "        self.assertEqual(Adapter(adaptee).rights(), 'admin')\n"
    )
    assert "Adapter" not in _adapter(tmp_path, wired)


def test_an_observer_handing_itself_to_its_subject_is_no_adapter(tmp_path: Path) -> None:
    assert "Display" not in _adapter(tmp_path, OBSERVER)


def test_a_client_calling_its_objects_interface_is_no_adapter(tmp_path: Path) -> None:
    assert "Client" not in _adapter(tmp_path, CLIENT)


def test_a_bare_request_an_invoker_runs_is_a_command(tmp_path: Path) -> None:
    found = _adapter(tmp_path, COMMAND.replace("INVOKED", "    invoker = Invoker()\n    invoker.command(cmd)\n"))
    assert "Concrete" not in found


def test_the_same_request_with_no_invoker_stays_an_adapter(tmp_path: Path) -> None:
    text = COMMAND.replace("INVOKED", "").split("class Invoker:")[0] + (
        'if __name__ == "__main__":\n    receiver = Receiver()\n    cmd = Concrete(receiver)\n'
    )
    found = _adapter(tmp_path, text)
    assert found.get("Concrete") == "adapter"
    assert found.get("Receiver") == "adaptee"
