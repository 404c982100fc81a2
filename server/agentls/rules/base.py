"""What a rule is: a code, a slug, a severity, the dialects it applies to, docs and a check.

A rule's docstring is its documentation page (``docs/rules/<CODE>.md`` is generated from it,
and hover shows it), written with the headings ``## What it does``, ``## Why is this bad?``
and ``## Example``.
"""

from __future__ import annotations

import enum
import inspect
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import ClassVar

from agentls.frontmatter.document import AgentDocument
from agentls.frontmatter.yamlnodes import AnyNode
from agentls.knowledge.dialects import DIALECTS
from agentls.model import Effect, Finding, Fix, Related, Severity, Span

CLAUDE_AGENTS = frozenset({"claude-agent", "claude-plugin-agent"})
CLAUDE_ALL = frozenset({"claude-agent", "claude-plugin-agent", "claude-skill", "claude-command"})


class _RuleDefault(enum.Enum):
    RULE_DEFAULT = "rule-default"


RULE_DEFAULT = _RuleDefault.RULE_DEFAULT


@dataclass(frozen=True)
class Example:
    """A documented example: the file text, the dialect it is read as, its file name (for
    the rules about file names, such as AG023) and, optionally, the text once every fix the
    rule offers on it is applied (``tests/agentfiles/rules/test_rule_fixes.py`` checks it and
    the rule's page shows it)."""

    text: str
    dialect: str = "claude-agent"
    path: str = "x.md"
    fixed: str | None = None


class CheckContext:
    """What a rule sees: the loaded document and a few helpers to report on it."""

    def __init__(self, doc: AgentDocument, rule: Rule) -> None:
        self.doc = doc
        self.rule = rule

    @property
    def dialect(self) -> str:
        return self.doc.dialect

    @property
    def product(self) -> str:
        d = DIALECTS.get(self.doc.dialect)
        return d.product if d else "the tool"

    @property
    def noun(self) -> str:
        d = DIALECTS.get(self.doc.dialect)
        return d.noun if d else "file"

    def skip_prefix(self) -> str:
        """How to say that the file is dropped, in this dialect's words."""
        return f"{self.product} will not load this {self.noun}"

    def skip_effect(self) -> Effect:
        """Dropping the metadata skips a subagent (and strict tools' agents); plugin agents,
        skills and commands still load, with fallbacks."""
        if self.doc.dialect in ("claude-plugin-agent", "claude-skill", "claude-command"):
            return Effect.CHANGED
        return Effect.SKIP

    def finding(self, span: Span, message: str, *, fix: Fix | None = None,
                severity: Severity | None = None, related: Iterable[Related] = (),
                effect: Effect | _RuleDefault | None = RULE_DEFAULT) -> Finding:
        # ``effect=None`` means "no effect on the verdict"; leave it out for the rule's own.
        # (It used to fall back to the rule's effect, so a rule with a SKIP effect could not
        # report a finding without one.)
        chosen = self.rule.effect if isinstance(effect, _RuleDefault) else effect
        return Finding(self.rule.code, message, severity or self.rule.severity, span,
                       fix=fix, related=tuple(related), effect=chosen)

    def node_span(self, node: AnyNode) -> Span:
        end = node.end
        # A block scalar's end includes its trailing newline; stop at the last character.
        text = self.doc.text
        while end > node.start and text[end - 1] in "\r\n":
            end -= 1
        return Span(node.start, max(end, node.start))

    def key_span(self, key: str) -> Span | None:
        pair = self.doc.pair(key)
        return self.node_span(pair[0]) if pair else None

    def value_span(self, key: str) -> Span | None:
        pair = self.doc.pair(key)
        if pair is None:
            return None
        value = pair[1]
        if value.start == value.end:  # empty value: point at the key instead
            return self.node_span(pair[0])
        return self.node_span(value)

    def open_delimiter_span(self) -> Span:
        start = 1 if self.doc.cut.bom else 0
        return Span(start, min(start + 3, len(self.doc.text)))


class Rule:
    code: ClassVar[str]
    slug: ClassVar[str]
    severity: ClassVar[Severity]
    dialects: ClassVar[frozenset[str] | None] = None  # None: every dialect
    # Rules that need a parsed mapping are not run when the frontmatter did not parse; rules
    # about frontmatter that did not parse (missing, unclosed, broken) are not run when it did.
    needs_mapping: ClassVar[bool] = True
    unparsed_only: ClassVar[bool] = False
    # Rules that look past the frontmatter (the body, the whole text, the file's bytes) run
    # on every change; the others are skipped while only the body changes.
    reads_body: ClassVar[bool] = False
    # The top-level keys whose entries are all the check reads (besides the path, dialect and
    # parse state): while an edit leaves them as they were, the findings are reused, moved.
    # ``None``: the check reads more (the raw text, every key, the block), so it always runs.
    keys: ClassVar[frozenset[str] | None] = None
    # Whether the check can offer a fix; a test holds it against what the examples emit.
    fixable: ClassVar[bool] = False
    effect: ClassVar[Effect | None] = None  # the usual effect of a finding; checks may override
    examples_bad: ClassVar[tuple[Example, ...]] = ()
    examples_good: ClassVar[tuple[Example, ...]] = ()

    def applies_to(self, dialect: str) -> bool:
        return self.dialects is None or dialect in self.dialects

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        raise NotImplementedError

    @classmethod
    def summary(cls) -> str:
        doc = inspect.getdoc(cls) or ""
        return doc.split("\n", 1)[0].strip()

    @classmethod
    def documentation(cls) -> str:
        return inspect.getdoc(cls) or ""
