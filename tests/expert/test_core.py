"""Experts, prompts, answers, re-anchoring and the local expert: no server, no network."""

from __future__ import annotations

from pathlib import Path

import pytest

from agentls.expert import experts, local, prompts
from agentls.expert.answer import MalformedAnswer, Suggestion, anchor, apply_all, parse_tool_input, reanchor
from agentls.knowledge import models

AGENT = "---\nname: {name}\ndescription: Reviews code.\nmodel: {model}\n---\nYou are {name}. Be terse.\n"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def test_bundled_default_expert_asks_for_the_structured_answer() -> None:
    (e,) = [x for x in experts.discover(None, include_user=False) if x.name == "python-architect"]
    assert e.origin == "bundled"
    assert "submit_review" in e.system_prompt and "SOLID" in e.system_prompt
    assert experts.resolve_model(e.model) == models.ALIAS_TARGETS["sonnet"]


def test_workspace_beats_user_beats_bundled(tmp_path: Path) -> None:
    home, ws = tmp_path / "home", tmp_path / "ws"
    write(home / ".claude/agents/a.md", AGENT.format(name="python-architect", model="haiku"))
    write(home / ".claude/agents/deep/b.md", AGENT.format(name="user-only", model="opus"))
    write(ws / ".claude/agents/nested/c.md", AGENT.format(name="user-only", model="claude-opus-4-6"))
    write(ws / ".claude/agents/broken.md", "---\nname: [\n---\nbody\n")
    write(ws / ".claude/agents/upper.MD", AGENT.format(name="ignored", model="x"))
    found = {e.name: e for e in experts.discover(ws, home=home)}
    assert found["python-architect"].origin == "user"
    assert found["user-only"].origin == "workspace" and found["user-only"].model == "claude-opus-4-6"
    assert "ignored" not in found
    without_user = {e.name: e for e in experts.discover(ws, include_user=False, home=home)}
    assert without_user["python-architect"].origin == "bundled"


@pytest.mark.parametrize(("raw", "override", "expected"), [
    ("opus", None, "claude-opus-5-5"), ("Sonnet", None, "claude-sonnet-5-5"), ("haiku[1m]", None, "claude-haiku-5-5"),
    ("fable", None, "claude-fable-5-2"), ("opusplan", None, "claude-sonnet-5-5"), ("BEST", None, "claude-opus-5-5"),
    ("inherit", None, experts.DEFAULT_MODEL), (None, None, experts.DEFAULT_MODEL),
    ("claude-opus-4-6", None, "claude-opus-4-6"), ("opus", "haiku", "claude-haiku-5-5"),
    ("opus", "my-gateway-model", "my-gateway-model"),
])
def test_model_alias_table_and_setting_override(raw: str | None, override: str | None, expected: str) -> None:
    assert experts.resolve_model(raw, override) == expected


def test_parse_tool_input_validates_and_clamps() -> None:
    summary, items, notes = parse_tool_input({"summary": "S", "suggestions": [
        {"title": "A", "rationale": "r", "severity": "warning", "start_line": "3", "end_line": 2},
        {"title": "B", "rationale": "r", "severity": "hint", "start_line": 50, "end_line": 60},
    ]}, line_count=10)
    assert summary == "S"
    assert [(s.title, s.severity, s.start_line, s.end_line) for s in items] == [("A", "info", 2, 3)]
    assert "past the end" in notes[0]


@pytest.mark.parametrize(("data", "message"), [
    ([], "should be an object"),
    ({"summary": "s"}, "`suggestions` should be a list"),
])
def test_malformed_tool_input_says_what_is_wrong(data: object, message: str) -> None:
    with pytest.raises(MalformedAnswer, match=message):
        parse_tool_input(data, line_count=5)


GOOD = {"title": "kept", "rationale": "r", "severity": "info", "start_line": 2, "end_line": 2}


@pytest.mark.parametrize(("data", "message"), [
    ({"summary": "s", "suggestions": [{"title": "t", "rationale": "r", "severity": "info", "start_line": 0,
                                       "end_line": 1}]}, "`start_line` should be a line number"),
    ({"summary": "s", "suggestions": [{"rationale": "r", "severity": "info", "start_line": 1, "end_line": 1}]},
     "`title` should be a non-empty string"),
    ({"summary": "s", "suggestions": [{"title": "t", "rationale": "r", "severity": "fatal", "start_line": 1,
                                       "end_line": 1}]}, "`severity` should be one of"),
])
def test_one_malformed_suggestion_is_dropped_alone_with_a_note(data: dict[str, list[object]], message: str) -> None:
    _summary, items, notes = parse_tool_input({**data, "suggestions": [*data["suggestions"], GOOD]}, line_count=5)
    assert [s.title for s in items] == ["kept"]
    assert len(notes) == 1 and message in notes[0] and "that suggestion was dropped" in notes[0]


def test_reanchor_follows_moved_text_and_drops_changed_text() -> None:
    old = "import os\n\ndef f():\n    return 1\n\ndef g():\n    return 2\n"
    items = anchor([Suggestion("F", "r", "info", 3, 4), Suggestion("G", "r", "hint", 6, 7)], old)
    new = "import os\nimport sys\n\n\ndef f():\n    return 1\n\ndef g():\n    return 3\n"
    kept, dropped = reanchor(items, new)
    assert [(s.title, s.start_line, s.end_line) for s in kept] == [("F", 5, 6)]
    assert len(dropped) == 1 and "“G”" in dropped[0]


def test_apply_all_skips_overlaps_and_keeps_newlines() -> None:
    text = "a\nb\nc\n"
    new, taken = apply_all(text, [Suggestion("1", "r", "info", 1, 1, replacement="A"),
                                  Suggestion("2", "r", "info", 1, 2, replacement="X\n"),
                                  Suggestion("3", "r", "info", 3, 3, replacement="C\nD")])
    assert new == "A\nb\nC\nD\n" and [s.title for s in taken] == ["1", "3"]


GOD = """from shop.adapters.db import SqlRepo


class OrderService:
    def __init__(self):
        self.repo = SqlRepo()
        self.mailer = None

    def place(self, order):
        self.repo.save(order)

    def cancel(self, order):
        self.repo.delete(order)

    def find(self, oid):
        return self.repo.get(oid)

    def confirm(self, order):
        self.mailer.send(order.customer)

    def remind(self, order):
        self.mailer.send(order.customer)

    def notify_all(self, orders):
        for o in orders:
            self.remind(o)
"""

# The engine's thresholds, lowered for this small class; and a layered layout (the service
# layer and the adapters beside the domain), so that the domain importing an adapter is a
# layer violation.
SMALL_GOD = """[tool.agentls.patterns.god-class]
atfd = 0
wmc = 8
tcc = 0.5
"""


def layered(tmp_path: Path, settings: str | None = SMALL_GOD) -> None:
    write(tmp_path / "shop/adapters/db.py", "class SqlRepo:\n    def save(self, o): ...\n")
    write(tmp_path / "shop/service_layer/services.py", "def place(order): ...\n")
    if settings is not None:
        write(tmp_path / "pyproject.toml", settings)


def _req(tmp_path: Path, source: str, rel: str = "shop/domain/orders.py",
         selection: tuple[int, int] | None = None) -> prompts.Request:
    path = write(tmp_path / rel, source)
    e = experts.choose(experts.discover(None, include_user=False), None)
    assert e is not None
    return prompts.build(e, "claude-sonnet-5", source, str(path), tmp_path, selection)


def test_local_expert_splits_god_class_and_inverts_layer_import(tmp_path: Path) -> None:
    layered(tmp_path)
    req = _req(tmp_path, GOD)
    ans = local.answer(req)
    assert ans.local and "local expert" in ans.summary
    titles = [s.title for s in ans.suggestions]
    assert "Invert the dependency on `shop.adapters.db` behind a protocol" in titles
    invert = next(s for s in ans.suggestions if s.title.startswith("Invert"))
    assert invert.start_line == 1 and "line 1: the domain layer imports" in invert.rationale
    split = next(s for s in ans.suggestions if s.title.startswith("Split `OrderService`"))
    assert "`self.repo`" in split.rationale and "`self.mailer`" in split.rationale
    assert split.start_line == 4 and split.anchor.startswith("class OrderService")
    # The engine's measurements and evidence lines, with the thresholds from pyproject.toml.
    assert "WMC 8 ≥ 8" in split.rationale and "line 24: `notify_all` has cyclomatic complexity 2" in split.rationale
    assert "- lines 4-26: god class (smell) — `OrderService`" in req.user


def test_local_expert_keeps_to_the_engine_thresholds(tmp_path: Path) -> None:
    """Without settings the engine's defaults (WMC >= 47…) stand: no god class, whatever the
    number of method groups; an unlayered project has no layer violation."""
    write(tmp_path / "shop/adapters/db.py", "class SqlRepo: ...\n")
    ans = local.answer(_req(tmp_path, GOD))
    assert ans.suggestions == [] and "no smells" in ans.summary


def test_request_has_numbers_detections_and_imported_signatures(tmp_path: Path) -> None:
    write(tmp_path / "shop/__init__.py", "")
    write(tmp_path / "shop/domain/__init__.py", "")
    write(tmp_path / "shop/domain/money.py", "class Money:\n    def add(self, other: 'Money') -> 'Money':\n"
          "        return Money()\n\ndef _hidden_body():\n    SECRET_CODE = 42\n")
    outside = write(tmp_path.parent / f"{tmp_path.name}-outside" / "leak.py", "def leaked(): ...\n")
    source = ("from shop.domain.money import Money\nfrom . import money\nimport leak\n"
              'API_KEY = "sk-ant-api03-abcdefghijklmnopqrstuvwxyz"\n\nclass Order:\n    pass\n')
    req = _req(tmp_path, source)
    assert req.path == "shop/domain/orders.py"
    assert "4 | API_KEY = \"***MASKED***\"" in req.user and "sk-ant" not in req.user
    assert "def add(self, other: 'Money') -> 'Money': ..." in req.project  # a cached system block
    assert "SECRET_CODE" not in req.user and "leaked" not in req.user and outside.exists()
    assert req.context_modules == ["shop/domain/money.py"]
    assert req.masked == 1 and req.input_tokens > 100


def test_selection_is_marked_and_local_stays_inside(tmp_path: Path) -> None:
    layered(tmp_path)
    req = _req(tmp_path, GOD, selection=(18, 22))
    assert "Refactor lines 18-22" in req.user and "18>|     def confirm(self, order):" in req.user
    ans = local.answer(req)
    assert all(s.start_line <= 22 and s.end_line >= 18 for s in ans.suggestions)
    assert [(s.title, s.start_line) for s in ans.suggestions] == [
        ("Split `OrderService` along the groups of methods that share fields", 18)]
