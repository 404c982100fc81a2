from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from agentls.frontmatter.document import AgentDocument
from agentls.frontmatter.yamlnodes import Scalar
from agentls.knowledge.dialects import DIALECTS
from agentls.model import Applicability, Edit, Effect, Finding, Fix, Severity
from agentls.rules._fields import truthy
from agentls.rules._values import (
    body_description,
    js_string,
    plugin_name,
    show_value,
    wrong_case_key,
)
from agentls.rules.base import CheckContext, Example, Rule


class MissingDescription(Rule):
    """The `description` is missing, empty, or not a string.

    ## What it does
    Reports a `description` that is absent, empty, null, a number, a boolean, a list or a
    map, and says what the tool does instead.

    ## Why is this bad?
    The description is how Claude decides when to delegate to an agent. Claude Code
    **skips** a subagent without a string description (`Missing required "description"
    field`), though `claude plugin validate` passes empty, numeric and boolean ones.
    `when_to_use` is no fallback for subagents. A plugin agent falls back to `when_to_use`,
    then to `Agent from <plugin> plugin`; a skill or command takes the first line of its
    body. GitHub Copilot custom agents and OpenCode agents require a description.

    ## Example
    ```yaml
    description: 55
    ```
    Write what the agent does and when to use it, as text.
    """

    code = "AG110"
    slug = "missing-description"
    severity = Severity.ERROR
    reads_body = True
    fixable = True
    effect = Effect.SKIP
    dialects = frozenset({"claude-agent", "claude-plugin-agent", "claude-skill",
                          "claude-command", "copilot-agent", "opencode-agent"})
    examples_bad = (
        Example("---\nname: a\n---\nBody\n"),
        Example("---\nname: a\ndescription: 55\n---\nBody\n",
                fixed='---\nname: a\ndescription: "55"\n---\nBody\n'),
        Example("---\nname: a\ndescription: [a, b]\n---\nBody\n", "claude-plugin-agent"),
        Example("---\nname: a\n---\nBody\n", "copilot-agent"),
    )
    examples_good = (Example("---\nname: a\ndescription: Reviews code\n---\nBody\n"),)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        doc = ctx.doc
        pair = doc.pair("description")
        value: Any = pair[1].value if pair else None
        if isinstance(value, str) and value:
            return  # blank ones: AG115
        if pair is None:
            wrong = wrong_case_key(doc.root, "description")
            other = wrong or _first_key(doc, "when_to_use", "when-to-use")
            span = ctx.node_span(other) if other is not None else ctx.open_delimiter_span()
            why = "it has no `description`"
            if wrong is not None:
                why += f"; `{wrong.value}` is a different key (keys are case-sensitive)"
        else:
            span = ctx.value_span("description") or ctx.node_span(pair[0])
            why = f"`description` is {'empty' if value in (None, '') else show_value(value)}"
        dialect = ctx.dialect
        if dialect == "claude-agent":
            if pair is None and _first_key(doc, "when_to_use", "when-to-use") is not None:
                why += " (`when_to_use` is a fallback for plugin agents only)"
            elif pair is not None and truthy(value):
                why += ", not a string"
            yield ctx.finding(span, f"{ctx.skip_prefix()}: {why}", fix=_quote(ctx))
        elif dialect == "claude-plugin-agent":
            yield from _plugin(ctx, span, why, pair is None, value)
        elif dialect in ("claude-skill", "claude-command"):
            if isinstance(value, (bool, int, float)):
                then = f"Claude Code turns it into the text {js_string(value)!r}"
            else:
                line = body_description(doc.cut.body)
                then = (f"Claude Code uses the first line of the body, {line!r}" if line
                        else "the body has no text either, so there is no description")
            yield ctx.finding(span, f"{why}: {then}", severity=Severity.INFO,
                              effect=None if pair is None else Effect.CHANGED)
        elif dialect == "copilot-agent":
            # VS Code 1.139 reads an agent without one and says nothing (checked in
            # code-server); GitHub's custom-agent docs still require it.
            yield ctx.finding(span, f"GitHub's custom-agent docs require a `description`: {why} "
                              "(VS Code reads the agent without one)", severity=Severity.WARNING,
                              effect=None)
        elif "description" in DIALECTS[dialect].required:
            yield ctx.finding(span, f"{ctx.product} requires a `description`: {why}", effect=None)


def _plugin(ctx: CheckContext, span: Any, why: str, absent: bool, value: Any) -> Iterator[Finding]:
    if isinstance(value, (bool, int, float)):
        yield ctx.finding(span, f"{why}: Claude Code turns it into the text "
                          f"{js_string(value)!r}", severity=Severity.INFO, effect=Effect.CHANGED)
        return
    fallback = plugin_description(ctx.doc)
    if absent and fallback != _generic(ctx.doc):
        return  # the documented fallback
    invalid = isinstance(value, (list, dict))
    yield ctx.finding(
        span, f"{why}: this plugin agent loads with the description {fallback!r}"
        + (" (`claude plugin validate`: Description invalid)" if invalid else ""),
        severity=Severity.WARNING if invalid else Severity.INFO,
        effect=None if absent else Effect.CHANGED)


def plugin_description(doc: AgentDocument) -> str:
    """The description a plugin agent loads with: `description`, `when_to_use`,
    `when-to-use` (trimmed; numbers and booleans as text), then the generic one."""
    for key in ("description", "when_to_use", "when-to-use"):
        value = doc.data.get(key)
        if isinstance(value, (bool, int, float)):
            return js_string(value)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return _generic(doc)


def _generic(doc: AgentDocument) -> str:
    return f"Agent from {plugin_name(doc)} plugin"


def _first_key(doc: AgentDocument, *keys: str) -> Any:
    for key in keys:
        pair = doc.pair(key)
        if pair is not None:
            return pair[0]
    return None


def _quote(ctx: CheckContext) -> Fix | None:
    pair = ctx.doc.pair("description")
    if pair is None or not isinstance(pair[1], Scalar) or pair[1].style is not None:
        return None
    if not isinstance(pair[1].value, (bool, int, float)):
        return None
    span = ctx.node_span(pair[1])
    raw = ctx.doc.text[span.start:span.end]
    if "\n" in raw:
        return None
    return Fix("Quote the description", (Edit(span, f'"{raw}"'),), Applicability.UNSAFE)
