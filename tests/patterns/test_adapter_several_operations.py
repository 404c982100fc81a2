"""A wrapper with no base whose requests are each served by differently named operations of
the one object it is handed, one of them by two (`ignite` running `power_up()` then
`start_compressor()`), beside a class of its module already presenting those requests (the
gas heater it stands in for): an adapter, that class its target. Through `agentls patterns`
run as a subprocess. The near miss: the same wrapper with no class presenting its requests
drives the pump through sequences of its own, a client (a controller), no translation towards
an interface anybody offers."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

HEATING = """\
class GasHeater:
    def ignite(self):
        return "flame"

    def raise_flame(self):
        return "higher"

    def shut_off(self):
        return "off"


class HeatPump:
    def power_up(self):
        return "powered"

    def start_compressor(self):
        return "compressing"

    def boost(self):
        return "boosted"

    def power_down(self):
        return "down"


class HeatPumpAdapter:
    def __init__(self, pump):
        self.pump = pump

    def ignite(self):
        return self.pump.power_up() + self.pump.start_compressor()

    def raise_flame(self):
        return self.pump.boost()

    def shut_off(self):
        return self.pump.power_down()


def warm(heater):
    heater.ignite()
    heater.raise_flame()
    heater.shut_off()


pump = HeatPump()
warm(HeatPumpAdapter(pump))
"""

# No gas heater presenting the requests.
CONTROLLER = "class HeatPump:" + HEATING.split("class HeatPump:")[1]


def _adapter(tmp_path: Path, text: str) -> dict[str, str]:
    write_tree(tmp_path, {"heating.py": text})
    return roles_of(patterns_rows(tmp_path, "heating.py"), "adapter")


def test_requests_served_by_several_operations_towards_an_offered_interface(tmp_path: Path) -> None:
    found = _adapter(tmp_path, HEATING)
    assert found.get("HeatPumpAdapter") == "adapter"
    assert found.get("HeatPump") == "adaptee"
    assert found.get("GasHeater") == "target"


def test_the_same_sequence_with_no_interface_offered_is_a_client(tmp_path: Path) -> None:
    assert "GasHeater" not in CONTROLLER
    assert "HeatPumpAdapter" not in _adapter(tmp_path, CONTROLLER)
