"""An abstract decorator that passes one request on itself (`get_size()` answering
`self.parcel.get_size()`) and wrappers whose override branches on the wrapped object's answer
before forwarding on its last line (`if self.parcel.get_size() == "large": fee = 3 ... return
self.parcel.price() + fee`), through `agentls patterns` run as a subprocess: the wrappers are
decorators, their base the abstract decorator, the interface the component. The near miss, one
change away: a base keeping an optional successor (`next_step=None`) whose subclasses pass the
request on only when there is one is a chain, no decorator."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

PARCELS = """\
from abc import ABC, abstractmethod


class Parcel(ABC):
    def __init__(self) -> None:
        self.size = "small"

    @abstractmethod
    def price(self) -> float: ...

    def label(self) -> str:
        return "parcel"

    def get_size(self) -> str:
        return self.size


class Letter(Parcel):
    def price(self) -> float:
        return 1.0


class Box(Parcel):
    def price(self) -> float:
        return 5.0


class ParcelOption(Parcel):
    def __init__(self, parcel):
        self.parcel = parcel

    @abstractmethod
    def label(self) -> str: ...

    def get_size(self) -> str:
        return self.parcel.get_size()


class Insured(ParcelOption):
    def label(self) -> str:
        return self.parcel.label() + " insured"

    def price(self) -> float:
        if self.parcel.get_size() == "large":
            fee = 3.0
        else:
            fee = 1.0
        return self.parcel.price() + fee


class Express(ParcelOption):
    def label(self) -> str:
        return self.parcel.label() + " express"

    def price(self) -> float:
        if self.parcel.get_size() == "large":
            fee = 8.0
        else:
            fee = 4.0
        return self.parcel.price() + fee


if __name__ == "__main__":
    print(Express(Insured(Box())).price())
"""

STEPS = """\
from abc import ABC, abstractmethod


class Step(ABC):
    def __init__(self, next_step=None):
        self.next_step = next_step

    @abstractmethod
    def run(self, job: str) -> None: ...


class Clean(Step):
    def run(self, job: str) -> None:
        print("clean", job)
        if self.next_step:
            self.next_step.run(job)


class Pack(Step):
    def run(self, job: str) -> None:
        print("pack", job)
        if self.next_step:
            self.next_step.run(job)


if __name__ == "__main__":
    Clean(Pack()).run("order")
"""


def _decorator(tmp_path: Path, text: str) -> dict[str, str]:
    write_tree(tmp_path, {"post/__init__.py": "", "post/items.py": text})
    return roles_of(patterns_rows(tmp_path, "post"), "decorator")


def test_sized_wrappers_under_a_forwarding_base_are_decorators(tmp_path: Path) -> None:
    found = _decorator(tmp_path, PARCELS)
    assert found.get("Insured") == "decorator" and found.get("Express") == "decorator"
    assert found.get("ParcelOption") == "decorator"
    assert found.get("Parcel") == "component"


def test_handlers_passing_on_to_an_optional_successor_are_no_decorators(tmp_path: Path) -> None:
    assert _decorator(tmp_path, STEPS) == {}
