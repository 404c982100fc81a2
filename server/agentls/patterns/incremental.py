"""One open module's index, kept between versions so that an edit re-indexes only what it touched.

Typing in a 5,000-line module used to parse and index the whole text on every keystroke
(SQLAlchemy's ``orm/session.py``: about 20 ms to parse, 8 ms to index). Here the module is
held as *units*, one per top-level statement, and a class as one unit per statement of its
body (a 3,600-line class is most of that module). An edit is located by comparing the old
and the new lines; only the unit(s) it falls in are parsed again, from their new text, and
indexed; the units below keep their facts, moved by the lines the edit added or removed
(``shift``); the module index is then assembled from the units' parts, in order, exactly as
``index.build_index`` records them.

When is the text of some units enough? When it parses on its own (a class member inside an
``if 1:`` that gives it its indentation back) as statements at the indentation the units had:
then no bracket, string or block is left open at its end, and the text around it, unchanged,
tokenizes as before. Anything else (a syntax error anywhere, ``\\r`` line ends, a
``__future__`` import, an edit across the header of a class) takes the full path:
``parse_module`` and every unit indexed again, so the result is always the from-scratch one
(``tests/patterns/test_incremental.py`` checks this after random edit sequences).
"""

from __future__ import annotations

import ast
import copy
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from agentls.patterns.columns import AstColumns
from agentls.patterns.facts import ClassFacts, FunctionFacts, ModuleIndex
from agentls.patterns.index import (
    build_index,
    class_header,
    class_member,
    is_package_path,
    top_statement,
    toplevel_facts,
)
from agentls.patterns.model import ParseProblem, make_range
from agentls.patterns.parse import can_close_later, parse_module, parse_or_error
from agentls.patterns.recovery import DeferredProblems, Joins, drops
from agentls.patterns.shift import shift_body_calls, shift_class, shift_function, shift_import


@dataclass
class _Member:
    """A statement of a class body: what it adds to the class (``part``) and to the module
    (nested classes), and where it ends (the class ends where its last member does)."""

    start: int  # first line, decorators included (0-based)
    part: ClassFacts
    nested: dict[str, ClassFacts]
    end_line: int
    end_col: int


@dataclass
class _Unit:
    """A top-level statement: a class (``header`` + ``members``) or what it adds to the module."""

    start: int
    node: ast.stmt | None = None  # kept when walked into the module's ``toplevel`` facts
    part: ModuleIndex | None = None
    header: ClassFacts | None = None
    members: list[_Member] = field(default_factory=list)
    indent: int = 0  # the members' column
    classes: dict[str, ClassFacts] = field(default_factory=dict)  # the class and nested ones


def _first_line(stmt: ast.stmt) -> int:
    decorators = getattr(stmt, "decorator_list", None)
    return (decorators[0].lineno if decorators else stmt.lineno) - 1


class IncrementalIndex:
    """``update(source)`` gives what ``index_source(source, path, module)`` gives."""

    def __init__(self, path: str, module: str) -> None:
        self.path, self.module = path, module
        self._package = is_package_path(path)
        self._lines: list[str] | None = None  # the last text, when it parsed whole
        self._units: list[_Unit] = []
        self._index: ModuleIndex | None = None
        self._toplevel: FunctionFacts | None = None  # kept while no top-level statement moves
        self.reindexed_lines = 0  # lines parsed again by the last update (tests, bench)
        self._cut_for: list[str] | None = None  # the text ``_cut_units`` is about
        self._cut_units: set[int] | None = None
        self._joins = Joins()

    def update(self, source: str) -> tuple[ModuleIndex, list[ParseProblem]]:
        if self._lines is not None and self._index is not None and "\r" not in source:
            lines = source.split("\n")
            if lines == self._lines:
                self.reindexed_lines = 0
                return self._index, []
            pos = AstColumns.of_lines(lines, source.isascii())
            done = self._edit(lines, pos)
            if done is not None:
                index, parsed = done
                if not parsed:
                    return index, DeferredProblems(source)
                self._index = index
                return index, []
        return self._full(source)

    # -- the full path ----------------------------------------------------------------------
    def _full(self, source: str) -> tuple[ModuleIndex, list[ParseProblem]]:
        tree, problems = parse_module(source)
        if problems or "\r" in source:
            # The units of the last text that parsed stay: the next edit is located against
            # it, so typing through a half-written line costs only the broken versions.
            self.reindexed_lines = source.count("\n") + 1
            return build_index(tree, source, self.path, self.module), problems
        lines = source.split("\n")
        pos = AstColumns.of_lines(lines, source.isascii())
        self._units = [self._unit(stmt, pos) for stmt in tree.body]
        self._toplevel = None
        self._lines = lines
        self.reindexed_lines = len(lines)
        self._index = self._assemble(pos)
        return self._index, problems

    def _unit(self, stmt: ast.stmt, pos: AstColumns) -> _Unit:
        unit = _Unit(_first_line(stmt))
        if isinstance(stmt, ast.ClassDef):
            unit.header = class_header(stmt, stmt.name, pos)
            unit.members = [self._member(m, unit.header, pos) for m in stmt.body]
            unit.indent = stmt.body[0].col_offset
            self._assemble_class(unit)
            return unit
        part = ModuleIndex(path=self.path, module=self.module)
        if top_statement(stmt, part, self._package, pos):
            unit.node = stmt
        unit.part = part
        return unit

    @staticmethod
    def _member(stmt: ast.stmt, header: ClassFacts, pos: AstColumns) -> _Member:
        part = ClassFacts(header.name, header.qualname, header.range, header.selection)
        nested: dict[str, ClassFacts] = {}
        class_member(stmt, True, part, pos, nested)  # `docstring`: read from the first member only
        end = pos.node_range(stmt)
        return _Member(_first_line(stmt), part, nested, end.end_line, end.end_col)

    @staticmethod
    def _assemble_class(unit: _Unit) -> None:
        """The class's facts from its header and members, as ``index._class_facts`` records them."""
        h = unit.header
        assert h is not None
        last = unit.members[-1]
        cls = ClassFacts(
            name=h.name,
            qualname=h.qualname,
            range=make_range(h.range.line, h.range.col, last.end_line, last.end_col),
            selection=h.selection,
            bases=h.bases,
            base_args=h.base_args,
            metaclass=h.metaclass,
            decorators=h.decorators,
            dataclass=h.dataclass,
            frozen=h.frozen or any(m.part.frozen for m in unit.members),  # pydantic's model_config
            docstring=unit.members[0].part.docstring,
        )
        unit.classes = {h.qualname: cls}
        for m in unit.members:
            cls.methods.update(m.part.methods)
            cls.class_attrs.update(m.part.class_attrs)
            cls.fields.update(m.part.fields)
            cls.body_calls.extend(m.part.body_calls)
            unit.classes.update(m.nested)

    def _assemble(
        self, pos: AstColumns, units: list[_Unit] | None = None, toplevel: FunctionFacts | None = None
    ) -> ModuleIndex:
        """The module index from ``self._units`` (or from ``units``, a broken version's, which
        leaves this object's state alone)."""
        index = ModuleIndex(path=self.path, module=self.module, line_count=len(pos.lines))
        nodes: list[ast.stmt] = []
        for u in self._units if units is None else units:
            if u.part is None:
                index.classes.update(u.classes)
                continue
            p = u.part
            index.functions.update(p.functions)
            index.imports.extend(p.imports)
            index.import_map.update(p.import_map)
            index.assigns.update(p.assigns)
            index.dicts.update(p.dicts)
            index.has_main_guard = index.has_main_guard or p.has_main_guard
            if u.node is not None:
                nodes.append(u.node)
        if units is None:
            if self._toplevel is None:
                self._toplevel = toplevel_facts(nodes, self.module, pos)
            toplevel = self._toplevel
        index.toplevel = toplevel or toplevel_facts(nodes, self.module, pos)
        return index

    # -- the incremental path ---------------------------------------------------------------
    def _edit(self, new: list[str], pos: AstColumns) -> tuple[ModuleIndex, bool] | None:
        """Re-indexes the units the change from ``self._lines`` to ``new`` touched: (the new
        index, True). When they no longer parse and the whole text's recovery (``parse_module``)
        provably loses just them (``_drops``): (the index without them, False), and the units
        stay those of the last text that parsed, against which the next edit is located. None
        when the full path must run instead (nothing is changed then)."""
        old = self._lines
        if old is None or not self._units:
            return None
        n_old, n_new = len(old), len(new)
        same = min(n_old, n_new)
        a = _common(old, new, same)
        s = _common(old[::-1], new[::-1], same - a)
        lo, hi = a, n_old - s  # the old lines replaced
        if lo == hi:  # lines inserted: they join the unit of the line above
            lo, hi = max(lo - 1, 0), max(lo, 1)
        d = n_new - n_old
        # Unit i spans from its first line to the next unit's (the first one from line 0).
        starts = [0, *(u.start for u in self._units[1:])]
        first = bisect_right(starts, lo) - 1
        last = max(bisect_left(starts, hi) - 1, first)
        begin = starts[first]
        stop = starts[last + 1] if last + 1 < len(starts) else n_old
        unit = self._units[first]
        if first == last and unit.header is not None:
            done = self._edit_members(unit, lo, hi, stop, d, new, pos)
            if done is True:
                if d:
                    self._toplevel = None  # its range spans the module, its facts' lines move
                self._shift_units(first + 1, d)
                return self._assemble(pos), True
            if isinstance(done, tuple) and self._drops(new, done, (unit.start, stop + d), unit.indent):
                return self._without(first, last, d, pos)
        got = _parse_lines(new[begin : stop + d], begin, 0)
        self.reindexed_lines = stop + d - begin
        if isinstance(got, BaseException):
            if self._drops(new, (begin, stop + d, got), (begin, stop + d), 0):
                return self._without(first, last, d, pos)
            return None
        if got is None:
            return None
        fresh = [self._unit(stmt, pos) for stmt in got]
        self._units[first : last + 1] = fresh
        self._toplevel = None
        self._shift_units(first + len(fresh), d)
        self._lines = new
        return self._assemble(pos), True

    def _edit_members(
        self, unit: _Unit, lo: int, hi: int, end: int, d: int, new: list[str], pos: AstColumns
    ) -> bool | tuple[int, int, BaseException] | None:
        """True when the members the edit touched parsed again; (their new lines' span, the
        error) when they do not parse; None when the whole class must be parsed again."""
        members = unit.members
        starts = [m.start for m in members]
        if lo < starts[0]:
            return None  # the class's header: the whole class again
        first = bisect_right(starts, lo) - 1
        last = max(bisect_left(starts, hi) - 1, first)
        begin = starts[first]
        stop = starts[last + 1] if last + 1 < len(starts) else end
        header = unit.header
        assert header is not None
        got = _parse_lines(new[begin : stop + d], begin, unit.indent)
        self.reindexed_lines = stop + d - begin
        if isinstance(got, BaseException):
            return begin, stop + d, got
        if not got:
            return None
        fresh = [self._member(stmt, header, pos) for stmt in got]
        for m in members[last + 1 :]:
            _shift_member(m, d)
        members[first : last + 1] = fresh
        self._assemble_class(unit)
        self._lines = new
        return True

    # -- a version that does not parse ------------------------------------------------------
    def _drops(
        self, new: list[str], failed: tuple[int, int, BaseException], chunk: tuple[int, int], indent: int
    ) -> bool:
        if can_close_later(failed[2]):
            return False
        if self._cut_for is not self._lines:  # once per text that parsed
            self._cut_for = self._lines
            self._cut_units = self._joins.cut_units(self._lines or [], [u.start for u in self._units])
        return self._cut_units is not None and drops(new, failed, chunk, indent, self._cut_units)

    def _without(self, first: int, last: int, d: int, pos: AstColumns) -> tuple[ModuleIndex, bool] | None:
        """The index of the units but ``first``..``last``, those below moved by ``d`` lines."""
        below = self._units[last + 1 :]
        units = self._units[:first] + [_moved(u, d) for u in below] if d else self._units[:first] + below
        dropped = any(u.node is not None for u in self._units[first : last + 1])
        toplevel = self._toplevel if not d and not dropped else None
        return self._assemble(pos, units, toplevel), False

    def _shift_units(self, after: int, d: int) -> None:
        if not d:
            return
        for u in self._units[after:]:
            u.start += d
            if u.part is None:
                assert u.header is not None
                u.header = shift_class(u.header, d)
                for m in u.members:
                    _shift_member(m, d)
                self._assemble_class(u)
                continue
            p = u.part
            p.functions = {k: shift_function(f, d) for k, f in p.functions.items()}
            p.imports = [shift_import(i, d) for i in p.imports]
            if u.node is not None:
                ast.increment_lineno(u.node, d)


def _common(old: list[str], new: list[str], limit: int) -> int:
    """How many leading lines the two lists share (at most ``limit``): blocks compared in C,
    then line by line inside the first block that differs."""
    a, block = 0, 64
    while a + block <= limit and old[a : a + block] == new[a : a + block]:
        a += block
    while a < limit and old[a] == new[a]:
        a += 1
    return a


def _shift_member(m: _Member, d: int) -> None:
    if not d:
        return
    m.start += d
    m.end_line += d
    m.part.methods = {k: shift_function(f, d) for k, f in m.part.methods.items()}
    m.part.body_calls = shift_body_calls(m.part.body_calls, d)
    m.nested = {k: shift_class(c, d) for k, c in m.nested.items()}


def _moved(u: _Unit, d: int) -> _Unit:
    """A copy of ``u`` ``d`` lines further down."""
    if u.header is None:
        assert u.part is not None
        node = None
        if u.node is not None:  # walked into the module's facts: a moved copy (the last text
            node = copy.deepcopy(u.node)  # that parsed keeps the original)
            ast.increment_lineno(node, d)
        p = u.part
        part = ModuleIndex(
            path=p.path,
            module=p.module,
            import_map=p.import_map,
            assigns=p.assigns,
            dicts=p.dicts,
            has_main_guard=p.has_main_guard,
            functions={k: shift_function(f, d) for k, f in p.functions.items()},
            imports=[shift_import(i, d) for i in p.imports],
        )
        return _Unit(u.start + d, node=node, part=part)
    members = [
        _Member(
            m.start + d,
            shift_class(m.part, d),
            {k: shift_class(c, d) for k, c in m.nested.items()},
            m.end_line + d,
            m.end_col,
        )
        for m in u.members
    ]
    moved = _Unit(u.start + d, header=shift_class(u.header, d), members=members, indent=u.indent)
    IncrementalIndex._assemble_class(moved)
    return moved


def _parse_lines(lines: list[str], begin: int, indent: int) -> list[ast.stmt] | BaseException | None:
    """The statements of ``lines`` (which start at line ``begin``) when they parse on their
    own; ``indent`` > 0: a class body's statements, all at that indentation. What parsing
    raised when they do not; None when they parse but cannot stand for the unit(s)."""
    text = "\n".join(lines)
    if "__future__" in text:
        return None
    # Blank lines in front put every node on its line in the module, without a second walk
    # over the tree to move them (``ast.increment_lineno``); the tokenizer skips them in C.
    if indent <= 0:
        tree = parse_or_error("\n" * begin + text)
        if isinstance(tree, BaseException):
            return tree
        if any(s.col_offset for s in tree.body):
            return None
        return tree.body
    tree = parse_or_error("\n" * (begin - 1) + "if 1:\n" + text)
    if isinstance(tree, BaseException):
        return tree
    if len(tree.body) != 1 or not isinstance(tree.body[0], ast.If) or tree.body[0].orelse:
        return None  # (an `else:` at column 0 in the text: not the class's members)
    body = tree.body[0].body
    if any(s.col_offset != indent for s in body):
        return None
    return body


def function_of(index: ModuleIndex, qualname: str) -> FunctionFacts | None:
    """A function or method of ``index`` by qualified name (tests)."""
    if qualname in index.functions:
        return index.functions[qualname]
    owner, _, name = qualname.rpartition(".")
    cls = index.classes.get(owner)
    return cls.methods.get(name) if cls is not None else None
