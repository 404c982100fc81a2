"""Settings for the pattern engine (shared by CLI, language server and tests).

Read from ``[tool.agentls.patterns]`` in ``pyproject.toml`` or ``[patterns]`` in
``.agentls.toml`` (``load``), and from the editor's ``agentls.patterns`` section
(``from_mapping``, which the language server applies on top of the TOML file)::

    [tool.agentls.patterns]
    smells = true                          # false: patterns only
    disabled = ["singleton", "god_class"]  # pattern or smell ids never reported
    layers = [                             # inner to outer; replaces the default layers
        { name = "domain", packages = ["domain", "model"] },
        { name = "application", packages = ["application", "services"] },
        { name = "infrastructure", packages = ["infrastructure", "adapters"] },
    ]
    [tool.agentls.patterns.god-class]      # or god_class / godClass
    atfd = 5                               # reported when ATFD > atfd,
    wmc = 47                               #   WMC >= wmc
    tcc = 0.33                             #   and TCC < tcc

``layers`` may also be a list of names (each layer is the package of that name) or a table
``name = ["package", ...]`` (inner to outer, in the order written). A value of the wrong type
or out of range is ignored with a logged warning: the default (or the TOML value under an
editor setting) stands, and nothing fails.
"""

from __future__ import annotations

import logging
import math
import sys
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]

log = logging.getLogger(__name__)

# Inner to outer. A module belongs to the first layer named among the first three components
# of its dotted name; importing a layer further out is a violation. The service layer may use
# adapters (it wires the concrete unit of work), but adapters must not call into services,
# and nothing inner may import entrypoints.
DEFAULT_LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("domain", ("domain", "model", "models", "entities", "core")),
    ("adapters", ("adapters", "adapter", "infrastructure", "infra", "repositories", "orm", "persistence")),
    ("service", ("service", "services", "service_layer", "application", "use_cases", "usecases")),
    ("entrypoints", ("entrypoints", "entrypoint", "api", "web", "cli", "views", "handlers_http", "ui")),
)


@dataclass(frozen=True)
class PatternSettings:
    disabled: frozenset[str] = frozenset()
    smells: bool = True
    layers: tuple[tuple[str, tuple[str, ...]], ...] = DEFAULT_LAYERS
    # Lanza & Marinescu thresholds (see docs/patterns/god_class.md for the Python adaptation).
    god_atfd: int = 5
    god_wmc: int = 47
    god_tcc: float = 1 / 3


Layers = tuple[tuple[str, tuple[str, ...]], ...]

_GOD_KEYS = ("godClass", "god_class", "god-class")


def _warn(where: str, key: str, value: Any, why: str) -> None:
    log.warning("%s: ignoring %s = %r: %s", where, key, value, why)


def _integer(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return None


def _names(value: Any) -> tuple[str, ...] | None:
    """A non-empty list of non-empty strings (one string: a list of one)."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple)) or not value:
        return None
    if not all(isinstance(v, str) and v.strip() for v in value):
        return None
    return tuple(v.strip() for v in value)


def parse_layers(value: Any) -> Layers | None:
    """Layers, inner to outer, from a list of names, a list of ``{name, packages}`` tables or a
    table ``name = [packages]``; None when the value has none of these shapes."""
    items: list[tuple[Any, Any]]
    if isinstance(value, Mapping):
        items = list(value.items())
    elif isinstance(value, (list, tuple)):
        items = []
        for item in value:
            if isinstance(item, str):
                items.append((item, [item]))
            elif isinstance(item, Mapping):
                items.append((item.get("name"), item.get("packages", item.get("modules"))))
            else:
                return None
    else:
        return None
    layers: list[tuple[str, tuple[str, ...]]] = []
    for name, packages in items:
        names = _names(packages)
        if not isinstance(name, str) or not name.strip() or names is None:
            return None
        layers.append((name.strip(), names))
    if len(layers) < 2 or len({n for n, _ in layers}) != len(layers):
        return None
    return tuple(layers)


def _known_ids() -> frozenset[str]:
    from agentls.patterns.detector_registry import detectors  # registers every detector

    return frozenset(detectors())


def _flat(data: Mapping[str, Any]) -> dict[str, Any]:
    """Nested tables and flat dotted keys (``"godClass.wmc"``) as one nested mapping."""
    out: dict[str, Any] = {}
    for key, value in data.items():
        if not isinstance(key, str):
            continue
        head, dot, rest = key.partition(".")
        if dot:
            inner = out.get(head)
            merged = dict(inner) if isinstance(inner, Mapping) else {}
            merged.update(_flat({rest: value}))
            out[head] = merged
        elif isinstance(value, Mapping) and isinstance(out.get(key), Mapping):
            out[key] = {**out[key], **_flat(value)}
        else:
            out[key] = _flat(value) if isinstance(value, Mapping) and key in _GOD_KEYS else value
    return out


def from_mapping(
    data: Mapping[str, Any] | None, base: PatternSettings | None = None, where: str = "agentls.patterns"
) -> PatternSettings:
    """The keys present in ``data`` (a ``[tool.agentls.patterns]`` table or the editor's
    ``patterns`` object) override ``base``; bad values are logged and ignored."""
    s = base if base is not None else PatternSettings()
    if not isinstance(data, Mapping):
        if data is not None:
            _warn(where, "patterns", data, "expected a table")
        return s
    norm = _flat(data)
    if "smells" in norm:
        if isinstance(norm["smells"], bool):
            s = replace(s, smells=norm["smells"])
        else:
            _warn(where, "smells", norm["smells"], "expected true or false")
    if "disabled" in norm and norm["disabled"] is not None:
        raw = norm["disabled"]
        ids = () if isinstance(raw, (list, tuple)) and not raw else _names(raw)
        if ids is None:
            _warn(where, "disabled", raw, "expected a list of pattern ids")
        else:
            wanted = {i.replace("-", "_").lower() for i in ids}
            known = _known_ids()
            for unknown in sorted(wanted - known):
                _warn(where, "disabled", unknown, "no pattern or smell has this id")
            s = replace(s, disabled=frozenset(wanted & known))
    if "layers" in norm and norm["layers"] is not None:
        layers = parse_layers(norm["layers"])
        if layers is None:
            _warn(
                where,
                "layers",
                norm["layers"],
                "expected at least two layers, inner to outer: names, {name, packages} tables, "
                "or a table of name = [packages]",
            )
        else:
            s = replace(s, layers=layers)
    god: Any = next((norm[k] for k in _GOD_KEYS if k in norm), None)
    if god is not None and not isinstance(god, Mapping):
        _warn(where, "godClass", god, "expected a table with atfd, wmc, tcc")
        god = None
    for key in ("atfd", "wmc", "tcc"):
        if god is None or key not in god or god[key] is None:
            continue
        value = god[key]
        if key == "tcc":
            ok = isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
            if ok and 0 <= value <= 1:
                s = replace(s, god_tcc=float(value))
            else:
                _warn(where, f"godClass.{key}", value, "expected a number from 0 to 1")
            continue
        number = _integer(value)
        low = 0 if key == "atfd" else 1
        if number is None or number < low:
            _warn(where, f"godClass.{key}", value, f"expected an integer >= {low}")
        elif key == "atfd":
            s = replace(s, god_atfd=number)
        else:
            s = replace(s, god_wmc=number)
    return s


def load_file(path: Path, base: PatternSettings | None = None) -> PatternSettings:
    """``[tool.agentls.patterns]`` of a ``pyproject.toml``, or ``[patterns]`` of any other file."""
    base = base or PatternSettings()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        log.warning("%s: cannot read the pattern settings: %s", path, exc)
        return base
    pyproject = path.name == "pyproject.toml"
    table: Any = data.get("tool", {}).get("agentls", {}) if pyproject else data
    found = table.get("patterns") if isinstance(table, Mapping) else None
    if found is None:
        return base
    return from_mapping(found, base, f"{path} [{'tool.agentls.' if pyproject else ''}patterns]")


def load(start: Path) -> PatternSettings:
    """The settings of the nearest ``.agentls.toml`` or ``pyproject.toml`` with
    ``[tool.agentls]`` at or above ``start`` (the defaults when there is none)."""
    from agentls.settings import find_config

    try:
        path = find_config(start.resolve())
    except OSError:
        path = None
    return load_file(path) if path is not None else PatternSettings()
