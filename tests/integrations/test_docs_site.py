"""The docs site: `mkdocs build --strict` (Material theme) over docs/ builds without a warning,
with a getting-started page per editor and the VS Code screenshots."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.integrations.helpers import ROOT


def test_mkdocs_build_strict(tmp_path: Path) -> None:
    mkdocs = Path(sys.executable).parent / "mkdocs"
    assert mkdocs.exists(), "mkdocs is not installed: pip install -e '.[test]'"
    site = tmp_path / "site"
    built = subprocess.run([str(mkdocs), "build", "--strict", "--site-dir", str(site)], cwd=ROOT,
                           capture_output=True, text=True, timeout=300, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    for editor in ("vscode", "neovim", "emacs", "vim"):
        assert (site / "getting-started" / editor / "index.html").exists(), editor
    vscode = (site / "getting-started" / "vscode" / "index.html").read_text(encoding="utf-8")
    images = list((site / "images").glob("vscode-*.png"))
    assert len(images) >= 3 and all(p.name in vscode for p in images)
    # links that leave docs/ point at the repository (scripts/mkdocs_hooks.py)
    agent_files = (site / "agent-files" / "index.html").read_text(encoding="utf-8")
    assert "https://github.com/agentls/agentls/blob/main/editors/README.md" in agent_files
    assert (site / "rules" / "AG100" / "index.html").exists() and (site / "search" / "search_index.json").exists()
