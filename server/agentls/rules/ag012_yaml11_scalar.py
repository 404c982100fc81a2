from __future__ import annotations

import datetime
import math
from collections.abc import Iterator
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver

from agentls.frontmatter.yamlnodes import AnyNode, Mapping, Scalar, Sequence
from agentls.model import Finding, Severity
from agentls.rules._values import nfkc_colons, show_value
from agentls.rules.base import CLAUDE_ALL, CheckContext, Example, Rule

# Keys another rule reads more specifically: boolean fields (Claude Code coerces some of
# them, and AG146 says what loads).
_SKIP_KEYS = frozenset({"background", "omitClaudeMd", "disable-model-invocation",
                        "user-invocable"})
_SPEC_BOOLS = frozenset({"y", "Y", "n", "N"})  # YAML 1.1 booleans PyYAML does not resolve


class Yaml11Scalar(Rule):
    """A plain value that YAML 1.1 parsers read differently from Claude Code (YAML 1.2).

    ## What it does
    Reports unquoted values such as `yes`, `no`, `on`, `off`, `y`, `n`, dates
    (`2026-01-01`), `1_000`, `0b101`, `12:30`, `017`, `0o17` or `1e3`, and says what Claude
    Code loads and what a YAML 1.1 parser reads.

    ## Why is this bad?
    Claude Code reads frontmatter as YAML 1.2: `yes` and `on` are strings, `2026-01-01` is
    a string, `017` is 17 and `0o17` is 15. PyYAML, python-frontmatter and many other tools
    follow YAML 1.1: `yes` is `true`, `2026-01-01` a date, `1_000` is 1000, `12:30` is 750,
    `017` is 15 and `0o17` a string. The same file then means different things to different
    tools, and a checker built on them predicts the wrong verdict.

    ## Example
    ```yaml
    metadata:
      reviewed: 2026-01-01
    ```
    Quote the value (`"2026-01-01"`) to make it a string for every parser.
    """

    code = "AG012"
    slug = "yaml11-scalar"
    severity = Severity.INFO
    dialects = CLAUDE_ALL
    examples_bad = (
        Example("---\nname: a\ndescription: d\nmetadata:\n  reviewed: 2026-01-01\n---\nBody\n"),
        Example("---\nname: yes\ndescription: d\n---\nBody\n"),
    )
    examples_good = (Example('---\nname: a\ndescription: d\nversion: "1_000"\n---\nBody\n'),)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        root = ctx.doc.root
        if root is None:
            return
        for key, value in root.pairs:
            label = key.value
            if not isinstance(label, str) or label in _SKIP_KEYS:
                continue
            if label == "name" and (not isinstance(value.value, str) or nfkc_colons(value.value)):
                continue  # AG101 and AG104 say what happens to such a name
            for where, node in _direct(label, value):
                finding = self._one(ctx, where, node)
                if finding is not None:
                    yield finding

    def _one(self, ctx: CheckContext, where: str, node: AnyNode) -> Finding | None:
        if not isinstance(node, Scalar) or node.style is not None or node.tag is not None:
            return None
        raw = node.raw
        yaml11 = yaml11_value(raw)
        if yaml11 is _SAME or _same(node.value, yaml11):
            return None
        readers = ("the YAML 1.1 spec (though not PyYAML) reads" if raw in _SPEC_BOOLS
                   else "YAML 1.1 parsers (PyYAML, python-frontmatter) read")
        return ctx.finding(
            ctx.node_span(node),
            f"{where.replace(_RAW, raw)}: Claude Code (YAML 1.2) loads {_show(node.value)}; "
            f"{readers} {_show(yaml11)}; quote it to be sure",
        )


_SAME = object()
_RAW = "\x00"  # where the written value goes in a label


def yaml11_value(raw: str) -> Any:
    """What a YAML 1.1 parser makes of a plain scalar (``_SAME`` when it cannot tell)."""
    if raw in _SPEC_BOOLS:
        return raw in ("y", "Y")
    resolvers = Resolver.yaml_implicit_resolvers  # by first character; None: tried on every value
    if raw and raw[0] not in resolvers and None not in resolvers:
        return raw  # no implicit type starts so (most values: names, prose): the string itself
    try:
        tag = Resolver().resolve(yaml.ScalarNode, raw, (True, False))  # type: ignore[no-untyped-call]
        # A new constructor each time: one kept at module level remembered every node it
        # ever built (``constructed_objects``), a leak of one entry per value per keystroke.
        return SafeConstructor().construct_object(yaml.ScalarNode(tag, raw), deep=True)
    except (yaml.YAMLError, ValueError, TypeError, OverflowError):
        return _SAME


def _same(a: Any, b: Any) -> bool:
    if type(a) is not type(b):
        return False
    if isinstance(a, float) and math.isnan(a) and math.isnan(b):
        return True
    return bool(a == b)


def _show(value: Any) -> str:
    if isinstance(value, datetime.datetime):
        return "a timestamp"
    if isinstance(value, datetime.date):
        return "a date"
    if isinstance(value, str):
        return f"the string {value!r}"
    return show_value(value)


def _direct(label: str, value: AnyNode) -> Iterator[tuple[str, AnyNode]]:
    """The value and its direct items; never through an alias."""
    yield f"`{label}: {_RAW}`", value
    if isinstance(value, Sequence):
        for item in value.items:
            yield f"`{_RAW}` (an item of `{label}`)", item
    elif isinstance(value, Mapping):
        for k, v in value.pairs:
            if isinstance(k.value, str):
                yield f"`{label}.{k.value}: {_RAW}`", v
