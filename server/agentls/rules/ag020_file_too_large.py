from __future__ import annotations

from collections.abc import Iterator

from agentls.frontmatter.document import CLAUDE_SIZE_LIMIT
from agentls.knowledge.skill_paths import skill_place
from agentls.model import Effect, Finding, Severity
from agentls.rules.base import CheckContext, Example, Rule

# Project and user skills: 1e6 bytes, not 1 MiB (plugin skills and commands keep 1 MiB).
PROJECT_SKILL_LIMIT = 1_000_000


class FileTooLarge(Rule):
    """The file is larger than Claude Code reads (1,048,576 bytes), or than agentls checks.

    ## What it does
    Reports a file over 1,048,576 bytes (1 MiB), which Claude Code never reads, a project or
    user `SKILL.md` over 1,000,000 bytes, and a file over the configured `max-file-size`,
    which agentls does not parse.

    ## Why is this bad?
    Claude Code skips agent and command files over 1,048,576 bytes (a file of exactly
    1,048,576 bytes still loads), plugin skills too; project and user skills have a lower
    limit, 1,000,000 bytes (`[skills] skipping …: N bytes exceeds 1000000 byte limit`).
    Nothing tells you. A file that large is almost always a mistake (a pasted log, a
    generated file); move the bulk out of it.

    ## Example
    A 1.2 MB `.claude/agents/reviewer.md`: Claude Code has no `reviewer` agent.
    """

    code = "AG020"
    slug = "file-too-large"
    severity = Severity.ERROR
    reads_body = True
    effect = Effect.SKIP
    needs_mapping = False
    examples_bad = (Example("---\nname: a\ndescription: d\n---\n" + "x" * CLAUDE_SIZE_LIMIT),)
    examples_good = (Example("---\nname: a\ndescription: d\n---\nBody\n"),)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        doc = ctx.doc
        span = ctx.open_delimiter_span()
        limit, what = CLAUDE_SIZE_LIMIT, "files"
        place = skill_place(doc.path) if ctx.dialect == "claude-skill" else None
        if place is not None and place.project:
            limit, what = PROJECT_SKILL_LIMIT, "project and user skills"
        if doc.byte_size > limit and ctx.dialect.startswith("claude-"):
            yield ctx.finding(
                span,
                f"{ctx.skip_prefix()}: the file is {doc.byte_size:,} bytes and Claude Code does "
                f"not read {what} over {limit:,} bytes",
            )
            return
        for problem in doc.problems:
            if problem.kind == "too-large":
                yield ctx.finding(
                    span, f"agentls did not check this file: {problem.message} (max-file-size)",
                    severity=Severity.WARNING, effect=None)
