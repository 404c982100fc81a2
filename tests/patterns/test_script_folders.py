"""A folder of scripts without `__init__.py` is one program (issue 10).

Tutorials ported from Java keep one class per file and import siblings by bare name
(`from listener import Listener`), run as `python main.py`. The subject and the interface its
observers implement need not import each other there: `main.py` hands the objects around.
Through the CLI, as users run it; each case beside the control that must stay undetected.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from tests.conftest import AGENTLS

LISTENER = """\
import abc


class Listener(metaclass=abc.ABCMeta):
    @abc.abstractmethod
    def refresh(self, level, rate):
        raise Exception('Abstract methods must be implemented')
"""

TANK = """\
class Tank:
    def __init__(self):
        self.listeners = []
        self.level = 0
        self.rate = 0

    def register_listener(self, listener):
        self.listeners.append(listener)

    def notify_listeners(self):
        for listener in self.listeners:
            listener.refresh(self.level, self.rate)

    def set_readings(self, level, rate):
        self.level = level
        self.rate = rate
        self.notify_listeners()
"""

GAUGE = """\
from listener import Listener


class Gauge(Listener):
    def __init__(self, tank):
        tank.register_listener(self)

    def refresh(self, level, rate):
        print(level, rate)
"""

MAIN = """\
from tank import Tank
from gauge import Gauge

tank = Tank()
Gauge(tank)
tank.set_readings(3, 4)
"""


def roles(cwd: Path) -> set[tuple[str, str, str]]:
    result = subprocess.run(
        [*AGENTLS, "patterns", "--format", "json", "."], cwd=cwd, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return {(r["symbol"], r["pattern"], r["role"]) for r in json.loads(result.stdout)}


def write(folder: Path, files: dict[str, str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text)


def test_an_observer_interface_in_a_sibling_script_is_found(tmp_path: Path) -> None:
    write(
        tmp_path / "ch02_observer",
        {"listener.py": LISTENER, "tank.py": TANK, "gauge.py": GAUGE, "main.py": MAIN},
    )
    found = roles(tmp_path)
    assert ("Tank", "observer", "subject") in found
    assert ("Listener", "observer", "observer") in found
    assert ("Gauge", "observer", "concrete_observer") in found


def test_the_same_files_in_two_script_folders_are_two_programs(tmp_path: Path) -> None:
    # The control: the interface lives in another chapter, which the subject's cannot reach.
    write(tmp_path / "ch02_observer", {"tank.py": TANK, "gauge.py": GAUGE, "main.py": MAIN})
    write(tmp_path / "ch03_other", {"listener.py": LISTENER})
    assert ("Listener", "observer", "observer") not in roles(tmp_path)


def test_a_package_is_not_taken_for_one_program(tmp_path: Path) -> None:
    # In a package (with `__init__.py`) modules are units of their own: the subject's module
    # neither imports nor is imported by the interface's, so the interface stays unnamed.
    write(
        tmp_path / "gauges",
        {
            "__init__.py": "",
            "listener.py": LISTENER,
            "tank.py": TANK,
            "gauge.py": GAUGE.replace("from listener", "from gauges.listener"),
        },
    )
    assert ("Listener", "observer", "observer") not in roles(tmp_path)


LAMP = """\
class Lamp:
    def switch_on(self):
        print("on")

    def switch_off(self):
        print("off")


class DeskLamp(Lamp):
    pass


class FloorLamp(Lamp):
    pass
"""

LAMP_FACTORY = """\
from lamp import DeskLamp, FloorLamp


class LampFactory:
    def create_lamp(self, kind):
        lamp = None
        if kind == "desk":
            lamp = DeskLamp()
        elif kind == "floor":
            lamp = FloorLamp()
        return lamp
"""

LAMP_SHOP = """\
class LampShop:
    def __init__(self, factory):
        self.factory = factory

    def order_lamp(self, kind):
        lamp = self.factory.create_lamp(kind)
        lamp.switch_on()
        lamp.switch_off()
        return lamp
"""

SHOP_MAIN = """\
from lamp_factory import LampFactory
from lamp_shop import LampShop

LampShop(LampFactory()).order_lamp("desk")
"""


def test_a_factorys_client_working_with_the_product_is_no_adapter(tmp_path: Path) -> None:
    files = {"lamp.py": LAMP, "lamp_factory.py": LAMP_FACTORY, "lamp_shop.py": LAMP_SHOP, "main.py": SHOP_MAIN}
    write(tmp_path / "ch04_factory", files)
    found = roles(tmp_path)
    assert ("LampFactory", "factory", "factory") in found
    assert not {f for f in found if f[1] == "adapter"}
    # The near miss: one call forwarded and its answer handed back (one use of it at most)
    # is still read as a translation of the shop's request into the factory's.
    write(tmp_path / "ch04_factory", {"lamp_shop.py": LAMP_SHOP.replace("        lamp.switch_off()\n", "")})
    assert ("LampShop", "adapter", "adapter") in roles(tmp_path)


STAGE = """\
from abc import ABC, abstractmethod


class {iface}(ABC):
    @abstractmethod
    def process(self, item):
        ...
"""

STEP = """\
from {module} import {iface}


class {name}({iface}):
    def process(self, item):
        return {body}
"""

RUNNER = """\
class {name}:
    def __init__(self):
        self.steps = []

    def add(self, step):
        self.steps.append(step)

    def process(self, item):
        for step in self.steps:
            item = step.process(item)
        return item
"""

WIRING = """\
from pipeline import Pipeline
from trim import Trim
from upper import Upper
from gate import Gate
from not_empty import NotEmpty
from short_enough import ShortEnough


def run_pipeline(text):
    pipeline = Pipeline()
    pipeline.add(Trim())
    pipeline.add(Upper())
    return pipeline.process(text)


def run_gate(text):
    gate = Gate()
    gate.add(NotEmpty())
    gate.add(ShortEnough())
    return gate.process(text)
"""


def chain_folder(main: str) -> dict[str, str]:
    """Two chains of one method in one script folder, one class per file, each interface with
    its own runner (kept as a list, untyped)."""
    return {
        "stage.py": STAGE.format(iface="Stage"),
        "check.py": STAGE.format(iface="Check"),
        "trim.py": STEP.format(module="stage", iface="Stage", name="Trim", body="item.strip()"),
        "upper.py": STEP.format(module="stage", iface="Stage", name="Upper", body="item.upper()"),
        "not_empty.py": STEP.format(module="check", iface="Check", name="NotEmpty", body="item or None"),
        "short_enough.py": STEP.format(module="check", iface="Check", name="ShortEnough", body="item[:20]"),
        "pipeline.py": RUNNER.format(name="Pipeline"),
        "gate.py": RUNNER.format(name="Gate"),
        "main.py": main,
    }


def test_a_chain_runner_in_a_script_folder_names_the_interface_main_hands_it(tmp_path: Path) -> None:
    write(tmp_path / "ch05_chain", chain_folder(WIRING))
    found = {f for f in roles(tmp_path) if f[1] == "chain_of_responsibility"}
    assert ("Stage", "chain_of_responsibility", "handler") in found
    assert ("Upper", "chain_of_responsibility", "concrete_handler") in found
    assert ("Check", "chain_of_responsibility", "handler") in found
    assert ("ShortEnough", "chain_of_responsibility", "concrete_handler") in found


def test_a_chain_runner_no_code_builds_stays_ambiguous_between_two_interfaces(tmp_path: Path) -> None:
    # The near miss: nothing makes the runners with implementations, so two interfaces of
    # the folder declare the method each runner calls and neither is named.
    write(tmp_path / "ch05_chain", chain_folder("print('two chains')\n"))
    assert not {f for f in roles(tmp_path) if f[1] == "chain_of_responsibility"}


ADAPTER_FILES = {
    "thermometer.py": """\
class Thermometer:
    def read_celsius(self):
        return 21.0
""",
    "kelvin_probe.py": """\
class KelvinProbe:
    def sample_kelvin(self):
        return 294.15
""",
    "probe_adapter.py": """\
class ProbeAdapter:
    def __init__(self, probe):
        self.probe = probe

    def read_celsius(self):
        return self.probe.sample_kelvin() - 273.15
""",
}

ADAPTER_MAIN = """\
from thermometer import Thermometer
from kelvin_probe import KelvinProbe
from probe_adapter import ProbeAdapter


def main():
    old = Thermometer()
    print(old.read_celsius())
    print(ProbeAdapter(KelvinProbe()).read_celsius())
"""


def test_an_adapters_target_in_a_sibling_script_made_beside_it_is_found(tmp_path: Path) -> None:
    write(tmp_path / "ch06_adapter", {**ADAPTER_FILES, "main.py": ADAPTER_MAIN})
    found = roles(tmp_path)
    assert ("ProbeAdapter", "adapter", "adapter") in found
    assert ("Thermometer", "adapter", "target") in found
    assert ("KelvinProbe", "adapter", "adaptee") in found


def test_a_sibling_script_offering_the_same_method_is_no_target_unless_made_beside_it(tmp_path: Path) -> None:
    # The near miss: main.py never makes the thermometer, which may be another script of the
    # folder that happens to offer the method: the adapter stays, without a target.
    write(tmp_path / "ch06_adapter", {**ADAPTER_FILES, "main.py": ADAPTER_MAIN.replace("Thermometer()", "None")})
    found = roles(tmp_path)
    assert ("ProbeAdapter", "adapter", "adapter") in found
    assert ("Thermometer", "adapter", "target") not in found


PROXY_FILES = {
    "vault.py": """\
from typing import Protocol


class Vault(Protocol):
    def open_box(self, code): ...
""",
    "steel_vault.py": """\
class SteelVault:
    def open_box(self, code):
        return f"box {code}"
""",
    "guarded_vault.py": """\
from steel_vault import SteelVault


class GuardedVault:
    def __init__(self):
        self.vault = None

    def open_box(self, code):
        if self.vault is None:
            self.vault = SteelVault()
        return self.vault.open_box(code)
""",
}

PROXY_MAIN = """\
from vault import Vault
from guarded_vault import GuardedVault


def visit(v: Vault):
    return v.open_box(7)


print(visit(GuardedVault()))
"""


def test_a_proxys_protocol_in_a_sibling_script_imported_where_it_is_made_is_its_subject(tmp_path: Path) -> None:
    write(tmp_path / "ch07_proxy", {**PROXY_FILES, "main.py": PROXY_MAIN})
    found = roles(tmp_path)
    assert ("GuardedVault", "proxy", "proxy") in found
    assert ("Vault", "proxy", "subject") in found
    # The near miss: main.py does not use the protocol; the proxy stays, without a subject.
    write(
        tmp_path / "ch07_proxy", {"main.py": "from guarded_vault import GuardedVault\n\nGuardedVault().open_box(7)\n"}
    )
    found = roles(tmp_path)
    assert ("GuardedVault", "proxy", "proxy") in found
    assert ("Vault", "proxy", "subject") not in found


BOARD_GAME = """\
class BoardGame:
    def play(self):
        self.setup()
        while not self.finished():
            self.move()
        return self.winner()

    def setup(self):
        pass

    def finished(self):
        return True

    def move(self):
        pass

    def winner(self):
        return None
"""

SOLO = """\
from board_game import BoardGame


class Solitaire(BoardGame):
    def setup(self):
        self.cards = list(range(10))

    def finished(self):
        return not self.cards

    def move(self):
        self.cards.pop()
"""

# Another `board_game.py` at the top of the workspace, with a class of the same name.
TOP_BOARD_GAME = """\
class BoardGame:
    def describe(self):
        return "a box of pieces"
"""


def test_a_bare_import_in_a_script_folder_names_the_sibling_before_a_top_level_module(tmp_path: Path) -> None:
    (tmp_path / "board_game.py").write_text(TOP_BOARD_GAME)
    write(tmp_path / "ch08_template", {"board_game.py": BOARD_GAME, "solitaire.py": SOLO})
    found = roles(tmp_path)
    assert ("BoardGame", "template_method", "abstract_class") in found
    assert ("Solitaire", "template_method", "concrete_class") in found


def test_a_bare_import_in_a_package_names_the_top_level_module(tmp_path: Path) -> None:
    # The control: a package's modules import absolutely, so `from board_game import ...`
    # there is the top-level module and the package's own BoardGame has no subclass.
    (tmp_path / "board_game.py").write_text(TOP_BOARD_GAME)
    write(tmp_path / "games", {"__init__.py": "", "board_game.py": BOARD_GAME, "solitaire.py": SOLO})
    assert not {f for f in roles(tmp_path) if f[1] == "template_method"}


CANOE = """\
class Canoe:
    def __init__(self):
        self.paddles = 2
"""

BOATHOUSE = """\
from canoe import Canoe


class Boathouse:
    def __init__(self, size):
        self.racks = [Canoe() for _ in range(size)]
        self.out = []

    def rent(self):
        canoe = self.racks.pop()
        self.out.append(canoe)
        return canoe

    def give_back(self, canoe):
        self.out.remove(canoe)
        self.racks.append(canoe)
"""


def test_the_reusable_of_a_pool_in_a_sibling_script_is_found(tmp_path: Path) -> None:
    write(tmp_path / "ch09_pool", {"canoe.py": CANOE, "boathouse.py": BOATHOUSE, "main.py": "print(1)\n"})
    found = roles(tmp_path)
    assert ("Boathouse", "object_pool", "pool") in found
    assert ("Canoe", "object_pool", "reusable") in found


def test_what_a_stack_in_a_sibling_script_stores_is_no_reusable(tmp_path: Path) -> None:
    # The near miss: the racks are filled from outside (a stack), so nothing is pooled.
    stack = BOATHOUSE.replace("[Canoe() for _ in range(size)]", "[]").replace("from canoe import Canoe\n", "")
    write(tmp_path / "ch09_pool", {"canoe.py": CANOE, "boathouse.py": stack, "main.py": "print(1)\n"})
    assert not {f for f in roles(tmp_path) if f[1] == "object_pool"}


GREETER_FILES = {
    "greeter.py": """\
from abc import ABC, abstractmethod


class Greeter(ABC):
    @abstractmethod
    def greet(self, name):
        ...
""",
    "formal.py": """\
from greeter import Greeter


class Formal(Greeter):
    def greet(self, name):
        return f"Good evening, {name}."
""",
    "casual.py": """\
from greeter import Greeter


class Casual(Greeter):
    def greet(self, name):
        return f"hey {name}"
""",
}

PICKER = """\
from formal import Formal
from casual import Casual


def pick_greeter(tone):
    table = {"formal": Formal, "casual": Casual}
    return table[tone]()


def main():
    greeter = pick_greeter("formal")
    print(greeter.greet("Ada"))
"""


def test_a_table_factory_importing_only_the_implementations_makes_their_interface(tmp_path: Path) -> None:
    write(tmp_path / "ch10_factory", {**GREETER_FILES, "picker.py": PICKER})
    found = roles(tmp_path)
    assert ("pick_greeter", "factory", "factory") in found
    assert ("Formal", "factory", "product") in found


def test_a_table_whose_callers_call_no_method_of_the_interface_is_no_factory(tmp_path: Path) -> None:
    # The near miss: what the table makes is only printed, never used through `greet`.
    write(tmp_path / "ch10_factory", {**GREETER_FILES, "picker.py": PICKER.replace('greeter.greet("Ada")', "greeter")})
    assert not {f for f in roles(tmp_path) if f[1] == "factory"}


SANDWICH_FILES = {
    "sandwich.py": """\
class Sandwich:
    def __init__(self):
        self.bread = None
        self.cheese = None
""",
    "sandwich_builder.py": """\
from sandwich import Sandwich


class SandwichBuilder:
    def __init__(self):
        self.sandwich = Sandwich()

    def build(self):
        return self.sandwich
""",
    "filling_builder.py": """\
from sandwich_builder import SandwichBuilder


class FillingBuilder(SandwichBuilder):
    def with_bread(self, kind):
        self.sandwich.bread = kind
        return self

    def with_cheese(self, kind):
        self.sandwich.cheese = kind
        return self
""",
}


def test_a_product_made_by_an_inherited_constructor_in_a_sibling_script_is_found(tmp_path: Path) -> None:
    write(tmp_path / "ch11_builder", SANDWICH_FILES)
    found = roles(tmp_path)
    assert ("FillingBuilder", "builder", "builder") in found
    assert ("Sandwich", "builder", "product") in found


def test_the_inherited_constructors_names_are_read_in_its_own_file(tmp_path: Path) -> None:
    # The near miss: the subclass's file has a class of the same name; what the base makes is
    # still the base file's Sandwich, not that one.
    other = 'class Sandwich:\n    """A picture of one, on the menu."""\n\n\n'
    files = {**SANDWICH_FILES, "filling_builder.py": other + SANDWICH_FILES["filling_builder.py"]}
    write(tmp_path / "ch11_builder", files)
    result = subprocess.run(
        [*AGENTLS, "patterns", "--format", "json", "."], cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    products = {(Path(r["path"]).name, r["symbol"]) for r in json.loads(result.stdout) if r["role"] == "product"}
    assert products == {("sandwich.py", "Sandwich")}


KITCHEN_FILES = {
    "oven.py": "class Oven:\n    def bake(self, tray):\n        return tray\n",
    "fridge.py": "class Fridge:\n    def chill(self, item):\n        return item\n",
}

KITCHEN = """\
from dependency_injector import containers, providers
from oven import Oven
from fridge import Fridge


class Kitchen(containers.DeclarativeContainer):
    oven: Oven = providers.Singleton(Oven)
    fridge: Fridge = providers.Factory(Fridge)
"""


def test_a_container_alone_in_its_file_declaring_typed_providers_is_found(tmp_path: Path) -> None:
    write(tmp_path / "ch12_wiring", {**KITCHEN_FILES, "kitchen.py": KITCHEN})
    assert ("Kitchen", "dependency_injection", "container") in roles(tmp_path)


def test_providers_of_plain_values_alone_in_a_file_are_no_container(tmp_path: Path) -> None:
    # The near miss: the same declarations providing plain values, no workspace class.
    settings = (
        "from dependency_injector import containers, providers\n\n\n"
        "class Kitchen(containers.DeclarativeContainer):\n"
        '    oven: str = providers.Object("gas")\n'
        "    fridge: int = providers.Object(4)\n"
    )
    write(tmp_path / "ch12_wiring", {**KITCHEN_FILES, "kitchen.py": settings})
    assert not {f for f in roles(tmp_path) if f[1] == "dependency_injection"}


PLANTER_FILES = {
    "planter.py": "class Planter:\n    def fill(self, soil):\n        return soil\n",
    "clay_pot.py": "from planter import Planter\n\n\nclass ClayPot(Planter):\n    pass\n",
    "wood_box.py": "from planter import Planter\n\n\nclass WoodBox(Planter):\n    pass\n",
    "kinds.py": (
        'from clay_pot import ClayPot\nfrom wood_box import WoodBox\n\nPLANTERS = {"clay": ClayPot, "wood": WoodBox}\n'
    ),
    "planter_factory.py": """\
from kinds import PLANTERS


class PlanterFactory:
    @staticmethod
    def planter_class(material):
        return PLANTERS[material]
""",
}


def test_a_class_selecting_factory_importing_its_table_from_another_file_is_found(tmp_path: Path) -> None:
    write(tmp_path / "ch13_factory", PLANTER_FILES)
    found = roles(tmp_path)
    assert ("PlanterFactory", "factory", "factory") in found
    assert ("ClayPot", "factory", "product") in found


def test_an_imported_table_of_unrelated_classes_is_no_factory(tmp_path: Path) -> None:
    # The near miss: the imported table maps to classes sharing no base.
    unrelated = {
        **PLANTER_FILES,
        "clay_pot.py": "class ClayPot:\n    pass\n",
        "wood_box.py": "class WoodBox:\n    pass\n",
    }
    write(tmp_path / "ch13_factory", unrelated)
    assert not {f for f in roles(tmp_path) if f[1] == "factory"}


GREENHOUSE = """\
from dependency_injector import containers, providers
from {module} import open_store, start_clock


class Greenhouse(containers.DeclarativeContainer):
    store = providers.Singleton(open_store)
    clock = providers.Singleton(start_clock)
"""

HELPERS = "def open_store():\n    return {}\n\n\ndef start_clock():\n    return 0\n"


def test_a_container_alone_in_its_file_providing_workspace_functions_is_found(tmp_path: Path) -> None:
    write(tmp_path / "ch14_wiring", {"helpers.py": HELPERS, "greenhouse.py": GREENHOUSE.format(module="helpers")})
    assert ("Greenhouse", "dependency_injection", "container") in roles(tmp_path)


def test_providers_of_functions_from_outside_the_workspace_are_no_container(tmp_path: Path) -> None:
    # The near miss: the same declarations over functions of a library, not of the program.
    write(tmp_path / "ch14_wiring", {"greenhouse.py": GREENHOUSE.format(module="garden_lib")})
    assert not {f for f in roles(tmp_path) if f[1] == "dependency_injection"}
