"""The workspace model's vocabulary: where a file sits, what it defines, what it refers to.

Pure data. Offsets (``Span``) are code-point offsets into the text the entry was read from
(the editor buffer for open files); ``Loc`` is a line/column place that survives without the
text, for pointing into files that are not open (related information, definitions, symbols).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from agentls.model import Severity, Span


class Kind(enum.Enum):
    AGENT = "agent"
    SKILL = "skill"
    COMMAND = "command"


class Scope(enum.IntEnum):
    """Ordered by agent precedence: a higher scope wins a name clash (managed > project > user > plugin)."""

    PLUGIN = 1
    USER = 2
    PROJECT = 3
    MANAGED = 4


@dataclass(frozen=True)
class Loc:
    """Line (0-based) and code-point columns, with the line's text for unit conversion."""

    line: int
    start: int
    end: int
    text: str  # the line (cut to a few hundred characters)


@dataclass(frozen=True)
class Ref:
    """A name this file refers to: a skill, an agent type or an MCP server."""

    kind: str  # "skill" | "agent" | "mcp"
    name: str
    span: Span
    text: str = ""  # the whole entry as written (e.g. the full mcp__ tool name)


@dataclass(frozen=True)
class Tree:
    """One folder Claude Code scans: ``.claude/agents`` of a project, ``~/.claude/skills``…

    ``base`` is the folder that holds ``.claude`` (the project folder; the home folder for
    the user scope; the plugin root); nesting of project bases decides "closest wins".
    """

    kind: Kind
    scope: Scope
    root: str  # the scanned folder
    base: str
    plugin: str | None = None  # plugin name, for namespaced ids


@dataclass
class Entry:
    path: str
    tree: Tree
    name: str | None  # the identity Claude Code registers (None: not registered)
    loads: bool  # False when Claude Code skips the file (then it wins no clash)
    dialect: str
    name_span: Span | None = None
    name_loc: Loc | None = None
    description: str | None = None  # as Claude Code loads it
    description_span: Span | None = None
    listing_chars: int = 0  # what the description costs in the listing, in characters
    listed: bool = True  # False: kept out of the listing (disable-model-invocation)
    body_tokens: int = 0  # rough token count of the body
    refs: list[Ref] = field(default_factory=list)
    mcp_declared: frozenset[str] = frozenset()  # the agent's own mcpServers names
    secrets: list[tuple[str, Span]] = field(default_factory=list)
    stamp: tuple[int, int] = (0, 0)  # (mtime_ns, size) of the file read; (0, 0) for a buffer

    @property
    def kind(self) -> Kind:
        return self.tree.kind

    @property
    def scope(self) -> Scope:
        return self.tree.scope


@dataclass(frozen=True)
class RelatedLoc:
    path: str
    loc: Loc | None  # None: the start of the file
    message: str


@dataclass(frozen=True)
class IndexFinding:
    """A finding that needs more than one file; ``span`` is in the finding's own file."""

    code: str
    message: str
    severity: Severity
    span: Span
    related: tuple[RelatedLoc, ...] = ()
