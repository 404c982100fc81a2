"""What a rule declares about itself must hold, because the engine skips it on that word:
an ``unparsed_only`` rule finds nothing in a file whose frontmatter loaded as a mapping."""

from __future__ import annotations

import pytest

from agentls import rules
from agentls.frontmatter.document import load_text
from agentls.rules.base import CheckContext


def _texts() -> list[tuple[str, str, str]]:
    return [(ex.text, ex.dialect, ex.path) for rule in rules.all_rules().values()
            for ex in (*rule.examples_bad, *rule.examples_good)]


@pytest.mark.parametrize("code", sorted(c for c, r in rules.all_rules().items() if r.unparsed_only))
def test_unparsed_only_rules_find_nothing_in_a_parsed_mapping(code: str) -> None:
    rule = rules.get(code)
    assert rule is not None
    parsed = 0
    for text, dialect, name in _texts():
        for variant in (text, text.replace("\n", "\r\n")):
            doc = load_text(variant, f"/ws/.claude/agents/{name}", dialect)
            if doc.root is None:
                continue
            parsed += 1
            assert list(rule.check(CheckContext(doc, rule))) == [], (code, variant[:200])
    assert parsed > 100
