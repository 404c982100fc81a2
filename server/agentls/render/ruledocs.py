"""Rule documentation pages, generated from each rule's own docstring.

``python -m agentls.render.ruledocs docs/rules`` rewrites ``docs/rules/``; a test checks the
committed pages are what this produces, so the docs cannot drift from the code.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from agentls import rules
from agentls.agentindex.codes import WORKSPACE_CODES, WorkspaceCode
from agentls.knowledge.dialects import title
from agentls.rules.base import Rule


def page(rule: Rule) -> str:
    doc = rule.documentation()
    summary, _, rest = doc.partition("\n")
    applies = ("every dialect" if rule.dialects is None
               else ", ".join(sorted(title(d) for d in rule.dialects)))
    lines = [
        f"# {rule.code} `{rule.slug}`",
        "",
        f"{summary.strip()}",
        "",
        f"- Default severity: **{rule.severity.label}**",
        f"- Applies to: {applies}",
        f"- Fix: {'yes' if rule.fixable else 'no'}",
        "",
        rest.strip(),
        "",
    ]
    if rule.examples_bad:
        lines += ["## Reported", ""]
        for ex in rule.examples_bad[:2]:
            lines += [f"As a {title(ex.dialect)}:", "", "```markdown", _shown(ex.text),
                      "```", ""]
    if rule.examples_good:
        lines += ["## Not reported", ""]
        for ex in rule.examples_good[:2]:
            lines += ["```markdown", _shown(ex.text), "```", ""]
    lines += ["Suppress it on one line with `# agentls: disable=" + rule.code + "` (on that line "
              "or the line above) or for the file with `# agentls: disable-file=" + rule.code
              + "`.", ""]
    return "\n".join(lines).replace("\r", "\\r")


_LONG_RUN = re.compile(r"(.)\1{79,}", re.S)
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")


def _shown(text: str) -> str:
    """An example as a page shows it: long runs of one character shortened (the size
    examples are a megabyte), NUL and lone surrogates written as escapes."""
    text = _LONG_RUN.sub(lambda m: m.group(1) * 20 + f"… ({len(m.group()):,} times)", text)
    text = _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape", "backslashreplace")
                            .decode("ascii"), text)
    return text.rstrip("\n")


def index() -> str:
    lines = ["# Rules", "", "| Code | Name | Severity | Fix | Summary |", "|---|---|---|---|---|"]
    for rule in rules.all_rules().values():
        lines.append(f"| [{rule.code}]({rule.code}.md) | `{rule.slug}` | {rule.severity.label} | "
                     f"{'yes' if rule.fixable else ''} | {rule.summary()} |")
    lines += ["", "## Workspace checks", "",
              "These look at every agent, skill and command file of the workspace together; the "
              "language server reports them (source `agentls-workspace`).", "",
              "| Code | Name | Severity | Summary |", "|---|---|---|---|"]
    for code, check in WORKSPACE_CODES.items():
        lines.append(f"| [{code}]({code}.md) | `{check.slug}` | {check.severity.label} | "
                     f"{check.summary()} |")
    return "\n".join(lines) + "\n"


def workspace_page(check: WorkspaceCode) -> str:
    summary, _, rest = check.doc.partition("\n")
    return "\n".join([
        f"# {check.code} `{check.slug}`", "", summary.strip(), "",
        f"- Default severity: **{check.severity.label}**",
        "- Applies to: Claude Code agents, skills and commands, across the workspace (language server)",
        "", rest.strip(), "",
        "Suppress it on one line with `# agentls: disable=" + check.code + "` (on that line or the "
        "line above) or for the file with `# agentls: disable-file=" + check.code + "`.", ""])


def generate() -> dict[str, str]:
    pages = {f"{code}.md": page(rule) for code, rule in rules.all_rules().items()}
    pages.update({f"{code}.md": workspace_page(c) for code, c in WORKSPACE_CODES.items()})
    pages["index.md"] = index()
    return pages


def main(argv: list[str] | None = None) -> int:
    args = argv if argv is not None else sys.argv[1:]
    out = Path(args[0] if args else "docs/rules")
    out.mkdir(parents=True, exist_ok=True)
    pages = generate()
    for stale in out.glob("AG*.md"):  # AG… and AGW…
        if stale.name not in pages:
            stale.unlink()
    for name, text in pages.items():
        (out / name).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
