"""The workspace model of agent, skill and command files (pure: no editor, no LSP types)."""

from agentls.agentindex.index import CODES, AgentIndex, IndexConfig
from agentls.agentindex.model import Entry, IndexFinding, Kind, Loc, Ref, RelatedLoc, Scope, Tree

# The old name, kept only until cli/check_cmd.py (being edited by another engineer) imports
# AgentIndex; `patterns.workspace.WorkspaceIndex` is the Python modules' index.
WorkspaceIndex = AgentIndex

__all__ = ["CODES", "AgentIndex", "Entry", "IndexConfig", "IndexFinding", "Kind", "Loc", "Ref", "RelatedLoc",
           "Scope", "Tree", "WorkspaceIndex"]
