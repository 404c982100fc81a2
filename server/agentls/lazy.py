"""Modules imported on first use.

``agentls serve`` must answer ``initialize`` quickly (bench/startup.py); the expert's modules are
not needed before the first expert action or auto-mode event, so the feature modules that use
them hold a stand-in that imports the real module at its first attribute access::

    if TYPE_CHECKING:
        from agentls.expert import prompts
    else:
        prompts = lazy.module("agentls.expert.prompts")

Type checkers see the real module; at run time ``prompts.build`` imports it (once: later
accesses find it in ``sys.modules``). ``importlib.import_module`` takes the import lock, so
two threads asking at once get the same module.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any


class _Deferred(ModuleType):
    def __getattr__(self, name: str) -> Any:
        return getattr(importlib.import_module(self.__name__), name)


def module(name: str) -> ModuleType:
    """A stand-in for the module ``name`` that imports it when first used."""
    return _Deferred(name)
