from __future__ import annotations

from agentls.engine import check_text
from agentls.model import Effect, Finding, Severity
from agentls.settings import Settings

CODE = "AG122"


def run(fm: str) -> tuple[str, list[Finding]]:
    text = f"---\nname: a\ndescription: d\n{fm}---\nBody\n"
    return text, check_text(text, "x.md", "claude-agent", Settings(select=(CODE,)))[1]


def test_all_unknown_is_an_error_on_the_value() -> None:
    text, found = run("tools: read, MultiEdit\n")
    assert [text[f.span.start:f.span.end] for f in found] == ["read, MultiEdit"]
    f = found[0]
    assert f.severity is Severity.ERROR and f.effect is Effect.SKIP
    assert "zero tools" in f.message


def test_list_value() -> None:
    text, found = run("tools:\n  - Foo\n  - Bar\n")
    assert len(found) == 1 and text[found[0].span.start:found[0].span.end].startswith("- Foo")


def test_one_resolving_entry_is_enough() -> None:
    for fm in ("tools: Foo, Read\n", "tools: Foo, mcp__x\n", "tools: Foo *\n",
               "tools: Task\n", "tools: []\n", "tools:\n", "disallowedTools: Foo\n"):
        assert run(fm)[1] == [], fm
