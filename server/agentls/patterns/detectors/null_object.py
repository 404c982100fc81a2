from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from agentls.patterns.context import Ctx, Ev
from agentls.patterns.detector_registry import Detector, register
from agentls.patterns.facts import FunctionFacts
from agentls.patterns.model import Detection
from agentls.patterns.workspace import ClassRef

_IGNORED = frozenset({"__init__", "__repr__", "__str__", "__eq__", "__hash__"})


_EMPTY = frozenset({"dict", "list", "tuple", "set"})


def _answers_apart(own: dict[str, FunctionFacts], siblings: list[ClassRef]) -> bool:
    """A method answering an empty container where a sibling answers `None` for "nothing"
    (a matcher's `match` returning `{}`, a match with no parameters, beside one returning
    `None` for no match): the container is an answer, not the absence of one."""
    for name, m in own.items():
        if not _EMPTY & set(m.returns):
            continue
        if any("none" in d.cls.methods[name].returns for d in siblings if name in d.cls.methods):
            return True
    return False


# Return annotations that let a body of `pass` answer what it promises.
_NOTHING_ALLOWED = ("None", "Optional", "Any", "NoReturn", "Never", "object")


def _promises_value(m: FunctionFacts) -> bool:
    """An empty body (`pass`, `...`) under a return annotation that excludes None (`-> bool`,
    `-> str`): it answers None where it promises a value, a method not written yet."""
    ann = m.returns_annotation or ""
    return m.body_kind == "stub" and bool(ann) and not any(word in ann for word in _NOTHING_ALLOWED)


@register
class NullObject(Detector):
    """Provides a do-nothing implementation of an interface to stand in for "no object", so
    clients call it unconditionally instead of checking for `None` everywhere. It removes
    special cases; it can also hide a missing collaborator that should have been an error.

    ## Roles
    - `null_object`: the do-nothing implementation.
    - `abstract_object`: the interface it implements.

    ## How it is detected
    A concrete subclass of a class whose other implementations do real work, that overrides at
    least one of the base's methods, and whose every method (besides `__init__`/`__repr__`)
    is empty or returns nothing (`pass`, `return None`, `return ""`, `return []`; returning
    `0`, `False` or a non-empty string is an answer, not nothing). It must stand in for the
    whole interface: implement all the base's abstract methods, or, for a concrete base,
    override at least two of its methods; a single no-op override of one hook in a larger
    class is reported below the default threshold (0.45). The empty hooks of a concrete base
    (`def render(self): pass`) count as its interface. An empty container is an answer, not
    nothing, when a sibling answers `None` from the same method (a matcher matching every
    request returns `{}`, a match with no parameters, where the others return `None` for no
    match). A class whose constructor keeps collaborators it is handed, typed as classes of
    the program (a repository, a unit of work), is an implementation not written yet, not a
    stand-in for "no object"; so is one with an empty method annotated to return a value
    (`def health_check(self) -> bool: pass` answers None where it promises a bool).

    The interface it stands in for is reported too, as the `abstract_object`, with a row of
    its own in whatever module it is declared (at the null object's confidence, when that is
    0.5 or more).

    Also: a class whose `__getattr__` and `__call__` only return itself (it absorbs every
    use), and a subclass that replaces three or more inherited methods by aliasing module
    functions that do nothing or only refuse (`_commit = ignore`), at least one a no-op.
    """

    id = "null_object"
    category = "behavioural"
    roles: ClassVar[dict[str, str]] = {"null_object": "does nothing, safely", "abstract_object": "the interface"}

    def _absorbing(self, ref: ClassRef) -> list[Ev]:
        """Answers every attribute and every call with itself: stands in for anything."""
        ms = ref.cls.methods
        get, call = ms.get("__getattr__"), ms.get("__call__")
        if get is None or call is None:
            return []
        if any(m.returns != ["self"] or m.calls or m.self_writes or m.statements > 1 for m in (get, call)):
            return []
        return [
            (get.selection.line, "every attribute read returns the null object itself"),
            (call.selection.line, "every call returns it too"),
        ]

    def _aliased(self, ctx: Ctx, ref: ClassRef) -> list[Ev]:
        """Overrides its base's methods by aliasing module functions that do nothing (or only
        refuse): `_commit = ignore`, `cursor = complain`."""
        inherited: set[str] = set()
        for a in ctx.ancestors(ref):
            inherited |= set(a.cls.methods)
        if not inherited:
            return []
        noop, refuse = [], []
        for attr, v in ref.cls.class_attrs.items():
            fn = ctx.index.functions.get(v[5:]) if v.startswith("name:") and attr in inherited else None
            if fn is None:
                continue
            if fn.body_kind in ("stub", "trivial") and not fn.returns:
                noop.append(attr)
            elif fn.raises and fn.statements == 1:
                refuse.append(attr)
        own_real = [m for n, m in ref.cls.methods.items() if n not in _IGNORED and m.body_kind == "real"]
        if not noop or len(noop) + len(refuse) < 3 or own_real:
            return []
        return [
            (ref.cls.selection.line, f"{', '.join(f'`{n}`' for n in noop[:3])} do nothing"),
            (ref.cls.selection.line, f"{len(noop) + len(refuse)} inherited methods replaced by no-ops or refusals"),
        ]

    def _keeps_collaborators(self, ctx: Ctx, ref: ClassRef) -> bool:
        """Its constructor keeps an object it is handed, typed as a class of the program (a
        repository, a unit of work): a stand-in for "no object" needs no collaborators, so
        empty methods beside them are work not written yet (a use case stubbed `...`)."""
        init = ref.cls.methods.get("__init__")
        if init is None:
            return False
        kept = {v[6:] for vs in init.self_writes.values() for v in vs if v.startswith("param:")}
        return any(p.name in kept and ctx.annotation_refs(p.annotation, ref.module) for p in init.params)

    def detect(self, ctx: Ctx) -> Iterator[Detection]:
        for ref in ctx.classes():
            found = self._null(ctx, ref)
            if found is not None:
                yield found[0]
            # The interface a null object of the program stands in for, wherever that null
            # object lives, is reported too (its own row, not only a participant of the null's).
            for d in ctx.concrete(ref):
                got = self._null(Ctx(d.module, ctx.ws, ctx.settings), d) if d != ref else None
                if got is not None and got[1] == ref and got[0].confidence >= 0.5:
                    why = f"the interface `{d.cls.name}` implements by doing nothing"
                    ev: list[Ev] = [(ref.cls.selection.line, why)]
                    yield ctx.det(ref, self.id, "abstract_object", got[0].confidence, ev, [(d, "null_object")])
                    break

    def _null(self, ctx: Ctx, ref: ClassRef) -> tuple[Detection, ClassRef | None] | None:
        """``ref`` as a null object (its detection, built in ``ctx``, its module's), with the
        interface it stands in for; None when it is none."""
        ev = self._absorbing(ref) or self._aliased(ctx, ref)
        if ev:
            bases = ctx.ancestors(ref)[:1]
            det = ctx.det(ref, self.id, "null_object", 0.8, ev, [(b, "abstract_object") for b in bases])
            return det, (bases[0] if bases else None)
        own = {n: m for n, m in ref.cls.methods.items() if n not in _IGNORED}
        if not own or ref.cls.is_interface or ref.cls.declares_abstract:
            return None
        if not all(m.body_kind in ("stub", "trivial") and not m.abstract for m in own.values()):
            return None
        if self._keeps_collaborators(ctx, ref):
            return None  # an unfinished implementation, handed its dependencies and not using them
        if any(_promises_value(m) for m in own.values()):
            return None  # `def send(...) -> bool: pass` answers None where it promises a value: a stub
        for base in ctx.ancestors(ref):
            overridden = set(own) & set(base.cls.methods)
            siblings = [
                d
                for d in ctx.concrete(base)
                if d != ref and any(d.cls.methods.get(n) and d.cls.methods[n].body_kind == "real" for n in overridden)
            ]
            if overridden and siblings and _answers_apart(own, siblings):
                return None  # its empty container is an answer its siblings tell apart from None
            if overridden and siblings:
                # A stand-in covers the interface: the base's abstract methods, or (for a
                # concrete base) more than one method of a small interface. One hook
                # overridden to return nothing in a large class is a variant, not a null.
                # A concrete base's empty hooks (`def render(self): pass`) are its interface too.
                hooks = {n for n, m in base.cls.methods.items() if m.is_stub and not n.startswith("__")}
                interface = base.cls.abstract_methods or hooks
                covers = interface <= set(own) if interface else len(overridden) >= 2
                det = ctx.det(
                    ref,
                    self.id,
                    "null_object",
                    0.85 if covers else 0.45,
                    [(own[n].selection.line, f"`{n}` does nothing") for n in sorted(overridden)[:3]],
                    [(base, "abstract_object")],
                )
                return det, base
        return None
