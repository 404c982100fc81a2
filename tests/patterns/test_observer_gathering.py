"""A class keeping parts it is handed and asking each for data (`return [s.read() for s in
self.sources]`) gathers, it notifies nobody; beside it, a signal handing each receiver the
sender and returning their answers still notifies them. Through `agentls patterns` run as a
subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

MIXER = """\
from abc import ABC, abstractmethod


class Source(ABC):
    @abstractmethod
    def read(self) -> bytes: ...


class Mic(Source):
    def read(self) -> bytes:
        return b"mic"


class Line(Source):
    def read(self) -> bytes:
        return b"line"


class Mixer:
    def __init__(self) -> None:
        self.sources: list[Source] = []

    def add_source(self, source: Source) -> None:
        self.sources.append(source)

    def collect(self) -> list[bytes]:
        return [source.read() for source in self.sources]
"""

SIGNAL = """\
from abc import ABC, abstractmethod


class Receiver(ABC):
    @abstractmethod
    def receive(self, sender: object) -> str: ...


class Audit(Receiver):
    def receive(self, sender: object) -> str:
        return f"audited {sender}"


class Mail(Receiver):
    def receive(self, sender: object) -> str:
        return f"mailed {sender}"


class Signal:
    def __init__(self) -> None:
        self.receivers: list[Receiver] = []

    def connect(self, receiver: Receiver) -> None:
        self.receivers.append(receiver)

    def send(self, sender: object) -> list[str]:
        return [receiver.receive(sender) for receiver in self.receivers]
"""


def test_asking_each_part_for_data_is_no_notification(tmp_path: Path) -> None:
    write_tree(tmp_path, {"mixer.py": MIXER})
    assert roles_of(patterns_rows(tmp_path), "observer") == {}


def test_a_signal_returning_its_receivers_answers_notifies(tmp_path: Path) -> None:
    write_tree(tmp_path, {"signal.py": SIGNAL})
    roles = roles_of(patterns_rows(tmp_path), "observer")
    assert roles.get("Signal") == "subject"
    assert roles.get("Audit") == roles.get("Mail") == "concrete_observer"
