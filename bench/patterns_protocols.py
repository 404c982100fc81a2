"""Interface invariance: the roles `agentls patterns` finds should not depend on whether an
interface is an ABC its implementations inherit, or a `Protocol` they satisfy by shape.

Modern Python states ports and strategy interfaces as `typing.Protocol`s, and the classes
satisfying them often do not name them. For each exhaustive tuning source of the corpus
(bench/corpus/repos.json) this copies its Python files twice into a scratch tree: once as they
are, once with every *pure interface* (a class some class derives, whose bases are only
`ABC`/`object`/`Protocol`, with at least one method and every method a stub: a docstring,
`pass`, `...` or `raise NotImplementedError`) rewritten as a `Protocol` (its `@abstractmethod`s dropped), and that
interface removed from the bases of every class of the program deriving it. With
`--drop-imports` the implementations' modules also stop importing the interface when nothing
else there names it (implementations that never see their Protocol). Interfaces whose name is
defined twice in the source are left alone. Both trees are analysed as patterns_corpus.py does
and the (symbol, pattern, role) at confidence >= 0.5 are compared, per pattern: kept, lost and
gained by the rewrite (`-v` lists them). `--as plain` rewrites each pure interface as a
plain class instead (no `ABC`, no `@abstractmethod`), still inherited: the Java-port form.
`--as duck` removes it: implementations derive nothing and nothing names the interface (the
roles of the interface itself are then not counted as lost). `--as middle` keeps the
interface and puts a base of each module's own between it and the classes there deriving it
(`class _ShapeCommon(Shape): pass`), as implementations sharing helpers do.
"""

from __future__ import annotations

import argparse
import ast
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from patterns_split import Role, compare_rewritten  # noqa: E402

_PLAIN_BASES = {"ABC", "object", "Protocol"}
_ABSTRACT = {"abstractmethod", "abstractproperty"}


def _last(expr: ast.expr) -> str:
    if isinstance(expr, ast.Name):
        return expr.id
    if isinstance(expr, ast.Attribute):
        return expr.attr
    if isinstance(expr, ast.Subscript):
        return _last(expr.value)
    return ""


def _is_stub(fn: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    body = list(fn.body)
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        body = body[1:]  # the docstring
    if not body:
        return True
    if len(body) != 1:
        return False
    stmt = body[0]
    if isinstance(stmt, ast.Pass):
        return True
    if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant) and stmt.value.value is Ellipsis:
        return True
    if isinstance(stmt, ast.Raise) and stmt.exc is not None:
        exc = stmt.exc.func if isinstance(stmt.exc, ast.Call) else stmt.exc
        return _last(exc) == "NotImplementedError"
    return False


def pure_interface(cls: ast.ClassDef) -> bool:
    if any(_last(b) not in _PLAIN_BASES for b in cls.bases):
        return False
    if any(k.arg != "metaclass" or _last(k.value) != "ABCMeta" for k in cls.keywords):
        return False
    methods = 0
    for stmt in cls.body:
        if isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef):
            if not _is_stub(stmt):
                return False
            methods += 1
        elif isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant):
            continue  # docstring
        elif isinstance(stmt, ast.AnnAssign) and stmt.value is None:
            continue  # a declared attribute
        elif not isinstance(stmt, ast.Pass):
            return False
    return methods > 0


def _parse(path: Path) -> ast.Module | None:
    try:
        return ast.parse(path.read_text(encoding="utf-8"))
    except (SyntaxError, UnicodeDecodeError, ValueError):
        return None


def _names_used(tree: ast.Module) -> set[str]:
    used: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            used.add(node.id)
        elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            used.add(node.value.id)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            used.update(w for w in node.value.replace("[", " ").replace("]", " ").replace(",", " ").split())
    return used


def _add_protocol_import(tree: ast.Module) -> None:
    at = 0
    for i, stmt in enumerate(tree.body):
        is_doc = i == 0 and isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant)
        if is_doc or (isinstance(stmt, ast.ImportFrom) and stmt.module == "__future__"):
            at = i + 1
    tree.body.insert(at, ast.ImportFrom(module="typing", names=[ast.alias("Protocol")], level=0))


class _Untype(ast.NodeTransformer):
    """Duck typing: every mention of a removed interface goes (an argument's annotation is
    dropped; any other use, a field's annotation or an `isinstance`, becomes `object`)."""

    def __init__(self, gone: set[str]) -> None:
        self.gone = gone

    def _mentions(self, node: ast.AST | None) -> bool:
        return node is not None and any(
            (isinstance(n, ast.Name) and n.id in self.gone)
            or (isinstance(n, ast.Attribute) and n.attr in self.gone)
            or (isinstance(n, ast.Constant) and isinstance(n.value, str) and n.value.strip("'\"") in self.gone)
            for n in ast.walk(node)
        )

    def visit_arg(self, node: ast.arg) -> ast.AST:
        if self._mentions(node.annotation):
            node.annotation = None
        return node

    def visit_FunctionDef(self, node: ast.FunctionDef) -> ast.AST:
        if self._mentions(node.returns):
            node.returns = None
        return self.generic_visit(node)

    def visit_AsyncFunctionDef(self, node: ast.AsyncFunctionDef) -> ast.AST:
        if self._mentions(node.returns):
            node.returns = None
        return self.generic_visit(node)

    def visit_AnnAssign(self, node: ast.AnnAssign) -> ast.AST:
        if self._mentions(node.annotation):
            node.annotation = ast.Name("object")
        return self.generic_visit(node)

    def visit_Name(self, node: ast.Name) -> ast.AST:
        return ast.Name("object", node.ctx) if node.id in self.gone else node


def _insert_middle(tree: ast.Module, interfaces: set[str]) -> bool:
    """Put a module-level base of this module's own between each interface and the top-level
    classes here deriving it (`class _ShapeCommon(Shape): pass`, then `class Circle(_ShapeCommon)`),
    as code sharing helpers between implementations does."""
    changed = False
    body: list[ast.stmt] = []
    made: set[str] = set()
    for stmt in tree.body:
        if isinstance(stmt, ast.ClassDef) and stmt.name not in interfaces:
            for i, b in enumerate(stmt.bases):
                name = _last(b)
                if name in interfaces and not isinstance(b, ast.Subscript):
                    middle = f"_{name}Common"
                    if middle not in made:
                        made.add(middle)
                        body.append(ast.ClassDef(middle, [b], [], [ast.Pass()], [], type_params=[]))
                    stmt.bases[i] = ast.Name(middle)
                    changed = True
        body.append(stmt)
    tree.body = body
    return changed


def protocolise(root: Path, drop_imports: bool, form: str = "protocol") -> set[str]:
    """Rewrite the tree under ``root`` in place; the names of the interfaces rewritten. ``form``
    "plain" keeps the inheritance and makes the interface a plain class instead (no `ABC`, no
    `@abstractmethod`: stubs that `pass` or raise, as code ported from Java often has); "duck"
    removes the interface: its implementations derive nothing and nothing names it."""
    trees = {p: t for p in sorted(root.rglob("*.py")) if (t := _parse(p)) is not None}
    defined: Counter[str] = Counter(n.name for t in trees.values() for n in ast.walk(t) if isinstance(n, ast.ClassDef))
    # An interface is one something derives: a stub-only class nothing derives is a part (the
    # subsystems a demo facade drives), not an interface to rewrite.
    derived = {_last(b) for t in trees.values() for n in ast.walk(t) if isinstance(n, ast.ClassDef) for b in n.bases}
    # A Protocol already is the structural form: as a plain class its implementations would
    # not derive it, which no one writes.
    interfaces = {
        n.name
        for t in trees.values()
        for n in ast.walk(t)
        if isinstance(n, ast.ClassDef)
        and pure_interface(n)
        and defined[n.name] == 1
        and n.name in derived
        and not (form == "plain" and any(_last(b) == "Protocol" for b in n.bases))
    }
    for path, tree in trees.items():
        if form == "middle":
            if _insert_middle(tree, interfaces):
                path.write_text(ast.unparse(ast.fix_missing_locations(tree)) + "\n", encoding="utf-8")
            continue
        changed = False
        dropped: set[str] = set()
        for node in ast.walk(tree):
            if not isinstance(node, ast.ClassDef):
                continue
            if node.name in interfaces and form == "duck":
                continue
            if node.name in interfaces:
                node.bases = [ast.Name("Protocol")] if form == "protocol" else []
                node.keywords = []
                for stmt in node.body:
                    if isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef):
                        stmt.decorator_list = [d for d in stmt.decorator_list if _last(d) not in _ABSTRACT]
                changed = True
                continue
            if form == "plain":
                continue
            kept = [b for b in node.bases if _last(b) not in interfaces]
            if len(kept) != len(node.bases):
                dropped |= {_last(b) for b in node.bases} & interfaces
                node.bases = kept
                changed = True
        if form == "duck":
            gone = {n.name for n in ast.walk(tree) if isinstance(n, ast.ClassDef) and n.name in interfaces}
            for holder in [tree, *(n for n in ast.walk(tree) if isinstance(n, ast.ClassDef))]:
                body = [b for b in holder.body if not (isinstance(b, ast.ClassDef) and b.name in gone)]
                changed = changed or len(body) != len(holder.body)
                holder.body = body or [ast.Pass()]
            if changed or any(isinstance(n, ast.Name) and n.id in interfaces for n in ast.walk(tree)):
                for stmt in ast.walk(tree):
                    if isinstance(stmt, ast.ImportFrom):
                        stmt.names = [a for a in stmt.names if (a.asname or a.name) not in interfaces]
                kept_body = [b for b in tree.body if not (isinstance(b, ast.ImportFrom) and not b.names)]
                tree.body = kept_body or [ast.Pass()]
                tree = _Untype(interfaces).visit(tree)
                changed = True
        if not changed:
            continue
        if form == "protocol" and any(isinstance(n, ast.ClassDef) and n.name in interfaces for n in tree.body):
            _add_protocol_import(tree)
        if drop_imports and dropped:
            used = _names_used(tree)
            for stmt in ast.walk(tree):
                if isinstance(stmt, ast.ImportFrom):
                    stmt.names = [a for a in stmt.names if (a.asname or a.name) not in dropped - used]
            tree.body = [s for s in tree.body if not (isinstance(s, ast.ImportFrom) and not s.names)]
        path.write_text(ast.unparse(ast.fix_missing_locations(tree)) + "\n", encoding="utf-8")
    return interfaces


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--verbose", "-v", action="store_true")
    parser.add_argument("--only", help="one source by name")
    parser.add_argument("--drop-imports", action="store_true", help="implementations stop importing the interface")
    parser.add_argument(
        "--as",
        dest="form",
        choices=["protocol", "plain", "duck", "middle"],
        default="protocol",
        help="plain: a plain base class with stub methods, still inherited (no ABC); duck: no interface at all; "
        "middle: a base of each module's own between the interface and its implementations there",
    )
    parser.add_argument("--mirrors", default="/work/.mirror")
    args = parser.parse_args()

    def rewrite(root: Path) -> tuple[str, Callable[[set[Role], set[Role]], tuple[set[Role], set[Role]]]]:
        rewritten = protocolise(root, args.drop_imports, args.form)

        def adjust(before: set[Role], after: set[Role]) -> tuple[set[Role], set[Role]]:
            if args.form == "middle":  # the inserted bases are new symbols
                after = {r for r in after if not r[0].rpartition(".")[2].endswith("Common")}
            if args.form == "duck":  # the interfaces are gone, and their own roles with them
                before = {r for r in before if r[0].rpartition(".")[2] not in rewritten}
            return before, after

        return f"{len(rewritten)} interfaces rewritten", adjust

    compare_rewritten(rewrite, args.only, args.mirrors, args.verbose)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
