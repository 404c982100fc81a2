from __future__ import annotations

from agentls.engine import check_text
from agentls.model import Effect, Finding, Severity
from agentls.settings import Settings

CODE = "AG123"


def run(fm: str) -> tuple[str, list[Finding]]:
    text = f"---\nname: a\ndescription: d\n{fm}---\nBody\n"
    return text, check_text(text, "x.md", "claude-agent", Settings(select=(CODE,)))[1]


def test_empty_forms() -> None:
    for fm, span in (("tools: []\n", "[]"), ("tools:\n", "tools"), ('tools: ""\n', '""'),
                     ("tools: 0\n", "0"), ("tools: false\n", "false"), ("tools: 5\n", "5"),
                     ("tools: {a: 1}\n", "{a: 1}"), ("tools: ' , '\n", "' , '"),
                     ("tools:\n  - 7\n", "- 7")):
        text, found = run(fm)
        assert len(found) == 1, fm
        f = found[0]
        assert text[f.span.start:f.span.end] == span, fm
        assert f.severity is Severity.WARNING and f.effect is Effect.CHANGED
        assert "no tools" in f.message and "All tools" in f.message


def test_present_tools_are_fine() -> None:
    for fm in ("tools: Foo\n", "tools: [Read]\n", "", "disallowedTools: []\n"):
        assert run(fm)[1] == [], fm
