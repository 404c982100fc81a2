"""The pages of ``docs/rules/``, generated from the diagnostics registry
(``agentls.diagnostic_codes``): a page per rule and workspace check, from its own docstring
and examples, and an index of every code the product emits, smells included.

``python -m agentls.render.ruledocs docs/rules`` rewrites ``docs/rules/``; a test checks the
committed pages are what this produces, so the docs cannot drift from the code.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from agentls import rules
from agentls.diagnostic_codes import DiagnosticCode, Kind, all_codes
from agentls.knowledge.dialects import title
from agentls.rules.base import Example


def page(entry: DiagnosticCode) -> str:
    """The page of a rule (``AG…``) or a workspace check (``AGW…``)."""
    summary, _, rest = entry.documentation.partition("\n")
    lines = [
        f"# {entry.code} `{entry.slug}`",
        "",
        f"{summary.strip()}",
        "",
        f"- Default severity: **{entry.severity.label}**",
        f"- Applies to: {entry.applies}",
    ]
    if entry.kind == "rule":
        lines.append(f"- Fix: {'yes' if entry.fixable else 'no'}")
    lines += ["", rest.strip(), ""]
    rule = rules.get(entry.code) if entry.kind == "rule" else None
    if rule is not None:
        lines += _examples(rule.examples_bad[:2], rule.examples_good[:2])
    lines += ["Suppress it on one line with `# agentls: disable=" + entry.code + "` (on that line "
              "or the line above) or for the file with `# agentls: disable-file=" + entry.code
              + "`.", ""]
    return "\n".join(lines).replace("\r", "\\r")


def _examples(bad: tuple[Example, ...], good: tuple[Example, ...]) -> list[str]:
    lines = []
    if bad:
        lines += ["## Reported", ""]
        for ex in bad:
            lines += [f"As a {title(ex.dialect)}:", "", "```markdown", _shown(ex.text), "```", ""]
            if ex.fixed is not None:
                lines += ["Fixed:", "", "```markdown", _shown(ex.fixed), "```", ""]
    if good:
        lines += ["## Not reported", ""]
        for ex in good:
            lines += ["```markdown", _shown(ex.text), "```", ""]
    return lines


_LONG_RUN = re.compile(r"(.)\1{79,}", re.S)
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")


def _shown(text: str) -> str:
    """An example as a page shows it: long runs of one character shortened (the size
    examples are a megabyte), NUL and lone surrogates written as escapes."""
    text = _LONG_RUN.sub(lambda m: m.group(1) * 20 + f"… ({len(m.group()):,} times)", text)
    text = _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape", "backslashreplace")
                            .decode("ascii"), text)
    return text.rstrip("\n")


# The index's three tables: heading, introduction, and the columns after the code.
_SECTIONS: tuple[tuple[Kind, str, str, tuple[str, ...]], ...] = (
    ("rule", "# Rules", "", ("Name", "Severity", "Fix", "Summary")),
    ("workspace", "## Workspace checks",
     "These look at every agent, skill and command file of the workspace together; the "
     "language server reports them (source `agentls-workspace`).", ("Name", "Severity", "Summary")),
    ("smell", "## Python smells",
     "The patterns engine reports these in Python files (source `agentls.patterns`, the "
     "code is the smell's id); `agentls patterns --fail-on-smells` fails on them.",
     ("Severity", "Summary")),
)


def _cell(c: DiagnosticCode, column: str) -> str:
    if column == "Name":
        return f"`{c.slug}`"
    if column == "Severity":
        return c.severity.label
    return ("yes" if c.fixable else "") if column == "Fix" else c.summary


def index() -> str:
    codes = all_codes()
    lines: list[str] = []
    for kind, heading, intro, columns in _SECTIONS:
        lines += [*([""] if lines else []), heading, "", *([intro, ""] if intro else []),
                  "| Code | " + " | ".join(columns) + " |", "|---" * (len(columns) + 1) + "|"]
        for c in (c for c in codes.values() if c.kind == kind):
            link = f"[{c.code}]({c.code}.md)" if kind != "smell" else f"[`{c.code}`](../{c.doc_page})"
            lines.append(f"| {link} | " + " | ".join(_cell(c, col) for col in columns) + " |")
    return "\n".join(lines) + "\n"


def generate() -> dict[str, str]:
    """``docs/rules/``: a page per rule and workspace check (a smell's page is
    ``docs/patterns/<id>.md``), and the index of every code."""
    pages = {f"{code}.md": page(c) for code, c in all_codes(("rule", "workspace")).items()}
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
