"""Which modules of a workspace belong to one program, for what a program may hold untyped.

An examples repository is many small programs side by side (`bridge/Bridge.py`,
`command/Command.py`, one chapter's folder beside another's): none of them imports another, so
an object one of them keeps untyped (`self._receiver = receiver`, `.action()` called on it)
can only be of a class of its own program, however many other programs define the same method
names. A program here is a group of modules tied by imports (either way, through other
modules: `main.py` importing both the holder's and the implementations' modules ties them) or
by sharing a folder (a script folder's modules reach each other by bare name, a package's
modules are handed each other's objects by their package): the connected parts of that graph.
A library is one such part as soon as its packages import each other or a common `__init__`
imports them; only modules nothing connects are apart.
"""

from __future__ import annotations

from agentls.patterns.facts import ModuleIndex
from agentls.patterns.script_imports import above_package, beside
from agentls.patterns.workspace import WorkspaceIndex

_KEY = "programs"  # WorkspaceIndex.memo key: id(module) -> its program's number


def same_program(ws: WorkspaceIndex, a: ModuleIndex, b: ModuleIndex) -> bool:
    """Whether ``a`` and ``b`` belong to one program (see the module docstring)."""
    if a is b:
        return True
    parts: dict[int, int] | None = ws.memo.get(_KEY)
    if parts is None:
        parts = ws.memo[_KEY] = _programs(ws)
    return parts.get(id(a), -1) == parts.get(id(b), -2)


def _programs(ws: WorkspaceIndex) -> dict[int, int]:
    modules = ws.modules()
    parent = list(range(len(modules)))
    at = {id(m): i for i, m in enumerate(modules)}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(i: int, j: int) -> None:
        parent[find(i)] = find(j)

    by_folder: dict[str, int] = {}
    for i, m in enumerate(modules):
        folder = m.path.replace("\\", "/").rpartition("/")[0]
        join(i, by_folder.setdefault(folder, i))
        for target in _imported(ws, m):
            j = at.get(id(target))
            if j is not None:
                join(i, j)
    return {id(m): find(i) for i, m in enumerate(modules)}


def _imported(ws: WorkspaceIndex, module: ModuleIndex) -> list[ModuleIndex]:
    """The workspace modules ``module``'s imports name: beside it (a script folder's bare
    import, or the folder above its package) or by dotted name, each prefix of it (a package's
    `__init__` as well as the module below it)."""
    table = ws.derived.folders
    root = above_package(table, module)
    out: list[ModuleIndex] = []
    for value in module.import_map.values():
        dotted = value.removesuffix(".*")
        for start in (None, root) if root is not None else (None,):
            near = beside(table, module, f"{dotted}._", start)
            if near is not None:
                out.append(near[0])
        parts = dotted.split(".")
        for n in range(1, len(parts) + 1):
            named = ws.module_named(".".join(parts[:n]))
            if named is not None:
                out.append(named)
    return out
