from __future__ import annotations

import re
from collections.abc import Iterator

from agentls.frontmatter.yamlnodes import Alias
from agentls.model import Effect, Finding, Severity
from agentls.rules._fields import is_int, show, value_node
from agentls.rules.base import CLAUDE_AGENTS, CheckContext, Example, Rule

MINIMUM = 100_000
_DIGITS = re.compile(r"\s*[0-9]+\s*\Z")


class AutoCompactWindow(Rule):
    """`autoCompactWindow` is not an integer of at least 100000, so it is ignored.

    ## What it does
    Reports an `autoCompactWindow` (the context size, in tokens, at which the agent's
    conversation is compacted) that is not a whole number or is below 100000.

    ## Why is this bad?
    The field is known to Claude Code's loader though not documented; an invalid value is
    dropped with a debug-log warning and the default window applies.

    ## Example
    ```yaml
    autoCompactWindow: 50000
    ```
    Use at least `100000`, or remove the line.
    """

    code = "AG153"
    slug = "auto-compact-window"
    severity = Severity.WARNING
    effect = Effect.CHANGED
    dialects = CLAUDE_AGENTS
    keys = frozenset({"autoCompactWindow"})
    examples_bad = (Example("---\nname: a\ndescription: d\nautoCompactWindow: 5000\n---\nB\n"),)
    examples_good = (Example("---\nname: a\ndescription: d\nautoCompactWindow: 200000\n---\nB\n"),)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        node = value_node(ctx, "autoCompactWindow")
        if node is None or isinstance(node, Alias) or node.value is None:
            return
        value = node.value
        if isinstance(value, str) and _DIGITS.match(value):
            value = int(value)
        if is_int(value) and value >= MINIMUM:
            return
        yield ctx.finding(ctx.node_span(node), f"`autoCompactWindow` is {show(node, ctx)}, not"
                          f" an integer ≥ {MINIMUM}: ignored, the default window applies")
