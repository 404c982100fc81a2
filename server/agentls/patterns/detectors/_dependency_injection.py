"""Workspace-wide search for the wiring of a dependency-injection graph.

Computed once per workspace state: provider modules (classes whose methods each build one
dependency from typed dependencies, or bind an abstraction to what implements it), declarative
containers (classes that are nothing but provider declarations), and composition roots
(functions that create those containers/modules, or that call the functions that do).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

from agentls.patterns.context import Ctx, Ev, per_workspace
from agentls.patterns.detectors._provider_modules import module_evidence
from agentls.patterns.detectors._shared import is_repository, is_test_file, is_test_module, is_uow
from agentls.patterns.facts import FunctionFacts, ModuleIndex
from agentls.patterns.workspace import ClassRef


@dataclass
class Wiring:
    modules: dict[str, list[Ev]] = field(default_factory=dict)  # provider module class key -> evidence
    containers: dict[str, list[Ev]] = field(default_factory=dict)  # declarative container class key
    roots: dict[tuple[str, str], list[Ev]] = field(default_factory=dict)  # (path, function) -> evidence


_IDENT = re.compile(r"[A-Za-z_]\w*")


def _referenced(module: ModuleIndex) -> set[str]:
    """Head names the module's recorded facts use (calls, arguments, annotations, bases,
    class attributes): what its class bodies' call arguments alone use is missing."""
    out: set[str] = set()

    def add(text: str | None) -> None:
        if text:
            out.update(_IDENT.findall(text.partition(":")[2] if ":" in text else text))

    fns = module.units()
    for f in fns:
        for c in f.calls:
            add(c.func)
            for a in c.args:
                add(a)
        for p in f.params:
            add(p.annotation)
        add(f.returns_annotation)
        for d in f.decorators:
            add(d)
        for v in f.returns:
            add(v)
        out.update(r.partition(".")[0] for r in f.foreign_reads)
    for cls in module.classes.values():
        for b in [*cls.bases, *cls.base_args, *cls.decorators]:
            add(b)
        for v in cls.class_attrs.values():
            add(v)
        for ann in cls.fields.values():
            add(ann)
    for v in module.assigns.values():
        add(v)
    for entries in module.dicts.values():
        for e in entries:
            add(e.key)
            for x in e.values:
                add(x)
    return out


def _namespace(module: ModuleIndex, dotted: str) -> str:
    """The imported module a dotted name is reached through: `providers.Factory` with
    `from dependency_injector import providers`, or a bare `Factory` imported from it."""
    head, dot, _ = dotted.partition(".")
    target = module.import_map.get(head, "")
    return target if dot else target.rpartition(".")[0]


def _container_evidence(ctx: Ctx, ref: ClassRef, unused: Callable[[], int]) -> list[Ev]:
    """Nothing but provider declarations: no methods, two or more class attributes made by
    calls into one external namespace other than its base's, in a module whose imported
    workspace classes only those declarations use (as the providers' arguments), or whose
    declarations build two or more services (``_wired``)."""
    cls, module = ref.cls, ref.module
    # Provider declarations annotated with the workspace class they provide (`query_bus:
    # MemoryQueryBus = providers.Singleton(MemoryQueryBus)`) show it as plainly as an import
    # only they use: a container alone in its file (one class per file) names them so.
    typed = sum(
        1
        for name, v in cls.class_attrs.items()
        if v.startswith("call:") and (ann := cls.fields.get(name)) and ctx.resolve(ann, module) is not None
    )
    if cls.methods or not cls.bases or is_test_file(module):
        return []
    wired = _wired(ctx, ref)
    if any(ctx.resolve(b, module) is not None for b in cls.bases):
        return []
    base_spaces = {_namespace(module, b.removesuffix("[]")) for b in cls.bases}
    spaces: dict[str, int] = {}
    for v in cls.class_attrs.values():
        if not v.startswith("call:"):
            continue
        # `providers.Factory(...)`, or `Factory(...)` imported from the providers module
        ns = _namespace(module, v[5:])
        if not ns or ns in base_spaces or ctx.ws.module_named(ns) is not None:
            continue
        spaces[ns] = spaces.get(ns, 0) + 1
    if not spaces or max(spaces.values()) < 2:
        # A framework whose base class and provider calls share one namespace (dishka's
        # `Provider` with `provide(SqlRepo, provides=Repo)`): declarations building two or
        # more services still wire the graph, which model fields (`models.ForeignKey(Author)`,
        # first argument a record class) never do.
        if len(wired) >= 2:
            return [(cls.selection.line, f"declares providers of {len(wired)} services, and nothing else")]
        return []
    # The imports only declarations use, last: counting them reads the whole module.
    if len(wired) < 2 and unused() + typed < 2:
        return []
    ns = max(spaces, key=lambda k: spaces[k])
    return [(cls.selection.line, f"declares {spaces[ns]} providers (`{ns}.*`) of workspace classes, and nothing else")]


def _wired(ctx: Ctx, ref: ClassRef) -> set[str]:
    """The services (``_service_like``) the class body's provider declarations build, each
    named as a declaration's first argument (`repo = providers.Factory(SqlRepo, session)`,
    `provide(SqlRepo, provides=Repo)`): what the container wires, however it is imported."""
    out: set[str] = set()
    for b in ref.cls.body_calls:
        args = b.call.args
        source = args[0] if len(args) > len(b.keywords) else b.keyword("source")
        if source is None or not source.startswith(("name:", "attr:")):
            continue
        r = ctx.resolve(source.partition(":")[2], ref.module)
        if r is not None and r.key != ref.key and _service_like(ctx, r):
            out.add(r.key)
    return out


def _resolve_function(ctx: Ctx, module: ModuleIndex, name: str, by_name: dict[str, list[str]]) -> str | None:
    """The (path, qualname) key of the workspace function a call refers to."""
    if "." in name:
        return None
    fn = ctx.ws.function(module, name)
    if fn is not None:
        return f"{fn[0].path}::{fn[1].name}"
    if name in module.import_map:
        return None
    found = by_name.get(name, [])
    return found[0] if len(found) == 1 else None  # a local `from x import f` inside the function


@per_workspace
def wiring(ctx: Ctx) -> Wiring:
    return _wiring(ctx)


def _accessor_container(ctx: Ctx, ref: ClassRef) -> list[Ev]:
    """A hand-written container: every public member is an accessor taking no argument, and
    two or more of them build application objects from what the container holds or builds
    (`OrganisationService(repository=self._repositories.organisation, cache=self.cache)`,
    `Repositories(postgres_client=self.clients.postgres)`), the objects built being services:
    implementations of an abstraction, or classes given their collaborators typed."""
    cls = ref.cls
    if cls.name.startswith("Test") or is_test_file(ref.module) or cls.is_interface:
        return []
    public = [m for n, m in cls.methods.items() if not n.startswith("_")]
    if any(p.name not in ("self", "cls") for m in public for p in m.params):
        return []  # a member taking arguments: an ordinary class, not a container
    built: list[tuple[FunctionFacts, ClassRef]] = []
    for m in public:
        for c in m.calls:
            r = ctx.resolve(c.func, ref.module)
            if r is None or f"call:{c.func}" not in m.returns or not any(a.startswith("attr:self.") for a in c.args):
                continue
            if _service_like(ctx, r):
                built.append((m, r))
    if len({r.key for _, r in built}) < 2:
        return []
    # Every one of them an implementation of one interface (`InOrderIterator`,
    # `BFSIterator` over `self.root`): interchangeable variants it hands out over its own
    # data, not the services of an application wired together.
    shared = set.intersection(*({a.key for a in ctx.interface_ancestors(r)} for _, r in built))
    if shared:
        return []
    m, r = built[0]
    names = ", ".join(f"`{r2.cls.name}`" for _, r2 in built[:3])
    return [(m.selection.line, f"`{m.name}` builds `{r.cls.name}` from what the container holds; it builds {names}")]


def _service_like(ctx: Ctx, ref: ClassRef) -> bool:
    """An object worth injecting: it implements an abstraction, is a repository or unit of
    work (with or without a port), or its constructor receives collaborators typed as
    workspace classes (a service, a repository, another container)."""
    if ctx.interface_ancestors(ref) or is_repository(ctx, ref) or is_uow(ctx, ref):
        return True
    init = ref.cls.methods.get("__init__")
    return init is not None and any(ctx.annotation_refs(p.annotation, ref.module) for p in init.params)


def _wiring(ctx: Ctx) -> Wiring:
    out = Wiring()
    for ref in ctx.ws.all_classes():
        if ref.cls.methods:
            ev = module_evidence(ctx, ref) or _accessor_container(ctx, ref)
            if ev:
                out.modules[ref.key] = ev
    for module in ctx.ws.modules():
        candidates = [c for c in module.classes.values() if not c.methods and c.class_attrs and c.bases]
        if not candidates:
            continue
        counted: list[int] = []  # the module's imports only its declarations use, counted once if asked
        for c in candidates:
            cref = ClassRef(module, c)
            ev = _container_evidence(ctx, cref, partial(_unused_imports, ctx, module, counted))
            if ev:
                out.containers[cref.key] = ev
    wired_classes = set(out.modules) | set(out.containers)
    functions: list[tuple[ModuleIndex, FunctionFacts]] = []
    by_name: dict[str, list[str]] = {}
    for module in ctx.ws.modules():
        if is_test_module(module):
            continue
        for f in module.functions.values():
            functions.append((module, f))
            by_name.setdefault(f.name, []).append(f"{module.path}::{f.name}")
    # level 0: functions that create provider modules / containers
    for module, f in functions:
        made: list[ClassRef] = []
        for call in f.calls:
            r = ctx.resolve(call.func, module)
            if r is not None and r.key in wired_classes and r not in made:
                made.append(r)
        if made:
            line = next(c.line for c in f.calls if ctx.resolve(c.func, module) == made[0])
            names = ", ".join(f"`{r.cls.name}`" for r in made[:4])
            out.roots[(module.path, f.qualname)] = [(line, f"creates the providers of the object graph: {names}")]
    # then: functions that call a composition root to assemble a larger graph
    for _ in range(4):
        grew = False
        for module, f in functions:
            k = (module.path, f.qualname)
            if k in out.roots or not _hands_on(f):
                continue
            for call in f.calls:
                callee = _resolve_function(ctx, module, call.func, by_name)
                if callee is None:
                    continue
                path, _, qual = callee.partition("::")
                if (path, qual) in out.roots and (path, qual) != k:
                    out.roots[k] = [(call.line, f"assembles the graph: calls the composition root `{qual}`")]
                    grew = True
                    break
        if not grew:
            break
    return out


def _unused_imports(ctx: Ctx, module: ModuleIndex, counted: list[int]) -> int:
    """Imported workspace classes and functions (`providers.Singleton(create_engine)`) unused
    by the module's recorded facts: what only class-body arguments use."""
    if not counted:
        used = _referenced(module)
        found = [i.alias for i in module.imports if i.name is not None and i.alias not in used]
        counted.append(sum(ctx.resolve(a, module) is not None or ctx.ws.function(module, a) is not None for a in found))
    return counted[0]


def _hands_on(f: FunctionFacts) -> bool:
    """The function hands what it assembled on (returns it, stores it, registers it with an
    object it received) rather than only using the graph to run something."""
    if any(v not in ("none", "const") for v in f.returns) or f.attr_stores:
        return True
    params = {p.name for p in f.params}
    return any(c.receiver in params and c.args for c in f.calls)


def keyed_resolver(ref: ClassRef) -> list[Ev]:
    """A container keyed by class: a method files a provider in a dict under the key it is
    given (`self._bindings[cls] = provider`), and a public method looks the key up there and
    calls what it finds (`binding = self._bindings.get(cls); return binding()`), building the
    key itself when nothing is bound (`cls()`): the key is a class it supplies an instance of,
    where a name-keyed table of creators never instantiates its key."""
    stores = {
        op.container
        for m in ref.cls.methods.values()
        for op in m.container_ops
        if op.op == "setitem" and op.key.startswith("param:") and op.container.startswith("self.")
    }
    for m in ref.cls.methods.values():
        if not m.is_public:
            continue
        for p in m.param_names:
            looked = {
                local
                for local, callee in m.call_locals.items()
                if callee.removesuffix(".get") in stores
                and any(c.func == callee and c.args[:1] == (f"param:{p}",) for c in m.calls)
            }
            if any(c.func in looked for c in m.calls) and any(c.func == p for c in m.calls):
                return [(m.selection.line, f"`{m.name}` calls the provider filed under `{p}`, or builds `{p}` itself")]
    return []


def own_kind(ctx: Ctx, holder: ClassRef, name: str) -> bool:
    """The class ``name`` implements an interface ``holder`` implements too: handed to it, it
    is wrapped (a decorator stack), not injected."""
    dep = ctx.resolve(name)
    return dep is not None and bool(set(ctx.interface_ancestors(dep)) & set(ctx.interface_ancestors(holder)))
