from __future__ import annotations

from collections.abc import Iterator

from agentls.frontmatter.yamlnodes import Scalar
from agentls.knowledge.claude_code import MODEL_ALIASES, is_known_model, suggest
from agentls.model import Finding, Severity
from agentls.rules._fields import value_node
from agentls.rules.base import CLAUDE_ALL, CheckContext, Example, Rule


class UnknownModel(Rule):
    """`model` is neither a Claude Code model alias nor shaped like a model id.

    ## What it does
    Accepts the aliases `sonnet`, `opus`, `haiku`, `opusplan`, `best`, `fable`, `default` and
    `inherit` in any case, a `[1m]` suffix, full ids (`claude-opus-4-6`,
    `claude-sonnet-4-5-20250929`) and provider ids (Bedrock `anthropic.claude-…` and
    `us.anthropic.claude-…`, Bedrock ARNs, Vertex `claude-…@2025…`). Reports anything else.

    ## Why is this bad?
    Claude Code does not validate `model`: the agent loads and the value goes to the API
    unchanged, where the request fails (`[claude-code:unrecognized_model]`). Nothing tells
    you until the agent is used. This is a warning, not an error: new model ids appear all
    the time, and the alias table changes per build.

    ## Example
    ```yaml
    model: gpt-4
    ```
    Use an alias such as `sonnet`, or `inherit` to use the caller's model.
    """

    code = "AG130"
    slug = "unknown-model"
    severity = Severity.WARNING
    dialects = CLAUDE_ALL
    keys = frozenset({"model"})
    examples_bad = (Example("---\nname: a\ndescription: d\nmodel: gpt-4\n---\nBody\n"),)
    examples_good = tuple(
        Example(f"---\nname: a\ndescription: d\nmodel: {m}\n---\nBody\n")
        for m in ("opus[1m]", "INHERIT", "claude-sonnet-4-5-20250929",
                  "us.anthropic.claude-sonnet-4-5-20250929-v1:0", "claude-opus-4-1@20250805")
    )

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        node = value_node(ctx, "model")
        if not isinstance(node, Scalar) or not isinstance(node.value, str):
            return
        value = node.value.strip()
        if not value or is_known_model(value):
            return
        found = suggest(value, MODEL_ALIASES)
        if not found:
            low = value.lower()
            found = [a for a in MODEL_ALIASES if a in low.replace("-", " ").split()]
        hint = f" (did you mean `{found[0]}`?)" if found else ""
        where = "this agent" if ctx.noun.endswith("agent") else f"this {ctx.noun}"
        yield ctx.finding(
            ctx.node_span(node),
            f"unknown model `{value}`: Claude Code loads {where} but the API rejects the"
            f" model when it runs{hint}",
        )
