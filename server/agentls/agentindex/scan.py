"""Finding the folders Claude Code scans, and the files in them, without reading any file.

Project trees: every ``.claude`` folder in a workspace folder (nested projects included),
found by a pruned walk; plugin trees: folders beside a ``.claude-plugin`` folder; the user's
``~/.claude`` and an optional managed folder. File matching follows Claude Code: project and
user agents are ``*.md`` case-sensitive with symlinks followed; plugin agents take ``.md`` in
any case and no symlinks; skills are ``<dir>/SKILL.md``; commands any ``.md`` below.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator

from agentls.agentindex.model import Kind, Scope, Tree

# Folders that never hold agent definitions but can hold millions of files.
PRUNE = frozenset({
    "node_modules", ".git", ".hg", ".svn", ".venv", "venv", "__pycache__", ".tox", ".nox",
    ".mypy_cache", ".ruff_cache", ".pytest_cache", "dist", "build", "target", ".next",
    ".cache", ".gradle", ".idea", "site-packages",
})
MAX_DEPTH = 8  # project folders nested deeper than this are not looked for
MAX_DIRS = 20_000  # a walk visits at most this many folders per workspace folder
MAX_AGENT_DEPTH = 32  # Claude Code's plugin walk limit; also bounds symlink loops
SIZE_LIMIT = 1_048_576


def claude_trees(base: str, scope: Scope) -> list[Tree]:
    """The three trees of one ``.claude`` folder's parent (a project, home or managed folder)."""
    claude = os.path.join(base, ".claude")
    return [Tree(Kind.AGENT, scope, os.path.join(claude, "agents"), base),
            Tree(Kind.SKILL, scope, os.path.join(claude, "skills"), base),
            Tree(Kind.COMMAND, scope, os.path.join(claude, "commands"), base)]


def plugin_trees(root: str) -> list[Tree]:
    name = plugin_name(root)
    return [Tree(Kind.AGENT, Scope.PLUGIN, os.path.join(root, "agents"), root, name),
            Tree(Kind.SKILL, Scope.PLUGIN, os.path.join(root, "skills"), root, name),
            Tree(Kind.COMMAND, Scope.PLUGIN, os.path.join(root, "commands"), root, name)]


def plugin_name(root: str) -> str:
    try:
        with open(os.path.join(root, ".claude-plugin", "plugin.json"), encoding="utf-8") as fh:
            data = json.load(fh)
        if isinstance(data, dict) and isinstance(data.get("name"), str) and data["name"]:
            return str(data["name"])
    except (OSError, ValueError):
        pass
    return os.path.basename(os.path.normpath(root))


def find_trees(folder: str) -> list[Tree]:
    """Project and plugin trees in one workspace folder (a bounded, pruned walk)."""
    trees: list[Tree] = []
    stack: list[tuple[str, int]] = [(folder, 0)]
    visited = 0
    while stack and visited < MAX_DIRS:
        current, depth = stack.pop()
        visited += 1
        try:
            with os.scandir(current) as it:
                subdirs = [e for e in it if e.is_dir(follow_symlinks=False)]
        except OSError:
            continue
        names = {e.name for e in subdirs}
        if ".claude" in names:
            trees.extend(claude_trees(current, Scope.PROJECT))
        if ".claude-plugin" in names:
            trees.extend(plugin_trees(current))
        if depth >= MAX_DEPTH:
            continue
        for e in subdirs:
            if e.name in PRUNE or e.name in (".claude", ".claude-plugin"):
                continue
            if e.name.startswith(".") and e.name not in (".github",):
                continue  # hidden folders hold caches, not nested projects
            stack.append((e.path, depth + 1))
    return trees


def tree_files(tree: Tree) -> Iterator[tuple[str, int, int]]:
    """``(path, mtime_ns, size)`` of every file Claude Code would read in ``tree``."""
    if tree.kind is Kind.SKILL:
        yield from _skill_files(tree.root)
        return
    plugin = tree.plugin is not None
    stack: list[tuple[str, int]] = [(tree.root, 0)]
    while stack:
        current, depth = stack.pop()
        try:
            it = os.scandir(current)
        except OSError:
            continue
        with it:
            for e in it:
                try:
                    if plugin and e.is_symlink():
                        continue  # plugin walks read neither linked files nor linked folders
                    if e.is_dir():
                        if depth < MAX_AGENT_DEPTH:
                            stack.append((e.path, depth + 1))
                        continue
                    if not _md(e.name, case_sensitive=tree.kind is Kind.AGENT and not plugin):
                        continue
                    st = e.stat()
                except OSError:
                    continue
                if st.st_size <= SIZE_LIMIT:
                    yield e.path, st.st_mtime_ns, st.st_size


def _skill_files(root: str) -> Iterator[tuple[str, int, int]]:
    try:
        it = os.scandir(root)
    except OSError:
        return
    with it:
        for e in it:
            if not e.is_dir():
                continue
            path = os.path.join(e.path, "SKILL.md")
            try:
                st = os.stat(path)
            except OSError:
                continue
            if st.st_size <= SIZE_LIMIT:
                yield path, st.st_mtime_ns, st.st_size


def _md(name: str, case_sensitive: bool) -> bool:
    return name.endswith(".md") if case_sensitive else name.lower().endswith(".md")


def mcp_servers(path: str) -> frozenset[str]:
    """Server names of an ``.mcp.json`` (or ``~/.claude.json``) file; empty when unreadable."""
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except (OSError, ValueError):
        return frozenset()
    servers = data.get("mcpServers") if isinstance(data, dict) else None
    return frozenset(k for k in servers if isinstance(k, str)) if isinstance(servers, dict) else frozenset()
