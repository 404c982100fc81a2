from __future__ import annotations

import re
from collections.abc import Iterator

from agentls.frontmatter.document import AgentDocument, ParseState
from agentls.frontmatter.yamlnodes import Scalar
from agentls.knowledge.dialects import DIALECTS
from agentls.model import Effect, Finding, Related, Severity, Span
from agentls.rules._values import show_value
from agentls.rules._yaml_place import yaml_place
from agentls.rules.base import CLAUDE_ALL, CheckContext, Example, Rule

_KEY_LINE = re.compile(r"^([A-Za-z_][A-Za-z0-9_-]*)[ \t]*:(?:[ \t]|\r?$)", re.M)
_RULE_LINE = re.compile(r"^---[ \t]*\r?$", re.M)
# A fenced code block (``` or ~~~), to the closing fence or the end of the region.
_FENCED = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,}).*?(?:^[ \t]{0,3}\1[ \t]*\r?$|\Z)", re.M | re.S)


class SeparatorInValue(Rule):
    """A `---` inside a value, or a `---` line, ends the frontmatter too early.

    ## What it does
    Reports the `---` that closed the frontmatter when it is not the line meant to close
    it: a `---` in the middle of a value (`description: x --- y`, `hr---inword`), or a
    `---` line (also an indented one inside a `|` block) with more `key:` lines below it
    before the real closing line.

    ## Why is this bad?
    Claude Code cuts the frontmatter at the **first** `---` after the opening line,
    anywhere: mid-line, inside quotes, inside a block scalar, inside a word. The value is
    cut there and everything after it, the rest of the line and every later key, becomes
    the body. A `tools:` below is lost, so the agent gets **every** tool; a lost `name` or
    `description` makes Claude Code skip the agent; a cut inside quotes leaves an
    unterminated quote, and the frontmatter fails to parse.

    ## Example
    ```yaml
    ---
    name: reviewer
    description: Reviews code --- carefully
    tools: Read, Grep
    ---
    ```
    Here the description is `Reviews code ` and `tools` is lost. Write the dash some other
    way (`—`, `-`), or move it out of the frontmatter.
    """

    code = "AG007"
    slug = "separator-in-value"
    severity = Severity.WARNING
    reads_body = True
    effect = Effect.CHANGED
    dialects = CLAUDE_ALL  # the first `---` anywhere: Claude Code's cutting (§2.1)
    needs_mapping = False
    examples_bad = (
        Example("---\nname: a\ndescription: x --- y\ntools: Read\n---\nBody\n"),
        Example("---\nname: a\ndescription: hr---inword\n---\nBody\n"),
        Example("---\nname: a\ndescription: |\n  a\n---\ntools: Read\n---\nBody\n"),
    )
    examples_good = (
        Example("---\nname: a\ndescription: x — y\ntools: Read\n---\nBody\n"),
        Example("---\nname: a\ndescription: d\n---\nNote: a rule below.\n\n---\nMore\n"),
    )

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        doc = ctx.doc
        block = doc.block
        if block is None or doc.state is ParseState.NO_BLOCK:
            return
        text = doc.text
        at = block.close_start
        line_start = text.rfind("\n", 0, at) + 1
        before = text[line_start:at]
        mid_line = before.strip() != ""
        indented = not mid_line and before != ""
        region = _cut_region(doc)
        lost = _lost_keys(region, ctx.dialect, any_key=mid_line or indented)
        if not mid_line and not lost and not _block_goes_on(doc, region):
            return  # an ordinary closing line
        span = Span(at, at + 3)
        where = "in the middle of a line" if mid_line else (
            "on an indented line" if indented else "on a line of its own")
        cut = _cut_value(doc)
        parts = [f"this `---` {where} ends the frontmatter"]
        if cut:
            parts.append(cut)
        if lost:
            names = ", ".join(f"`{k}`" for k in lost)
            verb = "is" if len(lost) == 1 else "are"
            parts.append(f"{names} below it {verb} part of the body, not loaded")
            if "tools" in lost and doc.pair("tools") is None and "agent" in ctx.dialect:
                parts.append("without `tools` the agent gets every tool")
        message = "; ".join(parts)
        related: tuple[Related, ...] = ()
        if doc.state is ParseState.FAILED:
            place, related = yaml_place(doc, doc.strict_error)
            message += f" (the YAML breaks {place})"
        skipped = ctx.dialect == "claude-agent" and (
            doc.state is ParseState.FAILED
            or any(k in lost and not isinstance(doc.data.get(k), str) for k in ("name", "description")))
        if skipped:
            yield ctx.finding(span, f"{ctx.skip_prefix()}: {message}", severity=Severity.ERROR,
                              effect=Effect.SKIP, related=related)
        else:
            yield ctx.finding(span, message[0].upper() + message[1:], related=related)


def _cut_region(doc: AgentDocument) -> str:
    """The text after the cut, up to the next `---` line (where the author closed the block).
    Empty when there is no such line: then nothing says the frontmatter went on."""
    block = doc.block
    assert block is not None
    rest = doc.text[block.close_start + 3 :]
    at = rest.find("---")
    while at >= 0:  # find first: an anchored multi-line regex tries every position of the body
        match = _RULE_LINE.match(rest, at)
        if match is not None and (at == 0 or rest[at - 1] == "\n"):
            return rest[:at]
        at = rest.find("---", at + 1)
    return ""


def _block_goes_on(doc: AgentDocument, region: str) -> bool:
    """The last value is a `|`/`>` block and the text after the cut goes on indented."""
    root = doc.root
    if root is None or not root.pairs:
        return False
    last = root.pairs[-1][1]
    if not isinstance(last, Scalar) or last.style not in ("|", ">"):
        return False
    first = next((line for line in region.split("\n")[1:] if line.strip()), "")
    return first[:1] in (" ", "\t")


def _lost_keys(region: str, dialect: str, any_key: bool) -> list[str]:
    """`key:` lines in column 0 of the region: any key after a mid-line cut, else only the
    dialect's known keys (a body paragraph like `Note: x` is not a lost key).

    After a `---` line, the region counts only when it reads as more frontmatter: its first
    line is a `key:` line or indented (a block value going on). A body that starts with a
    heading or prose and shows YAML later, in a fenced code block before a `---` rule, lost
    nothing. Keys inside fenced code blocks never count."""
    if not any_key:
        first = next((line for line in region.split("\n")[1:] if line.strip()), "")
        if not (_KEY_LINE.match(first) or first[:1] in (" ", "\t")):
            return []
    known = DIALECTS[dialect].keys if dialect in DIALECTS else frozenset()
    out: list[str] = []
    region = _FENCED.sub(lambda m: "\n" * m.group().count("\n"), region)
    for match in _KEY_LINE.finditer(region):
        key = match.group(1)
        if (any_key or key in known) and key not in out:
            out.append(key)
    return out[:8]


def _cut_value(doc: AgentDocument) -> str | None:
    """What the last value before the cut loads as."""
    root = doc.root
    if doc.state is ParseState.FAILED:
        return "the value it cuts leaves the frontmatter unparseable"
    if root is None or not root.pairs:
        return None
    key, _value = root.pairs[-1]
    if not isinstance(key.value, str):
        return None
    loaded = doc.data.get(key.value)
    if isinstance(loaded, (list, dict)):
        return f"`{key.value}` is cut there"
    return f"`{key.value}` loads as {show_value(loaded)}"
