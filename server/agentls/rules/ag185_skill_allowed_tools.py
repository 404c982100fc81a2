from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from agentls.frontmatter.yamlnodes import AnyNode
from agentls.model import Effect, Finding, Severity
from agentls.rules._checks import string_list_findings
from agentls.rules._fields import kind, show
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
    keys = frozenset(KEYS)
    examples_bad = (Example("---\ndescription: d\nallowed-tools: 5\n---\nB\n", "claude-skill"),)
    examples_good = (Example("---\ndescription: d\nallowed-tools: Read Grep\n---\nB\n",
                             "claude-command"),)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        for key in KEYS:
            yield from string_list_findings(ctx, key, partial(_bad_item, ctx, key),
                                            partial(_bad_whole, ctx, key))


def _bad_item(ctx: CheckContext, key: str, item: AnyNode) -> str:
    return f"`{key}` item {show(item, ctx)} is {kind(item.value)}, not a tool: dropped"


def _bad_whole(ctx: CheckContext, key: str, node: AnyNode) -> str:
    return f"`{key}` is {kind(node.value)} ({show(node, ctx)}), not a string or list: ignored"
