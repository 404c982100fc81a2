from __future__ import annotations

from rulekit import run, spanned

from agentls.model import Effect, Severity


def test_colons() -> None:
    cases = {'"a:b"': ":", "a：b": "：", "12:30": ":", "'x ︓ y'": "︓"}
    for raw, char in cases.items():
        text = f"---\nname: {raw}\ndescription: d\n---\nB\n"
        (f,) = run(text, "AG104")
        assert spanned(text, f) == char, raw
        assert f.message.startswith("Claude Code will not load this agent:")
        assert "reserved for plugin namespacing" in f.message
        assert f.severity is Severity.ERROR and f.effect is Effect.SKIP
    text = "---\nname: a：b\ndescription: d\n---\nB\n"
    assert "U+FF1A" in run(text, "AG104")[0].message


def test_no_colon_and_plugin() -> None:
    assert run("---\nname: a-b\ndescription: d\n---\nB\n", "AG104") == []
    text = '---\nname: "a:b"\ndescription: d\n---\nB\n'
    assert run(text, "AG104", "claude-plugin-agent", "pp/agents/x.md") == []
