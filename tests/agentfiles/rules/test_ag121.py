from __future__ import annotations

from agentls.engine import check_text, fix_text
from agentls.model import Finding, Severity
from agentls.settings import Settings

CODE = "AG121"
ONLY = Settings(select=(CODE,))


def doc(fm: str) -> str:
    return f"---\nname: a\ndescription: d\n{fm}---\nBody\n"


def run(fm: str) -> tuple[str, list[Finding]]:
    text = doc(fm)
    return text, check_text(text, "x.md", "claude-agent", ONLY)[1]


def test_removed_tool_named_with_replacement() -> None:
    text, found = run("tools: Read, MultiEdit\n")
    assert [text[f.span.start:f.span.end] for f in found] == ["MultiEdit"]
    f = found[0]
    assert f.severity is Severity.WARNING and f.effect is None  # loads as written; dropped at spawn
    assert "removed" in f.message and "`Edit`" in f.message


def test_fix_removes_entry_from_string_and_lists() -> None:
    cases = {
        "tools: Read, MultiEdit, Grep\n": "tools: Read, Grep\n",
        "tools: MultiEdit, Read\n": "tools: Read\n",
        "tools: Read, LS\n": "tools: Read\n",
        "tools: [Read, LS]\n": "tools: [Read]\n",
        "tools: [TodoRead, Read]\n": "tools: [Read]\n",
        "tools:\n  - Edit\n  - MultiEdit\n  - Read\n": "tools:\n  - Edit\n  - Read\n",
    }
    for before, after in cases.items():
        fixed, applied = fix_text(doc(before), "x.md", "claude-agent", ONLY)
        assert applied == 1 and fixed == doc(after), before


def test_no_fix_when_it_is_the_only_live_entry() -> None:
    _, found = run("tools: MultiEdit\n")
    assert found and found[0].fix is None
    _, found = run("tools: MultiEdit, Foo\n")
    assert found[0].fix is None


def test_disallowed_tools_fix_even_alone_in_a_list() -> None:
    _, found = run("disallowedTools: MultiEdit, Bash\n")
    assert found and found[0].fix is not None
