from __future__ import annotations

import re
from collections.abc import Iterator

from agentls.frontmatter.yamlnodes import Alias
from agentls.model import Effect, Finding, Severity
from agentls.rules._fields import is_int, kind, show, value_node
from agentls.rules.base import CLAUDE_AGENTS, CheckContext, Example, Rule

_DIGITS = re.compile(r"\s*\+?[0-9]+\s*\Z")


class InvalidMaxTurns(Rule):
    """`maxTurns` is not a positive integer, so Claude Code ignores it.

    ## What it does
    Accepts positive integers, also written as a string (`"5"`); reports zero, negative
    numbers, fractions, words and other types.

    ## Why is this bad?
    Claude Code ignores an invalid `maxTurns` (with a debug-log warning): the agent runs
    with no turn limit of its own, which is rarely what a limit was written for.

    ## Example
    ```yaml
    maxTurns: many
    ```
    Write a number: `maxTurns: 20`.
    """

    code = "AG145"
    slug = "invalid-max-turns"
    severity = Severity.WARNING
    effect = Effect.CHANGED
    dialects = CLAUDE_AGENTS
    keys = frozenset({"maxTurns"})
    examples_bad = (Example("---\nname: a\ndescription: d\nmaxTurns: 0\n---\nBody\n"),
                    Example("---\nname: a\ndescription: d\nmaxTurns: many\n---\nBody\n"))
    examples_good = (Example('---\nname: a\ndescription: d\nmaxTurns: "5"\n---\nBody\n'),)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        node = value_node(ctx, "maxTurns")
        if node is None or isinstance(node, Alias) or node.value is None:
            return
        value = node.value
        if is_int(value) and value > 0:
            return
        if isinstance(value, str) and _DIGITS.match(value) and int(value) > 0:
            return
        what = "not positive" if is_int(value) else kind(value)
        if isinstance(value, str):
            what = "not a whole number"
        yield ctx.finding(
            ctx.node_span(node),
            f"`maxTurns` is {what} ({show(node, ctx)}): ignored, the agent has no turn limit",
        )
