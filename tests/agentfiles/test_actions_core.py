"""The editor's own edits to agent files (``agentls.actions``), without a server: what each
returns as a ``Fix``, and the text once it is applied. The LSP end of the same actions is
tested in ``test_actions_symbols.py`` and ``test_actions_hardening.py``."""

from __future__ import annotations

import pytest

from agentls import rules
from agentls.actions import list_style, missing_keys, suppress_comment, yaml_text
from agentls.frontmatter.document import load_text
from agentls.model import Fix, apply_edits


def _applied(fix: Fix, text: str) -> str:
    return apply_edits(text, fix.edits)


def test_comma_string_to_list_and_back() -> None:
    text = "---\nname: a\ndescription: d\ntools: Read, Bash(git log *), Grep\n---\nBody\n"
    doc = load_text(text, "/w/.claude/agents/a.md", "claude-agent")
    at = text.index("tools")
    (fix,) = list_style.convert_lists(doc, at, at)
    assert fix.title == "Convert `tools` to a YAML list"
    listed = _applied(fix, text)
    assert listed == "---\nname: a\ndescription: d\ntools:\n  - Read\n  - Bash(git log *)\n  - Grep\n---\nBody\n"
    # Back to a string: quoted, as one item holds ": ".
    listed = listed.replace("Bash(git log *)", '"Bash(git commit: *)"')
    back_doc = load_text(listed, "/w/.claude/agents/a.md", "claude-agent")
    (back,) = list_style.convert_lists(back_doc, listed.index("  - Read"), listed.index("  - Read"))
    assert back.title == "Convert `tools` to a comma-separated string"
    assert _applied(back, listed) == \
        '---\nname: a\ndescription: d\ntools: "Read, Bash(git commit: *), Grep"\n---\nBody\n'
    # A value the strict parser rejects is left alone (offsets after the retry are not safe).
    broken = text.replace("git log *", "git commit: *")
    assert list_style.convert_lists(load_text(broken, "/w/a.md", "claude-agent"), at, at) == []


def test_list_conversion_keeps_crlf_and_needs_the_range_on_the_key() -> None:
    text = "---\r\nname: a\r\nskills: pdf, docx\r\n---\r\nB\r\n"
    doc = load_text(text, "/w/.claude/agents/a.md", "claude-agent")
    assert list_style.convert_lists(doc, 0, 3) == []
    (fix,) = list_style.convert_lists(doc, text.index("skills"), text.index("skills"))
    assert _applied(fix, text) == "---\r\nname: a\r\nskills:\r\n  - pdf\r\n  - docx\r\n---\r\nB\r\n"


def test_yaml_scalar_quotes_only_what_yaml_would_misread() -> None:
    assert yaml_text.scalar("Read") == "Read"
    assert yaml_text.scalar("a: b") == '"a: b"'
    assert yaml_text.scalar("x #y") == '"x #y"'
    assert yaml_text.scalar("*glob") == '"*glob"'


@pytest.mark.parametrize(("text", "dialect", "expected"), [
    ("Body\n", "claude-agent",
     "---\nname: reviewer\ndescription: Describe when Claude should use this agent\n---\nBody\n"),
    ("\ufeffBody\n", "claude-skill",
     "\ufeff---\ndescription: Describe when Claude should use this skill\n---\nBody\n"),
    ("---\r\nname: a\r\n---\r\nB\r\n", "claude-agent",
     "---\r\ndescription: Describe when Claude should use this agent\r\nname: a\r\n---\r\nB\r\n"),
])
def test_add_missing(text: str, dialect: str, expected: str) -> None:
    (fix,) = missing_keys.add_missing(load_text(text, "/w/x/reviewer.md", dialect), "/w/x/reviewer.md")
    assert _applied(fix, text) == expected


def test_add_missing_has_nothing_to_add() -> None:
    text = "---\nname: a\ndescription: d\n---\nB\n"
    assert missing_keys.add_missing(load_text(text, "/w/a.md", "claude-agent"), "/w/a.md") == []
    assert missing_keys.add_missing(load_text("B\n", "/w/a.md", "copilot-agent"), "/w/a.md") == []


def test_disable_comment_where_the_code_is_reported() -> None:
    text = "---\nname: a\ndescription: d\ntools:\n  - grep\n---\nBody line\n"
    doc = load_text(text, "/w/a.md", "claude-agent")
    fix = suppress_comment.disable(doc, "AG120", text.index("grep"))
    assert fix is not None and fix.title == "Disable AG120 here"
    assert "\n  # agentls: disable=AG120\n  - grep\n" in _applied(fix, text)
    body = suppress_comment.disable(doc, "AGW007", text.index("line"))
    assert body is not None and "<!-- agentls: disable=AGW007 -->\nBody line" in _applied(body, text)
    whole = suppress_comment.disable(doc, "AG001", 0)
    assert whole is not None and whole.title == "Disable AG001 for this file"
    assert _applied(whole, text).endswith("Body line\n<!-- agentls: disable-file=AG001 -->\n")


def test_no_comment_inside_a_multiline_value() -> None:
    text = "---\nname: a\ndescription: |\n  one\n  two\n---\nB\n"
    doc = load_text(text, "/w/a.md", "claude-agent")
    assert suppress_comment.disable(doc, "AG114", text.index("two")) is None


def test_every_example_text_gets_edits_inside_it() -> None:
    # Every rule's example, each action at every line start: no crash, edits in range.
    for rule in rules.all_rules().values():
        for ex in (*rule.examples_bad, *rule.examples_good):
            if len(ex.text) > 5000:
                continue
            doc = load_text(ex.text, f"/w/{ex.path}", ex.dialect)
            starts = [0] + [i + 1 for i, ch in enumerate(ex.text) if ch == "\n"]
            fixes = [*missing_keys.add_missing(doc, ex.path)]
            for at in starts:
                fixes += list_style.convert_lists(doc, at, at)
                found = suppress_comment.disable(doc, rule.code, at)
                fixes += [found] if found else []
            for fix in fixes:
                assert all(0 <= e.span.start <= e.span.end <= len(ex.text) for e in fix.edits), rule.code
                apply_edits(ex.text, fix.edits)
