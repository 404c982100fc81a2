from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from agentls.patterns.context import Ctx
from agentls.patterns.detector_registry import Detector, register
from agentls.patterns.detectors._basics import memo_class
from agentls.patterns.facts import FunctionFacts
from agentls.patterns.model import Detection
from agentls.patterns.workspace import ClassRef


@register
class IteratorPattern(Detector):
    """Gives sequential access to the elements of an aggregate without exposing how it stores
    them. In Python this is the iterator protocol: `__iter__` on the aggregate, `__next__` on
    the iterator (or a generator). It hides representation and lets several traversals run at
    once; hand-written iterators are easy to get subtly wrong (exhaustion, mutation during
    iteration).

    ## Roles
    - `iterator`: keeps the traversal position (`__next__`, `__iter__` returning `self`).
    - `aggregate`: a collection whose `__iter__` returns a separate iterator or yields.

    ## How it is detected
    - `__next__` together with `__iter__` returning `self`: an iterator. A `__next__` that
      itself yields (it makes a new generator on every call), or that only raises (a stand-in
      refusing reads), is not one.
    - The explicit form: a method without arguments returning the element of an own container
      at an own position and advancing that position, or answering something while moving an
      own cursor on from its current value (`self.current = self.current.right`), with
      another method reading the position (`next()` / `has_next()`), both public: an
      iterator, and an interface declaring those methods above it is the iterator interface.
      Private ones (`_peek()`, `_advance()`) are a parser's or scanner's own cursor.
    - Python 2's protocol: `__iter__` returning `self` and a `next()` that returns the element
      at an own position and moves it.
    - A subclass of such an iterator (one stepping through elements itself, not an interface
      declaring `__next__`) inheriting the traversal without an `__iter__` of its own: an
      iterator (0.75), as orderings over the list the base walks are.
    - `__iter__` returning a new instance of a class that has `__next__`: an aggregate with
      its own iterator (high confidence); `__iter__` as a generator over its own state: an
      aggregate (lower confidence); another method without arguments returning a new
      iterator (`reverse_iter()`): an aggregate (0.75), or `iter()` of an own collection
      (`create_iterator()` returning `iter(self.items)`, 0.7). An iterator class written
      inside the collection counts named through the object too (`return self.Cursor(...)`).
    - A base declaring the protocol empty or raising `NotImplementedError` above its
      implementation: `__next__` above an iterator is the iterator interface (0.75); a method
      a subclass implements by handing out a new iterator (`Collection.create_iterator`) makes
      the base an aggregate (0.7).
    """

    id = "iterator"
    category = "behavioural"
    roles: ClassVar[dict[str, str]] = {
        "iterator": "keeps the traversal position",
        "aggregate": "collection handing out iterators",
    }

    def detect(self, ctx: Ctx) -> Iterator[Detection]:
        for ref in ctx.classes():
            methods = ref.cls.methods
            it, nxt = methods.get("__iter__"), methods.get("__next__")
            declared = self._declared_above(ctx, ref)
            if declared is not None:
                role, d, name = declared
                yield ctx.det(
                    ref,
                    self.id,
                    role,
                    0.75 if role == "iterator" else 0.7,
                    [(methods[name].selection.line, f"declares `{name}`, which `{d.cls.name}` implements")],
                    [(d, role)],
                )
                continue
            # A `__next__` that yields makes a new generator on every call: not an iterator.
            # A `__next__` that only raises (a stand-in refusing reads) traverses nothing.
            if nxt is not None and not nxt.yields and nxt.returns and (it is None or "self" in it.returns):
                yield ctx.det(
                    ref, self.id, "iterator", 0.9, [(nxt.selection.line, "`__next__` advances the traversal")]
                )
                continue
            step = _step(ref)
            if step is not None and it is not None and "self" in it.returns:
                # Python 2's protocol: `__iter__` returning self and a `next()` that steps.
                yield ctx.det(
                    ref,
                    self.id,
                    "iterator",
                    0.8,
                    [(step.selection.line, f"`{step.name}` returns the current element and advances")],
                )
                continue
            stepper = _explicit_iterator(ref)
            if stepper is not None:
                nxt_m, has = stepper
                yield ctx.det(
                    ref,
                    self.id,
                    "iterator",
                    0.8,
                    [
                        (nxt_m.selection.line, f"`{nxt_m.name}` returns the current element and advances"),
                        (has.selection.line, f"`{has.name}` tells whether elements remain"),
                    ],
                )
                continue
            iface = self._iterator_interface(ctx, ref)
            if iface is not None:
                yield ctx.det(
                    ref,
                    self.id,
                    "iterator",
                    0.75,
                    [(ref.cls.methods[iface[1]].selection.line, f"declares `{iface[1]}` for `{iface[0].cls.name}`")],
                    [(iface[0], "iterator")],
                )
                continue
            base = next((a for a in ctx.ancestors(ref) if _traverses_kept(ctx, a)), None)
            if base is not None and it is None:
                # A subclass inheriting its traversal (only ordering the list its base walks).
                yield ctx.det(
                    ref,
                    self.id,
                    "iterator",
                    0.75,
                    [(ref.cls.selection.line, f"inherits its traversal from `{base.cls.name}`")],
                    [(base, "iterator")],
                )
                continue
            if it is None:
                # A collection handing out an iterator from another method (`reverse_iter()`).
                for m in methods.values():
                    if not m.is_public or m.params:
                        continue
                    made = [r for r in _made(ctx, ref, m) if r != ref and _is_iterator(r)]
                    own = [c for c in m.calls if c.func == "iter" and c.args[:1] and c.args[0].startswith("attr:self.")]
                    if own and "call:iter" in m.returns and not made:
                        # `create_iterator()` handing out `iter(self.items)`: the aggregate
                        # names its traversal without exposing the list.
                        yield ctx.det(
                            ref,
                            self.id,
                            "aggregate",
                            0.7,
                            [(m.selection.line, f"`{m.name}` hands out an iterator over `{own[0].args[0][5:]}`")],
                        )
                        break
                    if made:
                        yield ctx.det(
                            ref,
                            self.id,
                            "aggregate",
                            0.75,
                            [(m.selection.line, f"`{m.name}` returns a new `{made[0].cls.name}` over its elements")],
                            [(made[0], "iterator")],
                        )
                        break
                continue
            made = [r for r in _made(ctx, ref, it) if "__next__" in r.cls.methods]
            if made:
                yield ctx.det(
                    ref,
                    self.id,
                    "aggregate",
                    0.85,
                    [(it.selection.line, f"`__iter__` returns a new `{made[0].cls.name}`")],
                    [(made[0], "iterator")],
                )
            elif it.yields and it.self_reads:
                yield ctx.det(ref, self.id, "aggregate", 0.6, [(it.selection.line, "`__iter__` yields its elements")])

    def _declared_above(self, ctx: Ctx, ref: ClassRef) -> tuple[str, ClassRef, str] | None:
        """(role, implementation, method) for a base declaring, empty or raising
        `NotImplementedError`, the protocol its subclasses implement: `__next__` above an
        iterator, or a method its subclass implements by handing out a new iterator
        (`create_iterator()` above `MyCollection`)."""
        stubs = [n for n, m in ref.cls.methods.items() if m.is_stub and (n == "__next__" or not n.startswith("_"))]
        if not stubs:
            return None
        for d in ctx.descendants(ref):
            dn = d.cls.methods.get("__next__")
            if "__next__" in stubs and dn is not None and not dn.is_stub and not dn.yields:
                return "iterator", d, "__next__"
            for n in stubs:
                dm = d.cls.methods.get(n)
                if n != "__next__" and dm is not None and not dm.params:
                    made = [r for r in ctx.returned_classes(dm, d.module) if r != d and _is_iterator(r)]
                    if made:
                        return "aggregate", d, n
        return None

    def _iterator_interface(self, ctx: Ctx, ref: ClassRef) -> tuple[ClassRef, str] | None:
        """An interface whose implementation steps through elements explicitly."""
        if not ref.cls.is_interface:
            return None
        for d in ctx.descendants(ref):
            found = _explicit_iterator(d)
            if found and any(f.name in ref.cls.methods for f in found):
                name = next(f.name for f in found if f.name in ref.cls.methods)
                return d, name
        return None


def _made(ctx: Ctx, ref: ClassRef, fn: FunctionFacts) -> list[ClassRef]:
    """The classes ``fn`` answers a new object of, a class nested in ``ref`` named through the
    object too (`return self.ListIterator(self.head)`, the iterator written inside its list)."""
    out = ctx.returned_classes(fn, ref.module)
    for value in fn.returns:
        head, _, name = value.partition(".")
        if head in ("call:self", "call:cls") and name.isidentifier():
            nested = ctx.ws.resolve(ref.module, f"{ref.cls.name}.{name}")
            if nested is not None and nested not in out:
                out.append(nested)
    return out


def _step(ref: ClassRef) -> FunctionFacts | None:
    """A method without arguments returning the element of an own container at an own
    position and moving that position."""
    for m in ref.cls.methods.values():
        if m.params or m.name.startswith("__") or not m.returns:
            continue
        for container, key in m.subscripts:
            if container.startswith("self.") and key.startswith("attr:self.") and key[10:] in m.self_writes:
                return m
    return None


def _traverses_kept(ctx: Ctx, ref: ClassRef) -> bool:
    """``_traverses``, kept per class: every subclass asks it of each of its ancestors (40,000
    times for 3,800 classes over Django + SQLAlchemy, each walking the ancestor's methods)."""
    return memo_class(ctx, "iterator traverses", ref, lambda: _traverses(ref))


def _traverses(ref: ClassRef) -> bool:
    """Steps through elements itself: a `__next__` with a body, or the explicit form."""
    nxt = ref.cls.methods.get("__next__")
    if nxt is not None:
        return not nxt.is_stub and not nxt.yields and bool(nxt.returns)
    return _explicit_iterator(ref) is not None


def _is_iterator(ref: ClassRef) -> bool:
    it = ref.cls.methods.get("__iter__")
    if "__next__" in ref.cls.methods:
        return True
    return _explicit_iterator(ref) is not None or (_step(ref) is not None and it is not None and "self" in it.returns)


def _explicit_iterator(ref: ClassRef) -> tuple[FunctionFacts, FunctionFacts] | None:
    """(next, has_next): a method without arguments returning the element of an own container at
    an own position and advancing that position, and another reading the position (the
    explicit, Java-style iterator)."""
    # Both public: a class stepping through its own tokens with private helpers (`_peek()`,
    # `_advance()`) is a parser or scanner keeping a cursor for itself, offering no traversal.
    methods = {n: m for n, m in ref.cls.methods.items() if not n.startswith("_")}
    for m in methods.values():
        if m.params or not m.returns:
            continue
        for container, key in m.subscripts:
            if not (container.startswith("self.") and key.startswith("attr:self.")):
                continue
            pos = key[10:]
            if pos not in m.self_writes:
                continue
            for other in methods.values():
                if (
                    other is not m
                    and not other.params
                    and pos in other.self_reads
                    and other.returns
                    and not other.self_writes
                ):
                    return m, other
    return _cursor(methods)


def _cursor(methods: dict[str, FunctionFacts]) -> tuple[FunctionFacts, FunctionFacts] | None:
    """(next, has_next) over a cursor rather than an index: a method without arguments that
    answers something and moves an own cursor on from its current value (`self.current =
    self.current.right`), and another reading the cursor without moving it (an in-order
    tree walk's `has_next()`)."""
    for m in methods.values():
        if m.params or not m.returns or set(m.returns) <= {"none", "self"}:
            continue
        moved = {a for a, vs in m.self_writes.items() if any(v.startswith(f"attr:self.{a}.") for v in vs)}
        if not moved:
            continue  # no cursor moved: no other method to pair it with (asked of every ancestor)
        for other in methods.values():
            if (
                other is not m
                and not other.params
                and other.returns
                and not other.self_writes
                and moved & other.self_reads
            ):
                return m, other
    return None
