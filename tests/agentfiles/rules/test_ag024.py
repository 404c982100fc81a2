from __future__ import annotations

from rulekit import run

from agentls.dialects import dialect_for
from agentls.model import Effect, Severity

SKILL = "---\ndescription: d\n---\nBody\n"


def test_skill_md_in_another_case_is_never_found() -> None:
    for name in ("skill.md", "Skill.md", "SKILL.MD"):
        path = f"/ws/.claude/skills/pdf/{name}"
        assert dialect_for(path) == "claude-skill"  # read as a skill, so that AG024 can speak
        (f,) = run(SKILL, "AG024", "claude-skill", path)
        assert f.severity is Severity.ERROR and f.effect is Effect.SKIP
        assert f"`{name}` is never found" in f.message and "`pdf/SKILL.md`" in f.message
    (f,) = run(SKILL, "AG024", "claude-skill", "/p/skills/pdf/skill.md")  # plugins too (s16)
    assert f.effect is Effect.SKIP


def test_exact_name_and_other_files() -> None:
    assert run(SKILL, "AG024", "claude-skill", "/ws/.claude/skills/pdf/SKILL.md") == []
    assert dialect_for("/ws/.claude/skills/pdf/notes.md") is None
