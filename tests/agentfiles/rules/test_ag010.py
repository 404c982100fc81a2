from __future__ import annotations

from rulekit import run, spanned

from agentls.model import Severity


def test_anchor_and_alias_spans() -> None:
    text = "---\nname: a\ndescription: d\ntools: &t Read\ndisallowedTools: *t\n---\nB\n"
    anchor, alias = run(text, "AG010")
    assert spanned(text, anchor) == "&t" and spanned(text, alias) == "*t"
    assert anchor.severity is Severity.INFO and anchor.effect is None
    assert "expands" in alias.message and "other tools" in alias.message


def test_unused_anchor_is_swallowed() -> None:
    text = "---\nname: a\ndescription: &a text\n---\nB\n"
    (f,) = run(text, "AG010")
    assert "swallowed" in f.message


def test_alias_bomb_is_not_expanded_and_reports_are_capped() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 12):
        prev = f"*a{i - 1}"
        lines.append(f"a{i}: &a{i} [{', '.join([prev] * 9)}]")
    text = "---\nname: a\ndescription: d\n" + "\n".join(lines) + "\n---\nB\n"
    found = run(text, "AG010")
    assert len(found) == 21 and "more YAML anchors and aliases" in found[-1].message


def test_no_anchors() -> None:
    assert run("---\nname: a\ndescription: R&D *stars*\n---\nB\n", "AG010") == []
