from __future__ import annotations

from rulekit import run

from agentls.model import Effect, Severity

TEXT = "---\ndescription: d\n---\nBody\n"


def test_reserved_project_skill_folders() -> None:
    for folder in ("synced", "anthropic-skills"):
        (f,) = run(TEXT, "AG026", "claude-skill", f"/ws/.claude/skills/{folder}/SKILL.md")
        assert f.severity is Severity.ERROR and f.effect is Effect.SKIP
        assert f"`{folder}` is reserved" in f.message


def test_plugins_and_other_names_load() -> None:
    assert run(TEXT, "AG026", "claude-skill", "/p/skills/synced/SKILL.md") == []
    assert run(TEXT, "AG026", "claude-skill", "/ws/.claude/skills/synced-notes/SKILL.md") == []
