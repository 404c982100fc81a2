"""QA: verdicts, ranges and fixes of `agentls check` on real-world agent files."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from tests.conftest import AGENTLS

from agentls.engine import check_text

AGENT = ".claude/agents/x.md"


def _findings(text: str, dialect: str = "claude-agent") -> list[tuple[str, str, str]]:
    doc, findings = check_text(text, AGENT, dialect)
    return [(f.code, doc.text[f.span.start:f.span.end], f.message) for f in findings]


def test_unterminated_quote_is_reported_at_the_quote_not_at_the_last_key() -> None:
    text = ('---\nname: reviewer\ndescription: "Reviews code\nmodel: sonnet\ncolor: blue\n'
            'tools: Read, Grep\n---\nBody\n')
    ((code, covered, message),) = _findings(text)
    assert code == "AG003"
    assert covered == '"'
    assert "column 14" in message and "never closed" in message


def test_sarif_artifact_uris_are_uri_references(tmp_path: Path) -> None:
    agents = tmp_path / ".claude" / "agents"
    agents.mkdir(parents=True)
    (agents / "My Agent, 100%.md").write_text("---\nname: a\ndescription: d\ncolor: Red\n---\nB\n")
    (agents / "other.md").write_text("---\nname: b\ndescription: d\ncolor: Red\n---\nB\n")
    r = subprocess.run([*AGENTLS, "check", "--format", "sarif",
                        ".claude/agents/My Agent, 100%.md", str(agents / "other.md")],
                       cwd=tmp_path, capture_output=True, text=True, timeout=60)
    results = json.loads(r.stdout)["runs"][0]["results"]
    uris = sorted(loc["physicalLocation"]["artifactLocation"]["uri"]
                  for res in results for loc in res["locations"])
    assert uris == [".claude/agents/My%20Agent%2C%20100%25.md", (agents / "other.md").as_uri()]
    fixes = [c["artifactLocation"]["uri"] for res in results for fx in res.get("fixes", [])
             for c in fx["artifactChanges"]]
    assert ".claude/agents/My%20Agent%2C%20100%25.md" in fixes


def test_a_select_that_matches_no_rule_is_reported(tmp_path: Path) -> None:
    agents = tmp_path / ".claude" / "agents"
    agents.mkdir(parents=True)
    (agents / "a.md").write_text("---\nname: a\ndescription: d\ncolor: Red\n---\nB\n")
    r = subprocess.run([*AGENTLS, "check", "--select", "AG411,AG14",
                        "--ignore", "AGW001"], cwd=tmp_path, capture_output=True, text=True,
                       timeout=60)
    assert "'AG411' matches no rule code" in r.stderr
    assert "AG14'" not in r.stderr and "AGW001" not in r.stderr  # prefixes and AGW codes exist
    assert "AG141" in r.stdout


def test_separator_inside_a_quoted_value_is_one_error_not_two() -> None:
    text = '---\nname: a\ndescription: "Reviews code --- carefully"\ntools: Read\n---\nBody\n'
    found = _findings(text)
    assert [code for code, _, _ in found] == ["AG007"]
    assert found[0][2].startswith("Claude Code will not load this agent")


def test_an_earlier_broken_quote_is_still_reported_beside_a_separator() -> None:
    text = '---\nname: a\ndescription: "oops\nmodel: sonnet\ncolor: x --- y\n---\nBody\n'
    assert {code for code, _, _ in _findings(text)} == {"AG003", "AG007"}
