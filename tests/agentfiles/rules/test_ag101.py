from __future__ import annotations

from rulekit import run, spanned

from agentls.engine import fix_text
from agentls.model import Effect, Severity


def test_not_a_string_skips() -> None:
    cases = {"49": "the number 49", "true": "the boolean true", "1.0": "`1.0`, the number 1",
             "0x1F": "`0x1F`, the number 31", "0o17": "`0o17`, the number 15",
             "[a, b]": "a list", "{a: b}": "a map", "[]": "a list"}
    for raw, what in cases.items():
        text = f"---\nname: {raw}\ndescription: d\n---\nB\n"
        (f,) = run(text, "AG101")
        assert spanned(text, f) == raw
        assert f.message.startswith("Claude Code will not load this agent:")
        assert f"`name` is {what}, not a string" in f.message, raw
        assert f.severity is Severity.ERROR and f.effect is Effect.SKIP


def test_falsy_values_are_ag100() -> None:
    for raw in ("0", "false", "0.0", "~"):
        assert run(f"---\nname: {raw}\ndescription: d\n---\nB\n", "AG101") == [], raw


def test_plugin_agent_is_stringified() -> None:
    for raw, agent_id in (("49", "pp:49"), ("true", "pp:true"), ("1.0", "pp:1"),
                          ("0x1F", "pp:31"), ("false", "pp:false"), ("1e3", "pp:1000")):
        text = f"---\nname: {raw}\ndescription: d\n---\nB\n"
        (f,) = run(text, "AG101", "claude-plugin-agent", "pp/agents/x.md")
        assert f"`{agent_id}`" in f.message, raw
        assert f.severity is Severity.WARNING and f.effect is Effect.CHANGED


def test_unsafe_quote_fix() -> None:
    text = "---\nname: 0x1F\ndescription: d\n---\nB\n"
    assert fix_text(text, "x.md", "claude-agent")[1] == 0
    fixed, _ = fix_text(text, "x.md", "claude-agent", unsafe=True)
    assert 'name: "0x1F"' in fixed


def test_strings() -> None:
    for raw in ('"49"', "yes", "1_000", "2026-01-01", '!!int "7"', "0O17"):
        assert run(f"---\nname: {raw}\ndescription: d\n---\nB\n", "AG101") == [], raw
