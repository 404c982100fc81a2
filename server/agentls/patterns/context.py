"""What detectors share: name resolution, collaborators, hierarchies, and a detection builder.

Derived facts that span the workspace (who holds whom) are cached in the workspace's memo
(dropped on every change), so analysing many modules against one workspace computes them once.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from agentls.patterns.facts import Call, ClassFacts, FunctionFacts, ModuleIndex, held_receiver
from agentls.patterns.generated_init import annotated_container, field_is_param, takes_fields
from agentls.patterns.holders import holders_of
from agentls.patterns.model import Detection, Evidence, Participant, Range
from agentls.patterns.settings import PatternSettings
from agentls.patterns.workspace import ClassRef, WorkspaceIndex
from agentls.patterns.workspace_memo import MISSING as _MISSING
from agentls.patterns.workspace_memo import VARIADIC, method_one_argument, no_argument, one_argument

_IDENT = re.compile(r"[A-Za-z_][\w.]*")
_NOT_TYPES = frozenset(
    [
        "Optional",
        "Union",
        "List",
        "Dict",
        "Set",
        "Tuple",
        "Sequence",
        "Iterable",
        "Iterator",
        "Mapping",
        "Callable",
        "Any",
        "list",
        "dict",
        "set",
        "tuple",
        "frozenset",
        "type",
        "None",
        "str",
        "int",
        "float",
        "bool",
        "bytes",
        "object",
        "Type",
        "typing",
        "collections",
        "abc",
        "ClassVar",
        "Final",
    ]
)

Target = ClassRef | FunctionFacts | ModuleIndex
R = TypeVar("R")


# Standard-library maps made by a call: as much a container of the object as a `{}` literal
# (`self._cache = OrderedDict()` is an LRU table, not a collaborator whose methods it drives).
# (`set()` / `deque()` stay collaborators for now: as containers, a subject's observers kept in
# one would be read as a composite's children, which the composite detector does not tell
# apart yet.) `list()` is the `[]` literal written as a call (`self._states = list()`, a
# caretaker's history): the same list.
_CONTAINER_CALLS: dict[str, str] = {
    **dict.fromkeys(
        (
            "dict",
            "OrderedDict",
            "collections.OrderedDict",
            "defaultdict",
            "collections.defaultdict",
            "Counter",
            "collections.Counter",
        ),
        "dict",
    ),
    "list": "list",
}


def per_workspace(fn: Callable[..., R]) -> Callable[..., R]:
    """Computes ``fn(ctx, *args)`` (or ``fn(self, ctx, *args)`` for a detector's method) once per
    workspace state: the result is kept in the workspace's derived store, keyed by the
    function and its arguments (a ``ClassRef`` by its key), and dropped when a module changes.
    Detectors are pure functions of the workspace, so every answer may be kept."""
    code = fn.__code__
    method = code.co_argcount > 0 and code.co_varnames[0] == "self"
    # The common shapes (some 360,000 calls over Django + SQLAlchemy) get a wrapper of their
    # own (``workspace_memo``), half the cost of the general one, with the same keys.
    fixed = not fn.__defaults__ and not code.co_kwonlyargcount and not code.co_flags & VARIADIC
    given = code.co_argcount - method
    if fixed and given == 2 and not method:
        return functools.wraps(fn)(one_argument(fn))
    if fixed and given == 1 and not method:
        return functools.wraps(fn)(no_argument(fn))
    if fixed and given == 2:
        return functools.wraps(fn)(method_one_argument(fn))

    @functools.wraps(fn)
    def cached(*args: Any) -> R:
        at = 0 if type(args[0]) is Ctx else 1
        ctx: Ctx = args[at]
        n = len(args) - at
        if n == 1:
            key: tuple[object, ...] = (fn,)
        elif n == 2:
            a = args[at + 1]
            key = (fn, a.key if type(a) is ClassRef else a)
        else:
            key = (fn, *[a.key if type(a) is ClassRef else a for a in args[at + 1 :]])
        store = ctx._cache
        out = store.get(key, _MISSING)
        if out is _MISSING:
            out = store[key] = fn(*[ctx.canonical(a) if type(a) is ClassRef else a for a in args])
        return out  # type: ignore[no-any-return]

    return cached


Ev = tuple[int, str]


@dataclass
class Collab:
    """A ``self.<attr>`` that refers to another object."""

    attr: str
    types: list[ClassRef] = field(default_factory=list)
    from_param: bool = False
    instantiated: list[ClassRef] = field(default_factory=list)
    methods: dict[str, int] = field(default_factory=dict)  # method called on it -> line
    container: str = ""  # list / dict / set when initialised as an empty container
    line: int = -1


def line_range(line: int) -> Range:
    return Range(line, 0, line + 1, 0)


class Ctx:
    def __init__(self, index: ModuleIndex, ws: WorkspaceIndex, settings: PatternSettings | None = None) -> None:
        self.index = index
        self.ws = ws
        self.settings = settings or PatternSettings()
        self._classes: list[ClassRef] | None = None
        self._cache = ws.memo
        # The per-class maps every detector asks for (some 300,000 times over Django +
        # SQLAlchemy), each in a dict of its own keyed by the class: no key tuple per question.
        memo = ws.memo
        self._ancestors: dict[str, list[ClassRef]] = memo.setdefault("ancestors", {})
        self._descendants: dict[str, list[ClassRef]] = memo.setdefault("descendants", {})
        self._methods: dict[str, dict[str, FunctionFacts]] = memo.setdefault("all_methods", {})
        self._collab_maps: dict[str, dict[str, Collab]] = memo.setdefault("collabs", {})
        self._concrete: dict[str, tuple[ClassRef, ...]] = memo.setdefault("concrete", {})

    def canonical(self, ref: ClassRef) -> ClassRef:
        """The workspace's first class with ``ref``'s key. Two modules may have the same dotted
        name (two copies of a package in one folder): what is kept per key is computed from
        this one, whichever module asked first, so that the findings do not depend on the
        order the detectors run in (one process, or several sharing the detectors)."""
        first: dict[str, ClassRef] | None = self._cache.get("canonical")
        if first is None:
            first = {}
            for r in self.ws.all_classes():
                first.setdefault(r.key, r)
            self._cache["canonical"] = first
        return first.get(ref.key, ref)

    # -- names ------------------------------------------------------------------------------

    def classes(self) -> list[ClassRef]:
        if self._classes is None:
            self._classes = [ClassRef(self.index, c) for c in self.index.classes.values()]
        return self._classes

    def ref(self, cls: ClassFacts, module: ModuleIndex | None = None) -> ClassRef:
        return ClassRef(module or self.index, cls)

    def resolve(self, name: str, module: ModuleIndex | None = None) -> ClassRef | None:
        return self.ws.resolve(module or self.index, name)

    def annotation_refs(self, ann: str | None, module: ModuleIndex) -> list[ClassRef]:
        if not ann:
            return []
        out = []
        for name in _IDENT.findall(ann):
            if name.rpartition(".")[2] in _NOT_TYPES:
                continue
            r = self.ws.resolve(module, name)
            if r is not None:
                out.append(r)
        return out

    def instantiations(self, fn: FunctionFacts, module: ModuleIndex | None = None) -> list[tuple[Call, ClassRef]]:
        module = module or self.index
        out = []
        for call in fn.calls:
            r = self.ws.resolve(module, call.func)
            if r is not None:
                out.append((call, r))
        return out

    def returned_classes(self, fn: FunctionFacts, module: ModuleIndex | None = None) -> list[ClassRef]:
        module = module or self.index
        out = []
        for value in fn.returns:
            if value.startswith("call:"):
                r = self.ws.resolve(module, value[5:])
                if r is not None and r not in out:
                    out.append(r)
        return out

    # -- hierarchies ------------------------------------------------------------------------

    def ancestors(self, ref: ClassRef) -> list[ClassRef]:
        hit = self._ancestors.get(ref.key)
        if hit is None:
            hit = self._ancestors[ref.key] = self.ws.ancestors(self.canonical(ref))
        return hit

    def descendants(self, ref: ClassRef) -> list[ClassRef]:
        hit = self._descendants.get(ref.key)
        if hit is None:
            hit = self._descendants[ref.key] = self.ws.descendants(self.canonical(ref))
        return hit

    def is_interface(self, ref: ClassRef) -> bool:
        """``ref.cls.is_interface``, except a plain class of stubs nobody derives: an interface
        only once something implements it (`class CPU: def freeze(self): pass`, made and
        driven by a facade in a demo, is a part)."""
        if not ref.cls.is_interface:
            return False
        return not ref.cls.is_plain_interface or bool(self.descendants(ref))

    def concrete(self, ref: ClassRef) -> list[ClassRef]:
        """The descendants implementing ``ref``: no interface, no empty base between (`_Common`).
        A new list each time, from a tuple kept per class: the sibling passes ask it of the same
        few bases with hundreds of descendants (a twentieth of the analysis over Django +
        SQLAlchemy)."""
        hit = self._concrete.get(ref.key)
        if hit is None:
            empty_base = self.ws.empty_base
            hit = self._concrete[ref.key] = tuple(
                d for d in self.descendants(ref) if not d.cls.is_interface and not empty_base(d)
            )
        return list(hit)

    def interface_ancestors(self, ref: ClassRef) -> list[ClassRef]:
        return [a for a in self.ancestors(ref) if a.cls.is_interface]

    def all_methods(self, ref: ClassRef) -> dict[str, FunctionFacts]:
        """Every method ``ref`` has, own or inherited (nearest definition wins). Kept per
        workspace state and shared between callers: read it, do not change it."""
        out = self._methods.get(ref.key)
        if out is None:
            out = {}
            ref = self.canonical(ref)
            for a in reversed(self.ancestors(ref)):
                out.update(a.cls.methods)
            out.update(ref.cls.methods)
            self._methods[ref.key] = out
        return out

    def by_method(self, public: bool) -> dict[str, list[ClassRef]]:
        """Method name -> the workspace's classes defining it themselves, in workspace order
        (``public``: names not starting with ``_`` only). Kept per workspace state and shared
        between detectors: read it, do not change it."""
        key = ("by_method", public)
        out: dict[str, list[ClassRef]] | None = self._cache.get(key)
        if out is None:
            out = {}
            for r in self.ws.all_classes():
                for n in r.cls.methods:
                    if not (public and n.startswith("_")):
                        out.setdefault(n, []).append(r)
            self._cache[key] = out
        return out

    # -- collaborators ----------------------------------------------------------------------

    def collabs(self, ref: ClassRef) -> dict[str, Collab]:
        hit = self._collab_maps.get(ref.key)
        if hit is None:
            hit = self._collab_maps[ref.key] = self._collabs(self.canonical(ref))
        return hit

    def _collabs(self, ref: ClassRef) -> dict[str, Collab]:
        cls, module = ref.cls, ref.module
        out: dict[str, Collab] = {}
        aliases: list[tuple[str, str, int]] = []  # `self.state = self.amstate`: state takes amstate's types
        generated = takes_fields(cls, [a.cls for a in self.ancestors(ref)])
        for name, ann in cls.fields.items():
            c = out.setdefault(name, Collab(name, line=cls.selection.line))
            c.types.extend(self.annotation_refs(ann, module))
            c.from_param = generated and field_is_param(cls, name)
            c.container = annotated_container(ann)
        for m in cls.methods.values():
            for attr, values in m.self_writes.items():
                for written in values:
                    # A branch of a conditional choosing what the attribute keeps
                    # (`pick:call:Fast`, assigns._picks) is a value it may keep.
                    v = written.removeprefix("pick:")
                    kind, _, rest = v.partition(":")
                    if kind == "param":
                        c = out.setdefault(attr, Collab(attr, line=m.selection.line))
                        c.from_param = True
                        p = m.param(rest)
                        if p is not None:
                            c.types.extend(self.annotation_refs(p.annotation, module))
                    elif kind == "call" and rest in _CONTAINER_CALLS:
                        out.setdefault(attr, Collab(attr, line=m.selection.line)).container = _CONTAINER_CALLS[rest]
                    elif kind == "call":
                        r = self.ws.resolve(module, rest)
                        if r is not None:
                            c = out.setdefault(attr, Collab(attr, line=m.selection.line))
                            c.instantiated.append(r)
                            c.types.append(r)
                    elif v in ("list", "dict", "set"):
                        out.setdefault(attr, Collab(attr, line=m.selection.line)).container = v
                    elif kind == "attr" and rest.startswith("self.") and "." not in rest[5:]:
                        aliases.append((attr, rest[5:], m.selection.line))
            for call in m.calls:
                # `self.<attr>.<method>(...)`: the receiver is `self.<attr>` with no further dot
                receiver = held_receiver(cls, m, call.receiver)
                if receiver.startswith("self.") and "." not in receiver[5:]:
                    attr = receiver[5:]
                    c = out.get(attr) or out.setdefault(attr, Collab(attr, line=call.line))
                    c.methods.setdefault(call.method, call.line)
        for attr, source, line in aliases:
            src = out.get(source)
            if src is None or attr == source:
                continue
            c = out.setdefault(attr, Collab(attr, line=line))
            c.types.extend(t for t in src.types if t not in c.types)
            c.instantiated.extend(t for t in src.instantiated if t not in c.instantiated)
        return out

    def holders(self, target: ClassRef) -> list[tuple[ClassRef, Collab]]:
        """Classes that keep a ``target`` (by annotation, instantiation or duck typing)."""
        key = ("holders_of", target.key)
        hit = self._cache.get(key)
        if hit is None:
            hit = self._cache[key] = holders_of(self, self.canonical(target))
        return list(hit)

    # -- output -----------------------------------------------------------------------------

    def participant(self, target: Target, role: str) -> Participant:
        symbol, line, path = self._where(target)
        return Participant(symbol, role, line, None if path == self.index.path else path)

    def _where(self, target: Target) -> tuple[str, int, str]:
        if isinstance(target, ClassRef):
            return target.cls.qualname, target.cls.selection.line, target.path
        if isinstance(target, FunctionFacts):
            return target.qualname, target.selection.line, self.index.path
        return target.module, 0, target.path

    def det(
        self,
        target: Target,
        pattern: str,
        role: str,
        confidence: float,
        evidence: Iterable[Ev],
        participants: Iterable[tuple[Target, str]] = (),
    ) -> Detection:
        if isinstance(target, ClassRef):
            symbol, kind, rng, sel = target.cls.qualname, "class", target.cls.range, target.cls.selection
        elif isinstance(target, FunctionFacts):
            symbol, kind, rng, sel = target.qualname, "function", target.range, target.selection
        else:
            symbol, kind, rng = target.module, "module", Range(0, 0, max(target.line_count - 1, 0), 0)
            sel = Range(0, 0, 0, 0)
        seen: set[tuple[str, str]] = set()
        parts = []
        for t, r in participants:
            p = self.participant(t, r)
            if (p.symbol, p.role) not in seen and p.symbol != symbol:
                seen.add((p.symbol, p.role))
                parts.append(p)
        evs = tuple(Evidence(line_range(line), reason) for line, reason in evidence)
        return Detection(
            symbol=symbol,
            kind=kind,  # type: ignore[arg-type]
            range=rng,
            selection=sel,
            pattern=pattern,
            role=role,
            confidence=round(min(max(confidence, 0.0), 1.0), 2),
            evidence=evs,
            participants=tuple(sorted(parts, key=lambda p: (p.path or "", p.line, p.symbol))),
        )
