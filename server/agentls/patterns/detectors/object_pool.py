from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from agentls.patterns.context import Ctx, Ev
from agentls.patterns.detector_registry import Detector, register
from agentls.patterns.detectors._basics import memo
from agentls.patterns.detectors._shared import is_exception
from agentls.patterns.facts import FunctionFacts
from agentls.patterns.model import Detection
from agentls.patterns.workspace import ClassRef

_TAKE = frozenset({"get", "get_nowait", "pop", "popleft", "acquire"})
_GIVE = frozenset({"put", "put_nowait", "append", "appendleft", "add", "release"})


def _fills(m: FunctionFacts, take: FunctionFacts, attr: str) -> bool:
    """Where what the method creates goes to the pool: the take method itself (creating one
    when the pool is empty), a method putting what it made into the pooled container
    (`self.free.append(Conn())`, `c = Conn(); self.free.append(c)`), or one filling the
    container with a comprehension (`self.free = [Conn() for _ in range(n)]`). What a class
    creates elsewhere (the errors it raises, the collaborators its constructor builds) is
    not what it pools."""
    if m is take:
        return True
    kept = f"self.{attr}"
    made = {f"name:{local}" for local in m.call_locals} | {f"call:{c.func}" for c in m.calls}
    if any(op.container == kept and op.arg in made for op in m.container_ops):
        return True
    return attr in m.self_writes and bool(m.loops)


@register
class ObjectPool(Detector):
    """Keeps expensive objects (connections, buffers, workers) for reuse: clients acquire one,
    use it and release it back instead of creating and destroying it. It bounds creation cost
    and resource use, but clients must release reliably and reused objects must be reset.

    ## Roles
    - `pool`: hands objects out and takes them back.
    - `reusable`: the class of the pooled objects, when known.

    ## How it is detected
    A class with a container attribute where one public method takes an object out of it
    (`pop`, `popleft`, `get`) and returns it, another public method puts a received object
    back (`append`, `add`, `put`), and the pool itself creates the objects (instantiating a
    class, or calling a factory it was given, when empty or up front in `__init__`).
    Taking out may also be picking an element and removing it (`r = self.free[0];
    self.free.remove(r); return r`). A plain stack or queue, which never creates what it
    stores, is not a pool. What it creates must go to the pool: made in the method handing
    out (when empty), put into the pooled container, or filling it in a comprehension; the
    errors it raises and the collaborators its constructor builds are not pooled. The class it
    creates is the `reusable`, in the pool's module or in
    another (one class per file, in a folder of scripts).
    A scoped checkout is one too: a context manager that, entering, takes an item out of a pool
    it was given (`self.item = self._queue.get()`) and returns it, and, leaving, puts that same
    item back (`self._queue.put(self.item)`).
    """

    id = "object_pool"
    category = "creational"
    roles: ClassVar[dict[str, str]] = {
        "pool": "hands out and takes back reusable objects",
        "reusable": "the pooled class",
    }

    def detect(self, ctx: Ctx) -> Iterator[Detection]:
        for ref in ctx.classes():
            found = self._pool(ctx, ref)
            if found is None:
                checkout = self._checkout(ctx, ref)
                if checkout:
                    yield ctx.det(ref, self.id, "pool", 0.8, checkout)
            else:
                evidence, created = found
                yield ctx.det(ref, self.id, "pool", 0.85, evidence, [(r, "reusable") for r in created])
                for r in created:
                    if r.module is ctx.index:
                        yield self._reusable(ctx, r, ref)
            # A pool of another module (one class per file) creating this class's objects.
            pool = self._pools(ctx).get(ref.key)
            if pool is not None and pool.module is not ctx.index:
                yield self._reusable(ctx, ref, pool)

    def _pools(self, ctx: Ctx) -> dict[str, ClassRef]:
        """{class key: the pool creating it}, over the whole program (once per run)."""
        key = ("object pool", "pools")
        hit = ctx._cache.get(key)
        if hit is None:
            hit = {}
            for ref in ctx.ws.all_classes():
                found = (
                    self._pool(ctx, ref) if any(m.container_ops or m.calls for m in ref.cls.methods.values()) else None
                )
                for r in found[1] if found else []:
                    hit.setdefault(r.key, ref)
            ctx._cache[key] = hit
        return hit

    def _reusable(self, ctx: Ctx, r: ClassRef, pool: ClassRef) -> Detection:
        return ctx.det(
            r,
            self.id,
            "reusable",
            0.8,
            [(r.cls.selection.line, f"the objects `{pool.cls.name}` creates, hands out and takes back")],
            [(pool, "pool")],
        )

    def _pool(self, ctx: Ctx, ref: ClassRef) -> tuple[list[Ev], list[ClassRef]] | None:
        return memo(ctx, "object pool", ref, lambda: self._compute_pool(ctx, ref))

    def _compute_pool(self, ctx: Ctx, ref: ClassRef) -> tuple[list[Ev], list[ClassRef]] | None:
        """(evidence, the classes it creates) for a pool that creates what it hands out."""
        collabs = ctx.collabs(ref)
        containers = {c.attr for c in collabs.values() if c.container or c.instantiated}
        takes = gives = None
        for m in ref.cls.methods.values():
            if not m.is_public:
                continue  # acquire and release are the pool's public interface
            for op in m.container_ops:
                attr = op.container.removeprefix("self.")
                if attr not in containers:
                    continue
                if op.op in ("pop", "popleft", "get") and m.returns and m.name != "__init__":
                    takes = takes or (m, attr)
                # `r = self.free[0]; self.free.remove(r); return r`
                if op.op == "remove" and op.arg.startswith("name:") and op.arg in m.returns:
                    takes = takes or (m, attr)
                if op.op in ("append", "add", "put", "appendleft") and op.arg.startswith("param:"):
                    gives = gives or (m, attr)
            for call in m.calls:
                if (
                    call.method in ("get", "get_nowait")
                    and call.receiver.removeprefix("self.") in containers
                    and m.returns
                ):
                    takes = takes or (m, call.receiver.removeprefix("self."))
                if (
                    call.method in ("put", "put_nowait")
                    and call.receiver.removeprefix("self.") in containers
                    and call.args
                    and call.args[0].startswith("param:")
                ):
                    gives = gives or (m, call.receiver.removeprefix("self."))
        if not (takes and gives and takes[1] == gives[1] and takes[0] is not gives[0]):
            return None
        # The pool creates what it hands out: instantiates a class, or calls a factory it
        # was given (`self._create()` where `_create` came in through the constructor).
        factories = {f"self.{c.attr}" for c in collabs.values() if c.from_param and not c.methods}
        created: list[ClassRef] = []
        makes = False
        for m in ref.cls.methods.values():
            if not _fills(m, takes[0], takes[1]):
                continue
            created += [r for _, r in ctx.instantiations(m, ref.module) if r != ref and not is_exception(ctx, r)]
            makes = makes or any(c.func in factories for c in m.calls)
        if not created and not makes:
            return None
        evidence: list[Ev] = [
            (takes[0].selection.line, f"`{takes[0].name}` hands out an object from `{takes[1]}`"),
            (gives[0].selection.line, f"`{gives[0].name}` takes it back"),
        ]
        return evidence, list(dict.fromkeys(created))

    def _checkout(self, ctx: Ctx, ref: ClassRef) -> list[Ev]:
        """A scoped checkout from a pool it was given: entering the `with` block takes an item
        out of the injected container into `self.<item>` and returns it, leaving puts that same
        item back."""
        methods = ref.cls.methods
        enter = methods.get("__enter__") or methods.get("__aenter__")
        leave = methods.get("__exit__") or methods.get("__aexit__")
        if enter is None or leave is None:
            return []
        given = {c.attr for c in ctx.collabs(ref).values() if c.from_param}
        for item, values in [
            *enter.self_writes.items(),
            *(methods["__init__"].self_writes.items() if "__init__" in methods else []),
        ]:
            for v in values:
                head, _, method = v.removeprefix("call:self.").rpartition(".")
                if not v.startswith("call:self.") or head not in given or method not in _TAKE:
                    continue
                if f"attr:self.{item}" not in enter.returns:
                    continue
                back = [
                    c
                    for c in leave.calls
                    if c.receiver == f"self.{head}" and c.method in _GIVE and c.args[:1] == (f"attr:self.{item}",)
                ]
                if back:
                    return [
                        (enter.selection.line, f"entering takes an item out of `self.{head}` and hands it out"),
                        (back[0].line, f"leaving puts `self.{item}` back into `self.{head}`"),
                    ]
        return []
