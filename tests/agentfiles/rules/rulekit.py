"""One rule run alone on a frontmatter, for the per-rule tests (``test_agNNN.py``)."""

from __future__ import annotations

from agentls.engine import check_text, fix_text
from agentls.frontmatter.document import load_text
from agentls.model import Finding
from agentls.rules.base import CheckContext, Rule
from agentls.settings import Settings


class Probe:
    """``doc(fm)`` wraps ``fm`` in a file (after ``head``); ``run``, ``spans`` and ``fixed``
    check or fix it with only ``code`` selected, read as ``dialect`` unless told otherwise."""

    def __init__(self, code: str, dialect: str = "claude-agent",
                 head: str = "name: a\ndescription: d\n") -> None:
        self.code, self.dialect, self.head = code, dialect, head
        self.settings = Settings(select=(code,))

    def doc(self, fm: str) -> str:
        return f"---\n{self.head}{fm}---\nBody\n"

    def run(self, fm: str, dialect: str | None = None) -> list[Finding]:
        return check_text(self.doc(fm), "x.md", dialect or self.dialect, self.settings)[1]

    def spans(self, fm: str, dialect: str | None = None) -> list[str]:
        text = self.doc(fm)
        return [text[f.span.start:f.span.end] for f in self.run(fm, dialect)]

    def fixed(self, fm: str, dialect: str | None = None) -> str:
        return fix_text(self.doc(fm), "x.md", dialect or self.dialect, self.settings)[0]


def assert_odd_values_stay_inside(chosen: list[Rule], dialect: str, keys: list[str],
                                  values: list[str], path: str) -> None:
    """Every ``key: value`` pair (next to an anchor) checked by each rule: no crash, every
    finding inside the text, and a fix only from a rule that declares ``fixable``."""
    for key in keys:
        for value in values:
            text = f"---\nname: a\nanchor: &a [Read]\n{key}: {value}\n---\nB\n"
            doc = load_text(text, path, dialect)
            if doc.root is None:
                continue
            for rule in chosen:
                if rule.applies_to(dialect):
                    for f in rule.check(CheckContext(doc, rule)):
                        assert 0 <= f.span.start <= f.span.end <= len(text), (rule.code, key)
                        assert f.fix is None or rule.fixable, (rule.code, key, value)


def run(text: str, code: str, dialect: str = "claude-agent", path: str = "x.md") -> list[Finding]:
    """The findings of ``code`` in a whole check of ``text`` (every rule runs)."""
    _, findings = check_text(text, path, dialect)
    return [f for f in findings if f.code == code]


def spanned(text: str, finding: Finding) -> str:
    return text[finding.span.start:finding.span.end]
