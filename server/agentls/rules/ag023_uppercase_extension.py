from __future__ import annotations

from collections.abc import Iterator

from agentls.knowledge.skill_paths import command_place
from agentls.model import Effect, Finding, Severity
from agentls.rules.base import CheckContext, Example, Rule


class UppercaseExtension(Rule):
    """A subagent or slash-command file whose extension is not lower-case `.md` (`x.MD`).

    ## What it does
    Reports a file in `.claude/agents/` or `.claude/commands/` (project, user or managed)
    named `*.MD` or any other case variant of `.md`.

    ## Why is this bad?
    Claude Code looks for subagents and commands with a case-sensitive `*.md` pattern:
    `reviewer.MD` is never read, whatever it holds, and nothing says so. (Plugin agents and
    plugin commands accept any case.)

    ## Example
    `.claude/agents/reviewer.MD`: rename it to `reviewer.md`.
    """

    code = "AG023"
    slug = "uppercase-extension"
    severity = Severity.ERROR
    effect = Effect.SKIP
    dialects = frozenset({"claude-agent", "claude-command"})
    needs_mapping = False
    examples_bad = (Example("---\nname: a\ndescription: d\n---\nBody\n", path="x.MD"),
                    Example("---\ndescription: d\n---\nBody\n", "claude-command",
                            ".claude/commands/x.MD"))
    examples_good = (Example("---\nname: a\ndescription: d\n---\nBody\n", path="x.md"),)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        path = ctx.doc.path or ""
        suffix = path[-3:]
        if len(path) < 3 or suffix == ".md" or suffix.lower() != ".md":
            return
        if ctx.dialect == "claude-command":
            place = command_place(path)
            if place is None or not place.project:
                return  # plugin commands are found in any case
        name = path.replace("\\", "/").rsplit("/", 1)[-1]
        text = ctx.doc.text
        span = ctx.open_delimiter_span()
        if not text[span.start:span.end].startswith("-"):
            span = type(span)(span.start, min(span.start + 1, len(text)))
        yield ctx.finding(
            span,
            f"{ctx.skip_prefix()}: Claude Code reads only files ending in lower-case `.md`, and "
            f"`{name}` ends in `{suffix}`; rename it to `{name[:-3]}.md`")
