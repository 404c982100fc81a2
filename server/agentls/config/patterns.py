"""The patterns section: the engine's settings (``PatternSettings``: thresholds, layers,
disabled ids, smells) and the editor's (the feature on or off, the background index's bounds).

Read from ``[tool.agentls.patterns]`` in ``pyproject.toml`` or ``[patterns]`` in
``.agentls.toml``, then the editor's ``agentls.patterns`` keys on top::

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
or out of range is ignored with a logged warning: the value below it stands, and nothing fails.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from agentls.patterns.settings import Layers, PatternSettings

log = logging.getLogger(__name__)

DEFAULT_MAX_FILES = 20_000
_GOD_KEYS = ("godClass", "god_class", "god-class")
# The editor's keys that are not the engine's.
_EDITOR_ONLY = frozenset({"enabled", "exclude", "maxFiles", "max_files"})


@dataclass(frozen=True)
class PatternsConfig:
    engine: PatternSettings = field(default_factory=PatternSettings)
    enabled: bool = True  # hover, symbols and smells in Python files, and the background index
    exclude: tuple[str, ...] = ()  # globs the background index skips
    max_files: int = DEFAULT_MAX_FILES  # 0: no background index


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


def engine_from(data: Any, base: PatternSettings, where: str) -> PatternSettings:
    """The engine's keys present in ``data`` (a ``[tool.agentls.patterns]`` table or the
    editor's ``patterns`` keys) override ``base``; bad values are logged and ignored."""
    s = base
    if not isinstance(data, Mapping):
        if data is not None:
            _warn(where, "patterns", data, "expected a table")
        return s
    norm = {k: v for k, v in _flat(data).items() if k not in _EDITOR_ONLY}
    if "smells" in norm:
        if isinstance(norm["smells"], bool):
            s = replace(s, smells=norm["smells"])
        else:
            _warn(where, "smells", norm["smells"], "expected true or false")
    if "disabled" in norm and norm["disabled"] is not None:
        s = _disabled(norm["disabled"], s, where)
    if "layers" in norm and norm["layers"] is not None:
        layers = parse_layers(norm["layers"])
        if layers is None:
            _warn(where, "layers", norm["layers"],
                  "expected at least two layers, inner to outer: names, {name, packages} tables, "
                  "or a table of name = [packages]")
        else:
            s = replace(s, layers=layers)
    god: Any = next((norm[k] for k in _GOD_KEYS if k in norm), None)
    if god is not None and not isinstance(god, Mapping):
        _warn(where, "godClass", god, "expected a table with atfd, wmc, tcc")
        god = None
    return _god_class(god, s, where) if god is not None else s


def _disabled(raw: Any, s: PatternSettings, where: str) -> PatternSettings:
    ids = () if isinstance(raw, (list, tuple)) and not raw else _names(raw)
    if ids is None:
        _warn(where, "disabled", raw, "expected a list of pattern ids")
        return s
    wanted = {i.replace("-", "_").lower() for i in ids}
    known = _known_ids()
    for unknown in sorted(wanted - known):
        _warn(where, "disabled", unknown, "no pattern or smell has this id")
    return replace(s, disabled=frozenset(wanted & known))


def _god_class(god: Mapping[str, Any], s: PatternSettings, where: str) -> PatternSettings:
    for key in ("atfd", "wmc", "tcc"):
        if key not in god or god[key] is None:
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


def editor_from(data: Mapping[str, Any], base: PatternsConfig, where: str) -> PatternsConfig:
    """The editor's ``patterns`` keys: the engine's on top of ``base``, and the editor's own."""
    enabled = data.get("enabled")
    exclude = data.get("exclude")
    if isinstance(exclude, str):
        exclude = [exclude]
    limit = data.get("maxFiles", data.get("max_files"))
    return PatternsConfig(
        engine=engine_from(data, base.engine, where),
        enabled=enabled if isinstance(enabled, bool) else base.enabled,
        exclude=tuple(str(e) for e in exclude if isinstance(e, str) and e.strip())
        if isinstance(exclude, (list, tuple)) else base.exclude,
        max_files=limit if isinstance(limit, int) and not isinstance(limit, bool) and limit >= 0
        else base.max_files)
