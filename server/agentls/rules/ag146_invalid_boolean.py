from __future__ import annotations

from collections.abc import Iterator

from agentls.frontmatter.yamlnodes import Alias
from agentls.knowledge.claude_code import AGENT_BOOLEANS
from agentls.model import Effect, Finding, Severity
from agentls.rules._fields import show
from agentls.rules.base import CLAUDE_AGENTS, CheckContext, Example, Rule

_YAML11_TRUE = frozenset({"yes", "y", "on", "1"})


class InvalidBoolean(Rule):
    """`background` or `omitClaudeMd` holds a value Claude Code does not read as true.

    ## What it does
    Accepts `true` and `false` (and the strings `"true"`, `"false"`); reports anything else,
    such as `yes`, `on`, `1` or `True` in quotes.

    ## Why is this bad?
    These switches are on only for `true` or `"true"`. Claude Code reads YAML 1.2, where
    `yes` and `on` are plain strings, not booleans (YAML 1.1 parsers such as PyYAML say
    otherwise), so `background: yes` is ignored and the switch stays off.

    ## Example
    ```yaml
    background: yes
    ```
    Write `background: true`.
    """

    code = "AG146"
    slug = "invalid-boolean"
    severity = Severity.WARNING
    effect = Effect.CHANGED
    dialects = CLAUDE_AGENTS
    keys = frozenset(AGENT_BOOLEANS)
    examples_bad = (Example("---\nname: a\ndescription: d\nbackground: yes\n---\nBody\n"),)
    examples_good = (Example('---\nname: a\ndescription: d\nbackground: "true"\n---\nBody\n'),)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        for key in AGENT_BOOLEANS:
            pair = ctx.doc.pair(key)
            if pair is None or isinstance(pair[1], Alias):
                continue
            node = pair[1]
            value = node.value
            if value is None or isinstance(value, bool) or value in ("true", "false"):
                continue
            meant = isinstance(value, str) and value.strip().lower() in _YAML11_TRUE | {"true"}
            meant = meant or value == 1
            hint = " (write `true`: YAML 1.2 has no `yes`/`on` booleans)" if meant else ""
            yield ctx.finding(
                ctx.node_span(node),
                f"`{key}` is {show(node, ctx)}, not `true` or `false`: ignored, it stays off{hint}",
            )
