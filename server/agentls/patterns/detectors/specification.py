from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from agentls.patterns.context import Ctx, Ev, per_workspace
from agentls.patterns.detector_registry import Detector, register
from agentls.patterns.facts import FunctionFacts
from agentls.patterns.model import Detection
from agentls.patterns.workspace import ClassRef

_COMBINATORS = ("__and__", "__or__", "__invert__", "__xor__")


def pooled(ctx: Ctx) -> dict[str, tuple[str, list[ClassRef], list[ClassRef]]]:
    """Base key -> (predicate, combinators, rules) for rules without combinator methods: an
    interface whose one public method is a one-argument predicate, two or more
    implementations stating a rule, and an implementation keeping several of them in a
    collection and testing each with the predicate (`any(p.is_satisfied_by(c) for p in
    self._permissions)`)."""
    key = ("spec", "pooled")
    hit = ctx._cache.get(key)
    if hit is not None:
        return hit  # type: ignore[no-any-return]
    out: dict[str, tuple[str, list[ClassRef], list[ClassRef]]] = {}
    for ref in ctx.ws.all_classes():
        if not ref.cls.is_interface:
            continue
        public = [m for m in ref.cls.public_methods.values() if m.kind == "method"]
        if len(public) != 1 or len(public[0].params) != 1:
            continue
        pred = public[0].name
        impls = [d for d in ctx.concrete(ref) if pred in d.cls.methods]
        combinators = [
            d
            for d in impls
            if _over_each(d, pred)
            # the verdict of the parts, combined (`any(...)`, `all(...)`), is its answer
            and any(c.func in ("any", "all") for c in d.cls.methods[pred].calls)
        ]
        rules = [d for d in impls if d not in combinators]
        if combinators and len(rules) >= 2:
            out[ref.key] = (pred, combinators, rules)
    ctx._cache[key] = out
    return out


# Declared answers no verdict is given in: an expression tree's `get_sql(**kwargs) -> str`
# renders its nodes, however `&` and `|` combine them.
_DATA_ANSWERS = frozenset(
    {"str", "bytes", "int", "float", "list", "List", "dict", "Dict", "tuple", "Tuple", "set", "Set", "Iterator"}
)


def _answers_data(fn: FunctionFacts) -> bool:
    """The method is declared to answer text, a number or a collection, not a verdict."""
    head = (fn.returns_annotation or "").strip("'\"").partition("[")[0].rpartition(".")[2]
    return head in _DATA_ANSWERS


def combines_rules(ctx: Ctx, ref: ClassRef) -> bool:
    """``ref`` combines specifications of its base (a composite specification, in either
    form): reported as that, its tree of rules is no Composite of its own."""
    for anc in ctx.ancestors(ref):
        found = pooled(ctx).get(anc.key) or Specification()._spec(ctx, anc)
        if found and ref in found[1]:
            return True
    return False


def _over_each(ref: ClassRef, pred: str) -> bool:
    """Calls the predicate on each specification it keeps in a collection
    (`all(s.is_satisfied(item) for s in self.specifications)`)."""
    return any(
        loop.target
        and loop.iter.startswith("self.")
        and any(c.receiver == loop.target and c.method == pred for c in m.calls)
        for m in ref.cls.methods.values()
        for loop in m.loops
    )


@register
class Specification(Detector):
    """Encapsulates a business rule as an object with a single predicate (`is_satisfied_by`)
    that can be combined with `and`, `or` and `not` into new rules. Rules become named,
    testable and reusable for validation and selection; the price is indirection compared
    with an inline condition, and combined trees are slow to evaluate in bulk.

    ## Roles
    - `specification`: the rule interface with its combinators.
    - `composite_specification`: combines other specifications (and / or / not).
    - `concrete_specification`: one business rule.

    ## How it is detected
    A class hierarchy with a one-argument predicate method, where combinator methods of the
    base (`__and__`, `__or__`, `__invert__`, or methods returning a subclass built from `self`
    and another specification) return subclasses that hold other specifications and call the
    same predicate on them (on each one they keep in a collection too: `all(s.holds(x) for s
    in self.parts)`). A base declaring that predicate above the class with the
    combinators is the `specification` too. The predicate is never one of the combinators: a
    method handing out a subclass over a part of `self` (`get_def(name)` returning
    `DefTemplate(self, ...)`, which asks its parent for other defs) builds, it tests nothing;
    nor is a method declared to answer text, a number or a collection (an expression tree's
    `get_sql(**kwargs) -> str` renders SQL however `&` and `|` combine its criteria).

    Also:
    - rules without combinator methods: an interface whose one public method is a
      one-argument predicate, two or more implementations stating a rule, and one keeping
      several in a collection and combining their verdicts (`any(p.is_satisfied_by(c) for p
      in self._permissions)`): `specification`, `concrete_specification`s and the
      `composite_specification` (which is then no Composite of its own);
    - a callable predicate (`__call__(candidate)`) whose `__and__` / `__or__` / `__invert__`
      build new predicates of its own class, and an empty interface it implements;
    - business rules without combinators: a base whose one public predicate (a `bool` method
      taking no candidate, or taking one when it is all the base declares:
      `is_satisfied_by(candidate) -> bool`) is the only behaviour two or more subclasses (the
      majority) define (an iterator's `has_next() -> bool` beside the abstract `next()` they
      carry out is a step of it, no rule), evaluated by client code on a parameter typed as the base (`if
      rule.is_broken(): raise`) or on an attribute a class keeps typed as the base
      (`self.specification.is_satisfied_by(order)`); the subclasses are
      `concrete_specification`. The predicate may take the context the candidate is judged in
      beside it (a permission's `has_permission(request, session, **kwargs)`: at most two
      required arguments), and the client may be a class outside the family keeping several
      rules in a collection and asking each (`RequireAll(*permissions)` looping
      `if not p.has_permission(...)`): it is a `composite_specification`.
    """

    id = "specification"
    category = "behavioural"
    roles: ClassVar[dict[str, str]] = {
        "specification": "rule interface",
        "composite_specification": "combines rules",
        "concrete_specification": "one rule",
    }

    @per_workspace
    def _spec(self, ctx: Ctx, ref: ClassRef) -> tuple[str, list[ClassRef]] | None:
        result = None
        family = {d.key: d for d in ctx.descendants(ref)}
        combinators = [
            (m, r)
            for m in ref.cls.methods.values()
            for r in ctx.returned_classes(m, ref.module)
            if r.key in family
            and (
                m.name in _COMBINATORS or any("self" in c.args for c in m.calls if ctx.resolve(c.func, ref.module) == r)
            )
        ]
        # A method handing out a new member of the family is a combinator, never the rule's
        # predicate: a template's `get_def(name)` -> `DefTemplate(self, ...)`, forwarded by the
        # def to its parent, builds objects and tests nothing.
        building = {m.name for m, _ in combinators}
        for pred in ref.cls.methods.values():
            if len(pred.params) != 1 or pred.name.startswith("__") or pred.name in building or _answers_data(pred):
                continue
            composites = [
                r
                for _, r in combinators
                if any(pred.name in c.methods for c in ctx.collabs(r).values()) or _over_each(r, pred.name)
            ]
            if composites:
                result = (pred.name, composites)
                break
        return result

    def _self_composing(self, ctx: Ctx, ref: ClassRef) -> list[Ev]:
        """A callable predicate whose `&`, `|`, `~` build new predicates of its own class."""
        if not any(n in ref.cls.methods for n in _COMBINATORS):
            return []
        ops = [
            m
            for n, m in ref.cls.methods.items()
            if n in _COMBINATORS
            and any(r == ref or ref in ctx.ancestors(r) for r in ctx.returned_classes(m, ref.module))
        ]
        pred = ref.cls.methods.get("__call__")
        if len(ops) < 2 or pred is None or len(pred.params) != 1:
            return []
        names = ", ".join(f"`{m.name}`" for m in ops)
        return [
            (pred.selection.line, "calling it tests a candidate"),
            (ops[0].selection.line, f"{names} combine rules"),
        ]

    def _rules(self, ctx: Ctx) -> dict[str, tuple[str, list[ClassRef], list[Ev], list[ClassRef]]]:
        """Base key -> (predicate, rules, evidence): a base whose one public predicate (a
        `bool` method taking no candidate, or one when it is all the base declares) is the only
        behaviour its subclasses define, and that clients evaluate on an object typed as the
        base (`if rule.is_broken(): raise`, `self.spec.is_satisfied_by(x)`)."""
        key = ("spec", "rules")
        hit = ctx._cache.get(key)
        if hit is not None:
            return hit  # type: ignore[no-any-return]
        out: dict[str, tuple[str, list[ClassRef], list[Ev], list[ClassRef]]] = {}
        for ref in ctx.ws.all_classes():
            # (the candidate, and perhaps what it is judged in: a permission's `has_permission(
            # request, session, **kwargs)`; optional arguments tune it)
            preds = [
                m
                for n, m in ref.cls.public_methods.items()
                if m.kind == "method"
                and sum(not p.has_default for p in m.params) <= 2
                and m.returns_annotation == "bool"
            ]
            # A predicate taking the candidate (`is_satisfied_by(order)`) only when it is all the
            # base declares: beside other methods it is one step of a wider interface.
            if len(preds) != 1 or (preds[0].params and len(ref.cls.public_methods) != 1):
                continue
            pred = preds[0].name
            # Another abstract method beside it is behaviour the subclasses carry out too (an
            # iterator's `next()` beside `has_next() -> bool`): the predicate is one step of it.
            if ref.cls.abstract_methods - {pred} - {n for n in ref.cls.abstract_methods if n.startswith("_")}:
                continue
            subs = ctx.ws.subclasses(ref)
            rules = [
                d
                for d in subs
                if pred in d.cls.methods
                and d.cls.methods[pred].body_kind == "real"
                and set(d.cls.public_methods) <= set(ref.cls.public_methods)
            ]
            if len(rules) < 2 or len(rules) * 2 < len(subs):
                continue
            clients = [
                (fn.selection.line, f"`{fn.name}` evaluates any `{ref.cls.name}` through `{p}.{pred}()`")
                for _, fn, p in ctx.ws.functions_taking(ref)
                if any(c.func == f"{p}.{pred}" for c in fn.calls)
            ] or [
                (
                    c.line,
                    f"`{holder.cls.name}` evaluates the `{ref.cls.name}` it keeps through `self.{c.attr}.{pred}()`",
                )
                for holder in ctx.ws.all_classes()
                for c in ctx.collabs(holder).values()
                if ref in c.types and pred in c.methods and holder not in subs and holder != ref
            ]
            # Classes outside the family keeping several rules in a collection and asking each
            # (`for p in self.permissions: if not p.has_permission(...)`) combine their verdicts.
            pools = [
                holder
                for holder in ctx.ws.all_classes()
                if holder not in subs
                and holder != ref
                and _over_each(holder, pred)
                and any(ref in c.types for c in ctx.collabs(holder).values())
            ]
            clients += [(h.cls.selection.line, f"`{h.cls.name}` tests each `{ref.cls.name}` it keeps") for h in pools]
            if clients:
                out[ref.key] = (
                    pred,
                    rules,
                    [(preds[0].selection.line, f"`{pred}` is the one rule every subclass states"), clients[0]],
                    pools,
                )
        ctx._cache[key] = out
        return out

    def detect(self, ctx: Ctx) -> Iterator[Detection]:
        rules = self._rules(ctx)
        for ref in ctx.classes():
            ev = self._self_composing(ctx, ref)
            if ev:
                yield ctx.det(ref, self.id, "specification", 0.8, ev)
            elif not ref.cls.methods or ref.cls.is_interface:
                impl = next((d for d in ctx.descendants(ref) if self._self_composing(ctx, d)), None)
                if impl is not None:
                    yield ctx.det(
                        ref,
                        self.id,
                        "specification",
                        0.7,
                        [(ref.cls.selection.line, f"the interface of `{impl.cls.name}`, a combinable rule")],
                        [(impl, "specification")],
                    )
            pool = pooled(ctx)
            if ref.key in pool and not self._spec(ctx, ref):
                pred, combinators, members = pool[ref.key]
                yield ctx.det(
                    ref,
                    self.id,
                    "specification",
                    0.8,
                    [
                        (ref.cls.methods[pred].selection.line, f"`{pred}` is the one predicate"),
                        (combinators[0].cls.selection.line, f"`{combinators[0].cls.name}` tests several at once"),
                    ],
                    [(c, "composite_specification") for c in combinators]
                    + [(r, "concrete_specification") for r in members],
                )
            for anc in ctx.ancestors(ref)[:1]:
                if anc.key in pool and not self._spec(ctx, anc):
                    pred, combinators, members = pool[anc.key]
                    role = "composite_specification" if ref in combinators else "concrete_specification"
                    if ref in combinators or ref in members:
                        why = "tests each rule it keeps" if ref in combinators else f"`{pred}` states one rule"
                        yield ctx.det(
                            ref,
                            self.id,
                            role,
                            0.8,
                            [(ref.cls.methods[pred].selection.line, why)],
                            [(anc, "specification")],
                        )
            if ref.key in rules:
                pred, members, ev, pools = rules[ref.key]
                yield ctx.det(
                    ref,
                    self.id,
                    "specification",
                    0.75,
                    ev,
                    [(r, "concrete_specification") for r in members] + [(h, "composite_specification") for h in pools],
                )
            for base_key, (pred, _, _, pools) in rules.items():
                if ref in pools:
                    base = next(a for a in ctx.ws.all_classes() if a.key == base_key)
                    line = next(
                        m.selection.line
                        for m in ref.cls.methods.values()
                        if any(lp.iter.startswith("self.") for lp in m.loops)
                    )
                    yield ctx.det(
                        ref,
                        self.id,
                        "composite_specification",
                        0.75,
                        [(line, f"tests each `{base.cls.name}` it keeps through `{pred}`")],
                        [(base, "specification")],
                    )
            for anc in ctx.ancestors(ref)[:1]:
                if anc.key in rules and ref in rules[anc.key][1]:
                    pred = rules[anc.key][0]
                    yield ctx.det(
                        ref,
                        self.id,
                        "concrete_specification",
                        0.75,
                        [(ref.cls.methods[pred].selection.line, f"`{pred}` states one rule")],
                        [(anc, "specification")],
                    )
            for sub in ctx.ws.subclasses(ref):
                found = self._spec(ctx, sub)
                if found and found[0] in ref.cls.methods and not self._spec(ctx, ref):
                    yield ctx.det(
                        ref,
                        self.id,
                        "specification",
                        0.8,
                        [(ref.cls.methods[found[0]].selection.line, f"declares the predicate `{found[0]}`")],
                        [(sub, "specification"), *((c, "composite_specification") for c in found[1])],
                    )
                    break
            found = self._spec(ctx, ref)
            if found:
                yield ctx.det(
                    ref,
                    self.id,
                    "specification",
                    0.9,
                    [
                        (
                            ref.cls.methods[found[0]].selection.line,
                            f"`{found[0]}` is the predicate; combinators build composites",
                        )
                    ],
                    [(c, "composite_specification") for c in found[1]],
                )
                continue
            for anc in ctx.ancestors(ref):
                found = self._spec(ctx, anc)
                if not found:
                    continue
                role = "composite_specification" if ref in found[1] else "concrete_specification"
                m = ref.cls.methods.get(found[0])
                if m is None:
                    break
                yield ctx.det(
                    ref,
                    self.id,
                    role,
                    0.85,
                    [
                        (
                            m.selection.line,
                            "combines other specifications"
                            if role.startswith("composite")
                            else f"`{found[0]}` states one rule",
                        )
                    ],
                    [(anc, "specification")],
                )
                break
