from __future__ import annotations

from collections.abc import Iterator

from agentls.knowledge.skill_paths import skill_place
from agentls.model import Effect, Finding, Severity
from agentls.rules.base import CheckContext, Example, Rule


class SkillFileName(Rule):
    """A skill file not named exactly `SKILL.md` (`skill.md`, `Skill.md`, `SKILL.MD`).

    ## What it does
    Reports a skill file in `.claude/skills/<folder>/` or a plugin's `skills/<folder>/` whose
    name is `SKILL.md` in some other case.

    ## Why is this bad?
    Claude Code opens `<folder>/SKILL.md` under that exact name. On Linux (and any other
    case-sensitive file system) `skill.md` is never found: the skill does not exist, and
    nothing says so. (On macOS and Windows the file system may find it anyway, so the skill
    works on one machine and not on another.)

    ## Example
    `.claude/skills/pdf/skill.md`: rename it to `SKILL.md`.
    """

    code = "AG024"
    slug = "skill-file-name"
    severity = Severity.ERROR
    effect = Effect.SKIP
    dialects = frozenset({"claude-skill"})
    needs_mapping = False
    examples_bad = (Example("---\ndescription: d\n---\nBody\n", "claude-skill",
                            ".claude/skills/pdf/skill.md"),)
    examples_good = (Example("---\ndescription: d\n---\nBody\n", "claude-skill",
                             ".claude/skills/pdf/SKILL.md"),)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        place = skill_place(ctx.doc.path)
        if place is None or place.file == "SKILL.md" or place.file.lower() != "skill.md":
            return
        yield ctx.finding(
            ctx.open_delimiter_span(),
            f"{ctx.skip_prefix()}: Claude Code looks for `{place.name}/SKILL.md` under exactly "
            f"that name, so `{place.file}` is never found on a case-sensitive file system "
            "(Linux); rename it to `SKILL.md`")
