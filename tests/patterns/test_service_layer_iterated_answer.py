"""A class holding a repository whose method loads a group by the id it is given and asks it
to act (`group.rename(name)`) is a use-case service; the same method looping over what the
loaded group answers (`for name in group.member_names()`) reads data, it asks nothing to act:
no service. Through `agentls patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

APP = """\
class Group:
    def __init__(self, group_id: str, name: str) -> None:
        self.id = group_id
        self.name = name
        self.members: list[str] = []

    def rename(self, name: str) -> None:
        self.name = name

    def member_names(self) -> list[str]:
        return list(self.members)


class GroupRepository:
    def __init__(self) -> None:
        self._groups: dict[str, Group] = {}

    def add(self, group: Group) -> None:
        self._groups[group.id] = group

    def get(self, group_id: str) -> Group:
        return self._groups[group_id]


class Groups:
    def __init__(self, groups: GroupRepository) -> None:
        self.groups = groups

    def handle(self, group_id: str, name: str) -> list[str]:
        group = self.groups.get(group_id)
        {body}
"""


def _roles(tmp_path: Path, body: str) -> dict[str, str]:
    write_tree(tmp_path, {"club/groups.py": APP.replace("{body}", body)})
    return roles_of(patterns_rows(tmp_path, "club"), "service_layer")


def test_asking_the_loaded_group_to_act_is_a_use_case(tmp_path: Path) -> None:
    assert _roles(tmp_path, "group.rename(name)\n        return [name]").get("Groups") == "service"


def test_looping_over_what_the_loaded_group_answers_is_no_use_case(tmp_path: Path) -> None:
    assert "Groups" not in _roles(tmp_path, "return [n.upper() for n in group.member_names()]")
