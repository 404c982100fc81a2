from __future__ import annotations

from collections.abc import Iterator

from agentls.frontmatter import retry
from agentls.frontmatter.yamlnodes import Scalar
from agentls.model import Applicability, Edit, Effect, Finding, Fix, Severity, Span
from agentls.rules._fields import truthy
from agentls.rules._values import js_string, plugin_agent_id, show_value, utf16_len
from agentls.rules.base import CLAUDE_AGENTS, CheckContext, Example, Rule


class NameNotAString(Rule):
    """The `name` is a number, a boolean, a list or a map, not a string.

    ## What it does
    Reports a `name` that YAML reads as something other than text: `49`, `1.0`, `0x1F`,
    `0o17`, `true`, `[a, b]`.

    ## Why is this bad?
    Claude Code skips a subagent whose name is not a string (the debug log says
    `Missing required "name" field`; `claude plugin validate` reports an error). Claude Code
    reads YAML 1.2, so `0x1F` is the number 31 and `0o17` is 15, while `yes` and `1_000`
    stay text. A plugin agent keeps loading, but under the name turned into text: `1.0`
    becomes `1` and `0x1F` becomes `31`.

    ## Example
    ```yaml
    name: 49
    ```
    Quote it: `name: "49"`.
    """

    code = "AG101"
    slug = "name-not-a-string"
    severity = Severity.ERROR
    effect = Effect.SKIP
    dialects = CLAUDE_AGENTS
    keys = frozenset({"name"})
    fixable = True
    examples_bad = (
        Example("---\nname: 49\ndescription: d\n---\nBody\n",
                fixed='---\nname: "49"\ndescription: d\n---\nBody\n'),
        Example("---\nname: 0x1F\ndescription: d\n---\nBody\n", "claude-plugin-agent"),
    )
    examples_good = (Example('---\nname: "49"\ndescription: d\n---\nBody\n'),)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        pair = ctx.doc.pair("name")
        if pair is None:
            return
        node = pair[1]
        value = node.value
        if isinstance(value, str) or value is None:
            return
        span = ctx.node_span(node)
        raw = ctx.doc.text[span.start:span.end]
        what = show_value(value)
        if isinstance(node, Scalar) and node.style is None and raw.strip() != js_string(value):
            what = f"`{raw.strip()}`, {what}"
        fix = _quote(node, raw, span)
        if ctx.dialect == "claude-plugin-agent":
            text = js_string(value)
            name = text if text and utf16_len(text) <= 256 else None
            yield ctx.finding(
                span, f"`name` is {what}, not a string: Claude Code turns it into text, so this "
                f"plugin agent is `{plugin_agent_id(ctx.doc, name)}`",
                severity=Severity.WARNING, effect=Effect.CHANGED, fix=fix)
            return
        if not truthy(value):
            return  # false, 0: no name at all (AG100)
        advice = "; quote it" if fix is not None else ""
        yield ctx.finding(span, f"{ctx.skip_prefix()}: `name` is {what}, not a string{advice}",
                          fix=fix)


def _quote(node: object, raw: str, span: Span) -> Fix | None:
    if not isinstance(node, Scalar) or node.style is not None or "\n" in raw or not raw:
        return None
    return Fix(f"Quote the name: {retry.quote(raw)}", (Edit(span, retry.quote(raw)),),
               Applicability.UNSAFE)
