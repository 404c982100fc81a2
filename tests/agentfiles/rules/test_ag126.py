from __future__ import annotations

from agentls.engine import check_text
from agentls.model import Effect, Finding, Severity
from agentls.settings import Settings

CODE = "AG126"


def run(fm: str) -> tuple[str, list[Finding]]:
    text = f"---\nname: a\ndescription: d\n{fm}---\nBody\n"
    return text, check_text(text, "x.md", "claude-agent", Settings(select=(CODE,)))[1]


def spans(fm: str) -> list[str]:
    text, found = run(fm)
    return [text[f.span.start:f.span.end] for f in found]


def test_unbalanced_parenthesis() -> None:
    text, found = run("tools: Bash(git diff, Read\n")
    assert [text[f.span.start:f.span.end] for f in found] == ["Bash(git diff, Read"]
    assert found[0].severity is Severity.WARNING and found[0].effect is Effect.CHANGED


def test_non_string_items_dropped() -> None:
    assert spans("tools:\n  - Read\n  - 7\n  - {a: b}\n  - [x]\n") == ["7", "{a: b}", "[x]"]
    assert spans("tools: [Read, true]\n") == ["true"]


def test_disallowed_tools_wrong_type() -> None:
    assert spans("disallowedTools: {a: 1}\n") == ["{a: 1}"]


def test_clean() -> None:
    assert spans("tools: Bash(git diff:*, git log), Read\n") == []
    assert spans("tools: *x\n") == []  # an alias-looking text is not followed


def test_flow_list_splits_inside_parentheses() -> None:
    # YAML splits a flow list on commas first: Claude Code sees "Agent(worker" and "b)"
    assert spans("tools: [Agent(worker, b)]\n") == ["Agent(worker", "b)"]
