"""Add the keys without which Claude Code does not load a file (``name``, ``description``),
with placeholders to fill in; or the whole frontmatter when the file has none."""

from __future__ import annotations

import os
import re

from agentls.actions.yaml_text import newline
from agentls.frontmatter.document import AgentDocument, ParseState
from agentls.model import Edit, Fix, Span

REQUIRED = {"claude-agent": ("name", "description"), "claude-plugin-agent": ("description",),
            "claude-skill": ("description",), "claude-command": ("description",)}
_PLACEHOLDER = {"name": "{stem}", "description": "Describe when Claude should use this {noun}"}


def add_missing(doc: AgentDocument, path: str) -> list[Fix]:
    """The fix adding what ``doc``'s dialect requires and it lacks (``path`` names the
    placeholder ``name``)."""
    required = REQUIRED.get(doc.dialect, ())
    stem = os.path.basename(path)
    stem = stem[:-3] if stem.lower().endswith(".md") else stem
    noun = "skill" if doc.dialect == "claude-skill" else "command" \
        if doc.dialect == "claude-command" else "agent"
    if doc.state is ParseState.NO_BLOCK and doc.cut.open_end is None:
        lines = "".join(f"{k}: {_PLACEHOLDER[k].format(stem=stem, noun=noun)}\n" for k in required)
        if not lines:
            return []
        at = 1 if doc.text.startswith("\ufeff") else 0
        return [Fix("Add frontmatter with " + " and ".join(f"`{k}`" for k in required),
                    (Edit(Span(at, at), f"---\n{lines}---\n"),))]
    if doc.root is None or doc.block is None:
        return []
    missing = [k for k in required if doc.pair(k) is None and not re.search(
        rf"^{k}[ \t]*:", doc.block.yaml, re.M)]
    if not missing:
        return []
    lines = "".join(f"{k}: {_PLACEHOLDER[k].format(stem=stem, noun=noun)}{newline(doc)}" for k in missing)
    at = doc.block.start
    return [Fix("Add the missing " + " and ".join(f"`{k}`" for k in missing),
                (Edit(Span(at, at), lines),))]
