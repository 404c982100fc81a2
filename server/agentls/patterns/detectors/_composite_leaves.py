"""Duck-typed leaves of a composite with no base class (`File` beside `Folder`)."""

from __future__ import annotations

from agentls.patterns.context import Ctx
from agentls.patterns.detectors._basics import script_folder
from agentls.patterns.facts import ClassFacts, ModuleIndex
from agentls.patterns.workspace import ClassRef

# What an empty literal renders as among a method's returns (`return ()`, `return []`); a
# trivial body tells the empty literal from a filled one.
EMPTY = frozenset({"tuple", "list", "set", "dict"})


def _answers_no_children(cls: ClassFacts, attr: str) -> bool:
    """``cls`` answers an empty children collection: a `children` (the composite's list name)
    method or property returning an empty literal, or an `__iter__` over an empty literal
    (`return iter(())`)."""
    own = cls.methods.get(attr.lstrip("_"))
    if own is not None and own.body_kind == "trivial" and own.returns and set(own.returns) <= EMPTY:
        return True
    it = cls.methods.get("__iter__")
    return (
        it is not None
        and it.statements == 1
        and it.returns == ["call:iter"]
        and any(c.func == "iter" and c.args and c.args[0] in EMPTY for c in it.calls)
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


def added_leaves(ctx: Ctx, ref: ClassRef, method: str, attr: str) -> list[ClassRef]:
    """The classes whose objects the program hands to ``ref``'s adding method
    (`menu.add(Item("tea"))`, or a local made so: `leaf = Item("tea"); menu.add(leaf)`), in
    ``ref``'s module or one importing it, that implement ``method`` too and keep no children
    of their own: the leaves of a duck-typed tree, told by what is put into it."""
    adders = {
        m.name
        for m in ref.cls.methods.values()
        if any(
            op.container == f"self.{attr}" and op.op in ("append", "add", "insert") and op.arg.startswith("param:")
            for op in m.container_ops
        )
    }
    if not adders:
        return []
    kin = {ref.key, *(a.key for a in ctx.ancestors(ref)), *(d.key for d in ctx.descendants(ref))}
    out: list[ClassRef] = []
    # A script of the composite's own script folder (`main.py` beside `composite.py`) may
    # import it by a bare name that is not the module's dotted one (`composite`, while the
    # module is `Lessons/09 Composite.composite`): the receiver's resolution below decides.
    folder = script_folder(ctx, ref.module.module)
    for mod in ctx.ws.modules():
        beside = folder is not None and mod.module.rpartition(".")[0] == folder
        if mod is not ref.module and not beside and not _imports(mod, ref.module.module):
            continue
        for fn in mod.units():
            for c in fn.calls:
                if c.method not in adders or not c.args or ctx.resolve(fn.call_locals.get(c.receiver, ""), mod) != ref:
                    continue
                arg = c.args[0]
                made = (
                    arg[5:]
                    if arg.startswith("call:")
                    else fn.call_locals.get(arg[5:], "")
                    if arg.startswith("name:")
                    else ""
                )
                r = ctx.resolve(made, mod) if made else None
                if (
                    r is not None
                    and r.key not in kin
                    and r not in out
                    and not r.cls.is_interface
                    and method in ctx.all_methods(r)
                    and not any(c2.container for c2 in ctx.collabs(r).values())
                ):
                    out.append(r)
    return out


def _imports(mod: ModuleIndex, name: str) -> bool:
    """``mod`` imports the module ``name`` or a name from it (`import menus`, or `from menus
    import Menu, Item`, whose names map to `menus.Menu`, `menus.Item`)."""
    return any(v == name or v.startswith(f"{name}.") for v in mod.import_map.values())
