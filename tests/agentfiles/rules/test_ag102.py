from __future__ import annotations

from rulekit import run, spanned

from agentls.model import Effect, Severity


def test_leading_dash() -> None:
    for raw in ("-a", '"-a"', "'-'"):
        text = f"---\nname: {raw}\ndescription: d\n---\nB\n"
        (f,) = run(text, "AG102")
        assert spanned(text, f) == "-" and f.span.start == text.index("-", 4 + 5)
        assert f.message.startswith("Claude Code will not load this agent:")
        assert f.severity is Severity.ERROR and f.effect is Effect.SKIP


def test_fine_and_plugin() -> None:
    assert run("---\nname: a-b-\ndescription: d\n---\nB\n", "AG102") == []
    assert run("---\nname: -a\ndescription: d\n---\nB\n", "AG102", "claude-plugin-agent") == []
