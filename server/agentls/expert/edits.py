"""Check every edit before it is offered: right place, inside the selection, no masked line,
and the edited module still parses, keeps its top-level names and defines what it uses.

An edit that fails a check is withheld (``replacement`` becomes None) and ``note`` says why;
the suggestion itself stays, as advice. Overlapping edits are alternatives: each can be
applied alone, none goes into "apply all".
"""

from __future__ import annotations

import ast
import builtins
import json
import shutil
import subprocess
import symtable
from dataclasses import replace

from agentls.expert.answer import Suggestion, nearest_block, replacement_text
from agentls.text import split_lines

VERIFIED = "verified: parses, names resolve"
SEARCH_RADIUS = 40  # lines either side where moved lines are looked for
RUFF_TIMEOUT = 10.0
_BUILTINS = frozenset(dir(builtins)) | {"__file__", "__name__", "__doc__", "__spec__", "__loader__",
                                       "__package__", "__builtins__", "__path__", "__annotations__",
                                       "__dict__", "__module__", "__qualname__", "__class__"}


def _norm(line: str) -> str:
    """Whitespace-tolerant form of a line: runs of blanks count as one, ends ignored."""
    return " ".join(line.split())


def _quoted(original: str) -> list[str]:
    lines = [_norm(ln) for ln in original.splitlines()]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return lines


def locate(original: str, shown: list[str], start: int, end: int) -> tuple[int, int] | None:
    """Where ``original`` really is in ``shown`` (normalised lines): the lines the expert gave,
    else the nearest place within SEARCH_RADIUS; None when it is not there."""
    want = _quoted(original)
    if not want:
        return None
    best = nearest_block(shown, want, start - 1, SEARCH_RADIUS)
    return None if best is None else (best + 1, best + len(want))


def top_level_names(tree: ast.Module) -> set[str]:
    """Names a module defines at top level (what other modules may import)."""
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                names.update(n.id for n in ast.walk(target) if isinstance(n, ast.Name))
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names.update((a.asname or a.name).split(".")[0] for a in node.names if a.name != "*")
    return names


def undefined_names(source: str, tree: ast.Module) -> set[str] | None:
    """Global names the module reads but never binds (builtins aside), from its symbol tables;
    None when a star import makes that unknowable."""
    if any(isinstance(n, ast.ImportFrom) and any(a.name == "*" for a in n.names) for n in ast.walk(tree)):
        return None
    try:
        top = symtable.symtable(source, "<module>", "exec")
    except (SyntaxError, ValueError):
        return None
    bound: set[str] = set()
    used: set[str] = set()
    stack = [top]
    while stack:
        table = stack.pop()
        stack.extend(table.get_children())
        module = table.get_type() == "module"
        for sym in table.get_symbols():
            name = sym.get_name()
            binds = sym.is_assigned() or sym.is_imported() or sym.is_namespace()
            if binds and (module or sym.is_declared_global()):
                bound.add(name)
            if sym.is_referenced() and (module or sym.is_global()):
                used.add(name)
    return used - bound - _BUILTINS


def ruff_undefined(source: str) -> set[str] | None:
    """``ruff`` F821 (undefined name) when ruff is installed: names it flags, else None."""
    exe = shutil.which("ruff")
    if exe is None:
        return None
    try:
        done = subprocess.run([exe, "check", "--isolated", "--select", "F821", "--output-format", "json",
                               "--stdin-filename", "module.py", "-"], input=source, capture_output=True,
                              text=True, timeout=RUFF_TIMEOUT, check=False)
        found = json.loads(done.stdout or "[]")
    except (OSError, subprocess.SubprocessError, ValueError):
        return None
    names: set[str] = set()
    for item in found if isinstance(found, list) else []:
        message = str(item.get("message", "")) if isinstance(item, dict) else ""
        if "`" in message:
            names.add(message.split("`")[1])
    return names


def apply_one(source: str, s: Suggestion) -> str:
    lines = split_lines(source)
    old = "".join(lines[s.start_line - 1:s.end_line])
    lines[s.start_line - 1:s.end_line] = [replacement_text(s, old)]
    return "".join(lines)


class _Module:
    """What the checks compare against, computed once per answer."""

    def __init__(self, source: str, use_ruff: bool) -> None:
        self.source = source
        self.use_ruff = use_ruff
        try:
            self.tree: ast.Module | None = ast.parse(source)
        except (SyntaxError, ValueError):
            self.tree = None  # the module is broken already: parsing can prove nothing
        self.names = top_level_names(self.tree) if self.tree else set()
        self.undefined = undefined_names(source, self.tree) if self.tree else None
        self._ruff: set[str] | None = None
        self._ruff_done = False

    def ruff(self) -> set[str] | None:
        if not self._ruff_done:
            self._ruff_done = True
            self._ruff = ruff_undefined(self.source) if self.use_ruff else None
        return self._ruff


def problem(before: _Module, after_source: str) -> str | None:
    """Why the edited module is worse than the original, or None."""
    if before.tree is None:
        return "the module does not parse as it is, so the edit cannot be checked"
    try:
        tree = ast.parse(after_source)
    except (SyntaxError, ValueError) as exc:
        where = f" (line {exc.lineno})" if isinstance(exc, SyntaxError) and exc.lineno else ""
        return f"the edited module would not parse{where}: {getattr(exc, 'msg', exc)}"
    lost = before.names - top_level_names(tree)
    if lost:
        return "it removes top-level names other modules may import: " + ", ".join(sorted(lost))
    if before.undefined is not None:
        after = undefined_names(after_source, tree)
        new = (after or set()) - before.undefined
        if new:
            return "it uses names that are defined nowhere: " + ", ".join(sorted(new))
    old_ruff = before.ruff()
    if old_ruff is not None:
        new_ruff = (ruff_undefined(after_source) or set()) - old_ruff
        if new_ruff:
            return "ruff F821: undefined name(s) " + ", ".join(sorted(new_ruff))
    return None


def check(source: str, masked: str, suggestions: list[Suggestion], selection: tuple[int, int] | None,
          use_ruff: bool = True) -> list[Suggestion]:
    """Each suggestion with its edit verified, moved to where its lines are, or withheld."""
    shown = [_norm(ln) for ln in split_lines(masked)]
    secret_lines = {i + 1 for i, (a, b) in enumerate(zip(split_lines(source), split_lines(masked), strict=False))
                    if a != b}
    before = _Module(source, use_ruff)
    out: list[Suggestion] = []
    for s in suggestions:
        if s.replacement is None:
            out.append(s)
            continue
        out.append(_check_one(s, before, shown, secret_lines, selection))
    return group_overlaps(out)


def _check_one(s: Suggestion, before: _Module, shown: list[str], secret_lines: set[int],
               selection: tuple[int, int] | None) -> Suggestion:
    def withhold(why: str) -> Suggestion:
        return replace(s, replacement=None, note=f"no edit offered: {why}")

    if not s.original or not _quoted(s.original):
        return withhold("the answer did not quote the lines it replaces, so the edit cannot be placed safely")
    place = locate(s.original, shown, s.start_line, s.end_line)
    if place is None:
        return withhold(f"the lines it replaces are not at {_span(s.start_line, s.end_line)} "
                        f"(nor within {SEARCH_RADIUS} lines)")
    moved = replace(s, start_line=place[0], end_line=place[1])
    if selection and not (selection[0] <= place[0] and place[1] <= selection[1]):
        return withhold(f"it edits {_span(*place)}, outside the selected lines {selection[0]}-{selection[1]}")
    if secret_lines & set(range(place[0], place[1] + 1)):
        return withhold("it would rewrite a line holding a masked secret")
    why = problem(before, apply_one(before.source, moved))
    if why is not None:
        return withhold(why)
    moved_note = (f"moved from {_span(s.start_line, s.end_line)}, where the expert placed it"
                  if place != (s.start_line, s.end_line) else None)
    return replace(moved, verified=VERIFIED, note=moved_note)


def _span(start: int, end: int) -> str:
    return f"line {start}" if start == end else f"lines {start}-{end}"


def group_overlaps(suggestions: list[Suggestion]) -> list[Suggestion]:
    """Give overlapping edits a shared group number: alternatives, never applied together."""
    edits = [i for i, s in enumerate(suggestions) if s.replacement is not None]
    group: dict[int, int] = {}
    next_group = 1
    for a_pos, a in enumerate(edits):
        for b in edits[a_pos + 1:]:
            x, y = suggestions[a], suggestions[b]
            if x.start_line <= y.end_line and y.start_line <= x.end_line:
                g = group.get(a) or group.get(b) or next_group
                next_group += g == next_group
                merged = {group.get(a), group.get(b)} - {None, g}  # two groups joined by this pair
                for k, old in list(group.items()):
                    if old in merged:
                        group[k] = g
                group[a] = group[b] = g
    return [replace(s, group=group.get(i, 0)) for i, s in enumerate(suggestions)]


def alternatives(suggestions: list[Suggestion], i: int) -> list[int]:
    """1-based numbers of the suggestions that are alternatives to suggestion ``i`` (0-based)."""
    g = suggestions[i].group
    return [j + 1 for j, s in enumerate(suggestions) if g and s.group == g and j != i]


def recheck(source: str, s: Suggestion) -> str | None:
    """Before an edit is applied to text that changed since it was verified: why it would now
    break the module, or None (also when the module does not parse as it is, mid-typing)."""
    if s.replacement is None:
        return "no edit"
    before = _Module(source, use_ruff=False)
    if before.tree is None:
        return None
    return problem(before, apply_one(source, s))
