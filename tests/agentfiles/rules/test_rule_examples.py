"""Every rule's documented examples are tests: bad ones report the rule, good ones do not,
and a fix leaves a file that no longer reports it."""

from __future__ import annotations

import pytest

from agentls import rules
from agentls.engine import check_text, fix_text
from agentls.settings import Settings

RULES = list(rules.all_rules().values())


def _cases(attr: str) -> list[tuple[str, int, object]]:
    return [(r.code, i, ex) for r in RULES for i, ex in enumerate(getattr(r, attr))]


def test_every_rule_has_examples_and_docs() -> None:
    for rule in RULES:
        assert rule.examples_bad, f"{rule.code} has no bad example"
        assert rule.examples_good, f"{rule.code} has no good example"
        doc = rule.documentation()
        assert "## What it does" in doc and "## Why is this bad?" in doc, rule.code
        assert rule.slug and rule.slug == rule.slug.lower(), rule.code


@pytest.mark.parametrize(("code", "i", "example"), _cases("examples_bad"))
def test_bad_example_reports(code: str, i: int, example: object) -> None:
    only = Settings(select=(code,))
    _, findings = check_text(example.text, example.path, example.dialect, only)  # type: ignore[attr-defined]
    assert [f.code for f in findings if f.code == code], f"{code} example {i} reported nothing"
    for f in findings:
        assert f.span.end <= len(example.text)  # type: ignore[attr-defined]


@pytest.mark.parametrize(("code", "i", "example"), _cases("examples_good"))
def test_good_example_is_clean(code: str, i: int, example: object) -> None:
    only = Settings(select=(code,))
    _, findings = check_text(example.text, example.path, example.dialect, only)  # type: ignore[attr-defined]
    assert not findings, [f.message for f in findings]


@pytest.mark.parametrize("code", [r.code for r in RULES if r.fixable])
def test_fix_clears_the_finding(code: str) -> None:
    rule = rules.get(code)
    assert rule is not None
    only = Settings(select=(code,))
    fixed_some = 0
    for example in rule.examples_bad:
        # Not every bad example has a fix (AG110's missing description has none); those that
        # do, safe or unsafe, must leave a file the rule no longer reports.
        fixed, applied = fix_text(example.text, example.path, example.dialect, only, unsafe=True)
        if not applied:
            continue
        fixed_some += 1
        _, findings = check_text(fixed, example.path, example.dialect, only)
        assert not findings, (code, fixed)
    assert fixed_some, f"{code} is fixable but no bad example gets a fix"
