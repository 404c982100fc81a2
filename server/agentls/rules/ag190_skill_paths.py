from __future__ import annotations

from collections.abc import Iterator

from agentls.knowledge.skill_paths import command_place, skill_place
from agentls.model import Finding, Severity
from agentls.rules.base import CheckContext, Example, Rule


class SkillPaths(Rule):
    """`paths:` makes a project skill conditional; commands and plugin skills ignore it.

    ## What it does
    Says what `paths` does where it is written:

    - in a project or user skill, the skill is **conditional**: Claude Code loads it but
      lists it nowhere (not in the slash-command list, not for the model) until a file
      matching one of the globs is touched. `paths: "**"` is no condition.
    - in a slash command or a plugin skill, `paths` is ignored: the entry is always listed.

    ## Why is this bad?
    It is not, when meant; it is information. But a conditional skill is easy to mistake for
    a missing one ("my skill does not show up"), and a `paths` in a command does nothing.

    ## Example
    ```yaml
    paths: ["src/**/*.py"]
    ```
    The skill appears once a Python file under `src/` has been read or edited.
    """

    code = "AG190"
    slug = "skill-paths"
    severity = Severity.INFO
    dialects = frozenset({"claude-skill", "claude-command"})
    keys = frozenset({"paths"})
    examples_bad = (Example('---\ndescription: d\npaths: ["src/**"]\n---\nBody\n', "claude-skill",
                            ".claude/skills/x/SKILL.md"),)
    examples_good = (Example('---\ndescription: d\npaths: "**"\n---\nBody\n', "claude-skill",
                             ".claude/skills/x/SKILL.md"),)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        pair = ctx.doc.pair("paths")
        if pair is None or pair[1].value in (None, "", []):
            return
        span = ctx.node_span(pair[0])
        if ctx.dialect == "claude-command":
            place = command_place(ctx.doc.path)
            where = "commands" if place is None or place.project else "plugin commands"
            yield ctx.finding(span, f"`paths` is ignored in {where}: the command is always listed")
            return
        place = skill_place(ctx.doc.path)
        if place is not None and not place.project:
            yield ctx.finding(span, "`paths` is ignored in plugin skills: the skill is always listed")
            return
        value = pair[1].value
        globs = value if isinstance(value, list) else [value]
        if all(isinstance(g, str) and g.strip() == "**" for g in globs):
            return  # "**" is no condition
        yield ctx.finding(
            span, "this skill is conditional: Claude Code loads it but lists it nowhere until a "
            "file matching `paths` is touched")
