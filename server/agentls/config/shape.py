"""One section of a settings mapping, whichever shape the editor sent it in."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def subtable(data: Mapping[str, Any], name: str) -> dict[str, Any]:
    """``data[name]`` (nested, ``{"patterns": {...}}``) merged with the flat keys VS Code's
    settings.json has (``"patterns.godClass.wmc"``, which win): the keys below ``name``."""
    nested = data.get(name)
    out: dict[str, Any] = dict(nested) if isinstance(nested, Mapping) else {}
    prefix = name + "."
    for key, value in data.items():
        if isinstance(key, str) and key.startswith(prefix):
            out[key.removeprefix(prefix)] = value
    return out
