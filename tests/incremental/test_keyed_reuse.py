"""Rules that declare ``keys`` are not run again while an edit leaves their entries alone;
their findings are moved instead (an editor session's ``EditCache``). Whatever the edits, the
result must equal a fresh check."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from agentls import keyed, rules
from agentls.edit_cache import EditCache
from agentls.engine import check_document, check_text
from agentls.frontmatter.document import load_text
from agentls.model import Finding
from agentls.settings import Settings

# A ~6 KB subagent as Claude Code's generator writes them (bench/lsp_latency.py's agent_file(1)).
AGENTS = Path(__file__).resolve().parents[1] / "fixtures" / "agents"

PATHS = {"claude-agent": "/ws/.claude/agents/x.md", "claude-plugin-agent": "/ws/p/agents/x.md",
         "claude-skill": "/ws/.claude/skills/my-skill/SKILL.md",
         "claude-command": "/ws/.claude/commands/x.md"}


def _corpus() -> list[tuple[str, str]]:
    out = [((AGENTS / name).read_text(), "claude-agent") for name in ("reviewer.md", "reviewer_quoted.md")]
    for rule in rules.all_rules().values():
        for ex in (*rule.examples_bad, *rule.examples_good):
            out.append((ex.text, ex.dialect))
    return out


def _lines() -> list[str]:
    pool = {line for text, _ in _corpus() for line in text.split("\n")[:12]
            if line != "---" and len(line) < 300 and _plain(line)}
    return [*sorted(pool), "model: gpt-4", "tools: Read, Grpe, MultiEdit", "color: mauve",
            "name: Bad:Name", "description: x <example>", "anchor: &a x", "other: *a"]


def _plain(text: str) -> bool:
    return "\x00" not in text and not any("\ud800" <= c <= "\udfff" for c in text)


def _edit(rng: random.Random, text: str, pool: list[str]) -> str:
    lines = text.split("\n")
    at = rng.randrange(len(lines))
    op = rng.randrange(5)
    if op == 0:
        lines[at] = rng.choice(pool)
    elif op == 1:
        lines.insert(at, rng.choice(pool))
    elif op == 2 and len(lines) > 1:
        del lines[at]
    elif op == 3:
        line = lines[at]
        cut = rng.randrange(len(line) + 1)
        lines[at] = line[:cut] + rng.choice("ab :,-#\"'[]x") + line[cut:]
    else:
        lines.append(rng.choice(pool))
    return "\n".join(lines)


def _shown(findings: list[Finding]) -> list[object]:
    return [(f.code, f.span, f.message, f.severity, f.fix, f.related, f.effect) for f in findings]


@pytest.mark.parametrize("seed", range(8))
def test_reused_findings_equal_a_fresh_check(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    reused = []
    real_moved = keyed.moved

    def counting(findings: list[Finding], region: keyed.Region) -> list[Finding] | None:
        out = real_moved(findings, region)
        reused.append(out is not None)
        return out

    monkeypatch.setattr(keyed, "moved", counting)
    rng = random.Random(seed)
    pool = _lines()
    settings = Settings()
    cache = EditCache()
    for text, dialect in _corpus():
        if dialect not in PATHS or not _plain(text) or len(text) > 100_000:
            continue  # binary, undecodable and huge files are not parsed: nothing to reuse
        path = PATHS[dialect]
        for _ in range(6):
            text = _edit(rng, text, pool)
            _, got = check_text(text, path, dialect, settings, cache)
            doc = load_text(text, path, dialect)
            doc.byte_size = len(text.encode("utf-8", errors="surrogatepass"))
            fresh = check_document(doc, Settings())  # no cache
            assert _shown(got) == _shown(fresh), text[:400]
    assert sum(reused) > 10  # findings were moved, not found again, many times


def test_an_edit_to_another_key_reuses_and_moves_the_findings() -> None:
    settings = Settings()
    path = "/ws/.claude/agents/moved.md"
    before = "---\nname: a\ndescription: d\ncolor: mauve\nmodel: gpt-4\n---\nBody\n"
    after = before.replace("name: a", "name: abc")
    cache = EditCache()
    check_text(before, path, "claude-agent", settings, cache)
    _, got = check_text(after, path, "claude-agent", settings, cache)
    codes = {f.code: f.span for f in got}
    assert after[codes["AG141"].start:codes["AG141"].end] == "mauve"
    assert after[codes["AG130"].start:codes["AG130"].end] == "gpt-4"


def test_changed_region() -> None:
    assert keyed.changed_region("abcdef", "abXYdef") == keyed.Region(2, 3, 4)
    assert keyed.changed_region("aaaa", "aaaaa") == keyed.Region(4, 4, 5)
    assert keyed.changed_region("same", "same") == keyed.Region(4, 4, 4)
    assert keyed.changed_region("", "new") == keyed.Region(0, 0, 3)
