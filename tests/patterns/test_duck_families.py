"""Families with no written interface (duck typing): a holder keeps an untyped object and calls
methods on it, and the program hands it two or more classes defining those methods. Strategy,
State and Bridge over such an implied interface, through `agentls patterns` run as a
subprocess; each beside its near miss (the same classes sharing the method name, but nothing
hands them to the holder, or only one is handed)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.patterns.cli import patterns_rows

HEATERS = """\
class GasHeater:
    def warm(self, litres):
        return litres * 40


class InductionHeater:
    def warm(self, litres):
        return litres * 25
"""

KETTLE = """\
class Kettle:
    def __init__(self, heater):
        self.heater = heater
        self.litres = 1

    def use(self, heater):
        self.heater = heater

    def boil(self):
        return self.heater.warm(self.litres)
"""

HANDED = """\
from app.heaters import GasHeater, InductionHeater
from app.kettle import Kettle

KETTLE = Kettle(GasHeater())
KETTLE.boil()
KETTLE.use(InductionHeater())
KETTLE.boil()
"""

# The same classes and the same method name, but the kettle is only ever given what its
# caller passes in; the heaters are used on their own.
NOT_HANDED = """\
from app.heaters import GasHeater, InductionHeater
from app.kettle import Kettle


def brew(source):
    return Kettle(source).boil()


GasHeater().warm(2)
InductionHeater().warm(3)
"""

ONE_HANDED = """\
from app.heaters import GasHeater, InductionHeater
from app.kettle import Kettle

KETTLE = Kettle(GasHeater())
KETTLE.use(GasHeater())
InductionHeater().warm(3)
"""

GATE = """\
class Shut:
    def coin(self, gate):
        gate.mode = Free()

    def push(self, gate):
        return "blocked"


class Free:
    def coin(self, gate):
        return "refund"

    def push(self, gate):
        gate.mode = Shut()


class Gate:
    def __init__(self):
        self.mode = Shut()

    def coin(self):
        return self.mode.coin(self)

    def push(self):
        return self.mode.push(self)
"""

# The same two classes with the same methods, that nothing keeps nor switches.
GATE_MISS = """\
class Shut:
    def coin(self, gate):
        return "ok"

    def push(self, gate):
        return "blocked"


class Free:
    def coin(self, gate):
        return "refund"

    def push(self, gate):
        return "through"


class Gate:
    def __init__(self, mode):
        self.mode = mode

    def coin(self):
        return self.mode.coin(self)

    def push(self):
        return self.mode.push(self)


def check(gate_mode):
    return Gate(gate_mode).coin()
"""

REPORTS = """\
class Report:
    def __init__(self, sink):
        self.sink = sink


class Summary(Report):
    def emit(self, rows):
        self.sink.put(f"{len(rows)} rows")


class Detail(Report):
    def emit(self, rows):
        for row in rows:
            self.sink.put(str(row))


class FileSink:
    def put(self, text):
        print(text, file=open("out.txt", "a"))


class ScreenSink:
    def put(self, text):
        print(text)


def run(rows):
    Summary(FileSink()).emit(rows)
    Detail(ScreenSink()).emit(rows)
"""

# Wrappers handed wrappers of their own kind: a decorator chain, not a context.
TOPPINGS = """\
class Plain:
    def price(self):
        return 2


class Milk:
    def __init__(self, inner):
        self.inner = inner

    def price(self):
        return self.inner.price() + 1


class Sugar:
    def __init__(self, inner):
        self.inner = inner

    def price(self):
        return self.inner.price() + 0.5


ORDER = Sugar(Milk(Plain()))
"""


def _rows(tmp_path: Path, files: dict[str, str]) -> dict[tuple[str, str], dict[str, Any]]:
    (tmp_path / "app").mkdir(exist_ok=True)
    (tmp_path / "app" / "__init__.py").write_text("")
    for name, text in files.items():
        (tmp_path / "app" / name).write_text(text)
    rows = patterns_rows(tmp_path, "app")
    return {(str(r["symbol"]), str(r["pattern"])): r for r in rows}


def test_a_duck_typed_strategy_handed_to_its_context(tmp_path: Path) -> None:
    rows = _rows(tmp_path, {"heaters.py": HEATERS, "kettle.py": KETTLE, "main.py": HANDED})
    assert rows[("Kettle", "strategy")]["role"] == "context"
    assert rows[("GasHeater", "strategy")]["role"] == "concrete_strategy"
    assert rows[("InductionHeater", "strategy")]["role"] == "concrete_strategy"
    # The evidence says what was seen: what the context calls, and where each class is handed.
    reasons = " | ".join(e["reason"] for e in rows[("Kettle", "strategy")]["evidence"])
    assert "`warm`" in reasons and "`Kettle(GasHeater())`" in reasons and "`.use(InductionHeater())`" in reasons
    assert "main.py:6" in reasons  # another file: its place is named


def test_a_shared_method_name_alone_is_no_family(tmp_path: Path) -> None:
    rows = _rows(tmp_path, {"heaters.py": HEATERS, "kettle.py": KETTLE, "main.py": NOT_HANDED})
    assert not {k for k in rows if k[1] == "strategy"}


def test_one_class_handed_chooses_nothing(tmp_path: Path) -> None:
    rows = _rows(tmp_path, {"heaters.py": HEATERS, "kettle.py": KETTLE, "main.py": ONE_HANDED})
    assert not {k for k in rows if k[1] == "strategy"}


def test_duck_typed_states_switching_their_context(tmp_path: Path) -> None:
    rows = _rows(tmp_path, {"gate.py": GATE})
    assert rows[("Gate", "state")]["role"] == "context"
    assert rows[("Shut", "state")]["role"] == "concrete_state"
    assert rows[("Free", "state")]["role"] == "concrete_state"


def test_states_nothing_keeps_are_no_family(tmp_path: Path) -> None:
    rows = _rows(tmp_path, {"gate.py": GATE_MISS})
    assert not {k for k in rows if k[1] in ("state", "strategy")}


def test_a_duck_typed_bridge(tmp_path: Path) -> None:
    rows = _rows(tmp_path, {"reports.py": REPORTS})
    assert rows[("Report", "bridge")]["role"] == "abstraction"
    assert rows[("Summary", "bridge")]["role"] == "refined_abstraction"
    assert rows[("FileSink", "bridge")]["role"] == "concrete_implementor"
    assert rows[("ScreenSink", "bridge")]["role"] == "concrete_implementor"


def test_wrappers_handed_their_own_kind_are_no_context(tmp_path: Path) -> None:
    rows = _rows(tmp_path, {"toppings.py": TOPPINGS})
    assert not {k for k in rows if k[1] in ("strategy", "bridge", "state")}


STAGES = """\
class Larva:
    def grow(self):
        self.__class__ = Pupa

    def describe(self):
        return "crawls"


class Pupa:
    def grow(self):
        self.__class__ = Moth

    def describe(self):
        return "waits"


class Moth:
    def grow(self):
        self.__class__ = Larva

    def describe(self):
        return "flies"
"""

# The object turns into a class that answers none of its methods: a conversion, not a state.
CONVERTED = """\
class Draft:
    def publish(self):
        self.__class__ = Archive

    def describe(self):
        return "draft"


class Archive:
    def restore(self):
        return "restored"
"""


def test_classes_with_no_base_turning_into_one_another(tmp_path: Path) -> None:
    rows = _rows(tmp_path, {"stages.py": STAGES})
    assert {rows[(c, "state")]["role"] for c in ("Larva", "Pupa", "Moth")} == {"concrete_state"}
    reasons = " | ".join(e["reason"] for e in rows[("Pupa", "state")]["evidence"])
    assert "`grow` turns the object into `Moth`" in reasons


def test_turning_into_a_class_without_the_same_methods_is_no_state(tmp_path: Path) -> None:
    rows = _rows(tmp_path, {"converted.py": CONVERTED})
    assert not {k for k in rows if k[1] == "state"}
