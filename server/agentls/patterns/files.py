"""Which Python files of a folder the pattern engine reads: the language server's background
index lists them here (pure Python, no protocol types).

A file is skipped when a folder on its way is hidden (``.git``, ``.tox``…) or one of
``SKIP_DIRS`` (virtualenvs, ``node_modules``, ``__pycache__``, ``site-packages``), when the
folder's ``.gitignore`` files ignore it, or when an ``exclude`` pattern matches it.

When the folder is the top of a git work tree (it holds ``.git``) and ``git`` runs, the list is
``git ls-files --cached --others --exclude-standard``: exactly git's rules (global excludes and
``.git/info/exclude`` included). Otherwise, and to decide about a single file reported later by
the editor, this module reads the ``.gitignore`` files itself, with this subset of gitignore's
rules (each line compiled by pathspec, as git's wildmatch does):

- one pattern a line; blank lines and lines starting with ``#`` are skipped; ``\\#`` and
  ``\\!`` start a pattern with that character; trailing spaces are dropped;
- ``!pattern`` re-includes what an earlier pattern ignored (the last matching line wins), but
  nothing inside an ignored folder (that folder is never entered, as with git);
- a trailing ``/`` matches folders only;
- a pattern with a ``/`` at its start or in its middle is relative to the ``.gitignore``'s
  folder; without one it matches a file or folder name at any depth;
- ``*`` and ``?`` match within one path component, ``[abc]`` / ``[!a-z]`` one character of a
  set, ``**/`` any number of folders, a trailing ``/**`` everything inside;
- a ``.gitignore`` in a sub-folder applies below it, after the ones above it.

Not supported: ``core.excludesFile`` and ``.git/info/exclude`` outside git mode.

``exclude`` patterns (the ``agentls.patterns.exclude`` setting) use the same syntax, relative
to the workspace folder: ``migrations``, ``**/generated/**``, ``legacy/``, ``*_pb2.py``.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from pathspec.patterns.gitignore.spec import GitIgnoreSpecPattern

SKIP_DIRS = frozenset({".venv", "venv", "node_modules", "__pycache__", "site-packages"})
GIT_TIMEOUT = 30.0


@dataclass(frozen=True)
class IgnoreRule:
    """One gitignore line, compiled by pathspec (git's own wildmatch rules)."""

    pattern: GitIgnoreSpecPattern

    @property
    def negate(self) -> bool:
        return self.pattern.include is False

    def matches(self, rel: str, is_dir: bool) -> bool:
        """``rel``: relative to the folder of the ``.gitignore`` (or the workspace folder)."""
        return self.pattern.match_file(f"{rel}/" if is_dir else rel) is not None


def compile_rule(line: str) -> IgnoreRule | None:
    """One gitignore line as a rule, or None for blanks and comments."""
    try:
        pattern = GitIgnoreSpecPattern(line.rstrip("\n").rstrip("\r"))
    except ValueError:  # a pattern git would not accept either
        return None
    return IgnoreRule(pattern) if pattern.include is not None else None


def compile_rules(lines: Iterable[str]) -> list[IgnoreRule]:
    return [r for r in (compile_rule(line) for line in lines) if r is not None]


def _decide(rules: Sequence[IgnoreRule], rel: str, is_dir: bool, current: bool) -> bool:
    for rule in rules:
        if rule.matches(rel, is_dir):
            current = not rule.negate  # the last matching line wins
    return current


def _read_gitignore(directory: str) -> list[IgnoreRule]:
    try:
        with open(os.path.join(directory, ".gitignore"), encoding="utf-8", errors="replace") as handle:
            return compile_rules(handle)
    except OSError:
        return []


class FolderScope:
    """The files of one workspace folder that the index holds (see the module docstring)."""

    def __init__(self, root: str, exclude: Sequence[str] = ()) -> None:
        self.root = os.path.normpath(root)
        self.exclude = compile_rules(exclude)
        self._gitignores: dict[str, list[IgnoreRule]] = {}  # folder (relative, "" for root) -> rules

    def relative(self, path: str) -> str | None:
        """``path`` relative to the root with ``/`` separators, or None when outside it."""
        norm = os.path.normpath(path)
        try:
            rel = os.path.relpath(norm, self.root)
        except ValueError:  # another drive
            return None
        if rel == "." or rel.startswith(".." + os.sep) or rel == ".." or os.path.isabs(rel):
            return None
        return rel.replace(os.sep, "/")

    def _rules_for(self, rel_dir: str) -> list[IgnoreRule]:
        rules = self._gitignores.get(rel_dir)
        if rules is None:
            rules = _read_gitignore(os.path.join(self.root, rel_dir) if rel_dir else self.root)
            self._gitignores[rel_dir] = rules
        return rules

    def ignored(self, rel: str, is_dir: bool, gitignore: bool = True) -> bool:
        """Whether the item at ``rel`` (its parents already admitted) is left out."""
        name = rel.rpartition("/")[2]
        if is_dir and (name.startswith(".") or name in SKIP_DIRS):
            return True
        if _decide(self.exclude, rel, is_dir, False):
            return True
        if not gitignore:
            return False
        ignored = False
        parts = rel.split("/")
        for depth in range(len(parts)):
            base = "/".join(parts[:depth])
            rules = self._rules_for(base)
            if rules:
                ignored = _decide(rules, "/".join(parts[depth:]), is_dir, ignored)
        return ignored

    def contains(self, path: str) -> bool:
        """Whether a single file (say, one the editor reports as created) belongs to the index."""
        rel = self.relative(path)
        if rel is None or not rel.endswith(".py"):
            return False
        parts = rel.split("/")
        for depth in range(1, len(parts)):
            if self.ignored("/".join(parts[:depth]), True):
                return False
        return not self.ignored(rel, False)

    # -- listing ---------------------------------------------------------------------------
    def list_files(
        self, limit: int, stop: Callable[[], bool] | None = None, use_git: bool = True
    ) -> tuple[list[str], bool]:
        """Absolute paths of the folder's Python files, sorted, at most ``limit``; and whether
        there were more."""
        if use_git and os.path.exists(os.path.join(self.root, ".git")):
            listed = self._git_files()
            if listed is not None:
                return self._admit(listed, limit)
        return self._walk(limit, stop or (lambda: False))

    def _git_files(self) -> list[str] | None:
        try:
            done = subprocess.run(
                ["git", "-C", self.root, "ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", "*.py"],
                capture_output=True,
                timeout=GIT_TIMEOUT,
                check=False,
                stdin=subprocess.DEVNULL,
            )
        except (OSError, subprocess.SubprocessError):
            return None
        if done.returncode != 0:
            return None
        return sorted({os.fsdecode(p) for p in done.stdout.split(b"\0") if p})

    def _admit(self, listed: list[str], limit: int) -> tuple[list[str], bool]:
        out: list[str] = []
        admitted_dirs: dict[str, bool] = {"": True}
        for rel in listed:
            if not rel.endswith(".py"):
                continue
            parent = rel.rpartition("/")[0]
            ok = admitted_dirs.get(parent)
            if ok is None:
                parts = parent.split("/")
                ok = True
                for depth in range(1, len(parts) + 1):
                    prefix = "/".join(parts[:depth])
                    seen = admitted_dirs.get(prefix)
                    if seen is None:
                        seen = admitted_dirs[prefix] = ok and not self.ignored(prefix, True, gitignore=False)
                    ok = seen
            if not ok or self.ignored(rel, False, gitignore=False):
                continue
            path = os.path.join(self.root, *rel.split("/"))
            if not os.path.isfile(path):  # tracked, but deleted in the work tree
                continue
            if len(out) >= limit:
                return out, True
            out.append(path)
        return out, False

    def _walk(self, limit: int, stop: Callable[[], bool]) -> tuple[list[str], bool]:
        out: list[str] = []
        for directory, dirs, files in os.walk(self.root):
            if stop():
                break
            rel_dir = os.path.relpath(directory, self.root).replace(os.sep, "/")
            rel_dir = "" if rel_dir == "." else rel_dir
            prefix = f"{rel_dir}/" if rel_dir else ""
            dirs[:] = sorted(d for d in dirs if not self.ignored(prefix + d, True))
            for name in sorted(files):
                if name.endswith(".py") and not self.ignored(prefix + name, False):
                    if len(out) >= limit:
                        return out, True
                    out.append(os.path.join(directory, name))
        return out, False
