"""The detector registry: one detector class per pattern id, in ``detectors/<id>.py``.

A detector's docstring is its documentation: the first paragraph is shown on hover, the whole
text becomes ``docs/patterns/<id>.md``. Required headings: ``## Roles`` and
``## How it is detected``.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterable
from typing import ClassVar

from agentls.patterns.context import Ctx
from agentls.patterns.model import Detection

CATEGORIES = ("creational", "structural", "behavioural", "architecture", "smell")


class Detector:
    id: ClassVar[str]
    category: ClassVar[str]
    roles: ClassVar[dict[str, str]]
    title: ClassVar[str] = ""

    def detect(self, ctx: Ctx) -> Iterable[Detection]:
        raise NotImplementedError

    @classmethod
    def doc(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def summary(cls) -> str:
        """The first paragraph of the docstring: purpose and trade-offs, for hover."""
        return " ".join(cls.doc().split("\n\n", 1)[0].split())


_REGISTRY: dict[str, Detector] = {}


def register(cls: type[Detector]) -> type[Detector]:
    if cls.id in _REGISTRY:
        raise ValueError(f"duplicate detector id {cls.id!r}")
    if cls.category not in CATEGORIES:
        raise ValueError(f"{cls.id}: unknown category {cls.category!r}")
    if "## Roles" not in cls.doc() or "## How it is detected" not in cls.doc():
        raise ValueError(f"{cls.id}: docstring lacks the required headings")
    _REGISTRY[cls.id] = cls()
    return cls


def detectors() -> dict[str, Detector]:
    import agentls.patterns.detectors  # noqa: F401  (registers every detector)

    return dict(_REGISTRY)


def get(pattern_id: str) -> Detector | None:
    return detectors().get(pattern_id)
