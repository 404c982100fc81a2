from __future__ import annotations

from collections.abc import Iterator

from agentls.frontmatter.document import ParseState
from agentls.model import Effect, Finding, Related, Severity, Span
from agentls.rules._retry_fix import quoting_fix
from agentls.rules._yaml_place import yaml_place
from agentls.rules.base import CheckContext, Example, Rule

COPILOT = frozenset({"copilot-agent", "copilot-prompt", "copilot-instructions"})


class CopilotLenientHeader(Rule):
    """A Copilot header that VS Code reads, although it is not valid YAML.

    ## What it does
    VS Code reads `.agent.md`, `.prompt.md`, `.instructions.md` and `.chatmode.md` headers
    with its own small YAML parser (`vs/base/common/yaml.ts`), not a strict one. For each
    one-line value that strict YAML rejects, this says what VS Code makes of it:

    - `*`, `&`, `!`, `@`, `` ` ``, `%` are plain text there (no anchors, aliases or tags):
      `applyTo: **/*.py` is the glob `**/*.py`. Information only, with the quoting fix for
      the other tools that read these files with strict YAML.
    - A `: ` inside an unquoted value (`description: Use when: x`) **ends the header** for
      VS Code: the value is cut there and every key below it is ignored, without a word. A
      warning.
    - Text after a complete `[…]` list (`argument-hint: [file] [line]`) is an error in VS
      Code. A warning here (Claude Code reads the same line as text).
    - An unclosed quote runs to the end of the header: every key below it becomes part of
      the value. A warning.

    ## Why is this bad?
    The first kind is fine in VS Code, so it is not reported as an error. The other two load
    without any message in VS Code, but not as written: keys silently go missing.

    ## Example
    ```yaml
    description: Use when: reviewing Python
    applyTo: '**/*.py'
    ```
    VS Code reads the description `Use when` and no `applyTo`. Quote the description.
    """

    code = "AG191"
    slug = "copilot-lenient-header"
    severity = Severity.INFO
    dialects = COPILOT
    needs_mapping = False
    fixable = True
    examples_bad = (
        Example("---\napplyTo: **/*.py\n---\nBody\n", "copilot-instructions",
                fixed="---\napplyTo: \"**/*.py\"\n---\nBody\n"),
        Example("---\ndescription: Use when: x\napplyTo: '**'\n---\nBody\n", "copilot-instructions"),
    )
    examples_good = (Example("---\napplyTo: '**/*.py'\n---\nBody\n", "copilot-instructions"),)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        doc = ctx.doc
        block = doc.block
        if doc.state is not ParseState.RESCUED or block is None or doc.rewrite is None:
            return
        fix = quoting_fix(doc)
        if not doc.rewrite.quoted:  # only tabs used as indentation: VS Code takes them
            place, related = yaml_place(doc, doc.strict_error)
            yield ctx.finding(Span(block.start, block.start), "VS Code reads this header, but strict "
                              f"YAML parsers reject it: {place}", related=related)
            return
        keys = [k.value for k, _ in doc.root.pairs] if doc.root is not None else []
        for line in doc.rewrite.quoted:
            span = Span(block.start + line.value_start, block.start + line.value_end)
            value = line.original
            below = keys[keys.index(line.key) + 1:] if line.key in keys else []
            lost = (" (" + ", ".join(f"`{k}`" for k in below[:6]) + " ignored)") if below else ""
            if value[0] in "\"'" and not (len(value) > 1 and value.endswith(value[0])):
                yield ctx.finding(
                    span, f"VS Code reads this header without a word, but the unclosed `{value[0]}` "
                    f"runs to the end of the header: every key below is part of `{line.key}`{lost}",
                    severity=Severity.WARNING, effect=Effect.CHANGED, fix=fix)
                continue
            cut = vscode_cut(value)
            if cut is not None and value[:1] in "[{":
                yield ctx.finding(
                    span, f"VS Code marks an error here: it reads `{line.key}` as the list "
                    f"{value[:cut].rstrip()!r} and cannot place the text after it; quote the value",
                    severity=Severity.WARNING, effect=Effect.CHANGED, fix=fix,
                    related=(Related("The list ends before this text", Span(span.start + cut, span.start + cut + 1)),))
                continue
            if cut is not None:
                read = value[:cut].rstrip()
                yield ctx.finding(
                    span, f"VS Code reads `{line.key}` as {read!r} and ends the header there, "
                    f"without a word: the rest of this line and every key below it are "
                    f"ignored{lost}; quote the value",
                    severity=Severity.WARNING, effect=Effect.CHANGED, fix=fix,
                    related=(Related("VS Code's header ends here", Span(span.start + cut, span.start + cut + 1)),))
                continue
            yield ctx.finding(
                span, f"VS Code reads `{line.key}` as written (its header parser takes `*`, `&`, "
                "`!`, `@` and backquotes as text), but strict YAML parsers reject it; quote it for "
                "the other tools", fix=fix)


def vscode_cut(value: str) -> int | None:
    """Where VS Code's header parser stops reading a one-line unquoted value and the header
    with it: text after a complete `[…]`/`{…}`, or a `: ` (or a final `:`) before any ` #`."""
    if value[:1] in "[{":
        depth = 0
        for i, ch in enumerate(value):
            if ch in "[{":
                depth += 1
            elif ch in "]}":
                depth -= 1
                if depth == 0:
                    rest = value[i + 1:].lstrip()
                    return i + 1 + (len(value[i + 1:]) - len(rest)) if rest and not rest.startswith("#") else None
        return None
    comment = value.find(" #")
    end = len(value) if comment < 0 else comment
    colon = value.find(": ", 0, end)
    if colon < 0 and end == len(value) and value.endswith(":"):
        colon = len(value) - 1
    return colon if colon >= 0 else None
