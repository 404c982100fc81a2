from __future__ import annotations

from collections.abc import Iterator

from agentls.frontmatter.yamlnodes import Alias, AnyNode, Mapping
from agentls.model import Effect, Finding, Severity
from agentls.rules._fields import key_str, kind, show, value_node
from agentls.rules.base import CheckContext, Example, Rule

VALUES = ("ask", "allow", "deny")
PATTERN_KEYS = frozenset({"bash", "task"})


class OpencodePermission(Rule):
    """An OpenCode agent's `permission` values are not `ask`, `allow` or `deny`.

    ## What it does
    Checks that `permission` is a map, that each value is `ask`, `allow` or `deny`, and that
    `bash` and `task` may also be maps of glob → one of those.

    ## Why is this bad?
    OpenCode does not apply a permission it cannot read, so the agent keeps the default
    (often `ask`, or whatever the config says) — an agent meant to be read-only can edit.

    ## Example
    ```yaml
    permission:
      edit: no
    ```
    Write `edit: deny`.
    """

    code = "AG179"
    slug = "opencode-permission"
    severity = Severity.WARNING
    effect = Effect.CHANGED
    dialects = frozenset({"opencode-agent"})
    keys = frozenset({"permission"})
    examples_bad = (Example("---\ndescription: d\npermission:\n  edit: no\n---\nB\n",
                            "opencode-agent"),)
    examples_good = (Example("---\ndescription: d\npermission:\n  edit: deny\n  bash:\n"
                             "    'git *': allow\n    '*': ask\n---\nB\n", "opencode-agent"),)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        node = value_node(ctx, "permission")
        if node is None or isinstance(node, Alias) or node.value is None:
            return
        if not isinstance(node, Mapping):
            yield ctx.finding(ctx.node_span(node), f"`permission` is {kind(node.value)}, not a"
                              " map: ignored")
            return
        for key, value in node.pairs:
            if isinstance(value, Mapping) and key_str(key) in PATTERN_KEYS:
                for pattern, inner in value.pairs:
                    yield from _value(ctx, f"{key.value} `{pattern.value}`", inner, pattern)
            else:
                yield from _value(ctx, str(key.value), value, key)


def _value(ctx: CheckContext, what: str, node: AnyNode, key: AnyNode) -> Iterator[Finding]:
    if isinstance(node, Alias) or node.value in VALUES:
        return
    span = ctx.node_span(node) if node.end > node.start else ctx.node_span(key)
    yield ctx.finding(span, f"permission {what} is {show(node, ctx)}, not `ask`, `allow` or"
                      " `deny`: ignored")
