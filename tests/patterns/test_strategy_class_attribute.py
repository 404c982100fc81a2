"""A library's entry class may be configured with the class of its algorithm through a class
attribute its subclasses set (`renderer_class = HtmlRenderer`), making the object it keeps in a
method of its own (`self.renderer = self.build_renderer()`, which answers an instance of the
class set): the subclasses each pick one implementation, so the entry class is a Strategy
context over the family. The near miss: the same shape where only one class is ever set, so
nothing is chosen between. The same for a class the holder looks up in a module table of classes
by a key it is handed (`KINDS[kind]()`), unless the table holds one class. Through `agentls
patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

RENDERERS = """\
class Renderer:
    def __init__(self, title):
        self.title = title

    def heading(self, text):
        raise NotImplementedError

    def paragraph(self, text):
        raise NotImplementedError


class HtmlRenderer(Renderer):
    def heading(self, text):
        return f"<h1>{text}</h1>"

    def paragraph(self, text):
        return f"<p>{text}</p>"


class PlainRenderer(Renderer):
    def heading(self, text):
        return text.upper()

    def paragraph(self, text):
        return text
"""

REPORT = """\
from app.renderers import HtmlRenderer, PlainRenderer


class Report:
    renderer_class = None

    def __init__(self, title, renderer_class=None):
        self.title = title
        if renderer_class is not None:
            self.renderer_class = renderer_class
        self.renderer = self.build_renderer()

    def build_renderer(self):
        if self.renderer_class is None:
            Made = PlainRenderer
        else:
            Made = self.renderer_class
        return Made(self.title)

    def render(self, lines):
        out = [self.renderer.heading(self.title)]
        out += [self.renderer.paragraph(line) for line in lines]
        return "\\n".join(out)


class WebReport(Report):
    renderer_class = HtmlRenderer
"""


def _roles(tmp_path: Path, report: str) -> dict[str, str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/renderers.py": RENDERERS, "app/report.py": report})
    return roles_of(patterns_rows(tmp_path, "app"), "strategy")


def test_a_class_attribute_subclasses_set_configures_the_context(tmp_path: Path) -> None:
    text = REPORT + "\n\nclass TextReport(Report):\n    renderer_class = PlainRenderer\n"
    roles = _roles(tmp_path, text)
    assert roles.get("Report") == "context"
    assert roles.get("Renderer") == "strategy"
    assert roles.get("HtmlRenderer") == "concrete_strategy"
    assert roles.get("PlainRenderer") == "concrete_strategy"


def test_one_class_ever_set_configures_nothing(tmp_path: Path) -> None:
    # The default the method falls back on is named in place, not set: only HtmlRenderer is set.
    text = REPORT.replace("Made = PlainRenderer", "Made = HtmlRenderer").replace(
        "from app.renderers import HtmlRenderer, PlainRenderer", "from app.renderers import HtmlRenderer"
    )
    roles = _roles(tmp_path, text)
    assert "Report" not in roles
    assert "Renderer" not in roles


RUNNERS = """\
class Runner:
    def start(self, job):
        raise NotImplementedError

    def alive(self, handle):
        raise NotImplementedError


class ThreadRunner(Runner):
    def start(self, job):
        return ("thread", job)

    def alive(self, handle):
        return True


class ForkRunner(Runner):
    def start(self, job):
        return ("fork", job)

    def alive(self, handle):
        return False


KINDS = {"thread": ThreadRunner, "fork": ForkRunner}


class Pool:
    def __init__(self, kind="thread"):
        self.runner = self.pick_runner(kind)

    def pick_runner(self, kind):
        return KINDS[kind]()

    def launch(self, job):
        handle = self.runner.start(job)
        return self.runner.alive(handle)
"""


def test_a_class_looked_up_in_a_module_table_configures_the_context(tmp_path: Path) -> None:
    write_tree(tmp_path, {"app/__init__.py": "", "app/pool.py": RUNNERS})
    roles = roles_of(patterns_rows(tmp_path, "app"), "strategy")
    assert roles.get("Pool") == "context"
    assert roles.get("Runner") == "strategy"
    assert roles.get("ForkRunner") == "concrete_strategy"


def test_a_table_of_one_class_configures_nothing(tmp_path: Path) -> None:
    text = RUNNERS.replace('KINDS = {"thread": ThreadRunner, "fork": ForkRunner}', 'KINDS = {"thread": ThreadRunner}')
    write_tree(tmp_path, {"app/__init__.py": "", "app/pool.py": text})
    roles = roles_of(patterns_rows(tmp_path, "app"), "strategy")
    assert "Pool" not in roles
    assert "Runner" not in roles
