"""Selections of names that are a prefix of the keyword before them (`class c`, `def d`)."""

from __future__ import annotations

from pathlib import Path

from agentls.patterns.analysis import analyze_source
from agentls.patterns.hover import hover_markdown

STRATEGY = (Path(__file__).resolve().parents[1] / "fixtures" / "patterns" / "positives" / "strategy.py").read_text()


def test_a_class_named_like_the_start_of_its_keyword_is_selected_on_its_name() -> None:
    source = STRATEGY.replace("Cart", "c").replace("Regular", "cl")
    analysis = analyze_source(source, "shop.py")
    lines = source.split("\n")
    for symbol in ("c", "cl"):
        d = next(d for d in analysis.all() if d.symbol == symbol)
        sel = d.selection
        assert lines[sel.line][sel.col : sel.end_col] == symbol and sel.col == len("class "), d
        assert hover_markdown(analysis, sel.line, sel.col) is not None
    line = next(i for i, text in enumerate(lines) if text.startswith("class c:"))
    assert hover_markdown(analysis, line, 0) is None  # on `class`, not on the name


def test_methods_named_d_and_a_are_selected_on_their_names() -> None:
    source = "class K:\n    def d(self):\n        pass\n\n    async def a(self):\n        pass\n"
    outline = analyze_source(source, "k.py").outline
    methods = {m.name: m.selection for m in outline[0].children}
    assert (methods["d"].col, methods["d"].end_col) == (8, 9)
    assert (methods["a"].col, methods["a"].end_col) == (14, 15)


def test_a_name_spelled_in_another_normal_form_is_selected_where_it_is_written() -> None:
    # Python normalises identifiers (NFKC): `class Ｓale` defines `Sale`, `def ﬁnd` defines `find`.
    source = STRATEGY.replace("class Sale(", "class \uff33ale(") + "\n\ndef \ufb01nd(x):\n    return x\n"
    analysis = analyze_source(source, "shop.py")
    lines = source.split("\n")
    sale = next(d for d in analysis.all() if d.symbol == "Sale")
    sel = sale.selection
    assert (sel.col, sel.end_col) == (6, 10) and lines[sel.line][sel.col : sel.end_col] == "\uff33ale"
    assert hover_markdown(analysis, sel.line, 7) is not None
    fn = next(s for s in analysis.outline if s.name == "find")
    assert (fn.selection.col, fn.selection.end_col) == (4, 7)  # `ﬁ` is one character
