"""Duck-typed states with no base in common: each state class answers only some of the
requests, and the states switch the context they are handed to a sibling, made afresh
(`ticket.stage = Assigned()`) or shared at module level (`lamp.mode = ON` with
`ON = OnMode()`); the context keeps its state in an attribute and delegates to it, handing
itself over. The near misses, one step away: the same classes writing the attribute of an
object that never delegates to them (a record being filled in), and a strategy whose holder
delegates the same way but whose objects never replace it."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, role_map, write_tree

TICKETS = """\
class Open:
    def assign(self, ticket, who: str) -> None:
        ticket.owner = who
        ticket.stage = Assigned()

    def close(self, ticket) -> None:
        ticket.stage = Closed()


class Assigned:
    def close(self, ticket) -> None:
        ticket.stage = Closed()


class Closed:
    def reopen(self, ticket) -> None:
        ticket.stage = Open()


class Ticket:
    def __init__(self) -> None:
        self.owner = ""
        self.stage = Open()

    def assign(self, who: str) -> None:
        DELEGATE_ASSIGN

    def close(self) -> None:
        DELEGATE_CLOSE

    def reopen(self) -> None:
        DELEGATE_REOPEN
"""

LAMP = """\
class OffMode:
    def press(self, lamp) -> None:
        lamp.mode = ON


class OnMode:
    def press(self, lamp) -> None:
        lamp.mode = OFF

    def dim(self, lamp) -> None:
        lamp.level = 1


OFF = OffMode()
ON = OnMode()


class Lamp:
    def __init__(self) -> None:
        self.level = 3
        self.mode = OFF

    def press(self) -> None:
        self.mode.press(self)

    def dim(self) -> None:
        self.mode.dim(self)
"""

STRATEGY = """\
class Plain:
    def render(self, page, text: str) -> str:
        page.width = len(text)
        return text


class Shouting:
    def render(self, page, text: str) -> str:
        page.width = len(text)
        return text.upper()


class Page:
    def __init__(self, loud: bool) -> None:
        self.width = 0
        self.style = Shouting() if loud else Plain()

    def show(self, text: str) -> str:
        return self.style.render(self, text)
"""

DELEGATED = {
    "DELEGATE_ASSIGN": "self.stage.assign(self, who)",
    "DELEGATE_CLOSE": "self.stage.close(self)",
    "DELEGATE_REOPEN": "self.stage.reopen(self)",
}
# The same context filled in by hand: nothing is ever asked of what `stage` holds.
UNDELEGATED = {
    "DELEGATE_ASSIGN": "self.owner = who",
    "DELEGATE_CLOSE": "self.stage = Closed()",
    "DELEGATE_REOPEN": "self.stage = Open()",
}


def _roles(tmp_path: Path, files: dict[str, str]) -> dict[tuple[str, str], str]:
    write_tree(tmp_path, {"app/__init__.py": "", **files})
    return role_map(patterns_rows(tmp_path, "app", "--no-smells"))


def _tickets(calls: dict[str, str]) -> str:
    text = TICKETS
    for k, v in calls.items():
        text = text.replace(k, v)
    return text


def test_duck_typed_states_switching_the_context_they_are_handed(tmp_path: Path) -> None:
    roles = _roles(tmp_path, {"app/tickets.py": _tickets(DELEGATED), "app/lamp.py": LAMP})
    assert roles.get(("Ticket", "state")) == "context"
    for name in ("Open", "Assigned", "Closed", "OffMode", "OnMode"):
        assert roles.get((name, "state")) == "concrete_state", name
    assert roles.get(("Lamp", "state")) == "context"


def test_switching_an_attribute_nothing_delegates_to_or_a_strategy_never_replaced(tmp_path: Path) -> None:
    roles = _roles(tmp_path, {"app/tickets.py": _tickets(UNDELEGATED), "app/page.py": STRATEGY})
    for name in ("Ticket", "Open", "Assigned", "Closed", "Page", "Plain", "Shouting"):
        assert (name, "state") not in roles, name
