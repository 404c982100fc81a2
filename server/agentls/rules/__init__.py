"""The rule registry: every module in this package named ``ag*.py`` holds one rule."""

from __future__ import annotations

import importlib
import pkgutil
import re

from agentls.rules.base import Rule

_CODE = re.compile(r"AG\d{3}\Z")
_registry: dict[str, Rule] | None = None


def all_rules() -> dict[str, Rule]:
    """Code -> rule instance, in code order. Imported once, on first use."""
    global _registry
    if _registry is None:
        found: dict[str, Rule] = {}
        for info in pkgutil.iter_modules(__path__):
            if not info.name.startswith("ag"):
                continue
            module = importlib.import_module(f"{__name__}.{info.name}")
            for value in vars(module).values():
                if isinstance(value, type) and issubclass(value, Rule) and value.__module__ == module.__name__:
                    rule = value()
                    if not _CODE.match(rule.code):
                        raise ValueError(f"{value.__name__}: bad code {rule.code!r}")
                    if rule.code in found:
                        raise ValueError(f"duplicate rule code {rule.code}")
                    if not info.name.startswith(rule.code.lower()):
                        raise ValueError(f"{rule.code} must live in a module named {rule.code.lower()}_*.py")
                    found[rule.code] = rule
        _registry = dict(sorted(found.items()))
    return _registry


def get(code: str) -> Rule | None:
    return all_rules().get(code.upper())
