"""Duck-typed leaves of a composite with no base class (`File` beside `Folder`)."""

from __future__ import annotations

from agentls.patterns.context import Ctx
from agentls.patterns.facts import ClassFacts
from agentls.patterns.workspace import ClassRef

# What an empty literal renders as among a method's returns (`return ()`, `return []`); a
# trivial body tells the empty literal from a filled one.
_EMPTY = frozenset({"tuple", "list", "set", "dict"})


def _answers_no_children(cls: ClassFacts, attr: str) -> bool:
    """``cls`` answers an empty children collection: a `children` (the composite's list name)
    method or property returning an empty literal, or an `__iter__` over an empty literal
    (`return iter(())`)."""
    own = cls.methods.get(attr.lstrip("_"))
    if own is not None and own.body_kind == "trivial" and own.returns and set(own.returns) <= _EMPTY:
        return True
    it = cls.methods.get("__iter__")
    return (
        it is not None
        and it.statements == 1
        and it.returns == ["call:iter"]
        and any(c.func == "iter" and c.args and c.args[0] in _EMPTY for c in it.calls)
    )


def duck_leaves(ctx: Ctx, ref: ClassRef, method: str, attr: str) -> list[ClassRef]:
    """The classes of ``ref``'s module, or imported into it, that implement ``method`` too and
    answer an empty children collection (``_answers_no_children``): the leaves of a duck-typed
    tree whose composite ``ref`` keeps its children in ``self.<attr>`` and forwards ``method``
    to each. Without such a sibling, a class looping over its items is just a collection."""
    kin = {ref.key, *(a.key for a in ctx.ancestors(ref)), *(d.key for d in ctx.descendants(ref))}
    return [
        r
        for r in ctx.by_method(public=False).get(method, [])
        if r.key not in kin
        and not r.cls.is_interface
        # imported by name, not a namesake elsewhere in the workspace
        and (
            r.module is ref.module or (r.cls.name in ref.module.import_map and ctx.resolve(r.cls.name, ref.module) == r)
        )
        and _answers_no_children(r.cls, attr)
    ]
