from __future__ import annotations

from collections.abc import Iterator

from agentls.model import Finding, Severity, Span
from agentls.rules.base import CheckContext, Example, Rule

_LIMIT = 20  # an alias bomb has thousands: report the first few and a count


class YamlAnchorAlias(Rule):
    """The frontmatter uses YAML anchors (`&name`) or aliases (`*name`).

    ## What it does
    Reports each anchor and alias. agentls never expands them: it looks at the values as
    written, so a crafted "alias bomb" cannot blow up memory.

    ## Why is this bad?
    Claude Code's parser expands aliases, so the value is copied where the alias stands.
    Many other tools that read agent files (simple frontmatter readers, some linters and
    renderers) do not support them or refuse them, and an alias that names no anchor is a
    parse error. A bare `&a` in front of text is swallowed: `description: &a text` loads as
    `text`. Agent frontmatter is short; writing the value out is clearer.

    ## Example
    ```yaml
    tools: &base Read, Grep
    disallowedTools: *base
    ```
    Write both values out.
    """

    code = "AG010"
    slug = "yaml-anchor-alias"
    severity = Severity.INFO
    examples_bad = (
        Example("---\nname: a\ndescription: &d Reviews code\nx: *d\n---\nBody\n"),
    )
    examples_good = (Example("---\nname: a\ndescription: Reviews code & more\n---\nBody\n"),)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        markers = [m for m in ctx.doc.markers if m.kind in ("anchor", "alias")]
        aliased = {m.text for m in markers if m.kind == "alias"}
        for marker in markers[:_LIMIT]:
            span = Span(marker.start, max(marker.start, marker.end))
            if not ctx.dialect.startswith("claude-"):
                message = (f"YAML {marker.kind} `{'&' if marker.kind == 'anchor' else '*'}"
                           f"{marker.text}`: {ctx.product} may not support anchors and aliases; "
                           "write the value out")
            elif marker.kind == "anchor":
                tail = ("" if marker.text in aliased else
                        "; nothing refers to it, so it is just swallowed from the value")
                message = (f"YAML anchor `&{marker.text}`: Claude Code accepts it, other tools "
                           f"may not{tail}")
            else:
                message = (f"YAML alias `*{marker.text}`: Claude Code expands it to the anchored "
                           "value; other tools may not support aliases")
            yield ctx.finding(span, message)
        if len(markers) > _LIMIT:
            last = markers[_LIMIT]
            yield ctx.finding(
                Span(last.start, max(last.start, last.end)),
                f"{len(markers) - _LIMIT} more YAML anchors and aliases follow (not expanded)")
