"""Generate tests/fixtures/patterns/renamed/ from positives/ with every user identifier renamed.

    python tests/patterns/rename_fixtures.py

Classes become ``K1, K2, ...`` and every other name the file defines (functions, methods,
parameters, attributes, variables) ``n1, n2, ...``, consistently across the file. Imported
names, builtins, dunders and names listed in a ``# keep: a b`` comment keep their spelling
(the keep list exists for names that must match strings, e.g. ``visit_Num`` found by
``getattr(self, "visit_" + ...)``). Comments, and so the ``# expect:`` labels, are untouched,
and line numbers do not change.
"""

from __future__ import annotations

import ast
import builtins
import io
import re
import sys
import tokenize
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "patterns"
_KEEP = re.compile(r"#\s*keep:\s*(.+)")


def defined_names(tree: ast.Module) -> tuple[list[str], set[str]]:
    """(names in definition order, class names); iterative walk."""
    order: list[str] = []
    classes: set[str] = set()
    imported: set[str] = set()

    def add(name: str) -> None:
        if name not in order:
            order.append(name)

    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            add(node.name)
            classes.add(node.name)
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            add(node.name)
        elif isinstance(node, ast.arg):
            add(node.arg)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            add(node.id)
        elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
            add(node.attr)
        elif isinstance(node, ast.Import | ast.ImportFrom):
            imported.update((a.asname or a.name).split(".")[0] for a in node.names)
    skip = imported | set(dir(builtins)) | {"self", "cls"}
    return [n for n in order if n not in skip and not (n.startswith("__") and n.endswith("__"))], classes


def rename(source: str) -> str:
    tree = ast.parse(source)
    keep = {k for m in _KEEP.finditer(source) for k in m.group(1).split()}
    names, classes = defined_names(tree)
    mapping: dict[str, str] = {}
    n_cls = n_other = 0
    for name in names:
        if name in keep:
            continue
        if name in classes:
            n_cls += 1
            mapping[name] = f"K{n_cls}"
        else:
            n_other += 1
            mapping[name] = f"n{n_other}"
    out = []
    for tok in tokenize.generate_tokens(io.StringIO(source).readline):
        if tok.type == tokenize.NAME and tok.string in mapping:
            tok = tok._replace(string=mapping[tok.string])
        elif tok.type == tokenize.STRING and _F_PREFIX.match(tok.string):
            # Before Python 3.12 an f-string is one token: rename inside its {fields} too.
            tok = tok._replace(string=_rename_fields(tok.string, mapping))
        out.append(tok)
    return tokenize.untokenize(out)


_F_PREFIX = re.compile(r"[rRbB]?[fF][rR]?['\"]")
_FIELD = re.compile(r"(?<!\{)\{(?!\{)([^{}!:]*)")  # the expression, up to a conversion or a spec
_IDENTIFIER = re.compile(r"[A-Za-z_]\w*")


def _rename_fields(text: str, mapping: dict[str, str]) -> str:
    def one(match: re.Match[str]) -> str:
        expr = _IDENTIFIER.sub(lambda n: mapping.get(n.group(), n.group()), match.group(1))
        return "{" + expr
    return _FIELD.sub(one, text)


def expected_files() -> dict[Path, str]:
    return {
        FIXTURES / "renamed" / src.name: rename(src.read_text("utf-8"))
        for src in sorted((FIXTURES / "positives").glob("*.py"))
    }


def main() -> int:
    for path, text in expected_files().items():
        path.write_text(text, "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
