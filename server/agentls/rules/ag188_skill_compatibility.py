from __future__ import annotations

from collections.abc import Iterator

from agentls.frontmatter.yamlnodes import Alias
from agentls.model import Finding, Severity
from agentls.rules._checks import type_finding
from agentls.rules._fields import value_node
from agentls.rules.base import CheckContext, Example, Rule

LIMIT = 500


class SkillCompatibility(Rule):
    """A skill's `compatibility` is not a string of 1–500 characters; `metadata` not a map.

    ## What it does
    Reports `compatibility` that is not a string, is empty, or is longer than 500
    characters, and `metadata` or `license` of the wrong type.

    ## Why is this bad?
    The Agent Skills specification limits `compatibility` to 500 characters and wants a
    map for `metadata`; uploads to claude.ai and the Skills API validate both, and
    `claude plugin validate` checks `metadata`'s type.

    ## Example
    ```yaml
    metadata: internal
    ```
    Write `metadata: {audience: internal}`.
    """

    code = "AG188"
    slug = "skill-compatibility"
    severity = Severity.WARNING
    dialects = frozenset({"claude-skill"})
    keys = frozenset({"metadata", "license", "compatibility"})
    examples_bad = (Example("---\ndescription: d\ncompatibility: " + "x" * 501 + "\n---\nB\n",
                            "claude-skill"),)
    examples_good = (Example("---\ndescription: d\ncompatibility: Needs git\n---\nB\n",
                             "claude-skill"),)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        for found in (type_finding(ctx, "metadata", (dict,), "a map", "uploads reject it"),
                      type_finding(ctx, "license", (str,), "a string", "uploads reject it"),
                      type_finding(ctx, "compatibility", (str,), "a string",
                                   "uploads reject it")):
            if found:
                yield found
        node = value_node(ctx, "compatibility")
        if node is None or isinstance(node, Alias) or not isinstance(node.value, str):
            return
        size = len(node.value)
        if size == 0 or size > LIMIT:
            yield ctx.finding(ctx.node_span(node), f"`compatibility` is {size} characters; the"
                              f" Agent Skills spec allows 1–{LIMIT}: uploads reject it")
