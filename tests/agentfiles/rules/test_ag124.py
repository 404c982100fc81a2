from __future__ import annotations

from agentls.engine import check_text
from agentls.model import Finding, Severity
from agentls.settings import Settings

CODE = "AG124"


def run(fm: str, dialect: str = "claude-agent") -> tuple[str, list[Finding]]:
    text = f"---\nname: a\ndescription: d\n{fm}---\nBody\n"
    return text, check_text(text, "x.md", dialect, Settings(select=(CODE,)))[1]


def test_main_thread_tools_reported() -> None:
    text, found = run("tools: Read, AskUserQuestion, ExitPlanMode\n")
    assert [text[f.span.start:f.span.end] for f in found] == ["AskUserQuestion", "ExitPlanMode"]
    assert all(f.severity is Severity.INFO for f in found)


def test_exit_plan_mode_ok_with_plan_mode() -> None:
    assert run("tools: ExitPlanMode\npermissionMode: plan\n")[1] == []
    # plugin agents ignore permissionMode
    assert run("tools: ExitPlanMode\npermissionMode: plan\n", "claude-plugin-agent")[1]
