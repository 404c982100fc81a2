from __future__ import annotations

from agentls.engine import check_text, fix_text
from agentls.model import Effect, Finding
from agentls.settings import Settings

CODE = "AG140"
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


def test_unknown_mode_and_case_fix() -> None:
    found = run("permissionMode: acceptedits\n")
    assert spans("permissionMode: acceptedits\n") == ["acceptedits"]
    assert found[0].effect is Effect.CHANGED and "`acceptEdits`" in found[0].message
    assert fixed("permissionMode: acceptedits\n") == doc("permissionMode: acceptEdits\n")
    assert fixed("permissionMode: yolo\n") == doc("permissionMode: yolo\n")


def test_known_modes() -> None:
    for m in ("default", "acceptEdits", "auto", "dontAsk", "bypassPermissions", "plan", "manual"):
        assert run(f"permissionMode: {m}\n") == [], m
    assert run("permissionMode: yolo\n", "claude-plugin-agent") == []  # AG152 says ignored


def test_non_string() -> None:
    assert spans("permissionMode: 3\n") == ["3"]

