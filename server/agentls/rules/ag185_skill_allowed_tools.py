from __future__ import annotations

from collections.abc import Iterator

from agentls.frontmatter.yamlnodes import Alias, Scalar, Sequence
from agentls.model import Effect, Finding, Severity
from agentls.rules._fields import item_span, kind, show, value_node
from agentls.rules.base import CheckContext, Example, Rule

KEYS = ("allowed-tools", "disallowed-tools")


class SkillAllowedTools(Rule):
    """A skill's or command's `allowed-tools` is not a string or a list of strings.

    ## What it does
    Reports `allowed-tools` and `disallowed-tools` values that are numbers, booleans or maps,
    and list items that are not strings. (`claude plugin validate` checks this type too.)

    ## Why is this bad?
    `allowed-tools` grants tools without a permission prompt while the skill or command
    runs (it does not restrict them); `!`-commands in commands need it. A value of another
    type grants nothing, so the command stops at a prompt or fails.

    ## Example
    ```yaml
    allowed-tools: {Bash: git}
    ```
    Write `allowed-tools: Bash(git add:*), Bash(git status:*)`.
    """

    code = "AG185"
    slug = "skill-allowed-tools"
    severity = Severity.WARNING
    effect = Effect.CHANGED
    dialects = frozenset({"claude-skill", "claude-command"})
    examples_bad = (Example("---\ndescription: d\nallowed-tools: 5\n---\nB\n", "claude-skill"),)
    examples_good = (Example("---\ndescription: d\nallowed-tools: Read Grep\n---\nB\n",
                             "claude-command"),)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        for key in KEYS:
            node = value_node(ctx, key)
            if node is None or isinstance(node, Alias) or node.value is None:
                continue
            if isinstance(node, Sequence):
                for item in node.items:
                    if isinstance(item, Alias) or (isinstance(item, Scalar)
                                                   and isinstance(item.value, str)):
                        continue
                    yield ctx.finding(item_span(ctx, item), f"`{key}` item {show(item, ctx)} is"
                                      f" {kind(item.value)}, not a tool: dropped")
            elif not isinstance(node.value, str):
                yield ctx.finding(ctx.node_span(node), f"`{key}` is {kind(node.value)}"
                                  f" ({show(node, ctx)}), not a string or list: ignored")
