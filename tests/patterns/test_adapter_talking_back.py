"""Wrappers shaped like adapters that talk to what they hold in another way, through
`agentls patterns` run as a subprocess, each with the object handed straight to its
constructor: an observer handing itself to the subject it keeps (`subject.attach(self)`)
pulls its state; a client with no base calling on its object a method that object's base
declares abstract uses it through that interface (a strategy's context); the one
implementation of a command interface whose request takes nothing, passes nothing on and
answers nothing, handed to an invoker that runs it, is a command. The near misses: the same
observer without registering, the same client over a class with no base, the same command
with no invoker are each reported as an adapter."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

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
ATTACH
    def update(self):
        state = self._subject.get_state()
        print(state)


display = Display(Subject())
"""

CLIENT = """\
from abc import ABC, abstractmethod


class Cipher(ABC):
    @abstractmethod
    def encrypt(self, text): ...


class Aes(BASE):
    def encrypt(self, text):
        return text[::-1]


class Client:
    def __init__(self, cipher):
        self.cipher = cipher

    def send(self, text):
        return self.cipher.encrypt(text)


client = Client(Aes())
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
INVOKER"""

INVOKER = """

class Invoker:
    def __init__(self):
        self.cmd = None

    def command(self, cmd):
        self.cmd = cmd

    def execute(self):
        self.cmd.process()


invoker = Invoker()
invoker.command(Concrete(Receiver()))
"""


def _adapter(tmp_path: Path, text: str) -> dict[str, str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/mod.py": text})
    return roles_of(patterns_rows(tmp_path, "app", "--min-confidence", "0"), "adapter")


def test_an_observer_handing_itself_to_its_subject_is_no_adapter(tmp_path: Path) -> None:
    assert "Display" not in _adapter(tmp_path, OBSERVER.replace("ATTACH", "        subject.attach(self)\n"))


def test_the_same_observer_not_registering_is_an_adapter(tmp_path: Path) -> None:
    found = _adapter(tmp_path, OBSERVER.replace("ATTACH", ""))
    assert found.get("Display") == "adapter"
    assert found.get("Subject") == "adaptee"


def test_a_client_calling_its_objects_interface_is_no_adapter(tmp_path: Path) -> None:
    assert "Client" not in _adapter(tmp_path, CLIENT.replace("BASE", "Cipher"))


def test_the_same_client_over_a_class_with_no_base_is_an_adapter(tmp_path: Path) -> None:
    found = _adapter(tmp_path, CLIENT.replace("BASE", ""))
    assert found.get("Client") == "adapter"
    assert found.get("Aes") == "adaptee"


def test_a_bare_request_an_invoker_runs_is_a_command(tmp_path: Path) -> None:
    assert "Concrete" not in _adapter(tmp_path, COMMAND.replace("INVOKER", INVOKER))


def test_the_same_request_with_no_invoker_is_an_adapter(tmp_path: Path) -> None:
    found = _adapter(tmp_path, COMMAND.replace("INVOKER", "\n\ncmd = Concrete(Receiver())\n"))
    assert found.get("Concrete") == "adapter"
    assert found.get("Receiver") == "adaptee"
