"""Typing reuses work (the failed strict parse, keyed rules' findings, the index entry's head,
built diagnostics). Through the protocol, after every edit, the server must publish what a
server that never saw the earlier versions publishes for the same text."""

from __future__ import annotations

import random

import pytest
from lsprotocol import types as t
from pytest_lsp import LanguageClient
from tests.lsp.helpers import open_doc, published

LINES = ["name: reviewer", "name: Bad:Name", "description: Use it. Examples: <example>user: \"hi\"</example>",
         "description: \"Quoted, fine\"", "description: Use it <example> never closed",
         "tools: Read, Grep, MultiEdit, Bahs", "tools: Read, Agent(helper)", "model: opus", "model: gpt-4",
         "color: blue", "color: mauve", "permissionMode: plan", "model: sonnet # fast", "maxTurns: zero",
         "skills: [pdf, 3]", "name: a # comment", "effort: extreme", "memory: user", "x-unknown: 1"]


def _shown(diags: list[t.Diagnostic]) -> list[tuple[object, ...]]:
    return sorted((str(d.code), d.range.start.line, d.range.start.character, d.range.end.line,
                   d.range.end.character, d.message, d.severity) for d in diags)


@pytest.mark.asyncio
async def test_every_version_is_diagnosed_as_if_opened_fresh(typist: LanguageClient,
                                                              reader: LanguageClient) -> None:
    """``typist`` sees every version; ``reader``, another server, opens each one once, at a
    path it has never seen, and closes it again."""
    rng = random.Random(5)
    head = ["name: reviewer", LINES[2], "tools: Read, Grep", "model: opus"]
    body = "You review code.\n\n## Steps\n- read the diff\n"
    uri = "file:///ws/.claude/agents/typed.md"
    open_doc(typist, uri, "---\n" + "\n".join(head) + "\n---\n" + body)
    checked = 0
    for version in range(2, 42):
        at = rng.randrange(len(head))
        if rng.random() < 0.5:
            head[at] = rng.choice(LINES)
        elif rng.random() < 0.5:
            head.insert(at, rng.choice(LINES))
        else:
            body += rng.choice(["More text.\n", "token = abcd1234efgh5678ijkl\n", "x"])
        text = "---\n" + "\n".join(head) + "\n---\n" + body
        got = await published(typist, uri, lambda v=version, s=text: typist.text_document_did_change(
            t.DidChangeTextDocumentParams(
                text_document=t.VersionedTextDocumentIdentifier(uri=uri, version=v),
                content_changes=[t.TextDocumentContentChangeWholeDocument(text=s)])))
        fresh_uri = f"file:///fresh{version}/.claude/agents/typed.md"
        fresh = await published(reader, fresh_uri, lambda s=text, u=fresh_uri: open_doc(reader, u, s))
        assert _shown(got) == _shown(fresh), text
        reader.text_document_did_close(t.DidCloseTextDocumentParams(
            text_document=t.TextDocumentIdentifier(uri=fresh_uri)))
        checked += bool(got)
    assert checked > 30  # the versions had findings to compare
