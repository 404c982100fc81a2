"""A chain whose links pass the request on through a helper of their base.

The base keeps an optional successor and offers `next(request)`, which hands the request to the
successor's handling method when there is one; each link overrides the handling method, does
its part and calls `self.next(request)`. The near miss: the same helper called by no link (the
subclasses handle the request and never pass it on) is no chain."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

STEPS = """\
class Step:
    def __init__(self, following=None):
        self.following = following

    def execute(self, request):
        raise NotImplementedError()

    def next(self, request):
        if self.following:
            self.following.execute(request)


class Trim(Step):
    def execute(self, request):
        request.text = request.text.strip()
        {tail}


class Lower(Step):
    def execute(self, request):
        request.text = request.text.lower()
        {tail}
"""


def _chain(tmp_path: Path, tail: str) -> set[tuple[str, str]]:
    write_tree(tmp_path, {"app/steps.py": STEPS.format(tail=tail)})
    return {
        (r["symbol"], r["role"]) for r in patterns_rows(tmp_path, "app") if r["pattern"] == "chain_of_responsibility"
    }


def test_links_passing_on_through_the_base_helper_are_a_chain(tmp_path: Path) -> None:
    assert _chain(tmp_path, "self.next(request)") == {
        ("Step", "handler"),
        ("Trim", "concrete_handler"),
        ("Lower", "concrete_handler"),
    }


def test_the_helper_called_by_no_link_is_no_chain(tmp_path: Path) -> None:
    assert _chain(tmp_path, "return request") == set()
