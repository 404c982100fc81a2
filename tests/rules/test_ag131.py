from __future__ import annotations

from agentls.engine import check_text, fix_text
from agentls.model import Effect, Finding
from agentls.settings import Settings

CODE = "AG131"
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


def test_non_strings_and_blank() -> None:
    for fm, span in (("model: 123\n", "123"), ("model: \"\"\n", "\"\""), ("model: \"  \"\n", "\"  \""),
                     ("model: true\n", "true"), ("model: [opus]\n", "[opus]")):
        found = run(fm)
        assert spans(fm) == [span], fm
        assert found[0].effect is Effect.CHANGED and "inherit" in found[0].message


def test_fine() -> None:
    for fm in ("model:\n", "model: opus\n", ""):
        assert run(fm) == [], fm

