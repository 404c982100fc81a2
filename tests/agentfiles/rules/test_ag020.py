from __future__ import annotations

from rulekit import run, spanned

from agentls.engine import check_bytes, check_text
from agentls.model import Effect, Severity
from agentls.settings import Settings

BASE = "---\nname: a\ndescription: d\n---\nBody.\n"


def test_over_the_limit_is_skipped() -> None:
    text = BASE + "x" * (1_048_577 - len(BASE))
    (f,) = run(text, "AG020")
    assert spanned(text, f) == "---" and "1,048,577 bytes" in f.message
    assert f.message.startswith("Claude Code will not load this agent:")
    assert f.severity is Severity.ERROR and f.effect is Effect.SKIP
    (f,) = run(text, "AG020", "claude-skill", "skills/x/SKILL.md")
    assert f.message.startswith("Claude Code will not load this skill:")


def test_exactly_the_limit_loads_and_multibyte_counts_bytes() -> None:
    assert run(BASE + "x" * (1_048_576 - len(BASE)), "AG020") == []
    text = BASE + "é" * ((1_048_577 - len(BASE)) // 2 + 1)  # under 1 Mi characters
    assert len(text) < 1_048_576
    assert len(run(text, "AG020")) == 1


def test_from_bytes() -> None:
    data = (BASE + "x" * (1_048_577 - len(BASE))).encode()
    _, findings = check_bytes(data, "x.md", "claude-agent")
    assert [f.code for f in findings] == ["AG020"]


def test_configured_cap() -> None:
    small = Settings(max_file_size=10)
    _, findings = check_text(BASE, "x.md", "claude-agent", small)
    (f,) = [f for f in findings if f.code == "AG020"]
    assert f.severity is Severity.WARNING and f.effect is None
    assert "agentls did not check this file" in f.message
    big = Settings(max_file_size=4_000_000)  # Claude Code's limit still holds
    text = BASE + "x" * 1_100_000
    _, findings = check_text(text, "x.md", "claude-agent", big)
    assert [f.effect for f in findings if f.code == "AG020"] == [Effect.SKIP]


def test_project_skills_have_a_lower_limit_of_one_million_bytes() -> None:
    head = b"---\ndescription: d\n---\n"
    for size, skipped in ((1_000_000, False), (1_000_001, True), (1_048_576, True)):
        data = head + b"x" * (size - len(head))
        _, found = check_bytes(data, "/ws/.claude/skills/x/SKILL.md", "claude-skill")
        mine = [f for f in found if f.code == "AG020"]
        assert bool(mine) is skipped, size
        if mine:
            assert mine[0].effect is Effect.SKIP and "over 1,000,000 bytes" in mine[0].message
        # Plugin skills keep the 1 MiB limit.
        _, found = check_bytes(data, "/p/skills/x/SKILL.md", "claude-skill")
        assert not [f for f in found if f.code == "AG020"], size
