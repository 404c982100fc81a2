from __future__ import annotations

import re
from collections.abc import Iterator

from agentls.frontmatter import retry, yamlnodes
from agentls.frontmatter.document import ParseState
from agentls.model import Effect, Finding, Severity, Span
from agentls.rules._values import body_description
from agentls.rules._yaml_place import yaml_place
from agentls.rules.base import CLAUDE_ALL, CheckContext, Example, Rule

# A top-level `key: value` line, up to where the YAML broke.
_TOP_KEY = re.compile(r"[A-Za-z_][\w-]*[ \t]*:[ \t]+\S")


class YamlParseFailure(Rule):
    """The frontmatter is not valid YAML, even for Claude Code's lenient retry.

    ## What it does
    Reports frontmatter that fails to parse, at the place the YAML parser gave up (the
    first, strict error: that is usually the one to fix).

    ## Why is this bad?
    When the YAML does not parse, Claude Code retries once after quoting suspicious one-line
    values. When that fails too, a subagent is **skipped** (the log line is only visible with
    `--debug`), a plugin agent loads under its file name with a generic description, and a
    skill or command loads with empty metadata. Common causes: a value that continues on an
    unindented line, a value ending in `:`, an unterminated quote, a key with a digit or dot
    followed by another `key: value` on the same line.

    ## Example
    ```yaml
    ---
    name: reviewer
    description: "Reviews code
    ---
    ```
    Close the quote, or remove it.
    """

    code = "AG003"
    slug = "yaml-parse-failure"
    severity = Severity.ERROR
    effect = Effect.SKIP
    needs_mapping = False
    reads_body = True  # a skill's or command's message quotes its first body line
    unparsed_only = True
    examples_bad = (Example('---\nname: a\ndescription: "oops\n---\nBody\n'),)
    examples_good = (Example('---\nname: a\ndescription: "fine"\n---\nBody\n'),)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        doc = ctx.doc
        block = doc.block
        if doc.state is not ParseState.FAILED or block is None or doc.strict_error is None:
            return
        copilot = ctx.dialect.startswith("copilot-")
        if doc.crlf and not copilot and _lf_would_load(block.yaml):
            return  # AG004 explains this one: CRLF defeated the retry
        offset = doc.strict_error.offset
        if offset is None:
            offset = block.start
        if ctx.dialect in CLAUDE_ALL and _cut_mid_line(doc.text, block.close_start, offset):
            return  # AG007 explains this one: a `---` in the value cut it short
        span = _error_span(doc.text, offset, block.end)
        detail, related = yaml_place(doc, doc.strict_error)
        if ctx.dialect.startswith("claude-"):
            lead = _claude_consequence(ctx)
            message = (f"{lead}: the frontmatter is not valid YAML, even after Claude Code's "
                       f"lenient retry: {detail}")
            severity = self.severity if ctx.dialect == "claude-agent" else Severity.WARNING
        elif copilot and _vscode_reads(doc.text, offset, doc.strict_error.message):
            # VS Code's header parser reports nothing here: it ends the header at this `:`,
            # or lets an unclosed quote run to the end of the header.
            yield ctx.finding(span, "VS Code reads this header without a word, but not as "
                              f"written: {detail}; strict YAML parsers reject it",
                              severity=Severity.WARNING, effect=Effect.CHANGED, related=related)
            return
        else:
            message = f"{ctx.product} cannot read this frontmatter: {detail}"
            severity = self.severity
        yield ctx.finding(span, message, severity=severity, effect=ctx.skip_effect(),
                          related=related)


def _vscode_reads(text: str, offset: int, message: str) -> bool:
    """VS Code's own header parser reads on without an error: an unclosed quote (it runs to
    the end of the header), or a `:` on a top-level `key:` line (the header ends there)."""
    if "while scanning a quoted scalar" in message and "end of stream" in message:
        return True
    line_start = text.rfind("\n", 0, offset) + 1
    line = text[line_start:offset]
    return message.startswith("mapping values are not allowed") and bool(_TOP_KEY.match(line))



def _claude_consequence(ctx: CheckContext) -> str:
    if ctx.dialect == "claude-agent":
        return ctx.skip_prefix()
    if ctx.dialect == "claude-plugin-agent":
        return "Claude Code loads this plugin agent under its file name with a generic description"
    line = body_description(ctx.doc.cut.body)
    fallback = f"the first body line, {line!r}" if line else (
        "`Skill`" if ctx.dialect == "claude-skill" else "`Custom command`")
    return (f"Claude Code loads this {ctx.noun} with empty metadata (every field dropped; the "
            f"description is {fallback})")


def _cut_mid_line(text: str, close: int, error: int) -> bool:
    """The block was closed by a `---` in the middle of the line the parser failed on."""
    line_start = text.rfind("\n", 0, close) + 1
    return text[line_start:close].strip() != "" and line_start <= error <= close


def _lf_would_load(block: str) -> bool:
    text = block.replace("\r\n", "\n")
    try:
        yamlnodes.parse(retry.rewrite(text).text)
    except yamlnodes.YamlError:
        return False
    return True


def _error_span(text: str, offset: int, limit: int) -> Span:
    """The character at the error, or the rest of its line when it sits on a line end."""
    offset = min(offset, len(text))
    if offset < limit and text[offset] not in "\r\n":
        return Span(offset, offset + 1)
    line_start = text.rfind("\n", 0, offset) + 1
    if line_start == offset and offset > 0:  # at a line start: point at the line above
        line_start = text.rfind("\n", 0, offset - 1) + 1
        offset -= 1
    end = offset
    while end > line_start and text[end - 1] in "\r\n":
        end -= 1
    start = line_start + (len(text[line_start:end]) - len(text[line_start:end].lstrip()))
    return Span(min(start, end), end)
