"""A protection proxy holding its subject typed as the shared interface (`vault: Locker`):
the real subject is the implementation the program hands its constructor
(`PinGuard(BankVault())`), through `agentls patterns` run as a subprocess; beside its near
miss, the same proxy that nothing constructs, whose real subject stays unknown."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

LOCKERS = """\
from abc import ABC, abstractmethod


class Locker(ABC):
    @abstractmethod
    def unlock(self, pin): ...

    @abstractmethod
    def lock(self): ...


class BankVault(Locker):
    def unlock(self, pin):
        print("vault open")

    def lock(self):
        print("vault shut")


class PinGuard(Locker):
    def __init__(self, vault: Locker):
        self._vault = vault

    def unlock(self, pin):
        if not pin:
            print("refused")
            return
        self._vault.unlock(pin)

    def lock(self):
        self._vault.lock()
"""

MAIN = """\
from lockers import BankVault, PinGuard


def main():
    guard = PinGuard(BankVault())
    guard.unlock("1234")
    guard.lock()
"""


def test_the_implementation_handed_to_the_proxy_is_its_real_subject(tmp_path: Path) -> None:
    write_tree(tmp_path, {"lockers.py": LOCKERS, "main.py": MAIN})
    roles = roles_of(patterns_rows(tmp_path), "proxy")
    assert roles == {"Locker": "subject", "PinGuard": "proxy", "BankVault": "real_subject"}


def test_a_proxy_nothing_constructs_names_no_real_subject(tmp_path: Path) -> None:
    write_tree(tmp_path, {"lockers.py": LOCKERS})
    roles = roles_of(patterns_rows(tmp_path), "proxy")
    assert roles == {"Locker": "subject", "PinGuard": "proxy"}
