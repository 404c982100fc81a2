"""Where a bare import written in a script folder leads: the module beside the importing file.

Example collections keep each example in a folder of scripts importing their siblings by bare
name (`from context import Context`, `from strategy import Strategy`), run as `python main.py`
from that folder: Python puts the script's own folder first on ``sys.path``, so the sibling
wins over every other `context.py` of the repository, and over a top-level `state.py` for a
folder `state/` of scripts. The lookup goes by path, not by dotted module name, because names
cannot always tell the folders apart: a file right inside a folder no import can spell
(`02 Classic/main.py`), or outside the current folder, is named by its bare stem (`main`).

A file in a regular package (its folder holds `__init__.py`) is imported by its dotted name,
and a bare import there is absolute (Python 3 has no implicit relative import): for it the
workspace's top-level module comes first (``WorkspaceIndex`` decides the order).

A project nested in the tree runs from its own folder: `bookmanagement/application/x.py`
writing `from domain.book import Book` beside `bookmanagement/domain/book.py` (that folder, a
package or not, is on ``sys.path`` when the project runs), or `code/src/` holding both the
`manutencao` package and the `utils` folder it imports. When a name resolves nowhere else, the
folders above the importer are tried as such roots, nearest first (``roots``): a root is a
folder above the importer that the import itself resolves against, so a sibling project's
`domain/` is never one.
"""

from __future__ import annotations

from agentls.patterns.facts import ModuleIndex

# folder (with `/` separators, "" for the top) -> the name a module there is imported by -> module
Folders = dict[str, dict[str, ModuleIndex]]


def _split(path: str) -> tuple[str, str]:
    folder, _, file = path.replace("\\", "/").rpartition("/")
    return folder, file.removesuffix(".pyi").removesuffix(".py")


def folders(modules: list[ModuleIndex]) -> Folders:
    """Every module by its folder and the name it is imported by there: `x.py` as `x`, a package
    `x/__init__.py` as `__init__` in its folder and as `x` in the folder above (before `x.py`,
    as Python's finder takes the package)."""
    out: Folders = {}
    for m in sorted(modules, key=lambda m: _split(m.path)[1] == "__init__"):
        folder, stem = _split(m.path)
        out.setdefault(folder, {})[stem] = m
        if stem == "__init__":
            parent, _, name = folder.rpartition("/")
            out.setdefault(parent, {})[name] = m
    # A folder holding only folders (`src/utils/` over `interfaces/`, `validators/`) is still
    # a namespace package an import walks through: every folder above a module is listed.
    for folder in list(out):
        while folder and (folder := folder.rpartition("/")[0]) not in out:
            out[folder] = {}
    return out


def in_package(table: Folders, module: ModuleIndex) -> bool:
    """The file sits in a regular package (its folder holds `__init__.py`)."""
    return "__init__" in table.get(_split(module.path)[0], {})


def above_package(table: Folders, module: ModuleIndex) -> str | None:
    """The folder holding the outermost regular package ``module`` belongs to: the folder that
    must be on ``sys.path`` for the package to be imported at all (a script folder running
    `python Factory`, whose `factories/` package imports `autos.chevyvolt` kept beside it);
    None for a file in no package, or a package reaching the workspace's top."""
    folder = _split(module.path)[0]
    if "__init__" not in table.get(folder, {}):
        return None
    while folder and "__init__" in table.get(folder, {}):
        folder = folder.rpartition("/")[0]
    return folder if folder and "__init__" not in table.get(folder, {}) else None


def beside(
    table: Folders, module: ModuleIndex, dotted: str, start: str | None = None
) -> tuple[ModuleIndex, str] | None:
    """The module of the folder of ``module`` (or of folder ``start``) that an imported dotted
    name (`context.Context`, `shapes.circle.Circle`) starts with, the deepest one through
    packages and folders, and the rest of the name (the qualified name inside it); None when
    the folder has no such module."""
    folder = _split(module.path)[0] if start is None else start
    parts = dotted.split(".")
    found: tuple[ModuleIndex, str] | None = None
    for i, part in enumerate(parts[:-1]):
        here = table.get(folder, {}).get(part)
        below = f"{folder}/{part}" if folder else part
        if here is not None:
            found = (here, ".".join(parts[i + 1 :]))
            if _split(here.path)[1] != "__init__":
                break  # a plain module: the rest is inside it
        elif below not in table:
            break
        folder = below
    return found


def roots(module: ModuleIndex) -> list[str]:
    """The folders above ``module``'s own folder, nearest first, down to the tree's top (""):
    where a nested project importing absolutely may have been run from."""
    folder = _split(module.path)[0]
    out: list[str] = []
    while folder:
        folder = folder.rpartition("/")[0]
        out.append(folder)
    return out
