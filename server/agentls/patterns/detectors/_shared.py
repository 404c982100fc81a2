"""Structural predicates more than one detector needs, memoised per workspace state.

They live by subject (`_basics`, `_domain_model`, `_repositories`, `_transactions`); this module
gathers them for the detectors, and keeps the message-handler tables.
"""

from __future__ import annotations

from agentls.patterns.context import Ctx
from agentls.patterns.detectors._basics import (
    behaviour_methods,
    is_data_holder,
    is_namedtuple,
    memo,
    mutates,
    param_of,
)
from agentls.patterns.detectors._domain_model import (
    domain_package,
    entity_evidence,
    in_domain,
    is_exception,
    mutators,
    value_object_evidence,
)
from agentls.patterns.detectors._repositories import (
    is_repository,
    message_like,
    repository_evidence,
)
from agentls.patterns.detectors._repository_ports import repository_port_evidence
from agentls.patterns.detectors._transactions import (
    is_uow,
    uow_evidence,
)
from agentls.patterns.facts import ModuleIndex
from agentls.patterns.test_code import is_test_file, is_test_module
from agentls.patterns.workspace import ClassRef

__all__ = [
    "behaviour_methods",
    "domain_package",
    "entity_evidence",
    "handler_maps",
    "in_domain",
    "is_data_holder",
    "is_exception",
    "is_namedtuple",
    "is_repository",
    "is_test_file",
    "is_test_module",
    "is_uow",
    "memo",
    "message_like",
    "mutates",
    "mutators",
    "param_of",
    "repository_evidence",
    "repository_port_evidence",
    "uow_evidence",
    "value_object_evidence",
]


def handler_maps(ctx: Ctx) -> list[tuple[ModuleIndex, str, bool, list[tuple[ClassRef, list[str]]]]]:
    """Module dicts mapping message classes to handlers: (module, name, values_are_lists, entries)."""
    key = "handler_maps"
    if key not in ctx._cache:
        found = []
        for module in ctx.ws.modules():
            for name, entries in module.dicts.items():
                resolved = []
                for e in entries:
                    if e.key == "const":
                        continue  # a string or number key names an option, not a message class
                    # keyed by the class, or by its name attribute (`{BookedTableEvent.name: ...}`)
                    r = ctx.ws.resolve(module, e.key) or (
                        ctx.ws.resolve(module, e.key.rpartition(".")[0]) if "." in e.key else None
                    )
                    if r is not None and e.values and not any(ctx.ws.resolve(module, v) for v in e.values):
                        resolved.append((r, list(e.values)))
                if len(resolved) >= 2 and len(resolved) >= len(entries) // 2:
                    found.append((module, name, all(e.is_list for e in entries), resolved))
        ctx._cache[key] = found
    return ctx._cache[key]  # type: ignore[no-any-return]


def hands_out_own(ctx: Ctx, owner: ClassRef, method: str) -> bool:
    """`Owner.method()` answers an instance of ``owner``: a classmethod of it (or of a base)
    returning `cls(...)` or the instance it keeps on the class (`return cls._instance`, stored
    by `cls._instance = ...`), as a singleton's `get_instance()` does."""
    m = ctx.all_methods(owner).get(method)
    if m is None or m.kind != "classmethod":
        return False
    kept = {
        s.attr
        for a in (owner, *ctx.ancestors(owner))
        for f in a.cls.methods.values()
        for s in f.attr_stores
        if s.receiver == "cls"
    }
    return any(v == "call:cls" or (v.startswith("attr:cls.") and v[9:] in kept) for v in m.returns)
