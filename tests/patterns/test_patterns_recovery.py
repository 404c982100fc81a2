"""Broken modules: recovery per top-level statement must survive column-0 continuation lines."""

from __future__ import annotations

from pathlib import Path

from agentls.patterns.analysis import analyze_source
from agentls.patterns.parse import parse_module

STRATEGY = (Path(__file__).resolve().parents[1] / "fixtures" / "patterns" / "positives" / "strategy.py").read_text()
EXPECTED = {
    ("Pricing", "strategy"),
    ("Regular", "concrete_strategy"),
    ("Sale", "concrete_strategy"),
    ("Cart", "context"),
}


def _roles(source: str) -> set[tuple[str, str]]:
    return {(d.symbol, d.role) for d in analyze_source(source, "shop.py").all()}


def test_a_multiline_string_at_column_0_does_not_hide_the_class_while_typing() -> None:
    # A query whose lines start at column 0, and a half-typed function at the end of the file.
    source = STRATEGY.replace('class Cart:', 'class Cart:\n    QUERY = """\nSELECT price\nFROM items\n"""\n')
    assert _roles(source) == EXPECTED
    broken = source + "\n\ndef half_typed(:\n"
    assert _roles(broken) == EXPECTED
    _, problems = parse_module(broken)
    assert [p.line for p in problems] == [broken.split("\n").index("def half_typed(:")]


def test_a_call_continued_at_column_0_is_rejoined() -> None:
    source = "x = dict(\na=1,\nb=2)\n\nclass A:\n    pass\n\ndef broken(:\n"
    tree, problems = parse_module(source)
    assert [type(s).__name__ for s in tree.body] == ["Assign", "ClassDef"]
    assert len(problems) == 1


def test_an_unterminated_string_loses_only_its_own_statement() -> None:
    source = STRATEGY.replace("class Sale(Pricing):", 'oops = """\n\n\nclass Sale(Pricing):')
    roles = _roles(source)
    assert ("Cart", "context") in roles and ("Regular", "concrete_strategy") in roles
