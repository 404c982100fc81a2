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
    here = ("agentls",) + path.relative_to(PACKAGE).parent.parts
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
