from __future__ import annotations

from rulekit import run, spanned

from agentls.engine import fix_text
from agentls.model import Effect, Severity


def test_last_wins_and_earlier_is_reported() -> None:
    text = "---\nname: a\ndescription: d1\ndescription: d2\n---\nBody.\n"
    (f,) = run(text, "AG009")
    assert f.span.start == text.index("description") and spanned(text, f) == "description"
    assert "'d2' (line 4)" in f.message
    assert f.severity is Severity.WARNING and f.effect is Effect.CHANGED


def test_duplicate_name_loads_the_last_name() -> None:
    text = "---\nname: n1\nname: n2\ndescription: d\n---\nBody.\n"
    (f,) = run(text, "AG009")
    assert f.effect is None and "'n2'" in f.message


def test_three_times_and_nested() -> None:
    text = "---\nname: a\nx: 1\nx: 2\nx: 3\ndescription: d\nhooks:\n  Stop: []\n  Stop: []\n---\nB\n"
    found = run(text, "AG009")
    assert [spanned(text, f) for f in found] == ["x", "x", "Stop"]
    assert "`hooks.Stop`" in found[2].message


def test_fix_removes_the_earlier_lines_and_keeps_the_loaded_value() -> None:
    text = ("---\nname: a\ndescription: >\n  long\n  text\ntools: Read # c\ndescription: d2\n"
            "tools: Grep\n---\nBody.\n")
    fixed, applied = fix_text(text, "x.md", "claude-agent")
    assert applied >= 2
    assert fixed == "---\nname: a\ndescription: d2\ntools: Grep\n---\nBody.\n"


def test_no_fix_when_unsafe() -> None:
    rescued = '---\nname: a\nname: b\ndescription: Use: <example>x "y"</example>\n---\nB\n'
    (f,) = run(rescued, "AG009")
    assert f.fix is None  # removing a line could change what the retry rewrites
    anchored = "---\nname: &n a\nname: b\ndescription: d\nx: *n\n---\nB\n"
    (f,) = run(anchored, "AG009")
    assert f.fix is None
    flow = "---\nname: a\ndescription: d\nm: {a: 1, a: 2}\n---\nB\n"
    (f,) = run(flow, "AG009")
    assert f.fix is None


def test_no_duplicates() -> None:
    assert run("---\nname: a\ndescription: d\n---\nBody.\n", "AG009") == []
