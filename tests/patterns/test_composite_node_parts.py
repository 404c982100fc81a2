"""Whether a member of a composite's hierarchy is an inner node or a leaf: a walk it inherits
over what a method answering an empty list answers (a rule's default `check` over `parts()`)
walks nothing, so the member is a leaf, while the same member answering its own parts is a
node; and an attribute it asks a method the hierarchy lacks (a beacon's `route.next_stop()`)
holds a part of another kind, not a child. Through `agentls patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

RULES = """\
class Rule:
    def parts(self):
        return []

    def check(self, seen):
        for part in self.parts():
            part.check(seen + [self])


class Exact(Rule):
    def __init__(self, text):
        self.text = text


class AllOf(Rule):
    def __init__(self):
        self.rules = []

    def add(self, rule):
        self.rules.append(rule)

    def check(self, seen):
        for rule in self.rules:
            rule.check(seen)
"""

OWN_PARTS = RULES.replace(
    "        self.text = text\n",
    "        self.text = text\n        self.inner = [Rule()]\n\n    def parts(self):\n        return self.inner\n",
)

BEACONS = """\
class Signal:
    def reset(self):
        raise NotImplementedError


class Lamp(Signal):
    def reset(self):
        self.on = False


class Mast(Signal):
    def __init__(self):
        self.signals = []

    def add(self, signal):
        self.signals.append(signal)

    def reset(self):
        for signal in self.signals:
            signal.reset()


class Beacon(Signal):
    def __init__(self, route):
        self.route = route

    def reset(self):
        self.route.reset()

    def blink(self):
        return self.route.next_stop()
"""

WRAPPING = BEACONS.replace("        return self.route.next_stop()", "        return self.route.reset()")


def _roles(tmp_path: Path, text: str) -> dict[str, set[str]]:
    write_tree(tmp_path, {"grammar/__init__.py": "", "grammar/rules.py": text})
    out: dict[str, set[str]] = {}
    for r in patterns_rows(tmp_path, "grammar"):
        if r["pattern"] == "composite":
            out.setdefault(str(r["symbol"]), set()).add(str(r["role"]))
    return out


def test_a_member_answering_its_own_parts_is_a_node(tmp_path: Path) -> None:
    found = _roles(tmp_path, OWN_PARTS)
    assert found.get("AllOf") == {"composite"}
    assert "composite" in found.get("Exact", set())


def test_a_member_inheriting_the_empty_walk_is_only_a_leaf(tmp_path: Path) -> None:
    found = _roles(tmp_path, RULES)
    assert found.get("AllOf") == {"composite"} and found.get("Rule") == {"component"}
    assert found.get("Exact") == {"leaf"}


def test_a_member_forwarding_to_a_child_of_its_kind_is_a_node(tmp_path: Path) -> None:
    found = _roles(tmp_path, WRAPPING)
    assert found.get("Mast") == {"composite"} and found.get("Lamp") == {"leaf"}
    assert found.get("Beacon") == {"composite"}


def test_a_member_asking_its_part_what_signals_lack_is_a_leaf(tmp_path: Path) -> None:
    found = _roles(tmp_path, BEACONS)
    assert found.get("Mast") == {"composite"} and found.get("Lamp") == {"leaf"}
    assert found.get("Beacon") == {"leaf"}
