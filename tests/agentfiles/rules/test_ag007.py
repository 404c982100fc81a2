from __future__ import annotations

from rulekit import run, spanned

from agentls.model import Effect, Severity


def test_mid_line_cut_loses_later_keys() -> None:
    text = "---\nname: a\ndescription: x --- y\ntools: Read\nmodel: opus\n---\nBody.\n"
    (f,) = run(text, "AG007")
    assert spanned(text, f) == "---" and f.span.start == text.index("---", 4)
    assert f.severity is Severity.WARNING and f.effect is Effect.CHANGED
    assert "`description` loads as 'x'" in f.message
    assert "`tools`, `model`" in f.message and "every tool" in f.message


def test_mid_word() -> None:
    text = "---\nname: a\ndescription: hr---inword\n---\nBody.\n"
    (f,) = run(text, "AG007")
    assert f.span.start == text.index("---inword") and "'hr'" in f.message


def test_cut_inside_quotes_is_a_skip() -> None:
    text = '---\nname: a\ndescription: "x --- y"\n---\nBody.\n'
    (f,) = run(text, "AG007")
    assert f.severity is Severity.ERROR and f.effect is Effect.SKIP
    assert f.message.startswith("Claude Code will not load this agent:")
    assert "unparseable" in f.message


def test_line_inside_block_scalar() -> None:
    text = "---\nname: a\ndescription: |\n  a\n  ---\n  b\n---\nBody.\n"
    (f,) = run(text, "AG007")
    assert f.span.start == text.index("  ---") + 2 and "indented" in f.message
    text = "---\nname: a\ndescription: |\n  a\n---\n  b\ntools: Read\n---\nBody.\n"
    (f,) = run(text, "AG007")
    assert f.span.start == text.index("---\n  b") and "`tools` below it is part of the body" in f.message


def test_block_cut_without_keys() -> None:
    text = "---\nname: a\ndescription: |\n  a\n---\n  b\n---\nBody.\n"
    (f,) = run(text, "AG007")
    assert "'a\\n'" in f.message


def test_lost_name_or_description_skips() -> None:
    text = "---\nname: a\n---\ndescription: d\n---\nBody.\n"
    (f,) = run(text, "AG007")
    assert f.effect is Effect.SKIP and "`description`" in f.message
    (g,) = run(text, "AG007", "claude-plugin-agent", "pp/agents/x.md")
    assert g.effect is Effect.CHANGED and g.severity is Severity.WARNING


def test_ordinary_closing_and_body_rules() -> None:
    for text in ("---\nname: a\ndescription: d\n---\nBody.\n",
                 "---\nname: a\ndescription: d\n----\nBody.\n",
                 "---\nname: a\ndescription: d\n--- extra\nBody.\n",
                 "---\nname: a\ndescription: d\n---\nNote: prose.\nSummary: more.\n---\nx\n",
                 "---\nname: a\ndescription: x — y\n---\nBody.\n",
                 "---\nname: a\ndescription: d\n  ---\nBody.\n",
                 "---\nname: a\ndescription: |\n  d\n---\nBody.\n\n    code\n"):
        assert run(text, "AG007") == [], text


def test_yaml_in_a_fenced_code_block_of_the_body_is_not_lost_keys() -> None:
    # A body that shows frontmatter in a code block, then a `---` rule: nothing was cut.
    for body in ("# Usage\n\n```yaml\nname: my-agent\ndescription: x\ntools: Read\n```\n\n---\n\nMore\n",
                 "```yaml\nname: my-agent\ntools: Read\n```\n---\nMore\n",
                 "Example:\n~~~\nmodel: opus\n~~~\n---\nMore\n"):
        text = "---\nname: a\ndescription: d\n---\n" + body
        assert run(text, "AG007") == [], body
        assert run(text, "AG007", "claude-skill", ".claude/skills/a/SKILL.md") == [], body
