from __future__ import annotations

import re
from collections.abc import Iterator

from agentls.model import Finding, Severity
from agentls.rules._values import nfkc_colons, utf16_len
from agentls.rules.base import CLAUDE_AGENTS, CheckContext, Example, Rule

_STYLE = re.compile(r"[a-z0-9-]+\Z")


class NameStyle(Rule):
    """The `name` is not written in lowercase letters, digits and hyphens.

    ## What it does
    Reports a `name` with uppercase letters, underscores, spaces (a trailing space too),
    slashes or other characters.

    ## Why is this bad?
    Claude Code loads such a name exactly as written, so `My Agent ` (with its space) is
    the agent type you have to use. The documentation asks for lowercase letters and
    hyphens; names in that form are easy to type, to mention and to match.

    ## Example
    ```yaml
    name: Code_Reviewer
    ```
    Write `name: code-reviewer`.
    """

    code = "AG105"
    slug = "name-style"
    severity = Severity.INFO
    dialects = CLAUDE_AGENTS
    keys = frozenset({"name"})
    examples_bad = (
        Example("---\nname: MyAgent\ndescription: d\n---\nBody\n"),
        Example('---\nname: "a "\ndescription: d\n---\nBody\n'),
    )
    examples_good = (Example("---\nname: code-reviewer-2\ndescription: d\n---\nBody\n"),)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        pair = ctx.doc.pair("name")
        if pair is None or not isinstance(pair[1].value, str) or not pair[1].value:
            return
        name = pair[1].value
        if _STYLE.match(name):
            return
        if ctx.dialect == "claude-agent" and (
                name.startswith("-") or nfkc_colons(name) or utf16_len(name) > 256):
            return  # skipped anyway: AG102-AG104 say why
        yield ctx.finding(
            ctx.node_span(pair[1]),
            f"`name` {name!r} loads as written ({_what(name)}); the docs ask for lowercase "
            "letters and hyphens")


def _what(name: str) -> str:
    found: list[str] = []
    if any(c.isupper() for c in name):
        found.append("uppercase letters")
    if "_" in name:
        found.append("underscores")
    if name != name.strip():
        found.append("leading or trailing spaces")
    elif any(c.isspace() for c in name):
        found.append("spaces")
    others = sorted({c for c in name if not (c.isalnum() or c in "-_" or c.isspace())})
    if others:
        found.append("the characters " + " ".join(f"`{c}`" for c in others[:5]))
    if not found:
        found.append("characters other than a-z, 0-9 and `-`")
    return ", ".join(found)
