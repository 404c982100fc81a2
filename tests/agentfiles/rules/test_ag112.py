from __future__ import annotations

from rulekit import run, spanned

from agentls.engine import check_text
from agentls.model import Severity


def desc(value: str) -> str:
    return f"---\nname: a\ndescription: {value}\n---\nB\n"


def test_unclosed_and_stray() -> None:
    text = desc('"Use it. <example>user: hi</example> <example>user: again"')
    (f,) = run(text, "AG112")
    assert spanned(text, f) == "<example>" and f.span.start == text.rindex("<example>")
    assert "never closed" in f.message and f.severity is Severity.WARNING and f.effect is None
    text = desc('"x </commentary> y"')
    (f,) = run(text, "AG112")
    assert spanned(text, f) == "</commentary>" and "closes nothing" in f.message


def test_crossed_tags() -> None:
    text = desc('"<example>a <commentary>b</example>"')
    (f,) = run(text, "AG112")
    assert spanned(text, f) == "<commentary>" and "before `</example>`" in f.message


def test_rescued_one_line_description() -> None:
    text = desc('Use this agent when… Examples: <example>Context: x user: "hi"')
    (f,) = run(text, "AG112")
    assert spanned(text, f) == "<example>"


def test_block_scalar_and_attributes() -> None:
    text = "---\nname: a\ndescription: |\n  <example>\n  a\n  <Example>\n---\nB\n"
    first, second = run(text, "AG112")
    assert spanned(text, first) == "<example>" and spanned(text, second) == "<Example>"
    text = desc('"<example kind=\\"a\\">x</example>"')
    assert run(text, "AG112") == []


def test_balanced() -> None:
    text = desc('"<example>a<commentary>b</commentary></example><example>c</example>"')
    assert run(text, "AG112") == []
    assert run(desc("a < b > c"), "AG112") == []


def test_a_tag_written_as_code_is_not_a_tag() -> None:
    from agentls.settings import Settings

    text = '---\nname: a\ndescription: "Write `<example>` blocks; <example>x</example>"\n---\nB\n'
    assert check_text(text, "x.md", "claude-agent", Settings(select=("AG112",)))[1] == []
