from __future__ import annotations

from agentls.engine import check_text, fix_text
from agentls.model import Finding
from agentls.settings import Settings

CODE = "AG148"
ONLY = Settings(select=(CODE,))


def doc(fm: str) -> str:
    return f"---\nname: a\ndescription: d\n{fm}---\nBody\n"


def run(fm: str, dialect: str = "claude-agent") -> list[Finding]:
    return check_text(doc(fm), "x.md", dialect, ONLY)[1]


def spans(fm: str, dialect: str = "claude-agent") -> list[str]:
    text = doc(fm)
    return [text[f.span.start:f.span.end] for f in run(fm, dialect)]


def fixed(fm: str, dialect: str = "claude-agent") -> str:
    return fix_text(doc(fm), "x.md", dialect, ONLY)[0]


def test_bad_shapes() -> None:
    assert spans("mcpServers: {gh: {url: x}}\n") == ["{gh: {url: x}}"]
    assert spans("mcpServers:\n  - 5\n") == ["5"]
    assert spans("mcpServers:\n  - gh: 5\n") == ["5"]
    found = run("mcpServers:\n  - gh:\n      url: https://x\n")
    assert "`type: http`" in found[0].message
    assert "grpc" in run("mcpServers:\n  - gh: {type: grpc}\n")[0].message
    assert "`url`" in run("mcpServers:\n  - gh: {type: sse}\n")[0].message


def test_good() -> None:
    fm = "mcpServers:\n  - github\n  - gh: {type: ws, url: x}\n  - l: {command: npx}\n"
    assert run(fm) == []
    assert run("mcpServers: 5\n", "claude-plugin-agent") == []

