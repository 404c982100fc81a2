"""A member that one composite's walk finds to be a node (it forwards `reset` to the child
it holds) while another composite's walk reads it as a leaf (its `show` stops there) is a
node of the tree: one `composite` row, no `leaf` row beside it; the same member forwarding
neither stays a leaf. Through `agentls patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

PANELS = """\
class Panel:
    def show(self, out):
        raise NotImplementedError

    def reset(self):
        raise NotImplementedError


class Text(Panel):
    def show(self, out):
        out.append("text")

    def reset(self):
        self.shown = False


class Shown(Panel):
    def __init__(self):
        self.panels = []

    def add(self, panel):
        self.panels.append(panel)

    def show(self, out):
        for panel in self.panels:
            panel.show(out)


class Resettable(Panel):
    def __init__(self):
        self.panels = []

    def add(self, panel):
        self.panels.append(panel)

    def reset(self):
        for panel in self.panels:
            panel.reset()


class Frame(Panel):
    def __init__(self, inner):
        self.inner = inner

    def show(self, out):
        out.append("frame")

    def reset(self):
        self.inner.reset()
"""

SHUT = PANELS.replace("        self.inner.reset()", "        self.shown = False")


def _roles(tmp_path: Path, text: str) -> dict[str, set[str]]:
    write_tree(tmp_path, {"screen/__init__.py": "", "screen/panels.py": text})
    out: dict[str, set[str]] = {}
    for r in patterns_rows(tmp_path, "screen"):
        if r["pattern"] == "composite":
            out.setdefault(str(r["symbol"]), set()).add(str(r["role"]))
    return out


def test_a_node_of_one_walk_is_no_leaf_of_another(tmp_path: Path) -> None:
    found = _roles(tmp_path, PANELS)
    assert found.get("Shown") == {"composite"} and found.get("Resettable") == {"composite"}
    assert found.get("Frame") == {"composite"} and found.get("Text") == {"leaf"}


def test_a_member_forwarding_nothing_is_a_leaf(tmp_path: Path) -> None:
    found = _roles(tmp_path, SHUT)
    assert found.get("Shown") == {"composite"} and found.get("Frame") == {"leaf"}
