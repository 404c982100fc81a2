from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import ClassVar

from agentls.patterns.context import Ctx
from agentls.patterns.model import Detection, Range
from agentls.patterns.registry import Detector, register


def layer_of(module: str, layers: tuple[tuple[str, tuple[str, ...]], ...]) -> int | None:
    """Index of the first layer named among the first three components of ``module``."""
    parts = module.split(".")[:3]
    for part in parts:
        for i, (_, names) in enumerate(layers):
            if part in names:
                return i
    return None


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
    nothing but entrypoints imports entrypoints. The `layers` setting replaces them. An import is a violation when both
    modules share their top-level package and the imported module's layer is further out than
    the importer's.
    """

    id = "layer_violation"
    category = "smell"
    roles: ClassVar[dict[str, str]] = {"violating_import": "imports an outer layer"}

    def detect(self, ctx: Ctx) -> Iterator[Detection]:
        layers = ctx.settings.layers
        here = layer_of(ctx.index.module, layers)
        if here is None:
            return
        root = ctx.index.module.split(".")[0]
        for imp in ctx.index.imports:
            target = f"{imp.module}.{imp.name}" if imp.name else imp.module
            if target.split(".")[0] != root:
                continue
            there = layer_of(target, layers)
            if there is None or there <= here:
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
