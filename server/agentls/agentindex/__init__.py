"""The workspace model of agent, skill and command files (pure: no editor, no LSP types)."""

from agentls.agentindex.index import CODES, AgentIndex, IndexConfig
from agentls.agentindex.model import Entry, IndexFinding, Kind, Loc, Ref, RelatedLoc, Scope, Tree

__all__ = ["CODES", "AgentIndex", "Entry", "IndexConfig", "IndexFinding", "Kind", "Loc", "Ref", "RelatedLoc",
           "Scope", "Tree"]
