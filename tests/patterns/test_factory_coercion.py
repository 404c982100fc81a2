"""A coercion function (`build_auth(auth)`: None for None, the argument itself when it is an
`Auth` already, else a `BasicAuth` for a pair or a `FunctionAuth` for a callable), through
`agentls patterns` run as a subprocess: handing back None or what it was given is no other
answer, so it chooses which class to build for each kind of input and is a factory. The near
miss, two answers away: a function that builds those classes but answers other values as
often (a name, a repr) only happens to construct them."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

AUTH = """\
from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any


class Auth(ABC):
    @abstractmethod
    def flow(self, request: dict[str, str]) -> dict[str, str]: ...


class BasicAuth(Auth):
    def __init__(self, user: str, password: str) -> None:
        self.user = user
        self.password = password

    def flow(self, request: dict[str, str]) -> dict[str, str]:
        return {**request, "user": self.user}


class FunctionAuth(Auth):
    def __init__(self, func: Any) -> None:
        self.func = func

    def flow(self, request: dict[str, str]) -> dict[str, str]:
        return dict(self.func(request))


def build_auth(auth: Any) -> Any:
    if auth is None:
        return None
    elif isinstance(auth, tuple):
        return BasicAuth(auth[0], auth[1])
    elif isinstance(auth, Auth):
        return auth
    elif callable(auth):
        return FunctionAuth(auth)
    EXTRA
    raise TypeError(f"invalid auth {auth!r}")
"""


OTHER_ANSWERS = 'return auth.name if hasattr(auth, "name") else repr(auth)'


def _roles(tmp_path: Path, extra: str) -> dict[str, str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/auth.py": AUTH.replace("EXTRA", extra)})
    return roles_of(patterns_rows(tmp_path, "app"), "factory")


def test_coercion_building_a_class_per_kind_of_input_is_a_factory(tmp_path: Path) -> None:
    roles = _roles(tmp_path, "pass")
    assert roles.get("build_auth") == "factory"
    assert roles.get("FunctionAuth") == "product" and roles.get("BasicAuth") == "product"


def test_function_mostly_answering_other_values_is_no_factory(tmp_path: Path) -> None:
    roles = _roles(tmp_path, OTHER_ANSWERS)
    assert "build_auth" not in roles
