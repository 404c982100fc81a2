"""What a composite's candidate may not be, read from the program around it: a runner of an
interface within its reach (a chain's), a manager of objects declared of another kind, a
Visitor's object structure (see ``composite``)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from agentls.patterns.context import Ctx
from agentls.patterns.detectors._basics import near, script_folder
from agentls.patterns.facts import FunctionFacts, Loop
from agentls.patterns.generated_init import annotated_container
from agentls.patterns.workspace import ClassRef


def foreign_interface(ctx: Ctx, ref: ClassRef, method: str) -> bool:
    """``method`` is declared abstract by an interface with two or more implementations that
    ``ref`` is not one of: ``ref`` runs those objects (a chain's runner), it is not one of them.
    Only an interface ``ref`` can reach counts (``_reaches``): in a collection of unrelated
    scripts another file's `operation` says nothing."""
    for r in ctx.by_method(public=False).get(method, []):
        if r != ref and method in r.cls.abstract_methods and len(ctx.concrete(r)) >= 2 and _reaches(ctx, ref, r):
            return True
    return False


def _reaches(ctx: Ctx, ref: ClassRef, other: ClassRef) -> bool:
    """``other`` is in ``ref``'s module, one importing or imported by it, its script folder,
    or, both in packages, the same top-level package (a plug-in manager need not import the
    plug-in interface its plug-ins derive). Only scripts of other folders are out of reach."""
    if near(ref, other, ctx):
        return True
    a, b = ref.module.module, other.module.module
    packaged = script_folder(ctx, a) is None and script_folder(ctx, b) is None and "." in a and "." in b
    return packaged and a.partition(".")[0] == b.partition(".")[0]


def runs_other_kind(ctx: Ctx, ref: ClassRef, attr: str) -> bool:
    """The children added to ``self.<attr>`` are declared to be of a class of the program
    (`register(self, plugin: Plugin)` appending `plugin`, or the list itself declared
    `items: list[Item]`, in ``ref`` or the base keeping it) that neither ``ref`` nor a base of
    it is: it runs objects of another kind (a plug-in manager, a page rendering its items), it
    cannot stand in for them."""
    lineage = [ref, *ctx.ancestors(ref)]
    declared: list[ClassRef] = []
    adders: set[str] = set()
    for x in lineage:
        c = ctx.collabs(x).get(attr)
        if c is not None and c.container:
            declared.extend(c.types)
    for x in lineage:
        for m in x.cls.methods.values():
            for op in m.container_ops:
                if op.container == f"self.{attr}" and op.arg.startswith("param:"):
                    p = m.param(op.arg[6:])
                    refs = ctx.annotation_refs(p.annotation, x.module) if p is not None and p.annotation else []
                    if not refs:
                        return False  # an untyped child: nothing says what kind it is
                    declared.extend(refs)
                    adders.add(m.name)
    # A sibling under a base of its own that declares the adding method too (`add(self,
    # child: Leaf)` in a `Branch`, both `Node`s, which answers `add` by default) is of its
    # kind: the component's child management, over a group of leaves.
    bases = {b for b in lineage[1:] if adders & set(b.cls.methods)}
    return bool(declared) and not any(x in lineage or bases & set(ctx.ancestors(x)) for x in declared)


def asks_other_kind(ctx: Ctx, ref: ClassRef, attr: str) -> bool:
    """A walk over ``self.<attr>`` asks its items a public method ``ref`` does not have (a
    plug-in locator asking each of its file analyzers `isValidPlugin(name)`): the items are of
    another kind, which a composite, one with its children, is not."""
    own = ctx.all_methods(ref)
    for m in own.values():
        for lp in m.loops:
            if not lp.target or lp.iter != f"self.{attr}":
                continue
            for c in m.calls:
                if c.receiver == lp.target and not c.method.startswith("_") and c.method not in own:
                    return True
    return False


def own_kind(ctx: Ctx, ref: ClassRef, name: str) -> bool:
    """``name`` makes ``ref`` itself or a class sharing a base of the program with it."""
    made = ctx.resolve(name, ref.module)
    if made is None:
        return False
    return made == ref or bool(set(ctx.ancestors(made)) & set(ctx.ancestors(ref)))


def calls_back(impls: Sequence[ClassRef], method: str) -> bool:
    """Every one of ``impls`` answers ``method`` by calling back the object it is handed with
    itself (`visitor.visit_file(self)`): a Visitor's elements, and whoever hands them the
    visitor its object structure (not a composite of them, nor a chain's runner)."""
    for r in impls:
        m = r.cls.methods.get(method)
        given = set(m.param_names) if m is not None else set()
        if m is None or not any(c.receiver in given and "self" in c.args for c in m.calls):
            return False
    return True


def visited(ctx: Ctx, ref: ClassRef, method: str) -> bool:
    """Every other class answering ``method`` (that ``ref`` can reach, as for
    ``foreign_interface``) calls back what it is handed (``calls_back``)."""
    others = [
        r
        for r in ctx.by_method(public=True).get(method, [])
        if r != ref and not r.cls.is_interface and _reaches(ctx, ref, r)
    ]
    return bool(others) and calls_back(others, method)


def walk(m: FunctionFacts, loop: Loop) -> tuple[str, str]:
    """(the attribute ``loop`` walks, how a call on the child is written): `for c in
    self.children` gives ("children", "c"); an index loop over the one list of the class it
    subscripts (`for i in range(len(self.commands)): self.commands[i].execute()`, the Java
    port's walk) gives ("commands", "self.commands[]")."""
    if loop.iter == "range()" and loop.target:
        held = {c for c, k in m.subscripts if k == f"name:{loop.target}" and c.startswith("self.")}
        if len(held) == 1:
            attr = held.pop()
            return attr[5:], f"{attr}[]"
    # a local naming the attribute (`items = self._items; for item in items:`) walks it too
    named = m.getter_locals.get(loop.iter, "")
    it = named if named.startswith("self.") else loop.iter
    return (it if it == "self" else it.removeprefix("self.").removesuffix(".values()")), loop.target


_BUILTIN_DUNDERS = {"__str__": "str", "__repr__": "repr"}


def calls_child(m: FunctionFacts, child: str, added: bool) -> bool:
    """``m`` calls its own method on the child ``child`` names: `child.render()` in `render`, or
    the builtin that runs the dunder, `str(menu)` in `__str__` (joining each child's text),
    when the children are ``added`` by a method of the class after it is built (`menu.add(item)`):
    an expression node joining the text of the operands its constructor took only prints them."""
    builtin = _BUILTIN_DUNDERS.get(m.name) if added else None
    return any(
        c.func == f"{child}.{m.name}" or (builtin and c.func == builtin and c.args == (f"name:{child}",))
        for c in m.calls
    )


def keeps_children(ctx: Ctx, group: ClassRef, d: ClassRef, attr: str) -> bool:
    """``d``, a subclass of the group class ``group``, touches the children list
    ``self.<attr>``, itself or through a class between it and ``group`` (`AND` under a
    `Function` node keeping `args`): a node of the tree, not a leaf."""
    below = {x.key for x in ctx.descendants(group)}
    return any(
        attr in f.self_reads or attr in f.self_writes
        for x in (d, *ctx.ancestors(d))
        if x.key in below
        for f in x.cls.methods.values()
    )


def tells_own_kind(ctx: Ctx, ref: ClassRef, m: FunctionFacts, child: str) -> bool:
    """``m`` asks whether ``child`` is of ``ref``'s own class (`isinstance(n, Tree)`) before
    calling it: it treats its groups and the rest apart, the opposite of a composite (a parse
    tree recursing into subtrees and printing its tokens)."""
    return any(
        c.func == "isinstance"
        and len(c.args) == 2
        and c.args[0] == f"name:{child}"
        and c.args[1].startswith("name:")
        and ctx.resolve(c.args[1][5:], ref.module) == ref
        for c in m.calls
    )


def replaces_items(m: FunctionFacts, attr: str, child: str) -> bool:
    """``m`` stores what each item of ``self.<attr>`` answers back in its place
    (`self.data[i] = self.data[i].replace(old, new)`): the items are values it transforms (a
    list of strings), not children it forwards to."""
    return any(
        op.container == f"self.{attr}" and op.op == "setitem" and op.arg == f"call:{child}.{m.name}"
        for op in m.container_ops
    )


# Names in a container annotation that say nothing about the kind of its items.
_TYPING_WORDS = frozenset({"Any", "Optional", "Union", "None", "List", "Dict", "Sequence", "Iterable", "Mapping"})


def handed_other_kind(ref: ClassRef, lineage_names: set[str], attr: str) -> bool:
    """``ref``'s constructor keeps in ``self.<attr>`` a container it is handed, declared of
    classes named neither as ``ref`` nor as a base of it (`tables: dict[str, Table]`), by name:
    an import made only for type checking resolves to nothing, the name still tells the kind."""
    init = ref.cls.methods.get("__init__")
    if init is None:
        return False
    for v in init.self_writes.get(attr, []):
        p = init.param(v[6:]) if v.startswith("param:") else None
        ann = p.annotation if p is not None else None
        if not ann or not annotated_container(ann):
            continue
        names = {w.rpartition(".")[2] for w in re.findall(r"[A-Za-z_][\w.]*", ann.partition("[")[2])}
        kinds = {n for n in names if n[:1].isupper() and n not in _TYPING_WORDS}
        if kinds and not kinds & lineage_names:
            return True
    return False
