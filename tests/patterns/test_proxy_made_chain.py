"""Handlers that each make the next one of their interface and hand it what they do not answer
(`Clerk` making a `Supervisor` making a `Director`, every link forwarding the same request
behind a threshold) are a chain, not proxies, through `agentls patterns` run as a subprocess,
beside its near misses: a protection proxy making its real subject, which makes nothing further,
stays a proxy, and so does a lazy proxy made by a layer over it when neither answers anything
itself."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

BASE = """\
from abc import ABC, abstractmethod


class Approver(ABC):
    @abstractmethod
    def approve(self, amount: int) -> bool: ...
"""

CHAIN = (
    BASE
    + """

class Director(Approver):
    def approve(self, amount: int) -> bool:
        return amount <= 10000


class Supervisor(Approver):
    def __init__(self) -> None:
        self.successor = Director()

    def approve(self, amount: int) -> bool:
        if amount <= 1000:
            return True
        return self.successor.approve(amount)


class Clerk(Approver):
    def __init__(self) -> None:
        self.successor = Supervisor()

    def approve(self, amount: int) -> bool:
        if amount <= 100:
            return True
        return self.successor.approve(amount)
"""
)

GUARD = (
    BASE
    + """

class Ledger(Approver):
    def approve(self, amount: int) -> bool:
        return amount <= 10000


class GuardedLedger(Approver):
    def __init__(self, user: str) -> None:
        self.user = user
        self.ledger = Ledger()

    def approve(self, amount: int) -> bool:
        if self.user != "admin":
            raise PermissionError(self.user)
        return self.ledger.approve(amount)
"""
)

# Layers always handing the call on (no answer of their own): left to the other rules.
LAYERS = (
    BASE
    + """

class Bank(Approver):
    def approve(self, amount: int) -> bool:
        return amount <= 10000


class LazyBank(Approver):
    def __init__(self) -> None:
        self.bank: Bank | None = None

    def approve(self, amount: int) -> bool:
        if self.bank is None:
            self.bank = Bank()
        return self.bank.approve(amount)


class RemoteBank(Approver):
    def __init__(self) -> None:
        self.inner = LazyBank()

    def approve(self, amount: int) -> bool:
        print("sending", amount)
        return self.inner.approve(amount)
"""
)


def _proxy(tmp_path: Path, text: str) -> dict[str, str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/approvers.py": text})
    return roles_of(patterns_rows(tmp_path, "app"), "proxy")


def test_handlers_making_the_next_link_are_no_proxies(tmp_path: Path) -> None:
    assert _proxy(tmp_path, CHAIN) == {}


def test_a_proxy_making_its_real_subject_stays_one(tmp_path: Path) -> None:
    found = _proxy(tmp_path, GUARD)
    assert found.get("GuardedLedger") == "proxy" and found.get("Ledger") == "real_subject"


def test_layers_always_handing_the_call_on_are_no_chain(tmp_path: Path) -> None:
    write_tree(tmp_path, {"app/__init__.py": "", "app/approvers.py": LAYERS})
    rows = patterns_rows(tmp_path, "app")
    assert ("LazyBank", "proxy") in {(str(r["symbol"]), str(r["role"])) for r in rows if r["pattern"] == "proxy"}
