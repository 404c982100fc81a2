from __future__ import annotations

from collections.abc import Iterator

from agentls.frontmatter.yamlnodes import Alias, AnyNode, Mapping, Sequence
from agentls.knowledge.claude_code import GUARDED_HOOK_EVENTS, HOOK_EVENTS, MATCHER_KEYS
from agentls.knowledge.skill_paths import command_place
from agentls.model import Effect, Finding, Severity
from agentls.rules._fields import key_str, kind, truthy, value_node
from agentls.rules.base import CheckContext, Example, Rule


class InvalidHooks(Rule):
    """`hooks` is not a map of event → list of matchers, so Claude Code drops the agent.

    ## What it does
    Reports a `hooks` value that is truthy but not a map (`[]`, `true`, a string, a
    number), a lone matcher object (`hooks: {matcher: Bash, hooks: [...]}`), and events
    whose value is not a list. Empty values (`{}`, `false`, nothing) are fine.

    ## Why is this bad?
    Claude Code validates `hooks` when it loads a project or user agent and **skips the whole
    agent** when the shape is wrong (`Invalid hooks in agent …`, anthropics/claude-code#91781),
    even `hooks: []`. `claude plugin validate` does not notice. A known event whose value is
    not a list is dropped with a warning, except `PreToolUse`, `PermissionRequest` and
    `PreSkillShellCommand`, which skip the agent too. In a skill or a project command,
    invalid hooks load it with no hooks and no `allowed-tools` (plugin commands ignore them).

    ## Example
    ```yaml
    hooks:
      matcher: Bash
      hooks: [{type: command, command: ./check.sh}]
    ```
    Put the matcher in a list under its event:
    `hooks: {PreToolUse: [{matcher: Bash, hooks: [...]}]}`.
    """

    code = "AG149"
    slug = "invalid-hooks"
    severity = Severity.ERROR
    effect = Effect.SKIP
    dialects = frozenset({"claude-agent", "claude-skill", "claude-command"})
    keys = frozenset({"hooks"})
    examples_bad = (
        Example("---\nname: a\ndescription: d\nhooks: []\n---\nBody\n"),
        Example("---\nname: a\ndescription: d\nhooks:\n  matcher: Bash\n---\nBody\n"),
    )
    examples_good = (
        Example("---\nname: a\ndescription: d\nhooks: {}\n---\nBody\n"),
        Example("---\nname: a\ndescription: d\nhooks:\n  PreToolUse:\n    - matcher: Bash\n"
                "      hooks: [{type: command, command: x}]\n---\nBody\n"),
    )

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        if ctx.dialect == "claude-command" and not _project_command(ctx):
            return  # plugin commands tolerate invalid hooks (they ignore them)
        node = value_node(ctx, "hooks")
        if node is None or isinstance(node, Alias) or not truthy(node.value):
            return
        if not isinstance(node, Mapping):
            yield self._drop(ctx, node, f"`hooks` is {kind(node.value)}, not a map of event →"
                             " list of matchers")
            return
        if any(key_str(k) in MATCHER_KEYS for k, _ in node.pairs):
            yield self._drop(ctx, node, "`hooks` is a lone matcher object; put it in a list"
                             " under its event (`PreToolUse: [...]`)")
            return
        for key, value in node.pairs:
            event = key_str(key)
            if event not in HOOK_EVENTS or isinstance(value, (Sequence, Alias)):
                continue
            if not truthy(value.value):
                continue
            what = f"the `{event}` hooks are {kind(value.value)}, not a list of matchers"
            if event in GUARDED_HOOK_EVENTS:
                yield self._drop(ctx, value, what)
            else:
                yield ctx.finding(ctx.node_span(value), f"{what}: dropped",
                                  severity=Severity.WARNING, effect=Effect.CHANGED)

    def _drop(self, ctx: CheckContext, node: AnyNode, why: str) -> Finding:
        span = ctx.node_span(node)
        if ctx.dialect in ("claude-skill", "claude-command"):
            return ctx.finding(span, f"Claude Code loads this {ctx.noun} with no hooks and no"
                               f" allowed-tools: {why}", severity=Severity.WARNING,
                               effect=Effect.CHANGED)
        return ctx.finding(span, f"{ctx.skip_prefix()}: {why}", effect=Effect.SKIP)


def _project_command(ctx: CheckContext) -> bool:
    place = command_place(ctx.doc.path)
    return place is None or place.project
