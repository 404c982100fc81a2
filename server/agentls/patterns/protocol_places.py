"""Where the program declares a Protocol, for `handed`: the functions, constructors and methods
with a parameter naming one, and the attributes declared as one (a class-body field, or a
property setter's value)."""

from __future__ import annotations

from agentls.patterns.facts import ClassFacts, ModuleIndex


def protocol_takers(modules: list[ModuleIndex], names: set[str]) -> dict[str, list[tuple[ModuleIndex, str]]]:
    """Callee simple name (a function's, or a class's for its constructor) -> (module, name)
    of each function or class with a parameter or dataclass field naming a Protocol."""
    out: dict[str, list[tuple[ModuleIndex, str]]] = {}
    for m in modules:
        for fn in m.functions.values():
            if _names_one([q.annotation for q in fn.params], names):
                out.setdefault(fn.name, []).append((m, fn.name))
        for cls in m.classes.values():
            if _names_one(list(constructor_annotations(cls)), names):
                out.setdefault(cls.name, []).append((m, cls.name))
            for f in cls.methods.values():
                if f.name != "__init__" and _names_one([q.annotation for q in f.params], names):
                    out.setdefault(f.name, []).append((m, cls.name))
    return out


def constructor_annotations(cls: ClassFacts) -> list[str]:
    """The annotations of a constructor's parameters: its `__init__`'s, else its fields (a
    dataclass, a pydantic model, an attrs class)."""
    init = cls.methods.get("__init__")
    if init is not None:
        return [q.annotation or "" for q in init.params]
    return [a or "" for a in cls.fields.values()]


def _names_one(anns: list[str | None], names: set[str]) -> bool:
    return any(a and a.strip("'\" ").rpartition(".")[2] in names for a in anns)


def protocol_fields(modules: list[ModuleIndex], names: set[str]) -> dict[str, list[tuple[ModuleIndex, str]]]:
    """Attribute name -> (module, annotation) of each class declaring it as a Protocol
    (`repo: UserRepo`), or taking it through a property setter whose value is declared so
    (`@strategy.setter def strategy(self, strategy: Strategy)`)."""
    out: dict[str, list[tuple[ModuleIndex, str]]] = {}
    for m in modules:
        for cls in m.classes.values():
            for attr, ann in cls.fields.items():
                if ann and ann.rpartition(".")[2] in names:
                    out.setdefault(attr, []).append((m, ann))
            for name, f in cls.methods.items():
                if f.kind == "property" and len(f.params) == 1:
                    ann = (f.params[0].annotation or "").strip("'\" ")
                    if ann.rpartition(".")[2] in names:
                        out.setdefault(name, []).append((m, ann))
    return out
