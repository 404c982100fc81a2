"""Name invariance: names may add a little confidence to a role, never decide it.

For each exhaustive tuning source of the corpus (bench/corpus/repos.json) this copies its
Python files twice into a scratch tree: once as they are, once with every class and every
module-level function the program defines renamed to a neutral name (`K12`, `f7`; a leading
underscore kept), everywhere the program names it: definitions, uses, attribute accesses,
imports, `__all__` and string annotations. Methods, attributes, parameters, modules and
folders keep their names: they are the program's vocabulary (`add`, `execute`, `domain/`),
not the symbol's label. Names defined twice, or also imported from outside the program, are
left alone, and so are `test_*` functions and `Test*` classes (pytest finds them by name)
and names the program also uses locally (a parameter, an attribute, a local variable). Both
trees are analysed as patterns_corpus.py does and the roles at confidence >= 0.5 are
compared (a renamed symbol is mapped back to its name): per pattern, kept, lost and gained
by renaming (`-v` lists them). A role lost is one its name decided.
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from patterns_split import Role, compare_rewritten  # noqa: E402


def _parse(path: Path) -> ast.Module | None:
    try:
        return ast.parse(path.read_text(encoding="utf-8"))
    except (SyntaxError, UnicodeDecodeError, ValueError):
        return None


def _internal(module: str | None, level: int, tops: set[str]) -> bool:
    return level > 0 or (module or "").split(".")[0] in tops


def neutral_names(trees: dict[Path, ast.Module], root: Path) -> dict[str, str]:
    """Old name -> neutral name, for the classes and module-level functions defined once."""
    tops = {p.stem if p.is_file() else p.name for p in root.iterdir()}
    defined: Counter[str] = Counter()
    kinds: dict[str, str] = {}
    outside: set[str] = set()
    for tree in trees.values():
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                defined[node.name] += 1
                kinds[node.name] = "K"
            elif isinstance(node, ast.ImportFrom) and not _internal(node.module, node.level, tops):
                outside.update(a.asname or a.name for a in node.names)
            elif isinstance(node, ast.Import):
                outside.update((a.asname or a.name).split(".")[0] for a in node.names)
        for node in tree.body:
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                defined[node.name] += 1
                kinds.setdefault(node.name, "f")
    # `test_*` / `Test*` are pytest's collection rules, not labels: they stay. So does a name
    # the program also uses for something local (a parameter, a local variable, an attribute,
    # a keyword, a field: a pytest fixture `session` beside `self._session = session`): the
    # renamer does not resolve scopes, and renaming those would change what the code does.
    local: set[str] = set()
    for tree in trees.values():
        for node in ast.walk(tree):
            if isinstance(node, ast.arg) or (isinstance(node, ast.keyword) and node.arg):
                local.add(node.arg)
            elif isinstance(node, ast.Attribute):
                local.add(node.attr)
            elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                for inner in ast.walk(node):
                    if inner is not node and isinstance(inner, ast.Name) and isinstance(inner.ctx, ast.Store):
                        local.add(inner.id)
    chosen = sorted(
        n
        for n, k in defined.items()
        if k == 1 and n not in outside and n not in local and not n.startswith(("__", "test", "Test"))
    )
    out: dict[str, str] = {}
    for i, name in enumerate(chosen):
        out[name] = ("_" if name.startswith("_") else "") + f"{kinds[name]}{i}"
    return out


class _Renamer(ast.NodeTransformer):
    def __init__(self, names: dict[str, str]) -> None:
        self.names = names
        self.word = re.compile(r"\b(" + "|".join(map(re.escape, sorted(names, key=len, reverse=True))) + r")\b")

    def visit_ClassDef(self, node: ast.ClassDef) -> ast.AST:
        node.name = self.names.get(node.name, node.name)
        return self.generic_visit(node)

    def visit_FunctionDef(self, node: ast.FunctionDef) -> ast.AST:
        node.name = self.names.get(node.name, node.name) if node.col_offset == 0 else node.name
        return self.generic_visit(node)

    def visit_AsyncFunctionDef(self, node: ast.AsyncFunctionDef) -> ast.AST:
        node.name = self.names.get(node.name, node.name) if node.col_offset == 0 else node.name
        return self.generic_visit(node)

    def visit_Name(self, node: ast.Name) -> ast.AST:
        node.id = self.names.get(node.id, node.id)
        return node

    def visit_Attribute(self, node: ast.Attribute) -> ast.AST:
        if isinstance(node.value, ast.Name | ast.Attribute) and node.attr in self.names and node.attr[:1].isupper():
            node.attr = self.names[node.attr]  # `module.ClassName`, not `self.method`
        return self.generic_visit(node)

    def visit_alias(self, node: ast.alias) -> ast.AST:
        node.name = ".".join(self.names.get(p, p) for p in node.name.split("."))
        return node

    def visit_Constant(self, node: ast.Constant) -> ast.AST:
        if isinstance(node.value, str) and len(node.value) < 200 and self.names:
            node.value = self.word.sub(lambda m: self.names[m.group(1)], node.value)
        return node


def rename_tree(root: Path) -> dict[str, str]:
    """Rename in place; old name -> new name."""
    trees = {p: t for p in sorted(root.rglob("*.py")) if (t := _parse(p)) is not None}
    names = neutral_names(trees, root)
    if not names:
        return names
    renamer = _Renamer(names)
    for path, tree in trees.items():
        path.write_text(ast.unparse(ast.fix_missing_locations(renamer.visit(tree))) + "\n", encoding="utf-8")
    return names


def _back(found: set[Role], names: dict[str, str]) -> set[Role]:
    old = {v: k for k, v in names.items()}
    return {(".".join(old.get(p, p) for p in sym.split(".")), pat, role) for sym, pat, role in found}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--verbose", "-v", action="store_true")
    parser.add_argument("--only", help="one source by name")
    parser.add_argument("--mirrors", default="/work/.mirror")
    args = parser.parse_args()

    def rename(root: Path) -> tuple[str, Callable[[set[Role], set[Role]], tuple[set[Role], set[Role]]]]:
        names = rename_tree(root)
        return f"{len(names)} names made neutral", lambda before, after: (before, _back(after, names))

    compare_rewritten(rename, args.only, args.mirrors, args.verbose)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
