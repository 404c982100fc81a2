from __future__ import annotations

from agentls.engine import check_text
from agentls.model import Effect, Finding, Severity


def run(text: str, code: str, dialect: str = "claude-agent", path: str = "x.md") -> list[Finding]:
    _, findings = check_text(text, path, dialect)
    return [f for f in findings if f.code == code]


def spanned(text: str, finding: Finding) -> str:
    return text[finding.span.start:finding.span.end]


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
