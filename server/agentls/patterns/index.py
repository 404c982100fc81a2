"""One pass over a module's tree that records the facts detectors need (see ``facts``).

Every walk is iterative (``ast.walk`` uses a queue): a recursive visitor overflows on a
500-term sum. Each function body is walked once and its nodes bucketed by type (``walk``).
"""

from __future__ import annotations

import ast

from agentls.patterns.columns import AstColumns
from agentls.patterns.facts import BodyCall, ClassFacts, DictEntry, FunctionFacts, Import, ModuleIndex
from agentls.patterns.model import Range
from agentls.patterns.render import annotation, dotted, value_of
from agentls.patterns.walk import call_record, function_facts, walk_body

_FuncNode = ast.FunctionDef | ast.AsyncFunctionDef
_NONE: frozenset[str] = frozenset()


def _method_kind(node: _FuncNode) -> str:
    for d in node.decorator_list:
        name = dotted(d.func if isinstance(d, ast.Call) else d).rpartition(".")[2]
        if name in ("staticmethod", "classmethod"):
            return name
        if name in ("property", "cached_property") or name in ("setter", "getter", "deleter"):
            return "property"
    return "classmethod" if node.name in ("__new__", "__init_subclass__", "__class_getitem__") else "method"


def class_header(node: ast.ClassDef, qual: str, pos: AstColumns) -> ClassFacts:
    """A class's facts from its header alone (no members yet)."""
    decorators = [dotted(d.func if isinstance(d, ast.Call) else d) for d in node.decorator_list]
    frozen = False
    for d in node.decorator_list:
        if isinstance(d, ast.Call):
            for kw in d.keywords:
                if kw.arg == "frozen" and isinstance(kw.value, ast.Constant) and kw.value.value:
                    frozen = True
    metaclass = next((dotted(k.value) for k in node.keywords if k.arg == "metaclass"), None)
    # pydantic 2's class keyword (`class Money(BaseModel, frozen=True)`)
    frozen = frozen or _frozen_keyword(node.keywords)
    return ClassFacts(
        name=node.name,
        qualname=qual,
        range=pos.node_range(node, node.decorator_list[0] if node.decorator_list else None),
        selection=pos.name_range(node, node.name),
        bases=[b for b in (dotted(b) for b in node.bases) if b],
        # `CommandHandler[CreateProject]`: what a generic base is specialised with.
        base_args=[
            a
            for b in node.bases
            if isinstance(b, ast.Subscript)
            for n in ast.walk(b.slice)
            if isinstance(n, ast.Name | ast.Attribute) and (a := dotted(n))
        ],
        metaclass=metaclass,
        decorators=decorators,
        dataclass=any(d.rpartition(".")[2] in ("dataclass", "define", "frozen", "attrs") for d in decorators),
        frozen=frozen or any(d.rpartition(".")[2] == "frozen" for d in decorators),
    )


def _true(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and node.value is True


def _frozen_keyword(keywords: list[ast.keyword]) -> bool:
    """`frozen=True` among a call's or a class header's keywords."""
    return any(k.arg == "frozen" and _true(k.value) for k in keywords)


def _frozen_config(stmt: ast.stmt) -> bool:
    """A class body statement making a pydantic model immutable: `model_config =
    ConfigDict(frozen=True)` (or a dict saying so), or a v1 `class Config:` with `frozen =
    True` / `allow_mutation = False`."""
    if isinstance(stmt, ast.ClassDef):
        if stmt.name != "Config":
            return False
        for s in stmt.body:
            if isinstance(s, ast.Assign) and len(s.targets) == 1 and isinstance(s.targets[0], ast.Name):
                name, said = s.targets[0].id, s.value
                if (name == "frozen" and _true(said)) or (
                    name == "allow_mutation" and isinstance(said, ast.Constant) and said.value is False
                ):
                    return True
        return False
    value = stmt.value if isinstance(stmt, ast.Assign | ast.AnnAssign) else None
    targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target] if isinstance(stmt, ast.AnnAssign) else []
    if value is None or not any(isinstance(t, ast.Name) and t.id == "model_config" for t in targets):
        return False
    if isinstance(value, ast.Call):
        return _frozen_keyword(value.keywords)
    if isinstance(value, ast.Dict):
        pairs = zip(value.keys, value.values, strict=True)
        return any(isinstance(k, ast.Constant) and k.value == "frozen" and _true(v) for k, v in pairs)
    return False


def class_member(stmt: ast.stmt, first: bool, cls: ClassFacts, pos: AstColumns, out: dict[str, ClassFacts]) -> None:
    """What one statement of a class body adds to ``cls`` (nested classes go to ``out``);
    ``first``: the body's first statement (a docstring there documents the class)."""
    qual = cls.qualname
    if _frozen_config(stmt):
        cls.frozen = True
    if isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef):
        cls.methods[stmt.name] = function_facts(stmt, f"{qual}.{stmt.name}", _method_kind(stmt), pos)
    elif isinstance(stmt, ast.ClassDef):
        _class_facts(stmt, f"{qual}.{stmt.name}", pos, out)
    elif isinstance(stmt, ast.Assign):
        for target in stmt.targets:
            if isinstance(target, ast.Name):
                cls.class_attrs[target.id] = value_of(stmt.value, _NONE)
    elif isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name):
        cls.fields[stmt.target.id] = annotation(stmt.annotation)
        if stmt.value is not None:
            cls.class_attrs[stmt.target.id] = value_of(stmt.value, _NONE)
    elif first and isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant):
        cls.docstring = True
    if isinstance(stmt, ast.Assign | ast.AnnAssign | ast.Expr) and stmt.value is not None:
        _body_calls(stmt, stmt.value, cls)


def _body_calls(stmt: ast.Assign | ast.AnnAssign | ast.Expr, value: ast.expr, cls: ClassFacts) -> None:
    """The calls a class body statement makes, outermost first (``ClassFacts.body_calls``)."""
    if type(value) is ast.Constant or type(value) is ast.Name:
        return  # (`x = 5`, a docstring, `y = x`: no call to look for)
    calls = [n for n in ast.walk(value) if isinstance(n, ast.Call)]
    if not calls:
        return
    first = stmt.targets[0] if isinstance(stmt, ast.Assign) else getattr(stmt, "target", None)
    target = first.id if isinstance(first, ast.Name) else ""
    for node in calls:
        if (call := call_record(node, _NONE)) is not None:
            cls.body_calls.append(BodyCall(target, call, tuple(k.arg or "" for k in node.keywords)))


def _class_facts(node: ast.ClassDef, qual: str, pos: AstColumns, out: dict[str, ClassFacts]) -> None:
    cls = out[qual] = class_header(node, qual, pos)
    for i, stmt in enumerate(node.body):
        class_member(stmt, i == 0, cls, pos, out)


def _dict_entries(node: ast.Dict) -> list[DictEntry]:
    entries = []
    for key, value in zip(node.keys, node.values, strict=True):
        if key is None:
            continue
        is_list = isinstance(value, ast.List | ast.Tuple | ast.Set)
        elts = value.elts if isinstance(value, ast.List | ast.Tuple | ast.Set) else [value]
        # `"circle": lambda size: Circle(size)`: the entry makes what the lambda calls
        elts = [e.body.func if isinstance(e, ast.Lambda) and isinstance(e.body, ast.Call) else e for e in elts]
        entries.append(DictEntry(dotted(key) or "const", tuple(d for d in (dotted(e) for e in elts) if d), is_list))
    return entries


def _resolve_relative(module: str, level: int, target: str | None, is_package: bool) -> str:
    if not level:
        return target or ""
    parts = module.split(".") if module else []
    keep = len(parts) - level + (1 if is_package else 0)
    base = parts[: max(keep, 0)]
    if target:
        base.append(target)
    return ".".join(base)


def build_index(tree: ast.Module, source: str, path: str, module: str) -> ModuleIndex:
    pos = AstColumns(source)
    index = ModuleIndex(path=path, module=module, line_count=len(pos.lines))
    is_package = is_package_path(path)
    toplevel_stmts: list[ast.stmt] = []
    for stmt in tree.body:
        if top_statement(stmt, index, is_package, pos):
            toplevel_stmts.append(stmt)
    index.toplevel = toplevel_facts(toplevel_stmts, module, pos)
    return index


def is_package_path(path: str) -> bool:
    return path.replace("\\", "/").endswith("/__init__.py")


def top_statement(stmt: ast.stmt, index: ModuleIndex, is_package: bool, pos: AstColumns) -> bool:
    """Records what one top-level statement adds to ``index``; True for a statement that is
    no definition nor import (walked with the others into ``index.toplevel``)."""
    if isinstance(stmt, ast.ClassDef):
        _class_facts(stmt, stmt.name, pos, index.classes)
    elif isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef):
        index.functions[stmt.name] = function_facts(stmt, stmt.name, "function", pos)
    elif isinstance(stmt, ast.Import | ast.ImportFrom):
        _imports(stmt, index, is_package)
    else:
        if isinstance(stmt, ast.Assign | ast.AnnAssign) and stmt.value is not None:
            targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
            for target in targets:
                if isinstance(target, ast.Name):
                    index.assigns[target.id] = value_of(stmt.value, _NONE)
                    if isinstance(stmt.value, ast.Dict):
                        index.dicts[target.id] = _dict_entries(stmt.value)
        elif isinstance(stmt, ast.If) and "__name__" in dotted(getattr(stmt.test, "left", None)):
            index.has_main_guard = True
        elif isinstance(stmt, ast.Try):
            # `try: import x except ImportError: ...` still imports.
            for inner in stmt.body:
                if isinstance(inner, ast.Import | ast.ImportFrom):
                    _imports(inner, index, is_package)
        return True
    return False


def toplevel_facts(stmts: list[ast.stmt], module: str, pos: AstColumns) -> FunctionFacts:
    """The module-level statements outside definitions, as one pseudo-function."""
    whole = Range(0, 0, max(len(pos.lines) - 1, 0), 0)
    top = FunctionFacts(name="<module>", qualname=module, range=whole, selection=Range(0, 0, 0, 0), kind="module")
    walk_body(stmts, top, _NONE, pos)
    return top


def _imports(stmt: ast.Import | ast.ImportFrom, index: ModuleIndex, is_package: bool) -> None:
    line = stmt.lineno - 1
    if isinstance(stmt, ast.Import):
        for alias in stmt.names:
            local = alias.asname or alias.name.partition(".")[0]
            index.imports.append(Import(alias.name, None, local, line))
            index.import_map[local] = alias.name if alias.asname else local
        return
    base = _resolve_relative(index.module, stmt.level, stmt.module, is_package)
    for alias in stmt.names:
        local = alias.asname or alias.name
        index.imports.append(Import(base, alias.name, local, line))
        index.import_map[local] = f"{base}.{alias.name}" if base else alias.name
