from __future__ import annotations

from collections.abc import Iterator

from agentls.knowledge.skill_paths import skill_place
from agentls.model import Effect, Finding, Severity
from agentls.rules.base import CheckContext, Example, Rule

RESERVED = {
    "synced": "it is the folder of the skills synced from claude.ai",
    "anthropic-skills": "that name is reserved for the skills synced from your claude.ai account",
}


class ReservedSkillFolder(Rule):
    """A project or user skill in a folder named `synced` or `anthropic-skills`.

    ## What it does
    Reports `.claude/skills/synced/SKILL.md` and `.claude/skills/anthropic-skills/SKILL.md`.

    ## Why is this bad?
    Claude Code keeps these two folder names for the skills it syncs from claude.ai and skips
    a skill of yours that uses one (debug log: `skipping reserved dir name 'synced'`, or
    `not loading "anthropic-skills" … rename it`). Plugin skills may use them.

    ## Example
    `.claude/skills/synced/SKILL.md`: rename the folder, e.g. `sync-helper`.
    """

    code = "AG026"
    slug = "reserved-skill-folder"
    severity = Severity.ERROR
    effect = Effect.SKIP
    dialects = frozenset({"claude-skill"})
    needs_mapping = False
    examples_bad = (Example("---\ndescription: d\n---\nBody\n", "claude-skill",
                            ".claude/skills/synced/SKILL.md"),)
    examples_good = (Example("---\ndescription: d\n---\nBody\n", "claude-skill",
                             "plugin/skills/synced/SKILL.md"),)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        place = skill_place(ctx.doc.path)
        if place is None or not place.project or place.name not in RESERVED:
            return
        yield ctx.finding(
            ctx.open_delimiter_span(),
            f"{ctx.skip_prefix()}: the folder name `{place.name}` is reserved "
            f"({RESERVED[place.name]}); rename the folder")
