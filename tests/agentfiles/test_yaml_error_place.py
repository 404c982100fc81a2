"""Findings that come from a YAML error name the exact character and point at it (issue 14):
through ``agentls check`` as a subprocess and through the protocol."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from lsprotocol import types as t
from pytest_lsp import LanguageClient
from tests.conftest import AGENTLS
from tests.lsp.helpers import open_doc, published

from agentls.engine import check_text

# Like the seed agent: a 1,432-character one-line description whose `: ` after `Examples`
# sits at column 456 (1-based), far from where the squiggle starts (column 14).
_HEAD = "Use this agent when the user asks for a review of a change. " * 8  # 480 characters
_LEAD = _HEAD[:432] + "; Examples"  # the colon follows at index 442 of the value
_VALUE = (_LEAD + ': <example>Context: the user wrote a handler. user: "Review it" '
          'assistant: "I will use the reviewer agent."</example>')
DESCRIPTION = _VALUE + " " + "x" * (1432 - len(_VALUE) - 1)
SEED = f"---\nname: reviewer\ndescription: {DESCRIPTION}\nmodel: opus\n---\nYou review code.\n"
URI = "file:///ws/.claude/agents/reviewer.md"


def test_the_fixture_is_the_seed_shape() -> None:
    line = SEED.split("\n")[2]
    assert len(DESCRIPTION) == 1432 and line.index(": <example>") + 1 == 456


def test_check_names_column_456_and_points_there(tmp_path: Path) -> None:
    agents = tmp_path / ".claude" / "agents"
    agents.mkdir(parents=True)
    (agents / "reviewer.md").write_text(SEED)
    r = subprocess.run([*AGENTLS, "check", "--format", "json"],
                       cwd=tmp_path, text=True, capture_output=True, timeout=60)
    (f,) = [f for f in json.loads(r.stdout) if f["code"] == "AG005"]
    assert (f["line"], f["column"], f["end_column"]) == (3, 14, 1446)  # the squiggle: the value
    assert "at line 3, column 456: `Examples: <example>Context:`" in f["message"]
    assert "the `: ` after `Examples` starts a mapping" in f["message"]
    (rel,) = f["related"]
    assert (rel["line"], rel["column"], rel["end_line"], rel["end_column"]) == (3, 456, 3, 457)
    text = subprocess.run([*AGENTLS, "check"], cwd=tmp_path, text=True,
                          capture_output=True, timeout=60).stdout
    assert "reviewer.md:3:14: warning AG005" in text and "column 456" in text
    sarif = json.loads(subprocess.run(
        [*AGENTLS, "check", "--format", "sarif"], cwd=tmp_path, text=True,
        capture_output=True, timeout=60).stdout)
    (result,) = [x for x in sarif["runs"][0]["results"] if x["ruleId"] == "AG005"]
    region = result["relatedLocations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (3, 456)


@pytest.mark.asyncio
async def test_protocol_related_information_on_the_colon(vscode: LanguageClient) -> None:
    diags = await published(vscode, URI, lambda: open_doc(vscode, URI, SEED))
    (d,) = [d for d in diags if d.code == "AG005"]
    assert (d.range.start.line, d.range.start.character, d.range.end.character) == (2, 13, 1445)
    assert "column 456" in d.message
    assert d.related_information is not None
    (info,) = d.related_information
    assert info.location.uri == URI
    assert info.location.range == t.Range(t.Position(2, 455), t.Position(2, 456))
    assert "starts a mapping" in info.message


# Each YAML-error rule: (text, dialect, code, "line L, column C", the character pointed at).
CASES = [
    ('---\nname: a\ndescription: "oops\n---\nB\n', "claude-agent", "AG003",
     "line 3, column 14", '"', "never closed"),
    ('---\nname: a\ndescription: Examples:\n---\nB\n', "claude-agent", "AG003",
     "line 3, column 22", ":", "ends the line"),
    ('---\nname: a\ndescription: first\n<example>\nContext: x\n---\nB\n', "claude-agent",
     "AG003", "line 4, column 1", "<", "is not indented"),
    ('---\r\nname: a\r\ndescription: Use when: x\r\n---\r\nB\r\n', "claude-agent", "AG004",
     "line 3, column 22", ":", "after `when` starts a mapping"),
    ('---\nname: a\ndescription: d\nargument-hint: [pr-number] [priority]\n---\nB\n',
     "claude-command", "AG005", "line 4, column 28", "[", "complete"),
    ('---\nname: a\ndescription: *x\n---\nB\n', "claude-agent", "AG005",
     "line 3, column 14", "*", "alias"),
    ('---\nname: a\ndescription: "x --- y"\n---\nB\n', "claude-agent", "AG007",
     "line 3, column 14", '"', "never closed"),
    ('---\ndescription: a: b\n---\nB\n', "opencode-agent", "AG003",
     "line 2, column 15", ":", "starts a mapping"),
    ('---\ndescription: a\n  b: c\n---\nB\n', "copilot-agent", "AG003",
     "line 3, column 4", ":", "starts a mapping"),
]


@pytest.mark.parametrize(("text", "dialect", "code", "where", "char", "why"), CASES)
def test_every_yaml_error_rule_names_and_points(text: str, dialect: str, code: str, where: str,
                                                char: str, why: str) -> None:
    _, findings = check_text(text, "x.md", dialect)
    (f,) = [f for f in findings if f.code == code]
    assert where in f.message and why in f.message, f.message
    (rel,) = f.related
    assert text[rel.span.start:rel.span.end] == char
