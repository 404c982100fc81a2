from __future__ import annotations

from rulekit import run, spanned

from agentls.model import Effect, Severity


def test_absent_null_empty_falsy() -> None:
    cases = {
        "description: d": ("---", "it has no `name`"),
        "name: ~\ndescription: d": ("~", "`name` is empty"),
        "name:\ndescription: d": ("name", "`name` is empty"),
        'name: ""\ndescription: d': ('""', "`name` is empty"),
        "name: false\ndescription: d": ("false", "the boolean false"),
        "name: 0\ndescription: d": ("0", "the number 0"),
    }
    for fm, (span, why) in cases.items():
        text = f"---\n{fm}\n---\nB\n"
        (f,) = run(text, "AG100")
        assert spanned(text, f) == span, fm
        assert f.message.startswith("Claude Code will not load this agent (silently")
        assert why in f.message
        assert f.severity is Severity.ERROR and f.effect is Effect.SKIP


def test_wrong_case_key() -> None:
    text = "---\nName: a\ndescription: d\n---\nB\n"
    (f,) = run(text, "AG100")
    assert spanned(text, f) == "Name" and "case-sensitive" in f.message


def test_plugin_agent_takes_the_file_name() -> None:
    assert run("---\ndescription: d\n---\nB\n", "AG100", "claude-plugin-agent",
               "pp/agents/x.md") == []
    for fm in ("name: ~", 'name: ""', "Name: a"):
        text = f"---\n{fm}\ndescription: d\n---\nB\n"
        (f,) = run(text, "AG100", "claude-plugin-agent", "pp/agents/review/x.md")
        assert "`pp:review:x`" in f.message, fm
        assert f.severity is Severity.INFO and f.effect is None
    text = "---\nname: false\ndescription: d\n---\nB\n"  # stringified: AG101
    assert run(text, "AG100", "claude-plugin-agent", "pp/agents/x.md") == []


def test_named() -> None:
    for name in ("a", "'0'", "[]", "49"):
        assert run(f"---\nname: {name}\ndescription: d\n---\nB\n", "AG100") == [], name
