from __future__ import annotations

from collections.abc import Iterator

from agentls.frontmatter.yamlnodes import Alias
from agentls.model import Effect, Finding, Severity
from agentls.rules._fields import show
from agentls.rules.base import CheckContext, Example, Rule

KEYS = ("disable-model-invocation", "user-invocable", "background")
COERCED = frozenset({"yes", "no", "on", "off", "1", "0", "true", "false"})


class SkillBoolean(Rule):
    """A skill's or command's boolean field holds a value Claude Code cannot read as one.

    ## What it does
    Checks `disable-model-invocation`, `user-invocable` and `background`. `true`/`false`
    are fine. `yes`/`no`/`on`/`off`/`1`/`0` have been accepted since Claude Code 2.1.218
    (info: older versions, and YAML 1.2 tools, read them as strings). Anything else is
    reported as ignored.

    ## Why is this bad?
    `disable-model-invocation: maybe` is not `true`, so Claude may run a skill that was meant
    to be user-only; `user-invocable` decides whether it shows in the `/` menu.

    ## Example
    ```yaml
    disable-model-invocation: always
    ```
    Write `disable-model-invocation: true`.
    """

    code = "AG186"
    slug = "skill-boolean"
    severity = Severity.WARNING
    effect = Effect.CHANGED
    dialects = frozenset({"claude-skill", "claude-command"})
    keys = frozenset(KEYS)
    examples_bad = (Example("---\ndescription: d\nuser-invocable: never\n---\nB\n",
                            "claude-skill"),)
    examples_good = (Example("---\ndescription: d\nuser-invocable: false\n---\nB\n",
                             "claude-skill"),)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        for key in KEYS:
            pair = ctx.doc.pair(key)
            if pair is None or isinstance(pair[1], Alias):
                continue
            node = pair[1]
            value = node.value
            if value is None or isinstance(value, bool):
                continue
            text = str(value).strip().lower() if isinstance(value, (str, int)) else None
            if text in COERCED:
                yield ctx.finding(ctx.node_span(node), f"`{key}: {show(node, ctx)[1:-1]}` is read"
                                  " as a boolean since Claude Code 2.1.218; older versions"
                                  " ignore it: write `true` or `false`",
                                  severity=Severity.INFO, effect=None)
            else:
                yield ctx.finding(ctx.node_span(node), f"`{key}` is {show(node, ctx)}, not"
                                  " `true` or `false`: ignored")
