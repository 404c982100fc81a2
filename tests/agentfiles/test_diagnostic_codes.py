"""The diagnostics registry holds every code the product emits, with what each one says
about itself, and agrees with the features that emit them."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import AGENTLS

from agentls import diagnostic_codes, rules
from agentls.agentindex.codes import WORKSPACE_CODES
from agentls.model import Severity
from agentls.patterns.detector_registry import detectors

SERVER = Path(diagnostic_codes.__file__).resolve().parent


def test_every_family_is_in_the_registry() -> None:
    codes = diagnostic_codes.all_codes()
    assert set(rules.all_rules()) <= set(codes)
    assert set(WORKSPACE_CODES) <= set(codes)
    smells = {d.id for d in detectors().values() if d.category == "smell"}
    assert smells == {c.code for c in codes.values() if c.kind == "smell"} == {"god_class", "layer_violation"}
    for c in codes.values():
        assert c.summary and c.slug and c.documentation.startswith(c.summary.split(":")[0][:20]), c.code
        assert diagnostic_codes.kind_of(c.code) == c.kind, c.code
        assert diagnostic_codes.get(c.code) == c
        assert c.doc_url.endswith(c.doc_page)
    assert diagnostic_codes.get("ag120") == codes["AG120"] and codes["AG120"].fixable
    assert diagnostic_codes.get("AG999") is None and diagnostic_codes.get("nope!") is None


def test_rule_entries_mirror_the_rules() -> None:
    codes = diagnostic_codes.all_codes(("rule",))
    for code, rule in rules.all_rules().items():
        entry = codes[code]
        assert (entry.slug, entry.severity, entry.fixable, entry.summary) == \
            (rule.slug, rule.severity, rule.fixable, rule.summary())


def test_every_code_emitted_in_the_source_is_registered() -> None:
    # Any "AG123" / "AGW123" literal the server's modules write is a code the registry knows.
    known = set(diagnostic_codes.all_codes(("rule", "workspace")))
    written = set()
    for path in SERVER.rglob("*.py"):
        written |= set(re.findall(r'"(AGW?\d{3})"', path.read_text(encoding="utf-8")))
    assert written and written <= known, sorted(written - known)


def test_the_sources_are_the_ones_the_server_sends() -> None:
    from agentls.lsp import agent_editing, agent_files, patterns_features

    # The features take their source from the registry; these are the names clients see
    # (end-to-end tests in tests/lsp and tests/patterns assert them on real diagnostics).
    assert (agent_files.SOURCE, agent_editing.SOURCE, patterns_features.SOURCE) == \
        ("agentls", "agentls-workspace", "agentls.patterns")
    assert [diagnostic_codes.SOURCES[k] for k in diagnostic_codes.KINDS] == \
        [agent_files.SOURCE, agent_editing.SOURCE, patterns_features.SOURCE]
    smell = diagnostic_codes.get("god_class")
    assert smell is not None and smell.severity is Severity.INFO and not smell.fixable


def test_explain_covers_every_family() -> None:
    import subprocess

    def explain(code: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*AGENTLS, "explain", code],
                              capture_output=True, text=True, timeout=60)

    assert explain("AGW002").stdout.startswith("# AGW002 `unknown-skill`")
    assert "- Fix: yes" in explain("ag120").stdout
    assert "## How it is detected" in explain("god_class").stdout
    missing = explain("AG999")
    assert missing.returncode == 2 and "no rule 'AG999'" in missing.stderr


def test_sarif_describes_workspace_codes_from_the_registry(tmp_path: Path) -> None:
    import json
    import subprocess
    import sys

    agent = tmp_path / ".claude" / "agents" / "a.md"
    agent.parent.mkdir(parents=True)
    agent.write_text("---\nname: a\ndescription: d\nskills: [nope]\ntools: Read, grep\n---\nB\n")
    r = subprocess.run([sys.executable, "-m", "agentls", "check", "--format", "sarif"], cwd=tmp_path,
                       capture_output=True, text=True, timeout=60)
    described = {e["id"]: e for e in json.loads(r.stdout)["runs"][0]["tool"]["driver"]["rules"]}
    assert {"AGW002", "AG120"} <= set(described), r.stdout[:500]
    for code in ("AGW002", "AG120"):
        entry = diagnostic_codes.get(code)
        assert entry is not None
        assert described[code]["name"] == entry.slug
        assert described[code]["shortDescription"]["text"] == entry.summary
        assert described[code]["helpUri"] == entry.doc_url
