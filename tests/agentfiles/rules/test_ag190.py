from __future__ import annotations

from rulekit import run, spanned

from agentls.model import Severity

PROJECT = "/ws/.claude/skills/x/SKILL.md"


def skill(paths: str) -> str:
    return f"---\ndescription: d\npaths: {paths}\n---\nBody\n"


def test_project_skill_with_paths_is_conditional() -> None:
    text = skill('["src/**/*.py"]')
    (f,) = run(text, "AG190", "claude-skill", PROJECT)
    assert f.severity is Severity.INFO and spanned(text, f) == "paths"
    assert "conditional" in f.message


def test_all_paths_is_no_condition() -> None:
    assert run(skill('"**"'), "AG190", "claude-skill", PROJECT) == []
    assert run(skill('["**"]'), "AG190", "claude-skill", PROJECT) == []


def test_commands_and_plugin_skills_ignore_paths() -> None:
    (f,) = run(skill("src/**"), "AG190", "claude-command", "/ws/.claude/commands/c.md")
    assert "ignored in commands" in f.message
    (f,) = run(skill("src/**"), "AG190", "claude-skill", "/p/skills/x/SKILL.md")
    assert "ignored in plugin skills" in f.message
