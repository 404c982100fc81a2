from __future__ import annotations

from rulekit import run, spanned

from agentls.model import Effect, Severity


def test_shapes() -> None:
    cases = {
        "---\n---\nBody.\n": ("---\n---", "empty"),
        "---\n# only a comment\n---\nBody.\n": ("---\n# only a comment\n---", "empty"),
        "---\n- a\n- b\n---\nBody.\n": ("- a", "a list"),
        "---\nhello\n---\nBody.\n": ("hello", "a single value"),
        "---\nname: a\n...\ndescription: d\n---\nBody.\n": ("...", "two documents"),
    }
    for text, (span, words) in cases.items():
        (f,) = run(text, "AG008")
        assert spanned(text, f) == span, text
        assert words in f.message
        assert f.message.startswith("Claude Code will not load this agent (silently)")
        assert f.severity is Severity.ERROR and f.effect is Effect.SKIP


def test_other_dialects_load_with_fallbacks() -> None:
    text = "---\n- a\n---\nBody.\n"
    (f,) = run(text, "AG008", "claude-plugin-agent", "pp/agents/x.md")
    assert f.effect is Effect.CHANGED and "file name" in f.message
    (f,) = run(text, "AG008", "claude-skill", "skills/x/SKILL.md")
    assert f.effect is Effect.CHANGED and "empty metadata" in f.message


def test_mapping_is_fine() -> None:
    assert run("---\nname: a\ndescription: d\n---\nBody.\n", "AG008") == []
