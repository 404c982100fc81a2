from __future__ import annotations

from rulekit import run, spanned

from agentls.model import Effect, Severity


def test_over_256_utf16_units() -> None:
    text = "---\nname: " + "a" * 257 + "\ndescription: d\n---\nB\n"
    (f,) = run(text, "AG103")
    assert spanned(text, f) == "a" and f.span.start == text.index("a" * 257) + 256
    assert "257 characters" in f.message
    assert f.severity is Severity.ERROR and f.effect is Effect.SKIP


def test_astral_characters_count_twice() -> None:
    text = "---\nname: " + "😀" * 129 + "\ndescription: d\n---\nB\n"
    (f,) = run(text, "AG103")
    assert spanned(text, f) == "😀" and "258 characters" in f.message
    assert run("---\nname: " + "😀" * 128 + "\ndescription: d\n---\nB\n", "AG103") == []
    assert run("---\nname: " + "a" * 256 + "\ndescription: d\n---\nB\n", "AG103") == []


def test_plugin_falls_back_to_the_file_name() -> None:
    text = "---\nname: " + "a" * 300 + "\ndescription: d\n---\nB\n"
    (f,) = run(text, "AG103", "claude-plugin-agent", "pp/agents/x.md")
    assert "`pp:x`" in f.message and f.effect is Effect.CHANGED
    assert f.severity is Severity.WARNING
