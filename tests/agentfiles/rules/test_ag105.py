from __future__ import annotations

from rulekit import run, spanned

from agentls.model import Severity


def test_style_only() -> None:
    cases = {"MyAgent": "uppercase", "my_agent": "underscores", "my agent": "spaces",
             "a/b": "`/`", '"a "': "trailing spaces", "yes-Sir_1": "uppercase letters, underscores"}
    for raw, what in cases.items():
        text = f"---\nname: {raw}\ndescription: d\n---\nB\n"
        (f,) = run(text, "AG105")
        assert spanned(text, f) == raw
        assert "loads as written" in f.message and what in f.message, raw
        assert "lowercase letters and hyphens" in f.message
        assert f.severity is Severity.INFO and f.effect is None


def test_good_names_and_skipped_ones() -> None:
    for raw in ("reviewer", "code-reviewer-2", "yes", "2026-01-01", "a:b", "-A", "~", "49"):
        assert run(f"---\nname: {raw}\ndescription: d\n---\nB\n", "AG105") == [], raw


def test_plugin_agents_too() -> None:
    text = "---\nname: A:B\ndescription: d\n---\nB\n"
    (f,) = run(text, "AG105", "claude-plugin-agent", "pp/agents/x.md")
    assert "`:`" in f.message
