from __future__ import annotations

from collections.abc import Iterator

from agentls.frontmatter import retry, yamlnodes
from agentls.frontmatter.document import AgentDocument, ParseState
from agentls.model import Effect, Finding, Severity, Span
from agentls.rules._retry_fix import quoting_fix
from agentls.rules._yaml_place import yaml_place
from agentls.rules.base import CLAUDE_ALL, CheckContext, Example, Rule


class RescuedYaml(Rule):
    """Invalid YAML that Claude Code still loads, and every other tool rejects.

    ## What it does
    Reports a frontmatter value that strict YAML rejects but that Claude Code's lenient
    retry rescues, most often a one-line description holding
    `Examples: <example>Context: … user: "…"</example>` without quotes.

    ## Why is this bad?
    Claude Code loads the file: when its strict parse fails it quotes such one-line values
    and parses again. Strict parsers (Cursor, GitHub Copilot, python-frontmatter, GitHub's
    Markdown renderer, most linters) reject the whole frontmatter. And the rescue is
    fragile: the same file with CRLF line endings is skipped, and the retry also rewrites
    other lines (a `# comment` after a value becomes part of it).

    In a slash command this is information only: nothing but Claude Code reads
    `.claude/commands`, and Claude Code's own docs write `argument-hint: [pr-number]
    [priority]` unquoted. (If the file gets CRLF endings, AG004 reports the real failure.)

    ## Fix
    The quick fix quotes the values exactly as the retry does (backslashes doubled, `"`
    escaped, one line), so every parser accepts the file and Claude Code loads the very
    same text. It avoids block scalars (`|`, `>`), which keep a final newline in Claude Code.
    """

    code = "AG005"
    slug = "rescued-yaml"
    severity = Severity.WARNING
    effect = Effect.RESCUED
    dialects = CLAUDE_ALL
    needs_mapping = False
    fixable = True
    examples_bad = (Example(
        '---\nname: a\ndescription: Use it. Examples: <example>user: "hi"</example>\n---\nBody\n',
        fixed=('---\nname: a\ndescription: "Use it. Examples: <example>user: \\"hi\\"</example>"'
               '\n---\nBody\n')),)
    examples_good = (Example(
        '---\nname: a\ndescription: "Use it. Examples: <example>user: \\"hi\\"</example>"\n---\nBody\n'),)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        doc = ctx.doc
        block = doc.block
        if doc.state is not ParseState.RESCUED or block is None or doc.rewrite is None:
            return
        fix = quoting_fix(doc)
        severity = Severity.INFO if ctx.dialect == "claude-command" else self.severity
        detail, related = yaml_place(doc, doc.strict_error)
        message = ("Claude Code loads this only because its lenient retry quotes the value; "
                   "strict YAML parsers (Cursor, GitHub Copilot, python-frontmatter, GitHub's "
                   f"renderer) reject the frontmatter: {detail}")
        broken = [line for line, alone in _alone(doc) if alone is _BROKEN]
        if not broken:
            at = doc.strict_error.offset if doc.strict_error and doc.strict_error.offset else block.start
            row = doc.index.line_of(at)
            start, end = doc.index.line_start(row), doc.index.line_end(row)
            yield ctx.finding(Span(start, max(start, end)), message, fix=fix, related=related,
                              severity=severity)
            return
        for line in broken:
            yield ctx.finding(Span(block.start + line.value_start, block.start + line.value_end),
                              message, fix=fix, related=related, severity=severity)


_BROKEN = object()  # the line alone is not valid YAML


def _alone(doc: AgentDocument) -> list[tuple[retry.QuotedLine, object]]:
    """Each line the retry quoted, with what it loads as on its own (or ``_BROKEN``).

    Computed once per parse and shared by AG005 and AG006.
    """
    if doc.rewrite is None:
        return []
    memo: list[tuple[retry.QuotedLine, object]] | None = doc.memo.get("retry_alone")
    if memo is None:
        memo = []
        memo = [(line, _load_alone(line.key, line.original, doc.yaml_failures))
                for line in doc.rewrite.quoted]
        doc.memo["retry_alone"] = memo
    return memo


def _load_alone(key: str, original: str, failures: yamlnodes.ParseFailures | None) -> object:
    """What ``key: original`` loads as on its own. In an editor the failed parse is remembered
    (``failures``): an edit elsewhere in the frontmatter leaves the rescued line as it was."""
    try:
        parsed = yamlnodes.parse(f"{key}: {original}", failures=failures).root
    except yamlnodes.YamlError:
        return _BROKEN
    return parsed.value.get(key) if isinstance(parsed, yamlnodes.Mapping) else None


def collateral_changes(doc: AgentDocument) -> list[tuple[retry.QuotedLine, object]]:
    """Lines that parse on their own but that the retry rewrote anyway, with their old value."""
    return [(line, value) for line, value in _alone(doc)
            if value is not _BROKEN and value != line.original]
