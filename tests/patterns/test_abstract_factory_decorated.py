"""An abstract factory one of whose concrete factories wraps every product it makes in the
same decorator (`return Logged(Tcp())`), through `agentls patterns` run as a subprocess: it
makes the wrapped classes too, so both factories are families and the wrapped classes, the
decorator and their interface are products. The near miss, one argument away: a "factory"
wrapping objects it is *handed* (`return Logged(link)`) makes only the decorator, so it is no
family, and the one plain factory left is no abstract factory."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

NETWORK = """\
from abc import ABC, abstractmethod


class Link(ABC):
    @abstractmethod
    def send(self, data: bytes) -> None: ...


class Tcp(Link):
    def send(self, data: bytes) -> None:
        print("tcp", data)


class Udp(Link):
    def send(self, data: bytes) -> None:
        print("udp", data)


class Logged(Link):
    def __init__(self, inner: Link) -> None:
        self.inner = inner

    def send(self, data: bytes) -> None:
        print("sending", len(data))
        self.inner.send(data)


class LinkFactory(ABC):
    @abstractmethod
    def reliable(self, link: Link) -> Link: ...

    @abstractmethod
    def fast(self, link: Link) -> Link: ...


class PlainLinks(LinkFactory):
    def reliable(self, link: Link) -> Link:
        return Tcp()

    def fast(self, link: Link) -> Link:
        return Udp()


class LoggedLinks(LinkFactory):
    def reliable(self, link: Link) -> Link:
        return Logged(RELIABLE)

    def fast(self, link: Link) -> Link:
        return Logged(FAST)
"""


def _factories(tmp_path: Path, reliable: str, fast: str) -> dict[str, str]:
    text = NETWORK.replace("RELIABLE", reliable).replace("FAST", fast)
    write_tree(tmp_path, {"app/__init__.py": "", "app/links.py": text})
    return roles_of(patterns_rows(tmp_path, "app"), "abstract_factory")


def test_a_factory_wrapping_what_it_makes_makes_a_family(tmp_path: Path) -> None:
    found = _factories(tmp_path, "Tcp()", "Udp()")
    assert found.get("LinkFactory") == "abstract_factory"
    assert found.get("PlainLinks") == "concrete_factory"
    assert found.get("LoggedLinks") == "concrete_factory"
    assert found.get("Tcp") == "product" and found.get("Udp") == "product"
    assert found.get("Logged") == "product" and found.get("Link") == "product"


def test_a_factory_wrapping_what_it_is_handed_makes_no_family(tmp_path: Path) -> None:
    found = _factories(tmp_path, "link", "link")
    assert "LinkFactory" not in found and "LoggedLinks" not in found and "PlainLinks" not in found
