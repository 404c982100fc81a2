from __future__ import annotations

from agentls.engine import check_text, fix_text
from agentls.model import Finding
from agentls.settings import Settings

CODE = "AG189"
DIALECT = "claude-skill"
ONLY = Settings(select=(CODE,))


def doc(fm: str) -> str:
    return f"---\n{fm}---\nBody\n"


def run(fm: str) -> list[Finding]:
    return check_text(doc(fm), "x.md", DIALECT, ONLY)[1]


def spans(fm: str) -> list[str]:
    text = doc(fm)
    return [text[f.span.start:f.span.end] for f in run(fm)]


def fixed(fm: str) -> str:
    return fix_text(doc(fm), "x.md", DIALECT, ONLY)[0]


def test_spec_keys() -> None:
    assert spans("name: a\ndescription: d\ncontext: fork\nwhen_to_use: x\n") == \
        ["context", "when_to_use"]
    assert run("name: a\ndescription: d\nlicense: MIT\nallowed-tools: Read\n") == []
    assert run("name: a\ndescription: d\nzzz: 1\n") == []  # unknown keys are AG160

