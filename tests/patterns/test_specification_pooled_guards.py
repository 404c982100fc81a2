"""Guard classes with one predicate judged in a context (`allows(user, door) -> bool`, the base
raising `NotImplementedError` and calling it from `__call__`), two or more guards stating a rule,
and a class outside the family keeping several guards and asking each (`for g in self.guards:
if not g.allows(...)`): the base is a `specification`, the guards `concrete_specification`s and
the holder a `composite_specification`, through `agentls patterns` run as a subprocess. The near
miss: the same guards kept by a class that only lists their names, never asking one: no rule is
evaluated through the base, so no specification."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

GUARDS = (
    "class Guard:\n"
    "    def __init__(self, reason: str = 'refused') -> None:\n        self.reason = reason\n\n"
    "    def allows(self, user: dict, door: str, **extra: object) -> bool:\n"
    "        raise NotImplementedError\n\n"
    "    def __call__(self, user: dict, door: str) -> None:\n"
    "        if not self.allows(user, door):\n            raise PermissionError(self.reason)\n\n\n"
    "class IsStaff(Guard):\n"
    "    def allows(self, user: dict, door: str, **extra: object) -> bool:\n"
    "        return bool(user.get('staff'))\n\n\n"
    "class OwnsDoor(Guard):\n"
    "    def allows(self, user: dict, door: str, **extra: object) -> bool:\n"
    "        return door in user.get('doors', [])\n"
)
EVERY = (
    "from lock.guards import Guard\n\n\n"
    "class Every:\n"
    "    def __init__(self, *guards: Guard) -> None:\n        self.guards = guards\n\n"
    "    def __call__(self, user: dict, door: str) -> None:\n"
    "        for guard in self.guards:\n"
    "            if not guard.allows(user, door):\n                raise PermissionError(guard.reason)\n"
)
LISTING = (
    "from lock.guards import Guard\n\n\n"
    "class Catalogue:\n"
    "    def __init__(self, *guards: Guard) -> None:\n        self.guards = guards\n\n"
    "    def names(self) -> list[str]:\n"
    "        out = []\n        for guard in self.guards:\n            out.append(guard.reason)\n        return out\n"
)


def _specifications(tmp_path: Path, holder: str) -> dict[str, str]:
    write_tree(tmp_path, {"lock/__init__.py": "", "lock/guards.py": GUARDS, "lock/holder.py": holder})
    return roles_of(patterns_rows(tmp_path, "lock"), "specification")


def test_guards_asked_one_by_one_by_a_holder_are_specifications(tmp_path: Path) -> None:
    found = _specifications(tmp_path, EVERY)
    assert found.get("Guard") == "specification"
    assert found.get("IsStaff") == "concrete_specification"
    assert found.get("OwnsDoor") == "concrete_specification"
    assert found.get("Every") == "composite_specification"


def test_guards_only_listed_by_a_holder_are_none(tmp_path: Path) -> None:
    assert _specifications(tmp_path, LISTING) == {}
