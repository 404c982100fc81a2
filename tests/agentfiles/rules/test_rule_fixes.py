"""A rule's ``fixable`` is what it does: a rule that offers a fix declares it, and a rule that
declares it offers one on at least one of its examples. An example that states its ``fixed``
text gets exactly that once every fix the rule offers on it is applied (safe and unsafe)."""

from __future__ import annotations

import pytest

from agentls import rules
from agentls.engine import check_text, fix_text
from agentls.rules.base import Example
from agentls.settings import Settings

RULES = list(rules.all_rules().values())
# Every example of every rule, for every rule: a check may offer a fix on another rule's text.
TEXTS = [ex for r in RULES for ex in (*r.examples_bad, *r.examples_good)]


def _fixes(code: str, ex: Example) -> int:
    _, findings = check_text(ex.text, ex.path, ex.dialect, Settings(select=(code,)))
    return sum(1 for f in findings if f.code == code and f.fix is not None)


@pytest.mark.parametrize("code", [r.code for r in RULES])
def test_fixable_matches_the_fixes_emitted(code: str) -> None:
    rule = rules.get(code)
    assert rule is not None
    own = [_fixes(code, ex) for ex in (*rule.examples_bad, *rule.examples_good)]
    if rule.fixable:
        assert any(own), f"{code} declares fixable but none of its examples gets a fix"
    else:
        emitting = [ex.text[:80] for ex in TEXTS if rule.applies_to(ex.dialect) and _fixes(code, ex)]
        assert not emitting, f"{code} offers a fix but declares fixable = False: {emitting}"


def test_every_fixable_rule_shows_a_fixed_text() -> None:
    # Its page shows what the fix does. Among them the rules whose pages said "Fix: no" while
    # they offered one.
    drifted = {"AG013", "AG101", "AG110", "AG120", "AG142", "AG143", "AG144", "AG170", "AG176",
               "AG187"}
    fixable = {r.code for r in RULES if r.fixable}
    assert drifted <= fixable
    assert [r.code for r in RULES if r.fixable and not any(ex.fixed for ex in r.examples_bad)] == []


@pytest.mark.parametrize(("code", "i", "example"), [
    (r.code, i, ex) for r in RULES for i, ex in enumerate((*r.examples_bad, *r.examples_good))
    if ex.fixed is not None])
def test_example_fixed_text(code: str, i: int, example: Example) -> None:
    fixed, applied = fix_text(example.text, example.path, example.dialect, Settings(select=(code,)),
                              unsafe=True)
    assert applied >= 1, f"{code} example {i}: no fix applied"
    assert fixed == example.fixed
    _, findings = check_text(fixed, example.path, example.dialect, Settings(select=(code,)))
    assert not findings, (code, i, [f.message for f in findings])
