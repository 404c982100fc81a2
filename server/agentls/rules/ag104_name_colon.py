from __future__ import annotations

from collections.abc import Iterator

from agentls.model import Effect, Finding, Severity
from agentls.rules._fields import sub_span
from agentls.rules._values import nfkc_colons
from agentls.rules.base import CheckContext, Example, Rule


class NameColon(Rule):
    """The subagent's `name` contains `:` (or a character that normalises to it, like `：`).

    ## What it does
    Reports a subagent `name` holding a colon after Unicode NFKC normalisation: `a:b`,
    the fullwidth `a：b`, or a time-like `12:30` (a string in YAML 1.2).

    ## Why is this bad?
    Since v2.1.218 Claude Code reserves `:` for plugin namespacing (`my-plugin:reviewer`)
    and skips a subagent whose name contains one. In a plugin agent the colon simply becomes
    part of the namespaced id.

    ## Example
    ```yaml
    name: review:security
    ```
    Write `name: review-security`.
    """

    code = "AG104"
    slug = "name-colon"
    severity = Severity.ERROR
    effect = Effect.SKIP
    dialects = frozenset({"claude-agent"})
    keys = frozenset({"name"})
    examples_bad = (
        Example('---\nname: "a:b"\ndescription: d\n---\nBody\n'),
        Example("---\nname: a：b\ndescription: d\n---\nBody\n"),
    )
    examples_good = (Example("---\nname: a-b\ndescription: d\n---\nBody\n"),)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        pair = ctx.doc.pair("name")
        if pair is None or not isinstance(pair[1].value, str):
            return
        name = pair[1].value
        colons = nfkc_colons(name)
        if not colons:
            return
        first = colons[0]
        char = name[first]
        which = "`:`" if char == ":" else f"`{char}` (U+{ord(char):04X}, which normalises to `:`)"
        yield ctx.finding(
            sub_span(ctx, pair[1], first, first + 1),
            f"{ctx.skip_prefix()}: `name` contains {which}, which is reserved for plugin "
            "namespacing")
