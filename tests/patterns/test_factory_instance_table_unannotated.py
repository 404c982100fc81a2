"""A function answering the entry of its own table of instances for its argument, with no
annotation or interface to tell the products by (`pets = dict(dog=Dog("rex"), cat=Cat("tom"))`,
`return pets[kind]`, the course example of a simple factory), through `agentls patterns` run
as a subprocess: the classes it makes there, offering the same methods, are its products.
The near miss, one class away: a table holding objects of unrelated classes (a settings
object and a connection, nothing in common to call) is a lookup, not a factory."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

PETS = """\
class Dog:
    def __init__(self, name):
        self.name = name

    def speak(self):
        return "Woof"


class Cat:
    def __init__(self, name):
        self.name = name

    def CAT_METHOD(self):
        return "Meow"


def get_pet(pet="dog"):
    pets = dict(dog=Dog("rex"), cat=Cat("tom"))
    return pets[pet]


if __name__ == "__main__":
    print(get_pet("cat").name)
"""


def _roles(tmp_path: Path, cat_method: str) -> dict[str, str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/pets.py": PETS.replace("CAT_METHOD", cat_method)})
    return roles_of(patterns_rows(tmp_path, "app"), "factory")


def test_table_of_instances_offering_the_same_methods_is_a_factory(tmp_path: Path) -> None:
    roles = _roles(tmp_path, "speak")
    assert roles.get("get_pet") == "factory"
    assert roles.get("Dog") == "product" and roles.get("Cat") == "product"


def test_table_of_unrelated_instances_is_no_factory(tmp_path: Path) -> None:
    roles = _roles(tmp_path, "connect")
    assert "get_pet" not in roles
