"""The workspace model's entry for an open file keeps what it read from frontmatter lines an
edit did not touch; after any edit the entry must equal one read afresh."""

from __future__ import annotations

import random

import pytest

from agentls.agentindex import extract
from agentls.agentindex.model import Kind, Scope, Tree
from agentls.frontmatter.document import load_text

LINES = ["name: reviewer", "name: other-one", "description: Reviews code", "description: x: y",
         "tools: Read, Agent(helper), mcp__github__create", "tools: [Read, Grep]",
         "disallowedTools: Write", "skills: [pdf, xlsx]", "mcpServers: [github]", "model: opus",
         "model: sonnet", "color: blue", "  - item", "# comment", "name: a # trailing",
         "description: |", "  block text", "anchor: &a x", "alias: *a"]
TAIL = ["model: opus", "model: sonnet", "color: blue", "# comment", "effort: high",
        "  indented: continuation", "maxTurns: 3"]


@pytest.mark.parametrize("seed", range(10))
def test_entry_equals_a_fresh_read(seed: int) -> None:
    rng = random.Random(seed)
    path = f"/ws/.claude/agents/h{seed}.md"
    tree = Tree(Kind.AGENT, Scope.PROJECT, "/ws/.claude/agents", "/ws")
    head = ["name: reviewer", "description: Reviews code", "tools: Read"]
    tail = ["model: opus"]
    kept = 0
    for _ in range(80):
        lines = head if rng.random() < 0.25 else tail  # mostly the model, the colour...
        pool = LINES if lines is head else TAIL
        at = rng.randrange(len(lines))
        op = rng.randrange(3)
        if op == 0:
            lines[at] = rng.choice(pool)
        elif op == 1:
            lines.insert(at, rng.choice(pool))
        elif len(lines) > 1:
            del lines[at]
        text = "---\n" + "\n".join(head + tail) + "\n---\nBody text.\n"
        doc = load_text(text, path, "claude-agent")
        kept += (path, tree, extract._head_signature(doc)) in extract._ENTRY_HEADS
        got = extract.from_document(path, doc, tree, editing=True)
        fresh = extract.from_document(path, load_text(text, path, "claude-agent"), tree)  # keeps nothing
        assert got == fresh, text
    assert kept > 5  # the kept head served, often
