from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from agentls.patterns.context import Ctx
from agentls.patterns.detector_registry import Detector, register
from agentls.patterns.detectors._composite_checks import (
    asks_other_kind,
    calls_child,
    foreign_interface,
    handed_other_kind,
    keeps_children,
    own_kind,
    replaces_items,
    runs_other_kind,
    tells_own_kind,
    visited,
    walk,
)
from agentls.patterns.detectors._composite_checks import (
    calls_back as calls_back,  # re-exported: the chain runners ask it
)
from agentls.patterns.detectors._composite_leaves import added_leaves, duck_leaves
from agentls.patterns.detectors._composite_nodes import at as _at
from agentls.patterns.detectors._composite_nodes import leaf_or_node as _leaf_or_node
from agentls.patterns.detectors._composite_nodes import role as _role
from agentls.patterns.detectors._shared import is_repository
from agentls.patterns.detectors.specification import combines_rules
from agentls.patterns.model import Detection
from agentls.patterns.workspace import ClassRef


@register
class Composite(Detector):
    """Composes objects into trees and lets clients treat a single object and a group the same
    way: a composite implements the component interface by forwarding each operation to its
    children. Recursive structures get uniform code; the cost is a general interface in which
    leaves may have to reject child-management operations.

    ## Roles
    - `composite`: holds children and forwards operations to each.
    - `component`: the interface leaves and composites share.
    - `leaf`: a component without children.

    ## How it is detected
    A class that keeps a collection of children, adds objects it receives to it, and
    implements a method by calling the *same* method on each child (in a loop, by index too:
    `self.commands[i].execute()`, or a comprehension); the collection may be a field declared as a list (a dataclass's
    `children: list[Node] = field(default_factory=list)`, a pydantic `PrivateAttr`), or kept
    and filled by a group base the class derives (`Tray.add` filling `self.items`, each kind of
    tray rendering every item; the group base is reported as a composite too); children
    kept in a dict under their own name (`self.children[item.name] = item`, walked through
    `.values()`), handed to its constructor and walked (`Group(*
    members)` keeping `list(members)`), or made by the class itself of its own kind (itself
    or a class sharing a base with it: `Directory(path)` / `File(path)` for each entry)
    count too, and so does a walk in a name-mangled helper (`__print`, recursing into each
    child's `__print` for `__str__`), or a `__str__` joining `str(child)` over children a
    method of the class adds (not operands only its constructor took: an expression printing
    its parts). A class with no base running the implementations of an
    interface that declares the method abstract, within its reach (its module, one importing
    or imported by it, its script folder or its top-level package: a chain's runner; a script
    of another folder says nothing), is not one, nor one with no base whose
    children are declared of a class it is not (`register(self, plugin: Plugin)`: a plug-in
    manager calling `setup` on each cannot stand in for a plug-in), nor one, with a base or
    not, whose children are declared (by the adding parameter or the list's annotation) of a
    class neither it nor a base of it is (a page rendering its items; a sibling under a base of
    its own declaring the adding method too, `Node.add`, is of its kind), or, the container
    handed to its constructor, of classes named neither as it nor as a base of it (`tables:
    dict[str, Table]`, `Table` imported only for type checking), nor one whose walks ask
    an item a public method it lacks (a locator's analyzers `is_valid(name)`), nor one handing an object to
    items that all call it back with themselves (`guide.at_vase(self)`: a Visitor's object
    structure), nor one whose walk recurses only into items of its own class (`if
    isinstance(n, Tree)`: a parse tree printing its tokens otherwise, groups and the rest told
    apart), nor one storing each item's answer back in its place (`self.data[i] =
    self.data[i].replace(old, new)`: values transformed, a list of strings), nor a
    specification combining the rules of its base (reported as Specification). Its base class, when it has
    one, is the component and the base's other
    implementations (without children of their own, nor inherited from a group base they
    share with it: `OrTrigger` beside `AndTrigger`) are leaves; one whose method calls the
    same method on a child it holds (a block generating its body, a function node resolving its
    argument), or on each item of a list it holds other than the one the composite walks (a
    function call node over its arguments, `[a.replace_table(t) for a in self.args]`), is an
    inner node, reported as a composite (not for a walk it inherits over what a method
    answering an empty list answers: a token keeping its base's walk over `recurse()`; nor
    for an object it holds and asks a public method the node lacks: a sprite's path, asked
    `next_pos()`, is a part, not a child); so is one keeping, in attributes its own methods
    write, the children its subclasses forward to (`Binary` keeping the `left` and `right`
    its `Add` evaluates: their group base, not a leaf); a node of one composite's walk that
    another's reads as a leaf is reported as a node only. The program is read once, so
    the component and the leaves, in whatever module, are reported too. With no base, the
    class is the component too and its subclasses that never touch the children, neither
    themselves nor through a class between (`AND` under a `Function` node keeping `args` is
    a node), are the leaves; with none either (a duck-typed tree), the leaves are the
    classes of its module, or imported into it by name, that implement the same method and
    answer an empty `children` (`return ()`, or an `__iter__` over nothing: `File` beside
    `Folder`), or else the classes whose objects the program adds to it
    (`menu.add(Dish("tea"))`) implementing the method and keeping no children. Calling a
    different method on each item (`notify` calling `update`) is Observer, not Composite.

    Also: a composite that is itself the list of its children (`class Macro(Command, list)`
    looping `for cmd in self`; the component is the top of the hierarchy declaring the
    method); the root of a small hierarchy recursing over a public children list its clients
    fill, whose subclasses are the leaves (not a list the class fills itself with what it
    builds: a cron field compiling its expressions holds parts, and its subclasses are no
    leaves); and a node holding two or more children it was
    given (`self.left`, `self.right`) whose method combines the same method of each (an
    expression tree under a common base, the nearest offering that method: a mixin written
    first is not it; the base's direct implementations without children are the leaves; a
    specification's combinators built by the base itself are not).
    """

    id = "composite"
    category = "structural"
    roles: ClassVar[dict[str, str]] = {
        "composite": "forwards to its children",
        "component": "shared interface",
        "leaf": "no children",
    }

    def detect(self, ctx: Ctx) -> Iterator[Detection]:
        key = ("composite", "all")
        found: dict[str, list[Detection]] | None = ctx._cache.get(key)
        if found is None:
            found = {}
            for ref in ctx.ws.all_classes():
                for who, d in self._detect(Ctx(ref.module, ctx.ws, ctx.settings), ref):
                    if all((d.role, d.symbol) != (x.role, x.symbol) for x in found.get(who.key, [])):
                        found.setdefault(who.key, []).append(d)
            # A node of one walk (`_checkRecursion` forwarded to its child) that another walk
            # reads as a leaf (its `leave_whitespace` stops there) is a node of the tree.
            for k, ds in found.items():
                if any(d.role == "composite" for d in ds):
                    found[k] = [d for d in ds if d.role != "leaf"]
            ctx._cache[key] = found
        for ref in ctx.classes():
            yield from found.get(ref.key, [])

    def _detect(self, ctx: Ctx, ref: ClassRef) -> Iterator[tuple[ClassRef, Detection]]:
        if ref.module is ctx.index:
            if not any(lp.target for m in ref.cls.methods.values() for lp in m.loops):
                yield from self._binary(ctx, ref)  # no walk over children: what follows finds none
                return
            methods = ctx.all_methods(ref)
            # a group base may keep the children its subclasses walk (`Tray.add` filling
            # `self.items`, `ListTray.html` rendering each)
            containers = {c.attr for x in (ref, *ctx.ancestors(ref)) for c in ctx.collabs(x).values() if c.container}
            adds = {
                op.container.removeprefix("self.")
                for m in methods.values()
                for op in m.container_ops
                if (op.op in ("append", "add", "extend", "insert") and op.arg.startswith("param:"))
                # keyed by the child's own name (`self.children[item.name] = item`); a store
                # keyed by its entities' ids is a repository
                or (
                    op.op == "setitem"
                    and op.arg.startswith("param:")
                    and op.key.startswith(f"attr:{op.arg[6:]}.")
                    and not is_repository(ctx, ref)
                )
                # children it makes itself, of its own kind (`Directory(path)` / `File(path)`
                # for each entry of a directory)
                or (
                    op.op in ("append", "add", "insert")
                    and op.arg.startswith("call:")
                    and own_kind(ctx, ref, op.arg[5:])
                )
            }
            init = methods.get("__init__")
            if init is not None:
                given = {
                    a
                    for a, vs in init.self_writes.items()
                    if any(v.startswith("param:") or v.startswith(("call:list", "call:tuple")) for v in vs)
                }
                adds |= given
                # the members it is handed (`Group(*members)` keeping `list(members)`), when
                # some method walks them
                walked = {lp.iter.removeprefix("self.") for m in methods.values() for lp in m.loops} | {
                    walk(m, lp)[0] for m in methods.values() for lp in m.loops if lp.iter == "range()"
                }
                containers |= given & walked
            # A composite that is itself the list of its children (`class Macro(Command,
            # list)`): `append` is its own public API.
            if any(b.rpartition(".")[2] in _LISTS for b in ref.cls.bases) or any(
                b.rpartition(".")[2] in _LISTS for a in ctx.ancestors(ref) for b in a.cls.bases
            ):
                containers.add("self")
                adds.add("self")
            # Children the clients add to a public list the class starts empty
            # (`drawing.children.append(circle)`): the recursion below still has to prove it.
            # Only for the root of its own small hierarchy, whose subclasses are the leaves, and
            # only for a list the class never fills itself: one it fills with what it builds
            # (a cron field compiling its expressions) holds its own parts, not its clients'.
            filled = {op.container.removeprefix("self.") for m in methods.values() for op in m.container_ops}
            opened = (
                set()
                if ctx.ancestors(ref)
                else {a for a in containers if not a.startswith("_") and a not in adds and a not in filled}
            )
            added_later = {
                op.container.removeprefix("self.")
                for f in methods.values()
                if f.name != "__init__"
                for op in f.container_ops
                if op.op in ("append", "add", "extend", "insert") and op.arg.startswith("param:")
            }
            for m in ref.cls.methods.values():
                # Dunders are plumbing; a name-mangled helper (`__print`) is a walk like any other.
                if m.name.startswith("__") and m.name.endswith("__") and m.name not in ("__call__", "__str__"):
                    continue
                for loop in m.loops:
                    # children kept in a dict by name are walked through `.values()`; a list
                    # walked by index (`self.commands[i].execute()`) too
                    attr, child = walk(m, loop)
                    if attr not in containers or (attr not in adds and attr not in opened) or not child:
                        continue
                    if (
                        calls_child(m, child, attr in added_later)
                        and not tells_own_kind(ctx, ref, m, child)
                        and not replaces_items(m, attr, child)
                    ):
                        # The component is the top of the hierarchy declaring the method (a
                        # macro command's base may itself be a composite).
                        declaring = [b for b in ctx.ancestors(ref) if m.name in b.cls.methods]
                        bases = declaring[-1:] or [b for b in ctx.ancestors(ref) if b.cls.name not in _LISTS][:1]
                        mine = {ref.key, *(a.key for a in ctx.ancestors(ref)), *(d.key for d in ctx.descendants(ref))}
                        leaves = [
                            d
                            for b in bases[:1]
                            for d in ctx.concrete(b)
                            # a sibling inheriting the children list from a shared group base
                            # (`OrTrigger` beside `AndTrigger`) is another composite, no leaf
                            if d.key not in mine and not any(ctx.collabs(x).get(attr) for x in (d, *ctx.ancestors(d)))
                        ]
                        if not bases:
                            # The group class is the component too: its subclasses that never
                            # touch the children are the leaves (`Circle(GraphicObject)`).
                            below = ctx.descendants(ref)
                            leaves = [d for d in below if d.cls.methods and not keeps_children(ctx, ref, d, attr)]
                        # A duck-typed tree with no base: a sibling implementing the method and
                        # answering an empty `children` is the leaf (`File` beside `Folder`).
                        duck = duck_leaves(ctx, ref, m.name, attr) if not bases and not leaves else []
                        leaves = leaves or duck
                        if attr in opened and not leaves:
                            continue  # a class looping over parts it made itself (a row's columns)
                        if attr == "self" and not bases:
                            continue  # a plain collection answering for its items (a result set)
                        if not bases and not duck and foreign_interface(ctx, ref, m.name):
                            continue  # runs the implementations of an interface it is not (a chain)
                        lineage = {x.cls.name for x in (ref, *ctx.ancestors(ref))}
                        if (
                            runs_other_kind(ctx, ref, attr)
                            or asks_other_kind(ctx, ref, attr)
                            or handed_other_kind(ref, lineage, attr)
                        ):
                            continue  # runs objects of a class it is not (a manager, a page)
                        if not bases and visited(ctx, ref, m.name):
                            continue  # hands a visitor to elements calling it back: an object structure
                        if not bases and not leaves:
                            # ... or the classes whose objects the program adds to it (`menu.add(Item())`)
                            leaves = added_leaves(ctx, ref, m.name, attr)
                        if bases and combines_rules(ctx, ref):
                            continue  # a specification combining rules (`AnyOf`): reported as that
                        parts = [
                            (ref, "composite"),
                            *((b, "component") for b in bases[:1]),
                            *((lf, _role(ctx, lf, m.name, attr)) for lf in leaves),
                        ]
                        for b in bases[:1]:
                            yield (
                                b,
                                _at(
                                    ctx,
                                    b,
                                    self.id,
                                    "component",
                                    0.85,
                                    f"the interface `{ref.cls.name}` and its leaves share",
                                    parts,
                                ),
                            )
                        for lf in leaves:
                            kind = (bases or [ref])[0].cls.name
                            yield (lf, _leaf_or_node(ctx, lf, m.name, kind, 0.8, parts, attr))
                        # The group base keeping the children its subclasses walk is a
                        # composite too (`Tray` adding the items `ListTray` renders).
                        keeper = next(
                            (x for x in ctx.ancestors(ref) if (c := ctx.collabs(x).get(attr)) and c.container), None
                        )
                        if keeper is not None and attr not in ctx.collabs(ref) and keeper not in bases[:1]:
                            why = f"keeps the children in `self.{attr}` that `{ref.cls.name}` walks"
                            yield (keeper, _at(ctx, keeper, self.id, "composite", 0.75, why, parts))
                        yield (
                            ref,
                            ctx.det(
                                ref,
                                self.id,
                                "composite",
                                (0.9 if bases else 0.75) - (0.05 if attr in opened else 0.0),
                                [
                                    (
                                        m.selection.line,
                                        f"`{m.name}` calls `{m.name}` on every child in `{_where(attr)}`",
                                    ),
                                ],
                                [
                                    *((b, "component") for b in bases[:1]),
                                    *((lf, _role(ctx, lf, m.name, attr)) for lf in leaves),
                                ],
                            ),
                        )
                        break
                else:
                    continue
                break
            else:
                yield from self._binary(ctx, ref)

    def _binary(self, ctx: Ctx, ref: ClassRef) -> Iterator[tuple[ClassRef, Detection]]:
        """A node holding two or more children it was given (`self.left`, `self.right`) and
        implementing its base's method by calling the same method on each (an expression
        tree): composite; the base is the component, its implementations without such
        children are the leaves."""
        bases = [b for b in ctx.ancestors(ref) if b.cls.methods]
        init = ref.cls.methods.get("__init__")
        if not bases or init is None:
            return
        given = {a for a, vs in init.self_writes.items() if any(v.startswith("param:") for v in vs)}
        for m in ref.cls.methods.values():
            # The component is the nearest base offering the method (ancestors come in Python's
            # lookup order): a mixin written first (`Window(SQLiteNumericMixin, Expression)`)
            # adds to the node, it is not what the node stands for.
            base = next((b for b in bases if m.name in ctx.all_methods(b)), None)
            if m.name.startswith("_") or base is None:
                continue
            kids = {c.receiver[5:] for c in m.calls if c.method == m.name and c.receiver[5:] in given}
            if len(kids) < 2:
                continue
            if any(
                ref.cls.name in {v[5:] for v in f.returns} or any(c.func == ref.cls.name for c in f.calls)
                for f in base.cls.methods.values()
            ):
                return  # the base builds this node from itself (`__and__` -> `And(self, other)`): a specification
            # Leaves: the base's own implementations without such children (not every class
            # deeper in a large hierarchy).
            leaves = [
                d
                for d in ctx.ws.subclasses(base)
                if d != ref
                and not d.cls.is_interface
                and not (set(ctx.collabs(d)) & kids)
                and d not in ctx.descendants(ref)
            ]
            if not leaves:
                return
            if len(leaves) > 6:
                leaves = []  # a framework's wide hierarchy (template nodes): not all leaves of this tree
            parts = [(ref, "composite"), (base, "component"), *((lf, _role(ctx, lf, m.name)) for lf in leaves)]
            why = f"`{m.name}` combines `{m.name}` of its children " + ", ".join(f"`self.{k}`" for k in sorted(kids))
            yield (ref, ctx.det(ref, self.id, "composite", 0.75, [(m.selection.line, why)], parts[1:]))
            yield (
                base,
                _at(ctx, base, self.id, "component", 0.75, f"what `{ref.cls.name}` and its leaves share", parts),
            )
            for lf in leaves:
                yield (lf, _leaf_or_node(ctx, lf, m.name, base.cls.name, 0.7, parts))
            return


_LISTS = frozenset({"list", "set", "deque", "UserList"})


def _where(attr: str) -> str:
    return "itself" if attr == "self" else f"self.{attr}"
