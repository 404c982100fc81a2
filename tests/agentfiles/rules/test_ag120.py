from __future__ import annotations

from agentls.engine import check_text
from agentls.model import Applicability, Finding, Severity, apply_edits
from agentls.settings import Settings

CODE = "AG120"


def run(fm: str, dialect: str = "claude-agent") -> tuple[str, list[Finding]]:
    text = f"---\nname: a\ndescription: d\n{fm}---\nBody\n"
    _, found = check_text(text, "x.md", dialect, Settings(select=(CODE,)))
    return text, found


def test_unknown_in_comma_string_points_at_the_name() -> None:
    text, found = run("tools: Read, FooBar, Grep\n")
    assert [text[f.span.start:f.span.end] for f in found] == ["FooBar"]
    f = found[0]
    assert f.severity is Severity.WARNING and f.effect is None  # loads as written; dropped at spawn
    assert "dropped silently at spawn" in f.message


def test_case_near_miss_suggests_and_offers_unsafe_fix() -> None:
    text, found = run("tools: read, Bash(git diff:*)\n")
    assert len(found) == 1
    assert "`Read`" in found[0].message
    fix = found[0].fix
    assert fix is not None and fix.applicability is Applicability.UNSAFE
    assert "tools: Read, Bash(git diff:*)" in apply_edits(text, fix.edits)


def test_quoted_and_list_entries() -> None:
    text, found = run('tools: "Read, Wirte"\ndisallowedTools:\n  - Nope(x)\n')
    assert [text[f.span.start:f.span.end] for f in found] == ["Wirte", "Nope"]
    assert "disallows nothing" in found[1].message


def test_valid_forms_are_clean() -> None:
    for fm in ("tools: '*'\n", "tools: mcp__github__create_issue mcp__x__*\n",
               "tools: [Task, 'Agent(worker, researcher)', WebFetch(domain:example.com)]\n",
               "tools: MultiEdit\n", "tools: 5\n", "tools:\n"):
        assert run(fm)[1] == [], fm


def test_other_dialects_not_checked() -> None:
    assert run("tools: Foo\n", "copilot-agent")[1] == []
    assert run("tools: Foo\n", "claude-plugin-agent")[1]


def test_multiline_scalar_falls_back_to_the_value() -> None:
    text, found = run("tools: Read,\n  Fooo\n")
    assert len(found) == 1
    assert text[found[0].span.start:found[0].span.end] == "Read,\n  Fooo"
