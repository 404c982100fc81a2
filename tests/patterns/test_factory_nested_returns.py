"""A function's answers are its own `return` statements, not those of the functions defined
inside it: an app factory registering route handlers (`def controller(app): @app.route(...)
def create(dto): ... return Created()`) returns none of the classes its handlers hand back,
so it is no factory choosing among them, through `agentls patterns` run as a subprocess. The
near miss: the same choice written in the function itself (`if dto: return Created()` /
`return Failed()`) is a simple factory, its classes the products."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

KINDS = "class Reply:\n    pass\n\n\nclass Created(Reply):\n    pass\n\n\nclass Failed(Reply):\n    pass\n\n\n"
NESTED = (
    "def controller(app, service):\n"
    "    @app.route('/items')\n"
    "    def create(dto):\n"
    "        try:\n            service.run(dto)\n            return Created()\n"
    "        except ValueError:\n            return Failed()\n\n"
    "    @app.route('/check')\n"
    "    def check(dto):\n"
    "        if dto:\n            return Created()\n        return Failed()\n"
)
OWN = "def reply_for(dto):\n    if dto:\n        return Created()\n    return Failed()\n"


def test_returns_of_functions_defined_inside_are_not_its_own(tmp_path: Path) -> None:
    write_tree(tmp_path, {"web/app.py": KINDS + NESTED})
    roles = roles_of(patterns_rows(tmp_path, ".", "--min-confidence", "0"), "factory")
    assert "controller" not in roles
    assert "Created" not in roles


def test_the_same_choice_in_the_function_itself_is_a_factory(tmp_path: Path) -> None:
    write_tree(tmp_path, {"web/app.py": KINDS + OWN})
    roles = roles_of(patterns_rows(tmp_path, ".", "--min-confidence", "0"), "factory")
    assert roles.get("reply_for") == "factory"
    assert roles.get("Created") == "product"
