from __future__ import annotations

from rulekit import run

from agentls.engine import check_bytes, check_text
from agentls.model import Effect, Severity


def test_invalid_byte_from_disk() -> None:
    data = b"---\nname: a\ndescription: Caf\xe9\n---\nB\n"
    doc, findings = check_bytes(data, "x.md", "claude-agent")
    (f,) = [f for f in findings if f.code == "AG022"]
    assert doc.text[f.span.start:f.span.end] == "\ufffd"
    assert "U+FFFD" in f.message and f.effect is Effect.CHANGED
    assert f.severity is Severity.WARNING
    assert doc.data["description"] == "Caf\ufffd"


def test_lone_surrogate_from_an_editor() -> None:
    text = "---\nname: a\ndescription: Caf\udce9\n---\nB\n"
    doc, findings = check_text(text, "x.md", "claude-agent")
    assert [f.code for f in findings] == ["AG022"]  # parsed as Claude Code decodes it
    assert doc.data["description"] == "Caf\ufffd"
    assert findings[0].span.start == text.index("\udce9")


def test_valid_utf8() -> None:
    assert run("---\nname: a\ndescription: Café ✓ 😀\n---\nB\n", "AG022") == []
