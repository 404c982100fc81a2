"""Fields a generated constructor takes: what a dataclass, an attrs class or a pydantic model
declares in its body (`inner: Text`, `children: list[Node] = field(default_factory=list)`)
is handed to the object as surely as `self.inner = inner` in a written `__init__`.

Kept apart from ``context`` (near its size budget); ``Ctx._collabs`` asks these two questions.
"""

from __future__ import annotations

from agentls.patterns.facts import ClassFacts

# Bases whose subclasses get an `__init__` made from their annotated fields (pydantic 1 and 2,
# typing's named tuples). Library semantics, as the `dataclass` decorator is: not a naming
# guess about the program's own classes.
_MODEL_BASES = frozenset({"BaseModel", "GenericModel", "NamedTuple"})
# Field declarations the generated constructor does not take: pydantic's private attributes
# (set by a written `__init__` or left at their default).
_NOT_PARAMS = frozenset({"PrivateAttr", "pydantic.PrivateAttr"})
# A field annotated as one of these holds a collection of the objects it names (its children,
# its members), not one of them; sets are left out as `context._CONTAINER_CALLS` leaves `set()`.
_ANNOTATED_CONTAINERS = {"list": "list", "List": "list", "dict": "dict", "Dict": "dict"}


def takes_fields(cls: ClassFacts, ancestors: list[ClassFacts]) -> bool:
    """``cls`` has no constructor of its own, and the one it gets is generated from its fields:
    it is a dataclass / attrs class, or it or a class it derives is a pydantic model or a named
    tuple (and no class between writes an `__init__`)."""
    if "__init__" in cls.methods:
        return False
    if cls.dataclass:
        return True
    for c in (cls, *ancestors):
        if any(b.rpartition(".")[2].partition("[")[0] in _MODEL_BASES for b in c.bases):
            return True
        if c is not cls and "__init__" in c.methods:
            return False
    return False


def field_is_param(cls: ClassFacts, name: str) -> bool:
    """The generated constructor takes field ``name``: not a `ClassVar`, not a private attribute."""
    ann = (cls.fields.get(name) or "").strip("'\" ")
    if ann.partition("[")[0].rpartition(".")[2] == "ClassVar":
        return False
    return cls.class_attrs.get(name, "").removeprefix("call:") not in _NOT_PARAMS


def annotated_container(ann: str | None) -> str:
    """`list` / `dict` when the annotation declares such a container (`list[Node]`,
    `Dict[str, Handler]`), else ""."""
    outer = (ann or "").strip("'\" ").partition("[")[0].rpartition(".")[2]
    return _ANNOTATED_CONTAINERS.get(outer, "")
