from __future__ import annotations

from collections.abc import Iterator

from agentls.model import Effect, Finding, Severity
from agentls.rules._checks import string_list_findings
from agentls.rules._fields import kind, show
from agentls.rules.base import CLAUDE_AGENTS, CheckContext, Example, Rule


class InvalidSkills(Rule):
    """`skills` is not a list of skill names (or a string of them).

    ## What it does
    Reports a `skills` value that is a number, boolean or map, and list items that are not
    strings.

    ## Why is this bad?
    `skills` names the skills to preload into the agent's context: a list, or a string split
    like `tools`. Claude Code ignores values of other types and drops non-string items, so
    the skills are not preloaded. (A name that matches no skill is skipped with a debug
    warning; skills with `disable-model-invocation: true` cannot be preloaded.)

    ## Example
    ```yaml
    skills:
      - pdf: true
    ```
    Write the names only: `skills: [pdf]`.
    """

    code = "AG147"
    slug = "invalid-skills"
    severity = Severity.WARNING
    effect = Effect.CHANGED
    dialects = CLAUDE_AGENTS
    keys = frozenset({"skills"})
    examples_bad = (Example("---\nname: a\ndescription: d\nskills:\n  - pdf: true\n---\nB\n"),
                    Example("---\nname: a\ndescription: d\nskills: 3\n---\nBody\n"))
    examples_good = (Example("---\nname: a\ndescription: d\nskills: pdf, docx\n---\nBody\n"),)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        yield from string_list_findings(
            ctx, "skills",
            lambda item: f"`skills` item {show(item, ctx)} is {kind(item.value)}, not a skill name: dropped",
            lambda node: f"`skills` is {kind(node.value)} ({show(node, ctx)}): ignored, no skill is"
                         " preloaded; write a list of skill names")
