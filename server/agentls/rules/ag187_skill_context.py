from __future__ import annotations

from collections.abc import Iterator

from agentls.model import Effect, Finding, Severity
from agentls.rules._checks import enum_finding, type_finding
from agentls.rules.base import CheckContext, Example, Rule


class SkillContext(Rule):
    """A skill's `context` is not `fork`, or its `shell` is not `bash`/`powershell`.

    ## What it does
    Checks `context` (only `fork`: run the skill in a forked subagent, named by `agent`),
    `shell` (`bash` or `powershell`) and that `agent` is a string.

    ## Why is this bad?
    Claude Code ignores other values: the skill runs inline instead of in a fork, or its
    `!`-commands run in the default shell.

    ## Example
    ```yaml
    context: forked
    ```
    Write `context: fork`.
    """

    code = "AG187"
    slug = "skill-context"
    severity = Severity.WARNING
    effect = Effect.CHANGED
    dialects = frozenset({"claude-skill"})
    keys = frozenset({"context", "shell", "agent"})
    fixable = True
    examples_bad = (Example("---\ndescription: d\ncontext: forked\n---\nB\n", "claude-skill",
                            fixed="---\ndescription: d\ncontext: fork\n---\nB\n"),
                    Example("---\ndescription: d\nshell: zsh\n---\nB\n", "claude-skill"))
    examples_good = (Example("---\ndescription: d\ncontext: fork\nagent: Explore\n"
                             "shell: powershell\n---\nB\n", "claude-skill"),)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        for found in (
            enum_finding(ctx, "context", ("fork",), "ignored, the skill runs inline"),
            enum_finding(ctx, "shell", ("bash", "powershell"), "ignored, the default shell runs"
                         " its commands"),
            type_finding(ctx, "agent", (str,), "an agent name", "ignored"),
        ):
            if found:
                yield found
