"""The pure core of auto mode: changed symbols, the symbol-text cache key, budget, dismissals."""

from __future__ import annotations

from agentls import config
from agentls.config.expert import parse_budget
from agentls.expert import auto
from agentls.expert.answer import Answer, Suggestion

OLD = "import os\n\n\n@deco\ndef f(a):\n    return a\n\n\nclass C:\n    x = 1\n\n\ndef g():\n    return 2\n"


def test_changed_symbols_are_the_top_level_ones_whose_text_differs() -> None:
    assert auto.changed(OLD, OLD) == []
    moved = "import os\nimport sys\n\n\n" + OLD.split("\n\n\n", 1)[1]  # f moves down a line, same text
    assert auto.changed(OLD, moved) == []
    edited = OLD.replace("x = 1", "x = 2").replace("return 2", "return 2   ")  # trailing blanks: no change
    (c,) = auto.changed(OLD, edited) or []
    assert (c.name, c.kind, c.start, c.end) == ("C", "class", 9, 10)
    (f,) = auto.changed(OLD, OLD.replace("return a", "return a + 1")) or []
    assert (f.name, f.start) == ("f", 4)  # the decorator belongs to it
    assert [s.name for s in auto.changed(OLD, OLD + "\n\ndef h():\n    pass\n") or []] == ["h"]
    assert auto.changed(OLD, OLD + "def broken(:\n") is None  # mid-typing: nothing to say yet
    assert auto.changed(None, OLD) == []


def test_the_cache_key_is_the_symbol_text_and_answers_move_with_it(isolated: object) -> None:
    key = auto.answer_key("fp", "m", "contract", "def f(a):\n    return a")
    assert key == auto.answer_key("fp", "m", "contract", "def f(a):\n    return a")
    assert key != auto.answer_key("fp", "m", "contract", "def f(a):\n    return a + 1")
    s = Suggestion("t", "r", "hint", 12, 13, anchor="def f(a):\n")
    auto.cache_answer(key, Answer("e", "m", "sum", [s]), symbol_start=12)
    hit = auto.cached_answer(key, symbol_start=40)
    assert hit is not None and (hit.suggestions[0].start_line, hit.suggestions[0].end_line) == (40, 41)
    assert auto.cached_answer("nothing", 1) is None


def test_budget_settings_and_the_hourly_ledger() -> None:
    assert parse_budget(50_000) == auto.Budget(tokens=50_000)
    assert parse_budget("50k tokens") == auto.Budget(tokens=50_000)
    assert parse_budget("$0.25/h") == auto.Budget(dollars=0.25)
    assert parse_budget({"dollars": 2}) == auto.Budget(dollars=2.0)
    assert parse_budget("lots") is None and parse_budget(True) is None and parse_budget(-1) is None
    s = config.build(None, {"expert.auto": "onsave", "expert": {"autoBudget": "$1", "autoDebounce": 250}}).expert.auto
    assert (s.level, s.budget, s.debounce_ms) == ("onSave", auto.Budget(dollars=1.0), 250)
    default = config.build(None, {"expert": {"auto": "always", "autoBudget": "lots"}}).expert.auto
    assert default.level == "off" and default.budget == auto.Budget(dollars=auto.DEFAULT_BUDGET_DOLLARS)

    ledger = auto.Ledger(auto.Budget(tokens=1_000))
    assert ledger.allows(900, 0.0, now=0.0)
    entry = ledger.reserve(900, 0.0, now=0.0)  # in flight: counts at its estimate
    assert not ledger.allows(200, 0.0, now=1.0)
    ledger.settle(entry, 500, 0.0)  # the real usage was smaller
    assert ledger.allows(200, 0.0, now=1.0)
    assert ledger.spent(now=1.0) == (500, 0.0)
    assert ledger.allows(1_000, 0.0, now=3_601.0)  # an hour later the window is empty
    assert "budget 1,000 tokens per hour" in ledger.describe(now=1.0)


def test_a_dismissal_lasts_until_the_code_changes(isolated: object) -> None:
    (f,) = [s for s in auto.symbols(OLD) or [] if s.name == "f"]
    store = auto.DismissStore("/ws")
    store.dismiss(f, "Rename it")
    assert store.dismissed(f, "Rename it") and not store.dismissed(f, "Something else")
    assert auto.DismissStore("/ws").dismissed(f, "Rename it")  # remembered across sessions
    assert not auto.DismissStore("/other").dismissed(f, "Rename it")  # per workspace
    (f2,) = [s for s in auto.symbols(OLD.replace("return a", "return -a")) or [] if s.name == "f"]
    assert not store.dismissed(f2, "Rename it")
    assert "return a" not in store.path.read_text()  # hashes only, no code on disk
