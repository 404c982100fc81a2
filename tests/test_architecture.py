"""Data flows one way: the core never imports the protocol layer, and only the backend talks
to Anthropic. Checked on the source, so a stray import fails here and not in a user's editor."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "server" / "agentls"
PROTOCOL = ("pygls", "lsprotocol")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_only_the_lsp_layer_imports_pygls_or_lsprotocol() -> None:
    offenders = [str(p.relative_to(PACKAGE)) for p in _modules()
                 if p.relative_to(PACKAGE).parts[0] != "lsp"
                 and any(m.split(".")[0] in PROTOCOL for m in _imports(p))]
    assert offenders == []


def test_only_the_expert_backend_imports_anthropic() -> None:
    offenders = [str(p.relative_to(PACKAGE)) for p in _modules()
                 if any(m.split(".")[0] == "anthropic" for m in _imports(p))]
    assert offenders == ["expert/backend.py"]


def test_the_core_does_not_import_the_cli_or_the_server() -> None:
    core = [p for p in _modules() if p.relative_to(PACKAGE).parts[0] not in ("lsp", "cli")
            and p.name != "__main__.py"]
    offenders = [str(p.relative_to(PACKAGE)) for p in core
                 if any(m.startswith(("agentls.lsp", "agentls.cli")) for m in _imports(p))]
    assert offenders == []


def _private_module_imports(path: Path) -> list[str]:
    """Imports of ``agentls.<pkg>._module`` from outside ``<pkg>`` (absolute or relative)."""
    here = ("agentls", *path.relative_to(PACKAGE).parent.parts)
    found: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = here[:len(here) - node.level + 1] if node.level else ()
            module = (*base, *(node.module or "").split(".")) if node.module else base
            names = [".".join(module)] + [".".join((*module, a.name)) for a in node.names]
        else:
            continue
        for name in names:
            parts = tuple(p for p in name.split(".") if p)
            for i, part in enumerate(parts):
                if part.startswith("_") and not part.startswith("__"):
                    owner = parts[:i]
                    if parts[0] == "agentls" and here[:len(owner)] != owner:
                        found.append(name)
                    break
    return found


def test_no_private_module_is_imported_from_outside_its_package() -> None:
    # A leading underscore says "this package's business"; facts several layers share live in
    # the public `agentls.knowledge` package instead.
    offenders = [f"{p.relative_to(PACKAGE)}: {name}" for p in _modules()
                 for name in _private_module_imports(p)
                 if _is_module(name)]
    assert offenders == []


def _is_module(dotted: str) -> bool:
    """``agentls.rules._fields`` is a module; ``agentls.rules.ag003._helper`` is a function."""
    parts = dotted.split(".")[1:]
    for i, part in enumerate(parts):
        if part.startswith("_") and not part.startswith("__"):
            folder = PACKAGE.joinpath(*parts[:i])
            return (folder / f"{part}.py").exists() or (folder / part / "__init__.py").exists()
    return False


def test_no_two_modules_define_the_same_class_name() -> None:
    # Two `WorkspaceIndex` (agent files, Python modules) or two `Positions` made a reader
    # guess which one a name meant; a class name says what it is, once.
    where: dict[str, list[str]] = {}
    for path in _modules():
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.ClassDef):
                where.setdefault(node.name, []).append(str(path.relative_to(PACKAGE)))
    assert {name: paths for name, paths in where.items() if len(paths) > 1} == {}


# -- no module-level mutable state ---------------------------------------------------------
# State lives in the session objects the language server holds (edit_cache.EditCache, the
# features' own caches), never in a module: two workspaces, two servers or two tests in one
# process must not share a cache, and a reader must find all state by following objects.
#
# The rule, checked on the source: after import, no function writes to a module-level name.
# A violation is (1) a ``global`` statement; (2) ``functools.lru_cache``/``cache`` (a hidden
# per-process dict); (3) a module-level name that a function mutates: item or attribute
# assignment, ``del``, or a call of a mutating method (``append``, ``update``, ``pop``, ...);
# (4) a module-level instance of a class that is not known to be immutable (a frozen
# dataclass, NamedTuple or Enum of the package) on which a function calls any method; (5) a
# class attribute holding a dict/list/set that a method mutates through ``self``/``cls``
# without giving the instance its own. Tables built at import (a dict literal, a
# comprehension, a loop at module level) and only read afterwards are constants and allowed.
#
# Not seen: a mutable module-level object reached through an alias or handed to another
# module that mutates it. Review catches those; this test catches the usual shapes.
MUTATORS = frozenset({
    "append", "appendleft", "extend", "extendleft", "insert", "pop", "popleft", "popitem",
    "clear", "update", "setdefault", "add", "discard", "remove", "sort", "reverse",
    "move_to_end", "put", "remember", "set", "__setitem__", "__delitem__", "cache_clear"})

# Registries filled once from the package's own code (never from input), the same for every
# workspace, and only read afterwards: a session would only hold a copy of the same thing.
ALLOWED = {
    ("rules/__init__.py", "_registry"):
        "the rule classes, imported on first use (lazy: start-up does not pay for them)",
    ("patterns/detector_registry.py", "_REGISTRY"):
        "the detector classes, registered by @register when their modules are imported",
}


def _immutable_classes() -> set[str]:
    """Class names of the package that cannot change after construction."""
    found = {"frozenset", "tuple", "str", "bytes", "int", "float", "object", "MappingProxyType",
             "TypeVar", "NewType"}
    for path in _modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ClassDef):
                continue
            bases = {ast.unparse(b).split(".")[-1] for b in node.bases}
            frozen = any(isinstance(d, ast.Call) and ast.unparse(d.func).endswith("dataclass")
                         and any(k.arg == "frozen" and isinstance(k.value, ast.Constant)
                                 and k.value.value is True for k in d.keywords)
                         for d in node.decorator_list)
            if frozen or bases & {"NamedTuple", "Enum", "IntEnum", "StrEnum"}:
                found.add(node.name)
    return found


def _targets(node: ast.stmt) -> list[ast.expr]:
    if isinstance(node, ast.Assign):
        return node.targets
    if isinstance(node, (ast.AnnAssign, ast.AugAssign)):
        return [node.target]
    return []


def _names(target: ast.expr) -> list[str]:
    if isinstance(target, ast.Name):
        return [target.id]
    if isinstance(target, (ast.Tuple, ast.List)):
        return [n for elt in target.elts for n in _names(elt)]
    return []


def _root_name(node: ast.expr) -> str | None:
    """``x`` for ``x``, ``x[k]``, ``x.a``, ``x[k].a[j]``."""
    while isinstance(node, (ast.Subscript, ast.Attribute)):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def _functools_caches(tree: ast.Module) -> set[str]:
    """How this module spells functools' caches: ``functools.cache``, or a name imported."""
    spelled = {"functools.lru_cache", "functools.cache"}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "functools":
            spelled |= {a.asname or a.name for a in node.names if a.name in ("lru_cache", "cache")}
    return spelled


def module_state(source: str, immutable: set[str]) -> list[str]:
    """The module-level mutable state in ``source``, as ``name (line): why``."""
    tree = ast.parse(source)
    found: list[str] = []
    module_names: dict[str, ast.expr | None] = {}
    for node in tree.body:
        for target in _targets(node):
            for name in _names(target):
                value = getattr(node, "value", None)
                module_names[name] = value if isinstance(target, ast.Name) else None
    functions = [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]
    caches = _functools_caches(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Global):
            found += [f"{name} ({node.lineno}): global statement" for name in node.names]
        elif isinstance(node, (ast.Name, ast.Attribute)) and ast.unparse(node) in caches:
            found.append(f"{ast.unparse(node)} ({node.lineno}): a per-process functools cache")
    for function in functions:
        for node in ast.walk(function):
            written: list[ast.expr] = []
            if isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
                written = [t for t in _targets(node) if isinstance(t, (ast.Subscript, ast.Attribute))]
            elif isinstance(node, ast.Delete):
                written = [t for t in node.targets if isinstance(t, (ast.Subscript, ast.Attribute))]
            for target in written:
                name = _root_name(target)
                if name in module_names:
                    found.append(f"{name} ({node.lineno}): written by {function.name}()")
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                name = _root_name(node.func.value)
                if name not in module_names:
                    continue
                value = module_names[name]
                is_instance = (isinstance(value, ast.Call) and ast.unparse(value.func).split(".")[-1][:1].isupper()
                               and ast.unparse(value.func).split(".")[-1] not in immutable)
                if node.func.attr in MUTATORS or (is_instance and node.func.value is not None
                                                  and isinstance(node.func.value, ast.Name)):
                    found.append(f"{name} ({node.lineno}): .{node.func.attr}() in {function.name}()")
    for cls in (n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)):
        shared = {name for node in cls.body for t in _targets(node) for name in _names(t)
                  if isinstance(getattr(node, "value", None), (ast.Dict, ast.List, ast.Set, ast.DictComp,
                                                                ast.ListComp, ast.SetComp))}
        own = {t.attr for node in ast.walk(cls) for t in _targets(node)  # type: ignore[arg-type]
               if isinstance(t, ast.Attribute) and ast.unparse(t.value) == "self"}
        for node in ast.walk(cls):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr in MUTATORS and isinstance(node.func.value, ast.Attribute)
                    and ast.unparse(node.func.value.value) in ("self", "cls", cls.name)
                    and node.func.value.attr in shared - own):
                found.append(f"{cls.name}.{node.func.value.attr} ({node.lineno}): class attribute mutated")
    return sorted(set(found))


def test_no_module_level_mutable_state() -> None:
    immutable = _immutable_classes()
    offenders = []
    for path in _modules():
        rel = str(path.relative_to(PACKAGE))
        for item in module_state(path.read_text(encoding="utf-8"), immutable):
            if (rel, item.split(" ", 1)[0]) not in ALLOWED:
                offenders.append(f"{rel}: {item}")
    assert offenders == []


def test_the_state_scan_finds_each_shape() -> None:
    # The scan itself must be able to fail: one sample of each shape it forbids.
    sample = '''
import functools
from functools import lru_cache

_SEEN = {}
_LAST = []
_BOX = Holder()
_FROZEN = Frozen()
_TABLE = {k: k for k in "abc"}
_TABLE["d"] = "d"  # at import: still a constant table

def remember(k, v):
    _SEEN[k] = v

def push(v):
    _LAST.append(v)

def store(v):
    _BOX.keep(v)

def read(k):
    return _TABLE.get(k), _FROZEN.value(k)

def reset():
    global _LAST
    _LAST = []

@lru_cache(maxsize=8)
def square(x):
    return x * x

cube = functools.cache(lambda x: x ** 3)

class Shared:
    items = []

    def add(self, x):
        self.items.append(x)

class Own:
    items = []

    def __init__(self):
        self.items = []

    def add(self, x):
        self.items.append(x)
'''
    found = {item.split(" ", 1)[0] for item in module_state(sample, {"Frozen"})}
    assert found == {"_SEEN", "_LAST", "_BOX", "lru_cache", "functools.cache", "Shared.items"}
