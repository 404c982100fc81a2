from __future__ import annotations

from rulekit import run, spanned

from agentls.model import Effect, Severity


def test_plain_and_single_quoted() -> None:
    for value in ("a\\nb", "'a\\nb'"):
        text = f"---\nname: a\ndescription: {value}\n---\nB\n"
        (f,) = run(text, "AG111")
        assert spanned(text, f) == "\\n" and f.span.start == text.index("\\n")
        assert "line break" in f.message
        assert f.severity is Severity.INFO and f.effect is Effect.CHANGED


def test_one_finding_at_the_first_occurrence_and_escaped_in_double_quotes() -> None:
    text = "---\nname: a\ndescription: a\\nb\\nc\n---\nB\n"
    (f,) = run(text, "AG111")
    assert spanned(text, f) == "\\n" and "the 2 `\\n`" in f.message
    text = '---\nname: a\ndescription: "x\\\\ny \\n z"\n---\nB\n'
    (f,) = run(text, "AG111")
    assert spanned(text, f) == "\\\\n"


def test_real_newlines_and_plugin() -> None:
    assert run('---\nname: a\ndescription: "a\\nb"\n---\nB\n', "AG111") == []
    assert run("---\nname: a\ndescription: |\n  a\n  b\n---\nB\n", "AG111") == []
    text = "---\nname: a\ndescription: a\\nb\n---\nB\n"
    assert run(text, "AG111", "claude-plugin-agent", "pp/agents/x.md") == []
