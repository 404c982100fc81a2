from __future__ import annotations

from collections.abc import Iterator

from agentls.frontmatter.yamlnodes import Alias, AnyNode, Mapping, Scalar, Sequence
from agentls.knowledge.claude_code import MCP_TRANSPORTS
from agentls.model import Effect, Finding, Severity
from agentls.rules._fields import item_span, kind, show, value_node
from agentls.rules.base import CheckContext, Example, Rule

_REMOTE = ("http", "sse", "ws")


class InvalidMcpServers(Rule):
    """`mcpServers` is not a list of server names and `{name: config}` maps.

    ## What it does
    Reports a `mcpServers` value that is not a list, and list items that are neither a
    server name nor a map of name → `.mcp.json` server config. A config needs `type`
    `stdio` (the default, with `command`), `http`, `sse` or `ws` (with `url`).

    ## Why is this bad?
    Claude Code drops bad items with a warning, so the agent starts without those servers
    and their tools. An `.mcp.json`-style map (`mcpServers: {github: {...}}`) is not the
    agent format. Plugin agents ignore `mcpServers` altogether (AG152), and inline servers
    need a trusted folder (v2.1.238+).

    ## Example
    ```yaml
    mcpServers:
      github:
        type: http
        url: https://api.githubcopilot.com/mcp/
    ```
    Make it a list item: `mcpServers:` then `- github: {type: http, url: …}`.
    """

    code = "AG148"
    slug = "invalid-mcp-servers"
    severity = Severity.WARNING
    effect = Effect.CHANGED
    dialects = frozenset({"claude-agent"})
    keys = frozenset({"mcpServers"})
    examples_bad = (
        Example("---\nname: a\ndescription: d\nmcpServers:\n  gh:\n    type: http\n"
                "    url: https://x\n---\nBody\n"),
        Example("---\nname: a\ndescription: d\nmcpServers:\n  - gh:\n      type: grpc\n---\nB\n"),
    )
    examples_good = (Example(
        "---\nname: a\ndescription: d\nmcpServers:\n  - github\n  - gh:\n      type: http\n"
        "      url: https://x\n  - local:\n      command: npx\n---\nBody\n"),)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        node = value_node(ctx, "mcpServers")
        if node is None or isinstance(node, Alias) or node.value is None:
            return
        if not isinstance(node, Sequence):
            if isinstance(node.value, str):
                return
            hint = "; write one `- name: {config}` item per server" if isinstance(node, Mapping) else ""
            yield ctx.finding(ctx.node_span(node),
                              f"`mcpServers` is {kind(node.value)}, not a list: ignored{hint}")
            return
        for item in node.items:
            yield from self._item(ctx, item)

    def _item(self, ctx: CheckContext, item: AnyNode) -> Iterator[Finding]:
        if isinstance(item, Alias):
            return
        if isinstance(item, Scalar) and isinstance(item.value, str) and item.value.strip():
            return
        if not isinstance(item, Mapping) or not item.pairs:
            where = item_span(ctx, item)
            yield ctx.finding(where, f"`mcpServers` item {show(item, ctx)} is {kind(item.value)},"
                              " neither a server name nor a `name: config` map: dropped")
            return
        for key, config in item.pairs:
            name = key.value
            if isinstance(config, Alias):
                continue
            problem = _config_problem(config)
            if problem:
                span = ctx.node_span(config) if config.end > config.start else ctx.node_span(key)
                yield ctx.finding(span, f"MCP server `{name}`: {problem}: dropped")


def _config_problem(config: AnyNode) -> str | None:
    if not isinstance(config, Mapping):
        return f"the config is {kind(config.value)}, not a map"
    data = config.value
    kind_ = data.get("type", "stdio")
    if kind_ not in MCP_TRANSPORTS:
        return f"`type` {kind_!r} is not one of " + ", ".join(f"`{t}`" for t in MCP_TRANSPORTS)
    if kind_ == "stdio" and not isinstance(data.get("command"), str):
        if "url" in data and "type" not in data:
            return "no `type`, so it is read as stdio, which needs `command` (add `type: http`)"
        return "a stdio server needs a `command` string"
    if kind_ in _REMOTE and not isinstance(data.get("url"), str):
        return f"a `{kind_}` server needs a `url` string"
    return None
