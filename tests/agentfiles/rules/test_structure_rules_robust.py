"""The structure, file, name and description rules (AG007-AG023, AG100-AG115) never crash
on odd types, aliases or odd blocks, and always report inside the document."""

from __future__ import annotations

import pytest
from rulekit import assert_odd_values_stay_inside

from agentls import rules
from agentls.dialects import DIALECTS
from agentls.engine import check_text
from agentls.frontmatter.document import load_text
from agentls.rules.base import CheckContext

MINE = [r for code, r in rules.all_rules().items()
        if "AG007" <= code <= "AG023" or "AG100" <= code <= "AG115"]
VALUES = ["", "~", "[]", "{}", "5", "-3", "1.5", ".nan", ".inf", "true", "x", "*a", "&b x",
          "!t", "!!int '7'", "!!binary aGk=", "[1, [2], {a: b}]", "{? [a, b] : c, 1: 2}",
          "|\n  a\n  b", ">-\n  a", "\n  - a\n  - ~\n  - [b]", "'a\\nb'", '"\\t\\u2028"',
          "<example>", "a --- b", "a #c", "-x", "a：b", "😀" * 200, "x" * 300]
KEYS = ["name", "description", "when_to_use", "Name", "tools", "? [x]", "1", "~"]
BLOCKS = ["", "\n", "...", "- a", "a", "--- a", "[a, b]", "? a", "!t {a: 1}", "&a [*a]",
          "a: &x [1]\nb: *x\nb: *x", "name: a\n...\n...\n", "\t- a", "a:\n" + "  - " * 80 + "x"]


@pytest.mark.parametrize("dialect", sorted(DIALECTS))
def test_odd_values_do_not_crash(dialect: str) -> None:
    assert_odd_values_stay_inside(MINE, dialect, KEYS, VALUES, "pp/agents/x.md")


@pytest.mark.parametrize("dialect", sorted(DIALECTS))
def test_odd_blocks_do_not_crash(dialect: str) -> None:
    for block in BLOCKS:
        for text in (f"---\n{block}\n---\nB\n", f"---\n{block}", f"\ufeff---\r\n{block}\r\n---"):
            doc = load_text(text, "skills/x/SKILL.md", dialect)
            for rule in MINE:
                if rule.applies_to(dialect) and (doc.root is not None or not rule.needs_mapping):
                    for f in rule.check(CheckContext(doc, rule)):
                        assert 0 <= f.span.start <= f.span.end <= len(text), (rule.code, block)


def test_alias_bomb_is_cheap() -> None:
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 10):
        name, prev = chr(97 + i), chr(96 + i)
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    text = "---\nname: a\ndescription: d\n" + "\n".join(lines) + "\nz: *j\n---\nB\n"
    _, findings = check_text(text, "x.md", "claude-agent")
    # it returns at once, without expanding 9^10 strings, and says so
    assert any(f.code == "AG010" and "not expanded" in f.message for f in findings)
