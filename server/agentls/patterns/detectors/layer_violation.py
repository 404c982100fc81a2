from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import ClassVar

from agentls.patterns.context import Ctx
from agentls.patterns.detector_registry import Detector, register
from agentls.patterns.detectors._dependency_injection import wiring
from agentls.patterns.facts import Import
from agentls.patterns.model import Detection, Range


def layer_of(module: str, layers: tuple[tuple[str, tuple[str, ...]], ...]) -> int | None:
    """Index of the first layer named among the first three components of ``module``."""
    found = place(module, layers)
    return found[1] if found else None


def place(module: str, layers: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[str, int] | None:
    """(package holding the layer, layer index) for the first component naming a layer."""
    parts = module.split(".")[:3]
    for depth, part in enumerate(parts):
        for i, (_, names) in enumerate(layers):
            if part in names:
                return ".".join(parts[:depth]), i
    return None


def _layered(ctx: Ctx) -> dict[str, set[int]]:
    """Package -> the layers found directly inside it, over the whole workspace (cached)."""
    key = ("layered", ctx.settings.layers)
    cached = ctx._cache.get(key)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    hit: dict[str, set[int]] = {}
    for module in ctx.ws.modules():
        found = place(module.module, ctx.settings.layers)
        if found:
            hit.setdefault(found[0], set()).add(found[1])
    ctx._cache[key] = hit
    return hit


# Modules that hold a package's abstract ports: what an inner layer declares and an outer one
# implements, whichever layer's folder they sit in.
_PORT_MODULES = frozenset({"ports", "port", "interfaces", "interface", "protocols", "abc", "contracts"})


def _is_port(ctx: Ctx, imp: Import) -> bool:
    """The import names an abstract port: a module named for ports, or an ABC / Protocol class
    (abstract methods declared) of the workspace. Depending on an abstraction is the point of
    ports and adapters, not a violation of it."""
    parts = imp.module.split(".") + ([imp.name] if imp.name else [])
    if any(
        p.lower() in _PORT_MODULES
        or p.lower().startswith("abstract")
        or p.lower().endswith(("_ports", "_interfaces", "_protocols"))
        for p in parts[1:]
    ):
        return True
    if imp.name is None:
        return False
    module = ctx.ws.module_named(imp.module)
    cls = module.classes.get(imp.name) if module is not None else None
    if cls is None:
        return False
    # declared abstract (ABC, Protocol, ABCMeta) with abstract methods, or `@abstractmethod`s on a
    # class whose abstract base lives elsewhere (`class UserRepository(GenericRepository[...])`)
    declared = (cls.declares_abstract or cls.is_protocol) and bool(cls.abstract_methods)
    return declared or any(m.abstract for m in cls.methods.values())


def _wires_the_graph(ctx: Ctx) -> bool:
    """The module holds a composition root: a provider module or declarative container class,
    or a function creating them. Wiring the object graph means knowing every layer, so its
    imports point wherever the concrete classes live, whichever folder it sits in."""
    w = wiring(ctx)
    index = ctx.index
    if any(
        f"{index.module}.{c.qualname}" in w.modules or f"{index.module}.{c.qualname}" in w.containers
        for c in index.classes.values()
    ):
        return True
    return any((index.path, f.qualname) in w.roots for f in index.functions.values())


def _defined_in(ctx: Ctx, imp: Import) -> str:
    """What the import names, followed through one re-export: `from app.services import User`
    where `app.services` itself imports `User` from the domain is a domain import."""
    target = f"{imp.module}.{imp.name}" if imp.name else imp.module
    module = ctx.ws.module_named(imp.module) if imp.name else None
    if module is None or imp.name in module.classes or imp.name in module.functions:
        return target
    return module.import_map.get(str(imp.name), target)


@register
class LayerViolation(Detector):
    """An import that points outwards across architectural layers: the domain importing the
    service layer or adapters, the service layer importing entrypoints. Inner layers should
    not know about outer ones, so that the domain stays testable and infrastructure replaceable.
    Reported as an Information diagnostic on the import.

    ## Roles
    - `violating_import`: the module containing the import (the range is the import line).

    ## How it is detected
    Each module is placed in a layer by the first of its first three dotted name components
    that names a layer. The default layers, inner to outer, are `domain` (`domain`, `model`,
    `models`, `entities`, `core`), `adapters` (`adapters`, `infrastructure`, `orm`,
    `repositories`, `persistence`), `service` (`service`, `services`, `service_layer`,
    `application`, `use_cases`) and `entrypoints` (`entrypoints`, `api`, `web`, `cli`,
    `views`, `ui`): the service layer may wire adapters, adapters may not call services, and
    nothing but entrypoints imports entrypoints. The `layers` setting replaces them. Layers
    count only as a layout: sibling packages, at least three of them (or all of them, when
    fewer are configured) side by side in one package of the workspace, so a framework's lone
    `core` or `models` package is not taken for a domain layer. An import is a violation when
    it goes from one layer to a sibling layer further out (a name re-exported by an outer module
    counts where it is defined), unless what it imports is an abstract
    port: a module named `ports`, `interfaces`, `protocols`, `abstract…`, `abc` or `contracts`,
    or an ABC / `Protocol` class with abstract methods. Adapters implementing the ports an
    application declares depend on an abstraction, which is what the layers are for. A module
    holding a composition root (a dependency-injection provider module or container, or a
    function creating them, in an `infrastructure/di` folder say) is not judged: wiring the
    object graph is knowing every layer; nor is a module of the outermost layer nested inside
    another layer's package (`infrastructure/api/v1/dependencies.py`: the web adapter driving
    the application), which may import every layer.

    ## Settings
    `layers` in `[tool.agentls.patterns]` (`pyproject.toml`; `[patterns]` in `.agentls.toml`),
    or `agentls.patterns.layers` in the editor, replaces the default layers, inner to outer:
    `layers = ["core", "app", "web"]` (each layer is the package of that name), or tables
    naming several packages per layer, `layers = [{ name = "domain", packages = ["domain",
    "model"] }, …]`. At least two layers; a malformed value is ignored with a warning.
    """

    id = "layer_violation"
    category = "smell"
    roles: ClassVar[dict[str, str]] = {"violating_import": "imports an outer layer"}

    def detect(self, ctx: Ctx) -> Iterator[Detection]:
        layers = ctx.settings.layers
        found = place(ctx.index.module, layers)
        if found is None:
            return
        package, here = found
        # An entrypoint nested in another layer's package (`infrastructure/api/...`, the web
        # adapter that drives the application) is of the outermost layer: it imports what it likes.
        parts = ctx.index.module.split(".")[:3]
        depth = len(package.split(".")) if package else 0
        if here < len(layers) - 1 and any(p in layers[-1][1] for p in parts[depth + 1 :]):
            return
        # A layered layout has its layers side by side: a package holding at least three of
        # them (or all, when fewer are configured). A lone `core` or `models` is just a name.
        if len(_layered(ctx).get(package, ())) < min(3, len(layers)) or _wires_the_graph(ctx):
            return
        for imp in ctx.index.imports:
            target = _defined_in(ctx, imp)
            there_at = place(target, layers)
            if there_at is None or there_at[0] != package:
                continue
            there = there_at[1]
            if there <= here or _is_port(ctx, imp):
                continue
            d = ctx.det(
                ctx.index,
                self.id,
                "violating_import",
                1.0,
                [
                    (
                        imp.line,
                        f"the {layers[here][0]} layer imports `{target}` from the outer {layers[there][0]} layer",
                    ),
                ],
            )
            line = Range(imp.line, 0, imp.line + 1, 0)
            yield replace(
                d, range=line, selection=line, metrics=(("from_layer", float(here)), ("to_layer", float(there)))
            )
