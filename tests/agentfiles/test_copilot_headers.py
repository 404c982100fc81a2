"""Copilot headers as VS Code 1.139 reads them: a table of headers with VS Code's verdict,
taken from its header parser (`vs/base/common/yaml.ts`: a tolerant scanner and parser that
collects errors instead of failing) and `promptFileParser.ts` (a header that is not a map
is "Invalid header, expecting <key: value> pairs").

* ``ok``: VS Code reads it, as written, without a word: agentls reports no error and no
  warning (information is allowed: strict YAML parsers may still reject it).
* ``changed``: VS Code reads it without a word, but not as written (the header ends early,
  or a quote swallows the keys below): no error, and a warning says what VS Code reads.
* ``complains``: VS Code's own parser reports an error: agentls reports a warning or an error.

The verdicts were first read from VS Code's code, then checked against VS Code's own squiggles
in code-server (test_copilot_headers_vscode.py), which corrected one: text after a complete
`[…]` list is an error there, not a silent end of the header.
"""

from __future__ import annotations

import pytest

from agentls.engine import check_text
from agentls.model import Severity

OK, CHANGED, COMPLAINS = "ok", "changed", "complains"
INS, PROMPT, AGENT = "copilot-instructions", "copilot-prompt", "copilot-agent"

CASES: list[tuple[str, str, str, str]] = [
    # (header lines, dialect, VS Code's verdict, why)
    ("applyTo: '**/*.py'", INS, OK, "quoted glob"),
    ("applyTo: **/*.py", INS, OK, "`*` is plain text: no aliases in VS Code's parser"),
    ("applyTo: *.py", INS, OK, "a value may start with `*`"),
    ("applyTo: **/*.ts,**/*.tsx", INS, OK, "commas are text outside [ ]"),
    ("applyTo: **/*.{ts,tsx}", INS, OK, "`{` inside a plain value is text"),
    ('applyTo: "**"', INS, OK, "double-quoted"),
    ("applyTo: '**'\ndescription: Python style", INS, OK, "two keys"),
    ("applyTo: src/**/*.py\nexcludeAgent: code-review", INS, OK, "excludeAgent"),
    ("description: Use @workspace to search", PROMPT, OK, "`@` inside a value"),
    ("description: @workspace search", PROMPT, OK, "`@` starts a plain value"),
    ("description: `make test` runner", PROMPT, OK, "a backquote starts a plain value"),
    ("description: run 100% of tests", PROMPT, OK, "`%` inside a value"),
    ("description: Review code # checks style", PROMPT, OK, "a comment is dropped"),
    ("description: It's a reviewer", AGENT, OK, "an apostrophe inside a value"),
    ("description: d\ntools: ['read', 'edit']", AGENT, OK, "flow list of quoted names"),
    ("description: d\ntools: [read, edit, search]", AGENT, OK, "flow list of plain names"),
    ("description: d\ntools:\n  - read\n  - edit", AGENT, OK, "block list"),
    ("description: d\ntools:\n\t- read", AGENT, OK, "a tab counts as indentation"),
    ("description: d\nmodel: GPT-4.1 (copilot)", AGENT, OK, "parentheses in a plain value"),
    ("description: d\nmodel: ['GPT-5 (copilot)', 'Claude Sonnet 4.5 (copilot)']", AGENT, OK,
     "a model fallback list"),
    ("description: >\n  folded\n  text", AGENT, OK, "folded block"),
    ("description: |\n  literal\n  text", AGENT, OK, "literal block"),
    ("name: Planner\ndescription: Plans the work", AGENT, OK, "name and description"),
    ("description: d\nmode: subagent\nhidden: true", AGENT, OK, "keys VS Code does not know"),
    ("title: Style\napplyTo: '**/*.py'", INS, OK, "a key VS Code does not know"),
    ("description: d\ntarget: vscode", AGENT, OK, "target"),
    ("name: x\ndescription: d\nargument-hint: '[file]'", PROMPT, OK, "quoted hint"),
    ("description: d\nagent: agent\nmodel: GPT-5 (copilot)", PROMPT, OK, "prompt file"),
    ("description: Use when: reviewing\napplyTo: '**/*.py'", INS, CHANGED,
     "the `: ` ends the header: description 'Use when', no applyTo"),
    ("description: Review this: now\nname: r", AGENT, CHANGED, "`: ` inside the value"),
    ("description: d\nargument-hint: [file] [line]\nagent: agent", PROMPT, COMPLAINS,
     "VS Code marks an error: text after a complete [ ] list"),
    ('description: "Reviews code\nname: r', AGENT, CHANGED,
     "an unclosed quote runs to the end of the header"),
    ('description: "Reviews: code\nname: r', AGENT, CHANGED, "the same, with a `: ` in it"),
    ("description: Examples:\napplyTo: '**'", INS, CHANGED, "a value ending in `:`"),
    ("description: d\ntools:\n  - read\n  # ---\n  - edit", AGENT, OK,
     "a `---` inside a line does not close the header (VS Code cuts by lines)"),
    ("description: uses --- as a separator", PROMPT, OK, "`---` inside a value"),
    ("description: d\n  name: r", AGENT, COMPLAINS, "Unexpected indentation"),
    ("- read\n- edit", AGENT, COMPLAINS, "Invalid header, expecting <key: value> pairs"),
    ("description: d\ndescription: e", AGENT, COMPLAINS, "Duplicate key"),
]


@pytest.mark.parametrize(("header", "dialect", "verdict", "why"), CASES,
                         ids=[f"{i:02}-{c[2]}" for i, c in enumerate(CASES)])
def test_vscode_verdict(header: str, dialect: str, verdict: str, why: str) -> None:
    text = f"---\n{header}\n---\nBody\n"
    for variant in (text, text.replace("\n", "\r\n")):
        _, findings = check_text(variant, "x.md", dialect)
        errors = [f for f in findings if f.severity is Severity.ERROR]
        warnings = [f for f in findings if f.severity is Severity.WARNING]
        shown = [(f.code, f.severity.label, f.message) for f in findings]
        if verdict == OK:
            assert not errors and not warnings, (why, shown)
        elif verdict == CHANGED:
            assert not errors, (why, shown)
            if variant is text:  # with CRLF agentls can only say that it checked no further
                assert warnings, (why, shown)
        else:
            assert errors or warnings, (why, shown)


def test_at_least_thirty_cases() -> None:
    assert len(CASES) >= 30


def test_what_vs_code_reads_is_named() -> None:
    text = "---\ndescription: Use when: reviewing\napplyTo: '**/*.py'\n---\nBody\n"
    (f,) = [f for f in check_text(text, "x.md", INS)[1] if f.code == "AG191"]
    assert "VS Code reads `description` as 'Use when'" in f.message and "`applyTo`" in f.message
    (rel,) = f.related
    assert text[rel.span.start:rel.span.end] == ":"
    assert f.fix is not None  # quoting, as for Claude Code's retry


def test_vscode_cuts_the_header_by_lines() -> None:
    # Claude Code would close this block at the `---` inside the comment; VS Code does not.
    text = "---\ndescription: d\ntools:\n  - read\n  # --- more\n  - edit\n---\nBody\n"
    doc, findings = check_text(text, "x.md", AGENT)
    assert doc.data["tools"] == ["read", "edit"] and doc.cut.body == "Body\n"
    assert not [f for f in findings if f.severity >= Severity.WARNING]
    # No closing line: the header runs to the end of the file, as in VS Code.
    doc, _ = check_text("---\ndescription: d\n", "x.md", INS)
    assert doc.data == {"description": "d"}
