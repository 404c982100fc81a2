from __future__ import annotations

from rulekit import run, spanned

from agentls.model import Severity


def test_clip_and_keep_blocks() -> None:
    for header in (">", "|", "|+", ">2", "| # note"):
        text = f"---\nname: a\ndescription: {header}\n  a\n  b\n---\nB\n"
        (f,) = run(text, "AG114")
        assert spanned(text, f) == header.split(" #")[0], header
        assert "final line break" in f.message
        assert f.severity is Severity.INFO and f.effect is None  # reference row 14: LOAD


def test_strip_blocks_and_other_dialects() -> None:
    for header in (">-", "|-"):
        text = f"---\nname: a\ndescription: {header}\n  a\n---\nB\n"
        assert run(text, "AG114") == []
    text = "---\nname: a\ndescription: >\n  a\n---\nB\n"
    assert run(text, "AG114", "claude-plugin-agent", "pp/agents/x.md") == []
    assert run("---\nname: a\ndescription: a\n---\nB\n", "AG114") == []
