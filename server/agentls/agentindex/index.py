"""The workspace model: every agent, skill and command Claude Code would see, and who wins.

Files on disk are read once and cached by ``(mtime_ns, size)``; open editor buffers overlay
them (``set_overlay``) so a name typed but not saved already counts. Everything that needs
several files (name clashes, references, listing budgets) is answered from here.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from agentls.agentindex import extract, scan
from agentls.agentindex.codes import WORKSPACE_CODES
from agentls.agentindex.findings import workspace_findings
from agentls.agentindex.model import Entry, IndexFinding, Kind, Scope, Tree
from agentls.agentindex.rank import co_load, compare, namespace
from agentls.frontmatter.document import AgentDocument

CODES = {code: c.slug for code, c in WORKSPACE_CODES.items()}


@dataclass(frozen=True)
class IndexConfig:
    folders: tuple[str, ...] = ()
    home: str | None = None  # the user's home folder; None leaves ~/.claude out
    managed: str | None = None  # the managed-settings folder (holds .claude/agents)
    context_window: int = 200_000  # tokens; the skill listing may use 1% of it

    @property
    def listing_budget_chars(self) -> int:
        return self.context_window // 100 * extract.CHARS_PER_TOKEN


class AgentIndex:
    def __init__(self, config: IndexConfig | None = None,
                 parsed: dict[str, tuple[bytes, AgentDocument]] | None = None) -> None:
        self.config = config or IndexConfig()
        # Files the caller parsed already, by path, with the bytes they were parsed from (the
        # CLI checks each file before it asks for the workspace): a file read here with the
        # same bytes and dialect is not parsed again.
        self.parsed = parsed or {}
        self._trees: list[Tree] = []
        self._disk: dict[str, Entry] = {}
        self._overlay: dict[str, Entry] = {}
        self._mcp_files: dict[str, tuple[tuple[int, int], frozenset[str]]] = {}
        self._groups: dict[tuple[str, str], list[Entry]] | None = None
        self._listings: dict[Kind, list[Entry]] = {}
        self.scanned = False

    def _invalidate(self) -> None:
        """Forget what was derived from the entries (name groups, listings)."""
        self._groups = None
        self._listings = {}

    # -- building ----------------------------------------------------------------------------
    def configure(self, config: IndexConfig) -> bool:
        """Adopt a configuration; rescans (keeping the file cache) when it changed."""
        if config == self.config and self.scanned:
            return False
        self.config = config
        self.scan()
        return True

    def scan(self) -> None:
        trees: list[Tree] = []
        seen_folders: set[str] = set()
        for folder in self.config.folders:
            real = os.path.realpath(folder)
            if real not in seen_folders:
                seen_folders.add(real)
                trees.extend(scan.find_trees(folder))
        if self.config.home:
            trees.extend(scan.claude_trees(self.config.home, Scope.USER))
        if self.config.managed:
            trees.extend(scan.claude_trees(self.config.managed, Scope.MANAGED))
        # A folder that is both (the home folder opened as a workspace) counts once, as user.
        by_root: dict[str, Tree] = {}
        for tree in trees:
            key = os.path.realpath(tree.root)
            if key not in by_root or tree.scope > by_root[key].scope or tree.scope is Scope.USER:
                by_root[key] = tree
        self._trees = list(by_root.values())
        fresh: dict[str, Entry] = {}
        for tree in self._trees:
            for path, mtime, size in scan.tree_files(tree):
                old = self._disk.get(path)
                if old is not None and old.stamp == (mtime, size) and old.tree == tree:
                    fresh[path] = old
                    continue
                entry = self._read(path, tree, (mtime, size))
                if entry is not None:
                    fresh[path] = entry
        self._disk = fresh
        self._mcp_files = {}
        for base in {t.base for t in self._trees} | set(self.config.folders):
            self._load_mcp(os.path.join(base, ".mcp.json"))
        if self.config.home:
            self._load_mcp(os.path.join(self.config.home, ".claude.json"))
        self._invalidate()
        self.scanned = True

    def _read(self, path: str, tree: Tree, stamp: tuple[int, int]) -> Entry | None:
        try:
            with open(path, "rb") as fh:
                data = fh.read(scan.SIZE_LIMIT + 1)
        except OSError:
            return None
        known = self.parsed.get(path)
        if known is not None and known[0] == data and known[1].dialect == extract.dialect_of(tree):
            entry = extract.from_document(path, known[1], tree)
        else:
            entry = extract.read_bytes(path, data, tree)
        entry.stamp = stamp
        return entry

    def _load_mcp(self, path: str) -> bool:
        try:
            st = os.stat(path)
        except OSError:
            return self._mcp_files.pop(path, None) is not None
        stamp = (st.st_mtime_ns, st.st_size)
        old = self._mcp_files.get(path)
        if old is not None and old[0] == stamp:
            return False
        self._mcp_files[path] = (stamp, scan.mcp_servers(path))
        return True

    def tree_for(self, path: str) -> Tree | None:
        """The scanned tree holding ``path``; else one derived from the path itself."""
        best: Tree | None = None
        for tree in self._trees:
            root = tree.root.rstrip(os.sep) + os.sep
            if path.startswith(root) and (best is None or len(tree.root) > len(best.root)):
                best = tree
        if best is not None:
            if best.kind is Kind.SKILL and os.path.basename(path) != "SKILL.md":
                return None
            return best
        return _derive_tree(path, self.config)

    def update_paths(self, paths: Iterable[str]) -> set[str]:
        """Re-read files changed on disk (created, changed or deleted); returns affected names."""
        affected: set[str] = set()
        for path in paths:
            if os.path.basename(path) in (".mcp.json", ".claude.json"):
                if self._load_mcp(path):
                    affected.add("mcp:*")
                continue
            old = self._disk.pop(path, None)
            if old is not None and old.name:
                affected.add(old.name)
            tree = self.tree_for(path)
            if tree is None:
                continue
            try:
                st = os.stat(path)
            except OSError:
                continue
            if st.st_size > scan.SIZE_LIMIT:
                continue
            entry = self._read(path, tree, (st.st_mtime_ns, st.st_size))
            if entry is not None:
                self._disk[path] = entry
                if entry.name:
                    affected.add(entry.name)
        self._invalidate()
        return affected

    def set_overlay(self, path: str, text: str, doc: AgentDocument | None = None) -> set[str] | None:
        """Use an editor buffer instead of the file; returns the names affected if the file's
        identity or references changed (``None`` when the path is no agent file). ``doc`` is
        the buffer already parsed (by the checker), used when it was read as the same dialect."""
        tree = self.tree_for(path)
        if tree is None:
            return None
        if doc is not None and doc.text is text and doc.dialect == extract.dialect_of(tree):
            entry = extract.from_document(path, doc, tree)
        else:
            entry = extract.read_text(path, text, tree)
        before = self.entry(path)
        self._overlay[path] = entry
        if before is not None and _same_shape(before, entry):
            return set()
        self._invalidate()
        return {n for n in (before.name if before else None, entry.name) if n}

    def drop_overlay(self, path: str) -> None:
        if self._overlay.pop(path, None) is not None:
            self._invalidate()

    def overlays(self) -> list[str]:
        return list(self._overlay)

    def has_overlay(self, path: str) -> bool:
        return path in self._overlay

    # -- reading -----------------------------------------------------------------------------
    def entry(self, path: str) -> Entry | None:
        return self._overlay.get(path) or self._disk.get(path)

    def entries(self) -> Iterator[Entry]:
        yield from self._overlay.values()
        for path, entry in self._disk.items():
            if path not in self._overlay:
                yield entry

    def __len__(self) -> int:
        return len(self._disk.keys() | self._overlay.keys())

    def _grouped(self) -> dict[tuple[str, str], list[Entry]]:
        if self._groups is None:
            groups: dict[tuple[str, str], list[Entry]] = {}
            for e in self.entries():
                if e.name and e.loads:
                    groups.setdefault((namespace(e.kind), e.name), []).append(e)
            self._groups = groups
        return self._groups

    def named(self, kind: Kind, name: str) -> list[Entry]:
        """Every loading definition of ``name`` in ``kind``'s namespace, the winner first."""
        group = list(self._grouped().get((namespace(kind), name), []))
        if kind is not Kind.AGENT:
            group = [e for e in group if e.kind is kind] + [e for e in group if e.kind is not kind]
        ordered: list[Entry] = []
        for e in group:  # insertion sort: groups are tiny
            at = len(ordered)
            while at > 0 and compare(e, ordered[at - 1])[0] is e:
                at -= 1
            ordered.insert(at, e)
        return ordered

    def shadowed_by(self, entry: Entry) -> tuple[Entry, str] | None:
        """The file that wins ``entry``'s name when both would load, and why."""
        if not entry.name or not entry.loads:
            return None
        best: tuple[Entry, str] | None = None
        for other in self._grouped().get((namespace(entry.kind), entry.name), []):
            if other.path == entry.path or not co_load(entry, other):
                continue
            winner, reason = compare(entry, other)
            if winner is other and (best is None or compare(other, best[0])[0] is other):
                best = (other, reason)
        return best

    def names(self, kind: Kind) -> list[str]:
        return sorted({e.name for e in self.entries() if e.kind is kind and e.name and e.loads})

    def mcp_servers_for(self, path: str) -> frozenset[str]:
        """Servers configured for a file: ``.mcp.json`` in its folder or any parent, the user's."""
        found: set[str] = set()
        folder = os.path.dirname(path)
        user_file = os.path.join(self.config.home, ".claude.json") if self.config.home else None
        for mcp_path, (_, servers) in self._mcp_files.items():
            base = os.path.dirname(mcp_path)
            entry = self.entry(path)
            user_agent = entry is not None and entry.scope is Scope.USER
            if mcp_path == user_file or user_agent or folder == base or folder.startswith(base + os.sep):
                found |= servers
        return frozenset(found)

    def all_mcp_servers(self) -> frozenset[str]:
        out: set[str] = set()
        for _, servers in self._mcp_files.values():
            out |= servers
        return frozenset(out)

    # -- budgets -----------------------------------------------------------------------------
    def listing(self, kind: Kind) -> list[Entry]:
        """What Claude Code lists for ``kind`` (winners only), in name order."""
        cached = self._listings.get(kind)
        if cached is not None:
            return cached
        out = []
        for (space, name), _group in sorted(self._grouped().items()):
            if space != namespace(kind):
                continue
            ordered = self.named(kind, name)
            if ordered and ordered[0].kind is kind and ordered[0].listed:
                out.append(ordered[0])
        self._listings[kind] = out
        return out

    def listing_chars(self, kind: Kind) -> int:
        return sum(e.listing_chars for e in self.listing(kind))

    # -- findings ----------------------------------------------------------------------------
    def findings_for(self, path: str) -> list[IndexFinding]:
        return workspace_findings(self, path)

    # -- dependencies ------------------------------------------------------------------------
    def dependents(self, names: set[str]) -> set[str]:
        """Paths whose findings may change when definitions of ``names`` change."""
        out: set[str] = set()
        mcp = "mcp:*" in names
        for e in self.entries():
            refers = any(r.name in names or (mcp and r.kind == "mcp") for r in e.refs)
            # The skill listing budget is shared by every skill and command.
            if e.name in names or refers or (names and e.kind is not Kind.AGENT):
                out.add(e.path)
        return out


def _same_shape(a: Entry, b: Entry) -> bool:
    """Would other files' findings be unchanged by replacing ``a`` with ``b``?"""
    return (a.name == b.name and a.loads == b.loads and a.listing_chars == b.listing_chars
            and a.listed == b.listed and a.name_loc == b.name_loc)


def _derive_tree(path: str, config: IndexConfig) -> Tree | None:
    """The tree of a file outside every scanned folder (an open file elsewhere)."""
    parts = path.replace("\\", "/").split("/")
    for i in range(len(parts) - 2, 0, -1):
        if parts[i - 1] != ".claude":
            continue
        kind = {"agents": Kind.AGENT, "skills": Kind.SKILL, "commands": Kind.COMMAND}.get(parts[i])
        if kind is None or (kind is Kind.SKILL and (parts[-1] != "SKILL.md" or len(parts) - i != 3)):
            return None
        base = "/".join(parts[: i - 1]) or "/"
        scope = Scope.USER if config.home and os.path.realpath(base) == os.path.realpath(config.home) \
            else Scope.PROJECT
        return Tree(kind, scope, "/".join(parts[: i + 1]), base)
    return None
