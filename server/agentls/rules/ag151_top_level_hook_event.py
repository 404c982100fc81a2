from __future__ import annotations

from collections.abc import Iterator

from agentls.frontmatter.yamlnodes import AnyNode, Mapping, Sequence
from agentls.knowledge.claude_code import GUARDED_HOOK_EVENTS, HOOK_GUARD_EXEMPT, MATCHER_KEYS
from agentls.model import Effect, Finding, Severity
from agentls.rules._fields import key_str
from agentls.rules.base import CheckContext, Example, Rule

_MAX_DEPTH = 3


class TopLevelHookEvent(Rule):
    """A hook event is written outside `hooks:`, so Claude Code drops the agent.

    ## What it does
    Reports `PreToolUse`, `PermissionRequest` or `PreSkillShellCommand` as a top-level key
    with a value, or holding matcher-shaped values (`[{matcher: …, hooks: […]}]`) up to
    three levels down under another key (except under `hooks`, `metadata`, `mcpServers` and
    `lspServers`).

    ## Why is this bad?
    Claude Code guards against hooks smuggled in outside `hooks:`: such a project or user
    agent is **skipped** (`… declared at the frontmatter top level`). A skill or a command
    loads with no hooks and no `allowed-tools`. Usually the `hooks:` line was forgotten or mis-indented.

    ## Example
    ```yaml
    PreToolUse:
      - matcher: Bash
        hooks: [{type: command, command: ./check.sh}]
    ```
    Indent it under `hooks:`.
    """

    code = "AG151"
    slug = "top-level-hook-event"
    severity = Severity.ERROR
    effect = Effect.SKIP
    dialects = frozenset({"claude-agent", "claude-skill", "claude-command"})
    examples_bad = (Example("---\nname: a\ndescription: d\nPreToolUse:\n  - matcher: Bash\n"
                            "    hooks: []\n---\nBody\n"),)
    examples_good = (Example("---\nname: a\ndescription: d\nhooks:\n  PreToolUse:\n"
                             "    - matcher: Bash\n      hooks: []\n---\nBody\n"),)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        root = ctx.doc.root
        if root is None:
            return
        for key, value in root.pairs:
            name = key_str(key)
            if name in GUARDED_HOOK_EVENTS:
                if _non_empty(value):
                    yield self._finding(ctx, key, f"the hook event `{name}` is declared at the"
                                        " frontmatter top level, outside `hooks:`")
            elif name not in HOOK_GUARD_EXEMPT:
                for inner in _guarded_keys(value):
                    yield self._finding(ctx, inner, f"the hook event `{inner.value}` with"
                                        f" matchers is declared under `{name}`, outside `hooks:`")

    def _finding(self, ctx: CheckContext, key: AnyNode, why: str) -> Finding:
        if ctx.dialect in ("claude-skill", "claude-command"):
            return ctx.finding(ctx.node_span(key), f"Claude Code loads this {ctx.noun} with no hooks"
                               f" and no allowed-tools: {why}", severity=Severity.WARNING,
                               effect=Effect.CHANGED)
        return ctx.finding(ctx.node_span(key), f"{ctx.skip_prefix()}: {why}")


def _non_empty(node: AnyNode) -> bool:
    value = node.value
    return value not in (None, "", False) and not (isinstance(value, (list, dict)) and not value)


def _matcher_shaped(node: AnyNode) -> bool:
    if isinstance(node, Mapping):
        return any(key_str(k) in MATCHER_KEYS for k, _ in node.pairs)
    if isinstance(node, Sequence):
        return any(isinstance(i, Mapping) and _matcher_shaped(i) for i in node.items)
    return False


def _guarded_keys(top: AnyNode) -> Iterator[AnyNode]:
    """Keys named like a guarded event, with matcher-shaped values, up to depth 3 (no aliases)."""
    stack: list[tuple[AnyNode, int]] = [(top, 1)]
    while stack:
        node, depth = stack.pop()
        if depth >= _MAX_DEPTH:
            continue
        if isinstance(node, Mapping):
            for key, value in node.pairs:
                if key_str(key) in GUARDED_HOOK_EVENTS and _matcher_shaped(value):
                    yield key
                elif key_str(key) not in HOOK_GUARD_EXEMPT:
                    stack.append((value, depth + 1))
        elif isinstance(node, Sequence):
            stack.extend((item, depth + 1) for item in node.items)
