from __future__ import annotations

from collections.abc import Iterator

from agentls.knowledge.claude_code import PERMISSION_MODES
from agentls.model import Effect, Finding, Severity
from agentls.rules._checks import enum_finding
from agentls.rules.base import CheckContext, Example, Rule


class PermissionMode(Rule):
    """`permissionMode` is not a mode Claude Code knows, so it is ignored.

    ## What it does
    Accepts `default`, `acceptEdits`, `auto`, `dontAsk`, `bypassPermissions`, `plan` and
    `manual` (the same as `default`, v2.1.200+), exactly as written; reports anything else,
    with a fix when one mode is close.

    ## Why is this bad?
    Claude Code ignores an unknown mode (with a warning in the debug log) and the agent runs
    in the caller's mode: a `plan` agent misspelt `Plan` can edit files. (A parent in
    auto, `bypassPermissions` or `acceptEdits` mode wins anyway.) Plugin agents ignore the
    field altogether (AG152).

    ## Example
    ```yaml
    permissionMode: acceptedits
    ```
    Write `permissionMode: acceptEdits`.
    """

    code = "AG140"
    slug = "permission-mode"
    severity = Severity.WARNING
    effect = Effect.CHANGED
    dialects = frozenset({"claude-agent"})
    keys = frozenset({"permissionMode"})
    fixable = True
    examples_bad = (Example("---\nname: a\ndescription: d\npermissionMode: acceptedits\n---\nB\n",
                            fixed="---\nname: a\ndescription: d\npermissionMode: acceptEdits\n---\nB\n"),)
    examples_good = (Example("---\nname: a\ndescription: d\npermissionMode: manual\n---\nB\n"),)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        found = enum_finding(ctx, "permissionMode", PERMISSION_MODES,
                             "ignored, the agent runs in the caller's permission mode")
        if found:
            yield found
