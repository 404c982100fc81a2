"""What Claude Code makes of a skill's or a command's path: its scope, and the name it would
be offered under (the folder for a skill, the path below ``commands/`` for a command).

Project and user trees are ``.claude/skills`` and ``.claude/commands``; any other
``skills/<dir>/SKILL.md`` or ``commands/**`` is a plugin's. Only paths matter here: the
rules that use this run on a file's path, whatever it holds.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

NAME_LIMIT = 256
# Characters that print as nothing (Hangul fillers, the braille blank) although Unicode
# does not file them under spaces or format characters; Claude Code refuses them too.
_BLANK_LIKE = frozenset("\u115f\u1160\u3164\uffa0\u2800")


@dataclass(frozen=True)
class Place:
    name: str  # the folder name (skill) or the `a:b` command name
    project: bool  # project or user scope (`.claude/…`), not a plugin's
    file: str  # the file's own name


def _parts(path: str | None) -> list[str]:
    return (path or "").replace("\\", "/").split("/")


def skill_place(path: str | None) -> Place | None:
    """``skills/<folder>/<file>``: the folder name and whether it is a project skill."""
    parts = _parts(path)
    if len(parts) < 3 or parts[-3] != "skills":
        return None
    return Place(parts[-2], len(parts) > 3 and parts[-4] == ".claude", parts[-1])


def command_place(path: str | None) -> Place | None:
    """``commands/a/b.md`` → ``a:b``; a ``SKILL.md`` in ``commands/x/`` is the command ``x``."""
    parts = _parts(path)
    for i in range(len(parts) - 2, -1, -1):
        if parts[i] != "commands":
            continue
        below = parts[i + 1:]
        file = below[-1]
        if file.lower() == "skill.md" and len(below) > 1:
            below = below[:-1]
        else:
            stem = file[:-3] if file.lower().endswith(".md") else file
            below = [*below[:-1], stem]
        return Place(":".join(below), i > 0 and parts[i - 1] == ".claude", file)
    return None


def name_problem(name: str) -> str | None:
    """Why Claude Code refuses to offer a skill or command under ``name`` (its `[names]` check),
    or ``None`` when the name is fine."""
    if not name:
        return "it is empty"
    if len(name) > NAME_LIMIT:
        return f"it is {len(name):,} characters long, over {NAME_LIMIT}"
    for ch in name:
        if ch in "<>":
            return f"it holds `{ch}`"
        category = unicodedata.category(ch)
        if category in ("Cc", "Cf", "Zl", "Zp", "Co", "Cn", "Cs"):
            return f"it holds the invisible or control character U+{ord(ch):04X}"
        if (category == "Zs" and ch != " ") or ch in _BLANK_LIKE:
            return f"it holds the blank-like character U+{ord(ch):04X}"
    if unicodedata.category(name[0]) in ("Mn", "Me"):
        return f"it starts with the combining mark U+{ord(name[0]):04X}"
    if name[0] == " " or name[-1] == " ":
        return "it has a leading or trailing space"
    if "  " in name:
        return "it has two spaces in a row"
    if " :" in name or ": " in name:
        return "it has a space next to `:`"
    if name[0] == ":" or name[-1] == ":":
        return "it starts or ends with `:`"
    return None
