from __future__ import annotations

from rulekit import run, spanned

from agentls.model import Effect, Severity

PATH = ".claude/skills/pdf-tools/SKILL.md"


def skill(fm: str) -> str:
    return f"---\n{fm}description: d\n---\nB\n"


def test_spec_rules() -> None:
    cases = {
        "PDF-Tools": "only lowercase letters",
        "pdf--tools": "`--`",
        "-pdf-tools": "start or end with `-`",
        "p" * 65: "1-64 characters",
        "pdf-tool": "differs from the directory name `pdf-tools`",
    }
    for name, why in cases.items():
        text = skill(f"name: {name}\n")
        (f,) = run(text, "AG106", "claude-skill", PATH)
        assert spanned(text, f) == name
        assert why in f.message, name
        assert "reject" in f.message
        # Claude Code loads it either way (the name becomes the slash command's): information.
        assert f.severity is Severity.INFO and f.effect is None
    (f,) = run(skill("name: PDF-Tools\n"), "AG106", "claude-skill", PATH)
    assert "slash command `PDF-Tools` (the directory name `pdf-tools` stays an alias)" in f.message


def test_names_claude_code_ignores_are_warnings() -> None:
    # Probes s32 and s33: over 256 characters, or holding `<`: ignored, the folder name is used.
    for name, why in (("n" * 300, "over 256"), ("a<b", "`<`")):
        text = skill(f"name: {name}\n")
        (f,) = run(text, "AG106", "claude-skill", PATH)
        assert f.severity is Severity.WARNING and f.effect is Effect.CHANGED
        assert why in f.message and "under its directory name `pdf-tools`" in f.message


def test_missing_and_not_a_string() -> None:
    (f,) = run(skill(""), "AG106", "claude-skill", PATH)
    assert f.severity is Severity.INFO and "`pdf-tools`" in f.message
    (f,) = run(skill("name: 5\n"), "AG106", "claude-skill", PATH)
    assert "not a string" in f.message


def test_valid_and_unicode() -> None:
    assert run(skill("name: pdf-tools\n"), "AG106", "claude-skill", PATH) == []
    path = ".claude/skills/données-2/SKILL.md"
    assert run(skill("name: données-2\n"), "AG106", "claude-skill", path) == []
    assert run(skill("name: PDF\n"), "AG106", "claude-agent", PATH) == []
