from __future__ import annotations

from collections.abc import Iterator

from agentls.frontmatter.yamlnodes import STR, AnyNode, Mapping, Scalar, Sequence
from agentls.model import Finding, Severity, Span
from agentls.rules._values import properties, show_value
from agentls.rules.base import CLAUDE_ALL, CheckContext, Example, Rule

_STANDARD = "tag:yaml.org,2002:"
_LIMIT = 20


class YamlTag(Rule):
    """The frontmatter uses a YAML tag (`!!int`, `!!str`, `!custom`).

    ## What it does
    Reports each tag, with what the value loads as in Claude Code.

    ## Why is this bad?
    Claude Code's parser never fails on a tag, but mostly ignores it: an unknown tag is
    dropped (`!t text` loads as `text`), a tag on a quoted value leaves a string
    (`!!int "7"` stays the **string** `"7"`), a standard tag on a plain value is resolved
    from the text; only `!!str` is honoured. Other parsers differ: PyYAML reads
    `!!int "7"` as the number 7 and rejects unknown tags outright. Frontmatter needs no tags.

    ## Example
    ```yaml
    name: !!int "7"
    ```
    Write `name: "7"`.
    """

    code = "AG011"
    slug = "yaml-tag"
    severity = Severity.INFO
    dialects = CLAUDE_ALL  # what Bun's parser does with tags
    examples_bad = (
        Example('---\nname: !!int "7"\ndescription: d\n---\nBody\n'),
        Example("---\nname: a\ndescription: !t text\n---\nBody\n"),
    )
    examples_good = (Example('---\nname: "7"\ndescription: text!\n---\nBody\n'),)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        doc = ctx.doc
        tags = [m for m in doc.markers if m.kind == "tag"]
        if not tags:
            return
        nodes: dict[int, tuple[str, AnyNode]] = {}
        if doc.root is not None:
            for key, value in doc.root.pairs:
                label = str(key.value)
                nodes.setdefault(value.start, (label, value))
                if isinstance(value, Sequence):
                    for item in value.items:
                        nodes.setdefault(item.start, (f"an item of `{label}`", item))
                elif isinstance(value, Mapping):
                    for k, v in value.pairs:
                        nodes.setdefault(v.start, (f"`{label}.{k.value}`", v))
        for marker in tags[:_LIMIT]:
            found = nodes.get(marker.start)
            span = Span(marker.start, marker.start)
            written = marker.text
            if found is not None:
                for kind, at in properties(doc, found[1]):
                    if kind == "tag":
                        span, written = at, doc.text[at.start:at.end]
            if span.start == span.end:
                span = Span(marker.start, min(len(doc.text), marker.start + 1))
            yield ctx.finding(span, _message(marker.text, written, found))


def _message(tag: str, written: str, found: tuple[str, AnyNode] | None) -> str:
    if found is None:
        return f"YAML tag `{written}`: Claude Code ignores it; other YAML tools may reject it"
    label, node = found
    subject = label if label.startswith(("an item", "`")) else f"`{label}`"
    loads = f"{subject} loads as {show_value(node.value)}"
    if not isinstance(node, Scalar):
        return f"YAML tag `{written}`: Claude Code ignores tags on lists and maps; other tools may not"
    if tag == STR:
        return f"YAML tag `{written}`: Claude Code honours it, {loads}; the tag is not needed"
    if node.style is not None:
        extra = " (PyYAML converts it)" if tag.startswith(_STANDARD) else ""
        return (f"YAML tag `{written}` on a quoted value: Claude Code ignores it, {loads}"
                f"{extra}")
    if tag.startswith(_STANDARD):
        return (f"YAML tag `{written}`: Claude Code resolves the value from its text, {loads}; "
                "other parsers convert it by the tag")
    return (f"YAML tag `{written}`: Claude Code drops the unknown tag, {loads}; strict YAML "
            "parsers (PyYAML, python-frontmatter) reject unknown tags")
