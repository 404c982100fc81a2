"""The VS Code extension's agent-file globs, generated from ``knowledge.dialects``: the
``workspaceContains`` activation events of ``editors/vscode/package.json`` and ``AGENT_GLOBS``
(the document selector) in ``editors/vscode/src/settings.ts``. ``tests/editors/test_drift.py``
fails when either is stale; it also checks the Emacs, Neovim and Vim integrations against the
same globs.

    python -m agentls.render.editor_globs        # rewrite both
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from agentls.knowledge.dialects import activation_globs, editor_globs

ROOT = Path(__file__).resolve().parents[3]
PACKAGE = ROOT / "editors" / "vscode" / "package.json"
SETTINGS_TS = ROOT / "editors" / "vscode" / "src" / "settings.ts"

_EVENTS = re.compile(r'("activationEvents": \[\n)(.*?)(\n  \])', re.S)
_SELECTOR = re.compile(r"(export const AGENT_GLOBS = \[\n)(.*?)(\n\];)", re.S)


def package_json(text: str) -> str:
    """package.json's text with one ``workspaceContains`` event per activation glob, after the
    ``onLanguage`` events as they are."""
    match = _EVENTS.search(text)
    if match is None:
        raise ValueError("package.json has no activationEvents array")
    kept = [line for line in match.group(2).split("\n") if '"workspaceContains:' not in line]
    events = [line.rstrip(",") for line in kept if line.strip()]
    events += [f'    "workspaceContains:**/{glob}"' for glob in activation_globs()]
    return text[:match.start(2)] + ",\n".join(events) + text[match.end(2):]


def settings_ts(text: str, width: int = 96) -> str:
    """settings.ts's text with ``AGENT_GLOBS`` holding every editor glob, wrapped at ``width``."""
    match = _SELECTOR.search(text)
    if match is None:
        raise ValueError("settings.ts has no AGENT_GLOBS array")
    lines: list[str] = []
    line = " "
    for item in (f"'**/{glob}'," for glob in editor_globs()):
        if len(line) + 1 + len(item) > width and line.strip():
            lines.append(line)
            line = " "
        line += " " + item
    lines.append(line)
    return text[:match.start(2)] + "\n".join(lines) + text[match.end(2):]


def main(argv: list[str] | None = None) -> int:
    PACKAGE.write_text(package_json(PACKAGE.read_text(encoding="utf-8")), encoding="utf-8")
    SETTINGS_TS.write_text(settings_ts(SETTINGS_TS.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"wrote {PACKAGE.relative_to(ROOT)} and {SETTINGS_TS.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
