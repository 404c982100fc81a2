from __future__ import annotations

import pytest
from rulekit import run

from agentls.knowledge.skill_paths import command_place, name_problem
from agentls.model import Effect, Severity

TEXT = "---\ndescription: d\n---\nBody\n"


@pytest.mark.parametrize(("name", "why"), [
    ("s17 ", "leading or trailing space"), (" a", "leading or trailing space"),
    ("s18  x", "two spaces"), ("a :b", "space next to `:`"), ("a: b", "space next to `:`"),
    (":a", "starts or ends with `:`"), ("a:", "starts or ends with `:`"),
    ("a<b", "`<`"), ("a>b", "`>`"), ("a\u200bb", "U+200B"), ("a\u202eb", "U+202E"),
    ("a\tb", "U+0009"), ("a\u00a0b", "blank-like character U+00A0"), ("a\u3164b", "U+3164"),
    ("\u0301a", "combining mark"), ("x" * 257, "over 256"), ("", "empty"),
])
def test_refused_names(name: str, why: str) -> None:
    problem = name_problem(name)
    assert problem is not None and why in problem


@pytest.mark.parametrize("name", ["s41:x", "c 08", "git:c06", "pdf-tools", "données", "x" * 256])
def test_offered_names(name: str) -> None:
    assert name_problem(name) is None


def test_folder_of_a_project_skill_and_name_of_a_command() -> None:
    (f,) = run(TEXT, "AG025", "claude-skill", "/ws/.claude/skills/s17 /SKILL.md")
    assert f.severity is Severity.ERROR and f.effect is Effect.SKIP
    assert "folder name `s17 `" in f.message
    (f,) = run(TEXT, "AG025", "claude-command", "/ws/.claude/commands/git/ x.md")
    assert "command name `git: x`" in f.message
    (f,) = run(TEXT, "AG025", "claude-command", "/p/commands/c  09.md")  # plugin commands too
    assert f.effect is Effect.SKIP


def test_plugin_skill_folders_are_sanitised_and_loaded() -> None:
    assert run(TEXT, "AG025", "claude-skill", "/p/skills/s17 /SKILL.md") == []
    assert run(TEXT, "AG025", "claude-command", "/ws/.claude/commands/c 08.md") == []


def test_command_places() -> None:
    place = command_place("/ws/.claude/commands/git/c06.md")
    assert place is not None and place.name == "git:c06" and place.project
    place = command_place("/ws/.claude/commands/c16/SKILL.md")
    assert place is not None and place.name == "c16"
    place = command_place("/p/commands/c07.MD")
    assert place is not None and place.name == "c07" and not place.project
