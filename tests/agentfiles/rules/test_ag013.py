from __future__ import annotations

from rulekit import run, spanned

from agentls.engine import check_text, fix_text
from agentls.model import Effect, Severity


def test_comment_anchor_tag() -> None:
    cases = {
        "description: text #note": "#note",
        "description: &a text": "&a",
        "description: !t text": "!t",
    }
    for line, span in cases.items():
        text = f"---\nname: a\n{line}\n---\nB\n"
        (f,) = run(text, "AG013")
        assert spanned(text, f) == span
        assert f.message.startswith("`description` loads as 'text'")
        assert f.severity is Severity.WARNING and f.effect is Effect.CHANGED


def test_name_and_empty_value() -> None:
    text = "---\nname: agent #2\ndescription: #todo\n---\nB\n"
    name, desc = run(text, "AG013")
    assert spanned(text, name) == "#2" and "'agent'" in name.message
    assert spanned(text, desc) == "#todo" and "null" in desc.message


def test_unsafe_quote_fix() -> None:
    text = "---\nname: a\ndescription: text #note\n---\nB\n"
    assert fix_text(text, "x.md", "claude-agent")[1] == 0
    fixed, _ = fix_text(text, "x.md", "claude-agent", unsafe=True)
    assert 'description: "text #note"' in fixed


def test_fine_values() -> None:
    for line in ("description: C# code", 'description: "text #note"', "description: a&b !c",
                 "description: &a text\nx: *a", "description: !!str text",
                 "description: text\n# a comment line"):
        text = f"---\nname: a\n{line}\n---\nB\n"
        assert run(text, "AG013") == [], line


def test_rescued_line_is_quoted_by_the_retry() -> None:
    text = '---\nname: a\ndescription: Use: <example>x</example> #c\n---\nB\n'
    assert run(text, "AG013") == []


def test_a_comment_set_apart_like_code_is_information_only() -> None:
    from agentls.model import Severity
    from agentls.settings import Settings

    text = "---\nname: reviewer  # short name\ndescription: text #note\n---\nBody\n"
    found = check_text(text, "x.md", "claude-agent", Settings(select=("AG013",)))[1]
    by_text = {text[f.span.start:f.span.end]: f for f in found}
    assert by_text["# short name"].severity is Severity.INFO and by_text["# short name"].effect is None
    assert by_text["#note"].severity is Severity.WARNING
