"""Modules imported on first use.

``agentls serve`` must answer ``initialize`` quickly (bench/startup.py); the expert's modules are
not needed before the first expert action or auto-mode event, so the feature modules that use
them hold a stand-in that imports the real module at its first attribute access::

    if TYPE_CHECKING:
        from agentls.expert import prompts
    else:
        prompts = lazy.module("agentls.expert.prompts")

Type checkers see the real module; at run time ``prompts.build`` imports it (once: the stand-in
then holds the real module's names). ``importlib.import_module`` takes the import lock, so
two threads asking at once get the same module.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any


class _Deferred(ModuleType):
    def __getattr__(self, name: str) -> Any:
        real = importlib.import_module(self.__name__)
        # Later lookups find the real module's names here without calling __getattr__ (the
        # engine is reached through stand-ins on every keystroke).
        self.__dict__.update(real.__dict__)
        return getattr(real, name)


def module(name: str) -> ModuleType:
    """A stand-in for the module ``name`` that imports it when first used."""
    return _Deferred(name)
