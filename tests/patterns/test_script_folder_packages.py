"""A package inside a script folder (`shop/factories/`, run as `python shop` beside
`shop/catalog.py`) imports its absolute names from the folder above it, the one Python puts on
the path: `from catalog import Pen` there is `shop/catalog.py`, not another example's
`catalog.py` with classes of the same names, so the creators' products resolve and the factory
method is found, through `agentls patterns` run as a subprocess (`shop/` a regular package as
well: its folder is then the root the bare import resolves against, ``script_imports.roots``).
The near miss: `shop/` a regular package without its own `catalog.py`, where the bare import
names only the sibling example's `draft/catalog.py`, which is on no path of `shop`: nothing
resolves, nothing is reported."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, role_map, write_tree

FILES = {
    "shop/__main__.py": "from factories.makers import CupMaker, PenMaker\n\n"
    "for maker in (PenMaker(), CupMaker()):\n    maker.create().use()\n",
    "shop/factories/__init__.py": "",
    "shop/factories/base.py": "from abc import ABC, abstractmethod\n\n\nclass Creator(ABC):\n"
    "    @abstractmethod\n    def create(self):\n        pass\n",
    "shop/factories/makers.py": "from catalog import Cup, Pen\n\nfrom .base import Creator\n\n\n"
    "class PenMaker(Creator):\n    def create(self):\n        return Pen()\n\n\n"
    "class CupMaker(Creator):\n    def create(self):\n        return Cup()\n",
    "shop/catalog.py": "class Item:\n    def use(self):\n        pass\n\n\n"
    "class Pen(Item):\n    def use(self):\n        print('write')\n\n\n"
    "class Cup(Item):\n    def use(self):\n        print('drink')\n",
    "draft/catalog.py": "class Pen:\n    pass\n\n\nclass Cup:\n    pass\n",
}


def test_a_package_in_a_script_folder_imports_from_the_folder_above_it(tmp_path: Path) -> None:
    write_tree(tmp_path, FILES)
    roles = role_map(patterns_rows(tmp_path, ".", "--min-confidence", "0"))
    assert roles.get(("Creator", "factory")) == "creator"
    assert roles.get(("PenMaker", "factory")) == "concrete_creator"
    assert roles.get(("CupMaker", "factory")) == "concrete_creator"
    assert roles.get(("Pen", "factory")) == "product"


def test_a_regular_package_imports_from_its_own_folder(tmp_path: Path) -> None:
    write_tree(tmp_path, {**FILES, "shop/__init__.py": ""})
    roles = role_map(patterns_rows(tmp_path, ".", "--min-confidence", "0"))
    assert roles.get(("PenMaker", "factory")) == "concrete_creator"


def test_a_sibling_examples_module_is_on_no_path(tmp_path: Path) -> None:
    files = {k: v for k, v in FILES.items() if k != "shop/catalog.py"}
    write_tree(tmp_path, {**files, "shop/__init__.py": ""})
    roles = role_map(patterns_rows(tmp_path, ".", "--min-confidence", "0"))
    assert ("PenMaker", "factory") not in roles
    assert ("Pen", "factory") not in roles
