from __future__ import annotations

from rulekit import run, spanned

from agentls.model import Effect, Severity


def test_blank_loads_for_project_agents() -> None:
    for value in ('"   "', "' '", '"\\t"'):
        text = f"---\nname: a\ndescription: {value}\n---\nB\n"
        (f,) = run(text, "AG115")
        assert spanned(text, f) == value
        assert "never delegates" in f.message
        assert f.severity is Severity.WARNING and f.effect is None  # reference row 39: LOAD


def test_fallbacks_elsewhere() -> None:
    text = '---\nname: a\ndescription: "  "\nwhen_to_use: w\n---\nHello\n'
    (f,) = run(text, "AG115", "claude-plugin-agent", "pp/agents/x.md")
    assert "'w'" in f.message and f.effect is Effect.CHANGED
    (f,) = run(text, "AG115", "claude-skill", "skills/x/SKILL.md")
    assert "'Hello'" in f.message and f.effect is Effect.CHANGED


def test_not_blank() -> None:
    for value in ("d", '""', "~", " x "):
        assert run(f"---\nname: a\ndescription: {value}\n---\nB\n", "AG115") == []
