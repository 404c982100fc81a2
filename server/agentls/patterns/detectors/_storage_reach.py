"""Which `self.<attr>` a method reaches, kept per method: the repository evidence asks it to
pass over, before any other question, the methods that cannot reach the storage at all."""

from __future__ import annotations

from agentls.patterns.context import Ctx
from agentls.patterns.facts import FunctionFacts


def self_head(receiver: str) -> str:
    """`self._session.execute()` → `_session`: the attribute of `self` a call goes through ("" if none)."""
    return receiver[5:].split(".")[0].split("(")[0].rstrip("[]") if receiver.startswith("self.") else ""


def step_head(receiver: str) -> str:
    """``self_head`` as ``_saving_ports.stepped_heads`` reads a step's calls: the brackets of a
    subscript kept (`self._rows[]`), so that ``reaches_storage`` passes over no method whose
    step that function would count."""
    return receiver[5:].split(".")[0].split("(")[0] if receiver.startswith("self.") else ""


def reached_heads(ctx: Ctx, m: FunctionFacts) -> frozenset[str]:
    """Every `self.<attr>` ``m`` stores into, calls through, subscripts, returns a call on, or
    loops over (by ``self_head``). Kept per method: a model base's hundred methods are asked
    again for each of its subclasses (19,000 methods for 941 classes over Django + SQLAlchemy,
    16,000 of them inherited). The method is kept beside the answer so that its id cannot be
    reused meanwhile."""
    store: dict[int, tuple[FunctionFacts, frozenset[str]]] = ctx._cache.setdefault("reached self heads", {})
    hit = store.get(id(m))
    if hit is None or hit[0] is not m:
        places = [
            *(op.container for op in m.container_ops),
            *(c.receiver for c in m.calls),
            *(container for container, _ in m.subscripts),
            *(v[5:] for v in m.returns if v.startswith("call:")),
            *(loop.iter for loop in m.loops),
        ]
        hit = store[id(m)] = (m, frozenset(h for p in places if (h := self_head(p))))
    return hit[1]


def reaches_storage(ctx: Ctx, m: FunctionFacts, storage: set[str], every: dict[str, FunctionFacts]) -> bool:
    """Whether ``m`` may add to a repository's evidence over ``storage``: it holds an SQL string
    (``m.sql``, run or not: the evidence itself asks whether it is run), reaches a storage
    attribute itself (``reached_heads``), or hands something to a step of ``every``
    (the class's methods) that calls through one (``_saving_ports.stepped_heads``). False
    means none of its stores, look-ups, subscripts, answers or loops can name the storage."""
    if m.sql or "" in storage or not reached_heads(ctx, m).isdisjoint(storage):
        return True  # ("" would be the head of every call not on `self` in `stepped_heads`)
    for c in m.calls:
        if c.receiver != "self" or not c.args:
            continue
        step = every.get(c.method)
        if step is None:
            continue
        # ("" is no storage here: it returned above)
        if any(step_head(s.receiver) in storage for s in step.calls):
            return True
    return False
