from __future__ import annotations

from collections.abc import Iterator

from agentls.knowledge.skill_paths import command_place, name_problem, skill_place
from agentls.model import Effect, Finding, Severity
from agentls.rules.base import CheckContext, Example, Rule


class RefusedName(Rule):
    """A skill folder or command file whose name Claude Code refuses to offer.

    ## What it does
    Checks the name a skill or slash command is offered under: a project or user skill's
    **folder** name, and a command's path below `commands/` (`git/commit.md` is
    `git:commit`). The frontmatter `name` does not count here. A name is refused when it:

    - has a leading or trailing space, two spaces in a row, or a space next to `:`;
    - starts or ends with `:`;
    - holds a control, format or other invisible character, a blank-like character
      (a no-break space, a Hangul filler), a stray combining mark, `<` or `>`;
    - is empty or over 256 characters.

    ## Why is this bad?
    Claude Code drops such a skill or command: the debug log says
    `[names] <name> is not offered: a name may not hold hidden, direction-changing or
    blank-like characters, < or >, or be over 256 characters`, and nothing else does.
    Plugin skills are not affected (their folder names are sanitised to `[A-Za-z0-9_-]`),
    plugin commands are.

    ## Example
    `.claude/commands/review  pr.md` (two spaces): rename it `review-pr.md`.
    """

    code = "AG025"
    slug = "refused-name"
    severity = Severity.ERROR
    effect = Effect.SKIP
    dialects = frozenset({"claude-skill", "claude-command"})
    needs_mapping = False
    examples_bad = (
        Example("---\ndescription: d\n---\nBody\n", "claude-command", ".claude/commands/c  09.md"),
        Example("---\ndescription: d\n---\nBody\n", "claude-skill", ".claude/skills/pdf /SKILL.md"),
    )
    examples_good = (
        Example("---\ndescription: d\n---\nBody\n", "claude-command", ".claude/commands/c 08.md"),
        Example("---\ndescription: d\n---\nBody\n", "claude-skill", ".claude/skills/a:b/SKILL.md"),
    )

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        if ctx.dialect == "claude-skill":
            place = skill_place(ctx.doc.path)
            if place is None or not place.project:
                return  # plugin skill folders are sanitised first, never refused
            what = f"its folder name `{place.name}`"
        else:
            place = command_place(ctx.doc.path)
            if place is None:
                return
            what = f"its command name `{place.name}`"
        problem = name_problem(place.name)
        if problem is None:
            return
        yield ctx.finding(
            ctx.open_delimiter_span(),
            f"{ctx.skip_prefix()}: Claude Code refuses to offer {what}: {problem} "
            "(debug log `[names] … is not offered`); rename the "
            f"{'folder' if ctx.dialect == 'claude-skill' else 'file'}")
