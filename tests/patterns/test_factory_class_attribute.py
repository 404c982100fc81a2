"""A method that makes an instance of the class kept in a class attribute its subclasses set
(`Made = self.renderer_class` ... `return Made(self.title)`, `renderer_class = HtmlRenderer` in
one subclass, `PlainRenderer` in another) is a factory: which class it makes is chosen by
configuration, and those classes are its products. The near miss: a method of the same shape
whose call is a helper function the module imports (`return render_with(self.title)`), reading
the class attribute only to pass it on, makes nothing itself. Through `agentls patterns` run as
a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, role_map, write_tree
from tests.patterns.test_strategy_class_attribute import RENDERERS, REPORT

TEXT = REPORT + "\n\nclass TextReport(Report):\n    renderer_class = PlainRenderer\n"

HELPERS = """\
def render_with(kind, title):
    return kind(title)
"""


def _roles(tmp_path: Path, report: str) -> dict[tuple[str, str], str]:
    files = {"app/__init__.py": "", "app/renderers.py": RENDERERS, "app/helpers.py": HELPERS, "app/report.py": report}
    write_tree(tmp_path, files)
    return role_map([r for r in patterns_rows(tmp_path, "app") if r["pattern"] == "factory"])


def test_a_method_making_the_class_set_in_a_class_attribute_is_a_factory(tmp_path: Path) -> None:
    roles = _roles(tmp_path, TEXT)
    assert roles.get(("Report.build_renderer", "factory")) == "factory"
    assert roles.get(("HtmlRenderer", "factory")) == "product"
    assert roles.get(("PlainRenderer", "factory")) == "product"


def test_a_helper_function_handed_the_class_makes_nothing_here(tmp_path: Path) -> None:
    text = TEXT.replace("return Made(self.title)", "return render_with(self.renderer_class, self.title)").replace(
        "from app.renderers import", "from app.helpers import render_with\nfrom app.renderers import"
    )
    roles = _roles(tmp_path, text)
    assert ("Report.build_renderer", "factory") not in roles
