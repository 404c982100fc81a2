"""Cross-module knowledge: which class a name refers to, who subclasses whom, who holds whom.

A workspace is a set of ``ModuleIndex`` facts. Derived maps are built lazily and dropped when a
module changes, so the language server can update one document at a time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from agentls.patterns.facts import ClassFacts, FunctionFacts, ModuleIndex
from agentls.patterns.mro import linearization
from agentls.patterns.script_imports import above_package, beside, folders, in_package, roots
from agentls.patterns.structural import implementations

_ABSTRACT_BASES = frozenset({"ABC", "Protocol", "object", "Generic"})
_UNSEEN = object()  # a name not resolved yet in a module (None: resolved to nothing)


class ClassRef:
    """A class and the module holding it; equal when the qualified names are."""

    __slots__ = ("cls", "key", "module")

    def __init__(self, module: ModuleIndex, cls: ClassFacts) -> None:
        self.module = module
        self.cls = cls
        self.key = f"{module.module}.{cls.qualname}"

    def __repr__(self) -> str:
        return f"ClassRef({self.key})"

    @property
    def path(self) -> str:
        return self.module.path

    def __hash__(self) -> int:
        return hash(self.key)

    # Compared some 300,000 times over Django + SQLAlchemy (`ref in family`, `r != ref`): the
    # type tested by identity (no class derives ClassRef), and `!=` a method of its own rather
    # than `__eq__` called and inverted (half its cost).
    def __eq__(self, other: object) -> bool:
        return type(other) is ClassRef and other.key == self.key

    def __ne__(self, other: object) -> bool:
        return type(other) is not ClassRef or other.key != self.key


class WorkspaceIndex:
    def __init__(self, modules: list[ModuleIndex] | None = None) -> None:
        self._modules: dict[str, ModuleIndex] = {}
        self._derived: _Derived | None = None
        self._hashes: dict[str, str] = {}
        # The module list and names alone (the smells need no more): without building every
        # derived map again after each keystroke.
        self._light: tuple[list[ModuleIndex], dict[str, ModuleIndex]] | None = None
        # Per-workspace-state memo for detectors (collaborators, descendants, holders): apart
        # from the derived maps, so that the smells of an edited module do not build them.
        self.memo: dict[object, Any] = {}
        self.generation = 0  # bumped on every change; part of analysis cache keys
        for m in modules or []:
            self._modules[m.path] = m

    def update(self, index: ModuleIndex, source_hash: str | None = None) -> None:
        if source_hash is not None and self._hashes.get(index.path) == source_hash:
            return
        self._modules[index.path] = index
        if source_hash is not None:
            self._hashes[index.path] = source_hash
        self._derived = self._light = None
        self.memo = {}
        self.generation += 1

    def remove(self, path: str) -> None:
        if self._modules.pop(path, None) is not None:
            self._hashes.pop(path, None)
            self._derived = self._light = None
            self.memo = {}
            self.generation += 1

    def get(self, path: str) -> ModuleIndex | None:
        return self._modules.get(path)

    def modules(self) -> list[ModuleIndex]:
        return self._modules_by_name()[0]

    def module_named(self, dotted: str) -> ModuleIndex | None:
        return self._modules_by_name()[1].get(dotted)

    def _modules_by_name(self) -> tuple[list[ModuleIndex], dict[str, ModuleIndex]]:
        if self._derived is not None:
            return self._derived.module_list, self._derived.by_module
        if self._light is None:
            modules = list(self._modules.values())
            self._light = (modules, {m.module: m for m in modules})
        return self._light

    @property
    def derived(self) -> _Derived:
        if self._derived is None:
            self._derived = _Derived(list(self._modules.values()))
        return self._derived

    # -- name resolution -------------------------------------------------------------------

    def resolve(self, module: ModuleIndex, name: str) -> ClassRef | None:
        """The class a dotted name written in ``module`` refers to, if the workspace has it."""
        if not name:
            return None
        # Asked 100,000 times: no property call, and a store per module keyed by the name
        # alone (no key tuple per question).
        per_module = (self._derived or self.derived).resolved
        entry = per_module.get(id(module))
        if entry is None or entry[0] is not module:
            entry = per_module[id(module)] = (module, {})
        names = entry[1]
        # (one look-up for the 85% of questions asked before)
        seen = names.get(name, _UNSEEN)
        if seen is not _UNSEEN:
            return seen  # type: ignore[return-value]
        names[name] = None  # asked again while resolving (a re-export cycle): nothing
        found = names[name] = self._resolve(module, name)
        return found

    def _resolve(self, module: ModuleIndex, name: str) -> ClassRef | None:
        name = name.removesuffix("()").removesuffix("[]")  # `Base[T]` is Base
        local = module.classes.get(name)
        if local is not None:
            return ClassRef(module, local)
        d = self.derived
        head, _, rest = name.partition(".")
        target = module.import_map.get(head)
        qualified = (f"{target}.{rest}" if rest else target) if target is not None else ""
        if target is not None:
            # `from small_chair import SmallChair` in a script folder (no `__init__.py`): the
            # module beside the importer, found by path (script_imports); first, as Python puts
            # the script's folder first on the path (a chapter's `game.py` before another at the
            # top). (A package's module imports absolutely: there the top-level module first.)
            near = beside(d.folders, module, qualified)
            sibling = ClassRef(near[0], c) if near and (c := near[0].classes.get(near[1])) else None
            root = above_package(d.folders, module) if sibling is None else None
            if root is not None:
                # A package inside a script folder (`Factory/factories/`, run as `python Factory`
                # beside `Factory/autos/`): Python imports it, and every absolute or relative
                # name it imports, from the folder above it, the one on the path; the same dotted
                # name elsewhere (a sibling example's `factories.abs_factory`) is another program.
                sibling = self._class_at(beside(d.folders, module, qualified, root))
                if sibling is not None:
                    return sibling
            top = d.by_key.get(qualified)
            if sibling is not None and (top is None or not in_package(d.folders, module)):
                return sibling
            if top is not None:
                return top
            # Neither beside the importer nor at the top: from a nested project's root.
            rooted = self._class_at(self._from_root(module, qualified))
            if rooted is not None:
                return rooted
            # `from pkg import Cls` where pkg/__init__ re-exports it: fall back on the last name.
        tail = name.rpartition(".")[2]
        candidates = d.by_name.get(tail, [])
        if target is not None:
            # `from pkg import Cls` re-exported by pkg/__init__, or `from src.pkg.x import Cls`
            # where the package root is below `src/`: a class of that name in a module inside
            # the package imported from (pathlib.Path is not the workspace's own Path class).
            inside = [c for c in candidates if _inside(qualified, c)]
            return inside[0] if len(inside) == 1 else None
        if len(candidates) != 1:
            return None
        return candidates[0] if "." not in name and head not in module.import_map else None

    def _class_at(self, near: tuple[ModuleIndex, str] | None) -> ClassRef | None:
        """The class a module found by path (``script_imports.beside``) has under the rest of
        the name: its own, or one its package's `__init__` re-exports."""
        if near is None:
            return None
        cls = near[0].classes.get(near[1])
        if cls is not None:
            return ClassRef(near[0], cls)
        if near[0].path.endswith("__init__.py") and near[1] in near[0].import_map:
            return self.resolve(near[0], near[1])
        return None

    def _from_root(self, module: ModuleIndex, dotted: str) -> tuple[ModuleIndex, str] | None:
        """The module (and the rest of the name) of the nearest folder above ``module`` that
        has the module ``dotted`` starts with: Python takes the first root holding it."""
        d = self.derived
        # The answer depends on the importer's folder alone: asked once per folder and name
        # (the modules of a folder import the same names: `from django.db import models`).
        key = (module.path.replace("\\", "/").rpartition("/")[0], dotted)
        if key in d.rooted:
            return d.rooted[key]
        found = None
        # A name no folder of the workspace holds (`typing.List`, `django.db` outside Django)
        # is found from none of them.
        if dotted.partition(".")[0] in d.folder_names():
            for folder in roots(module):
                found = beside(d.folders, module, dotted, folder)
                if found is not None:
                    break
        d.rooted[key] = found
        return found

    def function(self, module: ModuleIndex, name: str) -> tuple[ModuleIndex, FunctionFacts] | None:
        """The module-level function a name written in ``module`` refers to (`f`, an imported
        `f`, or `mod.f`), if the workspace has it."""
        head, _, tail = name.rpartition(".")
        if not head:
            fn = module.functions.get(name)
            if fn is not None:
                return module, fn
            target = module.import_map.get(name, "")
            head, _, tail = target.rpartition(".")
        else:
            head = module.import_map.get(head.split(".")[0], head)
        table = self.derived.folders  # `from helpers import f` in a script folder: as for classes
        near = beside(table, module, f"{head}.{tail}") if head else None
        other = self.module_named(head)
        if near and near[1] == tail and (other is None or not in_package(table, module)):
            other = near[0]
        if other is None and head:  # (a module beside it with `tail` would be `other` now)
            rooted = self._from_root(module, f"{head}.{tail}")  # a nested project's root
            other = rooted[0] if rooted and rooted[1] == tail else None
        # `from pkg import f` re-exported by pkg/__init__: follow its import, a few hops at most.
        for _ in range(3):
            if other is None or tail in other.functions or tail not in other.import_map:
                break
            head, _, tail = other.import_map[tail].rpartition(".")
            other = self.module_named(head)
        if other is not None and tail in other.functions:
            return other, other.functions[tail]
        return None

    def bases(self, ref: ClassRef) -> list[ClassRef]:
        """The workspace classes ``ref`` names as its bases, then the Protocols it implements
        structurally: a new list each time, from the answer kept per class (asked 27,000 times
        for 3,800 classes over Django + SQLAlchemy, each time resolving every base)."""
        kept = (self._derived or self.derived).bases_of
        hit = kept.get(id(ref.cls))
        if hit is None or hit[0] is not ref.cls or hit[1] is not ref.module:
            hit = kept[id(ref.cls)] = (ref.cls, ref.module, tuple(self._bases(ref)))
        return list(hit[2])

    def _bases(self, ref: ClassRef) -> list[ClassRef]:
        out = []
        for b in ref.cls.bases:
            if b.rpartition(".")[2] in _ABSTRACT_BASES:
                continue
            r = self.resolve(ref.module, b)
            if r is not None and r != ref:
                out.append(r)
        # A class may implement a Protocol structurally, which is what a Protocol is for: it
        # counts as one of its implementations, beside the bases it names (a repository
        # satisfying its port while it stores through a generic base).
        for p in self.derived.structural(self).get(ref.key, ()):
            if p not in out:
                out.append(p)
        return out

    def ancestors(self, ref: ClassRef) -> list[ClassRef]:
        """The workspace classes ``ref`` inherits from, in Python's method resolution order."""
        return linearization(ref, self.bases, 50, self.derived.mro)

    def subclasses(self, ref: ClassRef) -> list[ClassRef]:
        return list(self.derived.subclasses(self).get(ref.key, []))

    def descendants(self, ref: ClassRef) -> list[ClassRef]:
        return _closure(ref, self.subclasses, 500)

    def all_classes(self) -> Iterator[ClassRef]:
        return iter(self.derived.class_refs)

    def functions_taking(self, ref: ClassRef) -> list[tuple[ModuleIndex, FunctionFacts, str]]:
        """Functions with a parameter annotated as ``ref`` (by simple name, then resolved)."""
        out = []
        for module, fn, param in self.derived.annotated_params.get(ref.cls.name, []):
            p = fn.param(param)
            if p is not None and p.annotation and self.resolve(module, p.annotation) == ref:
                out.append((module, fn, param))
        return out

    def empty_base(self, ref: ClassRef) -> bool:
        """A class with nothing of its own (no method, attribute or field) that others derive: a
        place between an interface and its implementations (`class _Common(Shape): pass`),
        which implements nothing itself."""
        c = ref.cls
        return not c.methods and not c.class_attrs and not c.fields and bool(self.derived.subclasses(self).get(ref.key))

    def method_overridden(self, ref: ClassRef, name: str) -> bool:
        return any(name in d.cls.methods for d in self.descendants(ref))


class _Derived:
    """Maps over every module, computed once per workspace state."""

    def __init__(self, modules: list[ModuleIndex]) -> None:
        self.by_key: dict[str, ClassRef] = {}
        self.by_name: dict[str, list[ClassRef]] = {}
        self.annotated_params: dict[str, list[tuple[ModuleIndex, FunctionFacts, str]]] = {}
        self._subclasses: dict[str, list[ClassRef]] | None = None
        self._structural: dict[str, list[ClassRef]] | None = None
        # id(module) -> (module, name -> what the name resolves to there); the module is kept
        # so that an id reused by another object is not mistaken for it.
        self.resolved: dict[int, tuple[ModuleIndex, dict[str, ClassRef | None]]] = {}
        self.rooted: dict[tuple[str, str], tuple[ModuleIndex, str] | None] = {}  # WorkspaceIndex._from_root
        # id(class facts) -> (the facts, their module, WorkspaceIndex.bases), the facts and
        # module kept so that a reused id is not mistaken for them.
        self.bases_of: dict[int, tuple[ClassFacts, ModuleIndex, tuple[ClassRef, ...]]] = {}
        self._folder_names: set[str] | None = None
        self._modules = modules
        self.module_list = list(modules)
        self.by_module = {m.module: m for m in modules}
        self.folders = folders(modules)
        self.class_refs = [ClassRef(m, c) for m in modules for c in m.classes.values()]
        for m in modules:
            for c in m.classes.values():
                ref = ClassRef(m, c)
                self.by_key[ref.key] = ref
                self.by_name.setdefault(c.name, []).append(ref)
            for fn in m.all_functions():
                for p in fn.params:
                    if p.annotation:
                        simple = p.annotation.rpartition(".")[2].strip("'\" ")
                        self.annotated_params.setdefault(simple, []).append((m, fn, p.name))
        # Each class's method resolution order, shared between the classes deriving from it
        # (``mro.linearization``); only where no two classes have one key, as ClassRefs are
        # told apart by their key.
        self.mro: dict[ClassRef, tuple[list[ClassRef], int]] | None = (
            {} if len(self.by_key) == len(self.class_refs) else None
        )

    def folder_names(self) -> set[str]:
        """Every name a folder of the workspace holds: its modules' and its sub-folders'."""
        if self._folder_names is None:
            self._folder_names = {n for names in self.folders.values() for n in names}
            self._folder_names.update(f.rpartition("/")[2] for f in self.folders)
        return self._folder_names

    def structural(self, ws: WorkspaceIndex) -> dict[str, list[ClassRef]]:
        """Class key -> the Protocols it implements without naming them (``structural.implementations``)."""
        if self._structural is None:
            self._structural = implementations(ws, self._modules, self.class_refs)
        return self._structural

    def subclasses(self, ws: WorkspaceIndex) -> dict[str, list[ClassRef]]:
        if self._subclasses is None:
            subs: dict[str, list[ClassRef]] = {}
            for m in self._modules:
                for c in m.classes.values():
                    ref = ClassRef(m, c)
                    for base in ws.bases(ref):
                        subs.setdefault(base.key, []).append(ref)
            self._subclasses = subs
        return self._subclasses


def _inside(qualified: str, ref: ClassRef) -> bool:
    """Whether ``qualified`` (an imported dotted name) can name ``ref``: the package it was
    imported from, once any prefix above the workspace's top-level package is dropped (a
    `src.` layout), holds the class's module."""
    parts = qualified.split(".")
    mod_parts = ref.module.module.split(".")
    if mod_parts[0] not in parts:
        return False
    package = parts[parts.index(mod_parts[0]) : -1]
    return mod_parts[: len(package)] == package


def _closure(ref: ClassRef, step: Callable[[ClassRef], list[ClassRef]], limit: int) -> list[ClassRef]:
    """Every class reached from ``ref`` by ``step`` (subclasses), at most ``limit``."""
    seen: dict[str, ClassRef] = {}
    stack = step(ref)
    while stack and len(seen) < limit:
        r = stack.pop()
        if r.key not in seen and r != ref:
            seen[r.key] = r
            stack.extend(step(r))
    return list(seen.values())
