"""python-frontmatter as the strict reader: a safe fix makes a file loadable by strict parsers.

Every rule example that python-frontmatter (PyYAML's safe loader, as Cursor, Copilot and
GitHub's renderer are strict) refuses and that `agentls check --fix` changes must load after
the fix, with the same keys.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import frontmatter

from agentls import rules

AGENTLS = str(Path(sys.executable).parent / "agentls")


def strict(text: str) -> dict[str, object] | None:
    try:
        return dict(frontmatter.loads(text).metadata)
    except Exception:
        return None


def test_safe_fixes_make_strictly_unreadable_examples_loadable(tmp_path: Path) -> None:
    fixed: list[str] = []
    for rule in rules.all_rules().values():
        for i, example in enumerate(rule.examples_bad):
            try:
                data = example.text.encode("utf-8")
            except UnicodeEncodeError:
                continue  # the undecodable-bytes examples: no YAML to speak of
            if strict(example.text) is not None:
                continue
            folder = tmp_path / f"{rule.code}-{i}" / ".claude" / "agents"
            folder.mkdir(parents=True)
            path = folder / "x.md"
            path.write_bytes(data)
            subprocess.run([AGENTLS, "check", "--fix", "--dialect", example.dialect, "--no-workspace",
                            "--fail-on", "never", str(path)], capture_output=True, text=True, check=True)
            after = path.read_text(encoding="utf-8")
            if after == example.text:
                continue  # no safe fix: the file is left as it was
            loaded = strict(after)
            assert loaded is not None, f"{rule.code} example {i}: still unreadable after --fix:\n{after}"
            assert loaded.get("name") or loaded.get("description") or loaded.get("applyTo"), (rule.code, loaded)
            fixed.append(rule.code)
    assert {"AG004", "AG005", "AG006"} <= set(fixed), fixed
