"""`agentls check` (a subprocess, default paths) on every skill and command probe of
Claude Code 2.1.332 (``skill_command_probes.py``): each file Claude Code never loads gets an
error, none that it loads does, and the files it loads as written get no warning beyond the
few listed here with the reason."""

from __future__ import annotations

import json
import subprocess
from collections import defaultdict
from typing import Any

import pytest
from tests.agentfiles.skill_command_probes import CHANGED, FAILS, LOADS, PROBES, Probe
from tests.conftest import AGENTLS

# Files Claude Code loads as written that still get a warning, on purpose: the warning is
# about something else than loading in Claude Code.
WARNED: dict[str, tuple[str, str]] = {
    "s03": ("AG005", "strict YAML parsers reject it, and with CRLF endings Claude Code does too"),
    "s38": ("AG005", "the same: the frontmatter only loads through the lenient retry"),
    "s22": ("AG113", "the model's skill listing cuts a description at 1,536 characters"),
    "s40": ("AG022", "an invalid byte is loaded as U+FFFD"),
    "c22": ("AG130", "an unknown model loads, then fails at the API"),
}


@pytest.fixture(scope="module")
def found(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[dict[str, Any]]]:
    root = tmp_path_factory.mktemp("probes")
    for probe in PROBES:
        probe.write(root)
    r = subprocess.run([*AGENTLS, "check", "--format", "json",
                        "--fail-on", "never"], cwd=root, text=True, capture_output=True, timeout=120)
    assert r.returncode == 0, r.stderr
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for item in json.loads(r.stdout):
        out[item["path"]].append(item)
    return out


@pytest.mark.parametrize("probe", PROBES, ids=[p.id for p in PROBES])
def test_probe(probe: Probe, found: dict[str, list[dict[str, Any]]]) -> None:
    items = found.get(probe.rel, [])
    errors = [i["code"] for i in items if i["severity"] == "error"]
    warnings = [i["code"] for i in items if i["severity"] == "warning"]
    if probe.verdict == FAILS:
        assert errors, f"{probe.id} ({probe.what}) is never loaded, but has no error: {items}"
    else:
        assert not errors, f"{probe.id} ({probe.what}) loads, but: {errors}"
    if probe.verdict == LOADS:
        expected = [WARNED[probe.id][0]] if probe.id in WARNED else []
        assert warnings == expected, f"{probe.id} ({probe.what}) loads as written: {items}"
    if probe.verdict == CHANGED and probe.id not in ("s26", "s49", "s20", "s31"):
        # Loaded with changes: something says what changed (the files with no frontmatter
        # block and the empty or list descriptions say it at information level).
        assert warnings, f"{probe.id} ({probe.what}) loads changed, and nothing says so"


def test_messages_name_the_reason(found: dict[str, list[dict[str, Any]]]) -> None:
    def message(rel: str, code: str) -> str:
        (item,) = [i for i in found[rel] if i["code"] == code]
        return str(item["message"])

    assert "`skill.md` is never found" in message(".claude/skills/s16/skill.md", "AG024")
    assert "1,000,001 bytes" in message(".claude/skills/s47/SKILL.md", "AG020")
    assert "1,000,000 bytes" in message(".claude/skills/s15/SKILL.md", "AG020")
    assert "trailing space" in message(".claude/skills/s17 /SKILL.md", "AG025")
    assert "two spaces" in message(".claude/commands/c  09.md", "AG025")
    assert "reserved" in message(".claude/skills/anthropic-skills/SKILL.md", "AG026")
    assert "lower-case `.md`" in message(".claude/commands/c07.MD", "AG023")
    assert "the first body line, 'S02 heading from body'" in message(".claude/skills/s02/SKILL.md", "AG003")
    assert "conditional" in message(".claude/skills/s10/SKILL.md", "AG190")
    assert "ignored in commands" in message(".claude/commands/c20.md", "AG190")
    assert "slash command `Fancy Display`" in message(".claude/skills/s06/SKILL.md", "AG106")
    assert not [i for i in found.get(".claude/skills/s50/SKILL.md", []) if i["code"] == "AG190"]
