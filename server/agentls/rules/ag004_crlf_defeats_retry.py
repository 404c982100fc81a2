from __future__ import annotations

from collections.abc import Iterator

from agentls.frontmatter import retry
from agentls.frontmatter.document import ParseState
from agentls.model import Effect, Finding, Severity, Span
from agentls.rules._retry_fix import quoting_fix
from agentls.rules._yaml_place import yaml_place
from agentls.rules.ag003_yaml_parse_failure import _claude_consequence, _lf_would_load
from agentls.rules.base import CLAUDE_ALL, CheckContext, Example, Rule


class CrlfDefeatsRetry(Rule):
    """Windows line endings stop Claude Code from rescuing invalid YAML.

    ## What it does
    Reports frontmatter with CRLF line endings that is not valid YAML but that Claude Code
    would load if the file had LF endings.

    ## Why is this bad?
    Claude Code's lenient retry quotes one-line values such as
    `description: Use when… Examples: <example>user: "hi"</example>`. It does not look at
    lines that end in `\\r`, so the same file saved with CRLF endings is **skipped** (agents),
    or loaded with empty metadata (skills and commands). Editors and Git's `autocrlf` switch
    endings without telling you, so a file that worked can stop working.

    ## Fix
    Quote the values (agentls's quick fix does it, escaping exactly as Claude Code does, so
    the loaded text is the same); the file then loads with either line ending.
    """

    code = "AG004"
    slug = "crlf-defeats-retry"
    severity = Severity.ERROR
    effect = Effect.SKIP
    dialects = CLAUDE_ALL
    needs_mapping = False
    reads_body = True  # a skill's or command's message quotes its first body line
    unparsed_only = True
    fixable = True
    examples_bad = (Example(
        '---\r\nname: a\r\ndescription: Use it. Examples: <example>user: "hi"</example>\r\n---\r\nBody\r\n',
        fixed=('---\r\nname: a\r\ndescription: "Use it. Examples: <example>user: \\"hi\\"</example>"'
               '\r\n---\r\nBody\r\n')),)
    examples_good = (Example(
        '---\nname: a\ndescription: Use it. Examples: <example>user: "hi"</example>\n---\nBody\n'),)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        doc = ctx.doc
        block = doc.block
        if doc.state is not ParseState.FAILED or block is None or not doc.crlf:
            return
        if not _lf_would_load(block.yaml):
            return
        edits = retry.repair_edits(block.yaml)
        first = edits[0] if edits else (0, 0, "")
        span = Span(block.start + first[0], block.start + first[1])
        severity = self.severity if ctx.dialect == "claude-agent" else Severity.WARNING
        place, related = yaml_place(doc, doc.strict_error)
        yield ctx.finding(
            span,
            f"{_claude_consequence(ctx)}: with CRLF line endings Claude Code's lenient retry "
            "cannot quote this value, so the invalid YAML is not rescued (with LF endings it "
            f"would be); the YAML breaks {place}",
            fix=quoting_fix(doc),
            severity=severity,
            effect=ctx.skip_effect(),
            related=related,
        )
