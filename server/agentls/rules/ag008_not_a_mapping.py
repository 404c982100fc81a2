from __future__ import annotations

import re
from collections.abc import Iterator

from agentls.frontmatter import yamlnodes
from agentls.frontmatter.document import AgentDocument, ParseState
from agentls.model import Effect, Finding, Severity, Span
from agentls.rules.base import CheckContext, Example, Rule

_DOCUMENT_END = re.compile(r"^\.\.\.[ \t]*\r?$", re.M)


class NotAMapping(Rule):
    """The frontmatter parses, but it is not a mapping of `key: value` pairs.

    ## What it does
    Reports frontmatter that is empty (`---` right after `---`), a list (`- a`), a single
    scalar, or several YAML documents (a `...` line ends the first one).

    ## Why is this bad?
    Claude Code reads such frontmatter as `{}`: no name, no description. A subagent is then
    skipped without a word (it is taken for a reference document); a plugin agent loads
    under its file name with a generic description; a skill or command loads with empty
    metadata.

    ## Example
    ```yaml
    ---
    name: reviewer
    ...
    description: Reviews code
    ---
    ```
    Remove the `...` line. Write the frontmatter as `key: value` lines.
    """

    code = "AG008"
    slug = "not-a-mapping"
    severity = Severity.ERROR
    effect = Effect.SKIP
    needs_mapping = False
    unparsed_only = True
    examples_bad = (
        Example("---\n---\nBody\n"),
        Example("---\n- name: a\n---\nBody\n"),
        Example("---\nname: a\n...\ndescription: d\n---\nBody\n"),
    )
    examples_good = (Example("---\nname: a\ndescription: d\n---\nBody\n"),)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        doc = ctx.doc
        block = doc.block
        if doc.state is not ParseState.NOT_MAPPING or block is None:
            return
        end_line = _DOCUMENT_END.search(block.yaml)
        if end_line is not None:
            start = block.start + end_line.start()
            span = Span(start, start + 3)
            why = "this `...` line ends the YAML document, so the frontmatter holds two documents"
        else:
            why, span = _shape(doc)
        severity = self.severity if ctx.dialect == "claude-agent" else Severity.WARNING
        yield ctx.finding(span, f"{_lead(ctx)}: {why}, not a mapping of `key: value` pairs",
                          severity=severity, effect=ctx.skip_effect())


def _shape(doc: AgentDocument) -> tuple[str, Span]:
    block = doc.block
    assert block is not None
    source = doc.rewrite.text if doc.rewrite is not None else block.yaml
    try:
        root = yamlnodes.parse(source).root
    except yamlnodes.YamlError:
        root = None
    stripped = block.yaml.strip()
    if root is None or (isinstance(root, yamlnodes.Scalar) and root.value is None):
        if not stripped or all(line.strip().startswith("#") or not line.strip()
                               for line in block.yaml.splitlines()):
            start = 1 if doc.cut.bom else 0
            # To the end of the closing `---` (a Copilot header may run to the end of the file).
            return "the frontmatter is empty", Span(start, min(block.close_start + 3, block.close_end))
        what = "the frontmatter is null"
    elif isinstance(root, yamlnodes.Sequence):
        what = "the frontmatter is a list"
    else:
        what = "the frontmatter is a single value"
    first = block.start + (len(block.yaml) - len(block.yaml.lstrip()))
    line_end = doc.text.find("\n", first)
    end = min(block.end, line_end if line_end >= 0 else block.end)
    while end > first and doc.text[end - 1] in " \t\r":
        end -= 1
    return what, Span(first, max(first, end))


def _lead(ctx: CheckContext) -> str:
    if ctx.dialect == "claude-agent":
        return f"{ctx.skip_prefix()} (silently)"
    if ctx.dialect == "claude-plugin-agent":
        return "Claude Code loads this plugin agent under its file name with a generic description"
    if ctx.dialect in ("claude-skill", "claude-command"):
        return f"Claude Code loads this {ctx.noun} with empty metadata"
    return f"{ctx.product} reads no metadata from this {ctx.noun}"
