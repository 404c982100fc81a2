from __future__ import annotations

from rulekit import run, spanned

from agentls.engine import check_bytes
from agentls.model import Severity


def test_nul_in_text_and_bytes() -> None:
    text = "---\nname: a\x00\ndescription: d\n---\nB\n"
    (f,) = run(text, "AG021")
    assert spanned(text, f) == "\x00" and "binary" in f.message
    assert f.severity is Severity.WARNING
    _, findings = check_bytes("---\nname: a\n---\n".encode("utf-16"), "x.md", "claude-agent")
    assert [f.code for f in findings] == ["AG021"]


def test_text_file() -> None:
    assert run("---\nname: a\ndescription: d\n---\nB\n", "AG021") == []
