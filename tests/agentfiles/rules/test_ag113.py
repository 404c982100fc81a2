from __future__ import annotations

from rulekit import run, spanned

from agentls.model import Effect, Severity

PATH = "skills/x/SKILL.md"


def test_listing_cut() -> None:
    text = "---\ndescription: " + "a" * 1000 + "\nwhen_to_use: " + "b" * 600 + "\n---\nB\n"
    (f,) = run(text, "AG113", "claude-skill", PATH)
    assert f.span.start == text.index("b") + 536 and spanned(text, f) == "b" * 64
    assert "1,600 characters" in f.message and "1,536" in f.message
    assert f.severity is Severity.WARNING and f.effect is Effect.CHANGED


def test_spec_limit_for_skills_only() -> None:
    text = "---\ndescription: " + "a" * 1100 + "\n---\nB\n"
    (f,) = run(text, "AG113", "claude-skill", PATH)
    assert spanned(text, f) == "a" * 76 and "1,024" in f.message
    assert f.severity is Severity.INFO and f.effect is None
    assert run(text, "AG113", "claude-command", ".claude/commands/x.md") == []


def test_both_and_none() -> None:
    text = "---\ndescription: " + "a" * 1600 + "\n---\nB\n"
    assert len(run(text, "AG113", "claude-skill", PATH)) == 2
    assert run("---\ndescription: " + "a" * 1024 + "\n---\nB\n", "AG113", "claude-skill",
               PATH) == []
    assert run("---\nname: a\ndescription: " + "a" * 3000 + "\n---\nB\n", "AG113") == []
