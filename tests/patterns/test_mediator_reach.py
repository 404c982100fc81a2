"""Colleagues reaching their mediator through what a base keeps (or a property of it), a
mediator coordinating through helpers of its own, and states handed their context (no
mediator), through `agentls patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.patterns.cli import patterns_rows

PANEL = """\
from __future__ import annotations

from typing import Protocol


class Hub(Protocol):
    def notify(self, sender: Widget, event: str) -> None: ...


class Widget:
    def __init__(self, hub: Hub | None = None) -> None:
        self._hub = hub

    @property
    def hub(self) -> Hub | None:
        return self._hub


class Slider(Widget):
    def move(self) -> None:
        self.hub.notify(self, "moved")


class Label(Widget):
    def edit(self) -> None:
        self.hub.notify(self, "edited")


class Panel(Hub):
    def __init__(self) -> None:
        self.slider = Slider(self)
        self.label = Label(self)

    def notify(self, sender: Widget, event: str) -> None:
        if event == "moved":
            self._sync()
        elif event == "edited":
            self._reset()

    def _sync(self) -> None:
        print(self.label)

    def _reset(self) -> None:
        print(self.slider)
"""

# A chat hub relaying through a helper that loops over the members it admitted.
CHAT = """\
class Member:
    def __init__(self, name: str, hub: "ChatHub") -> None:
        self.name = name
        self.hub = hub
        hub.join(self)

    def say(self, text: str) -> None:
        self.hub.send(self, text)

    def hear(self, text: str) -> None:
        print(self.name, text)


class ChatHub:
    def __init__(self) -> None:
        self.members: list[Member] = []

    def join(self, member: Member) -> None:
        self.members.append(member)

    def send(self, sender: Member, text: str) -> None:
        if text:
            self._relay(sender, text)

    def _relay(self, sender: Member, text: str) -> None:
        for m in self.members:
            if m is not sender:
                m.hear(text)
"""

# A lamp handing itself to the mode it is in; the modes switch it.
LAMP = """\
from __future__ import annotations

from typing import Protocol


class Mode(Protocol):
    def press(self, lamp: Lamp) -> None: ...


class On:
    def press(self, lamp: Lamp) -> None:
        lamp.mode = Off()


class Off:
    def press(self, lamp: Lamp) -> None:
        lamp.mode = On()


class Lamp:
    def __init__(self) -> None:
        self.mode: Mode = Off()

    def press(self) -> None:
        self.mode.press(self)
"""


def _rows(tmp_path: Path, files: dict[str, str]) -> dict[tuple[str, str], dict[str, Any]]:
    for name, text in files.items():
        (tmp_path / "app").mkdir(exist_ok=True)
        (tmp_path / "app" / name).write_text(text)
    rows = patterns_rows(tmp_path, "app")
    return {(str(r["symbol"]), str(r["pattern"])): r for r in rows}


def test_colleagues_reaching_the_hub_their_base_keeps(tmp_path: Path) -> None:
    rows = _rows(tmp_path, {"panel.py": PANEL})
    roles = {key[0]: r["role"] for key, r in rows.items() if key[1] == "mediator"}
    assert roles["Panel"] == "mediator"
    assert roles["Slider"] == roles["Label"] == "colleague"


def test_a_hub_relaying_through_a_helper_is_no_subject(tmp_path: Path) -> None:
    rows = _rows(tmp_path, {"chat.py": CHAT})
    assert rows[("ChatHub", "mediator")]["role"] == "mediator"
    assert ("ChatHub", "observer") not in rows


def test_states_handed_their_context_make_no_hub(tmp_path: Path) -> None:
    # The near miss: two implementations of the interface answer the call their own way.
    rows = _rows(tmp_path, {"lamp.py": LAMP})
    assert not [key for key in rows if key[1] == "mediator"]
    assert rows[("Lamp", "state")]["role"] == "context"
