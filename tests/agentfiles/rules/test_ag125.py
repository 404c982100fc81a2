from __future__ import annotations

from agentls.engine import check_text, fix_text
from agentls.model import Severity
from agentls.settings import Settings

CODE = "AG125"
ONLY = Settings(select=(CODE,))


def doc(fm: str) -> str:
    return f"---\nname: a\ndescription: d\n{fm}---\nBody\n"


def test_task_renamed_with_safe_fix() -> None:
    text = doc("tools: Read, Task(Explore)\n")
    found = check_text(text, "x.md", "claude-agent", ONLY)[1]
    assert [text[f.span.start:f.span.end] for f in found] == ["Task"]
    assert found[0].severity is Severity.INFO
    fixed, n = fix_text(text, "x.md", "claude-agent", ONLY)
    assert n == 1 and fixed == doc("tools: Read, Agent(Explore)\n")


def test_list_item() -> None:
    fixed, _ = fix_text(doc("tools:\n  - Task\n"), "x.md", "claude-agent", ONLY)
    assert fixed == doc("tools:\n  - Agent\n")
