"""``agentls check --format json|sarif`` writes exactly what ``json.dumps(indent=2)`` would
(the CLI has its own faster writer), non-ASCII text and nested fixes included."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from tests.conftest import AGENTLS


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_output_is_json_dumps_text(tmp_path: Path, fmt: str) -> None:
    agents = tmp_path / ".claude" / "agents"
    agents.mkdir(parents=True)
    (agents / "café.md").write_text(
        "---\nname: café\ndescription: Use when: reviewing « code » ☕\ncolor: magenta\n"
        "tools: Read, Frobnicate\n---\nBody \u2028 with a line separator\n", encoding="utf-8")
    (agents / "plain.md").write_text("no frontmatter\n", encoding="utf-8")
    r = subprocess.run([*AGENTLS, "check", "--format", fmt],
                       cwd=tmp_path, capture_output=True, timeout=60)
    text = r.stdout.decode("utf-8")
    data = json.loads(text)
    assert data  # findings (or a SARIF log) to write
    assert text == json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    if fmt == "json":
        assert any("fix" in item for item in data)  # nested objects and lists went through it
