"""Which tool reads a file, chosen by its path (the dialects and globs are in
``agentls.knowledge.dialects``).

The glob -> dialect map can be extended from configuration (``[tool.agentls.dialects]``);
user globs are tried before the defaults.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping

from agentls.knowledge.dialects import DEFAULT_GLOBS, DIALECTS

# DIALECTS is re-exported for callers that match a path and then look its dialect up;
# the table itself is agentls.knowledge.dialects's.
__all__ = ["DIALECTS", "dialect_for"]


def _glob_regex(glob: str) -> re.Pattern[str]:
    """``**`` spans folders, ``*`` stays within one; matched at a folder boundary at the end."""
    out = []
    i = 0
    while i < len(glob):
        if glob.startswith("**/", i):
            out.append("(?:[^/]+/)*")
            i += 3
        elif glob[i] == "*":
            out.append("[^/]*")
            i += 1
        elif glob[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(glob[i]))
            i += 1
    # .md extensions match in any case: Claude Code skips ".MD" and we want to say so; so
    # does SKILL.md (Claude Code never finds `skill.md` on Linux, AG024 says so).
    pattern = "".join(out).replace(r"\.md", r"\.[mM][dD]").replace("SKILL", "(?i:SKILL)")
    return re.compile(r"(?:^|/)" + pattern + r"\Z")


def _is_plugin_root(folder: str) -> bool:
    return os.path.isdir(os.path.join(folder, ".claude-plugin"))


def _plugin_condition(path: str, glob: str) -> bool:
    """``agents/`` or ``commands/`` count as a plugin's only beside a ``.claude-plugin`` folder."""
    top = glob.split("/", 1)[0]
    parts = path.split("/")
    for i in range(len(parts) - 1, -1, -1):
        if parts[i] == top:
            return _is_plugin_root("/".join(parts[:i]) or ".")
    return False


def dialect_for(path: str, extra: Mapping[str, str] | None = None) -> str | None:
    """The dialect id for a path, or ``None`` when agentls does not know the file."""
    posix = os.path.abspath(path).replace(os.sep, "/")
    for glob, dialect in _globs(extra):
        if not _regex_of(glob).search(posix):
            continue
        dialect_id, _, condition = dialect.partition("?")
        if condition == "plugin" and not _plugin_condition(posix, glob):
            continue
        return dialect_id
    return None


# The default globs' regexes, built once at import (a user's few globs are built on each call:
# the ``re`` module keeps the compiled patterns).
_DEFAULT_REGEXES: dict[str, re.Pattern[str]] = {glob: _glob_regex(glob) for glob, _ in DEFAULT_GLOBS}


def _regex_of(glob: str) -> re.Pattern[str]:
    found = _DEFAULT_REGEXES.get(glob)
    return found if found is not None else _glob_regex(glob)


def _globs(extra: Mapping[str, str] | None) -> Iterable[tuple[str, str]]:
    if extra:
        yield from extra.items()
    yield from DEFAULT_GLOBS
