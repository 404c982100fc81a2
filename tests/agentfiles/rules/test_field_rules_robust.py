"""The field rules (AG120-AG189) never crash on odd types, complex keys or aliases, and
always report inside the document."""

from __future__ import annotations

import pytest
from rulekit import assert_odd_values_stay_inside

from agentls import rules
from agentls.dialects import DIALECTS

FIELD_RULES = [r for code, r in rules.all_rules().items() if "AG120" <= code <= "AG199"]
VALUES = ["", "~", "[]", "{}", "5", "-3", "1.5", ".nan", "true", "x", "[1, [2], {a: b}]",
          "{? [a, b] : c, 1: 2, ~: 3}", "*a", "!!int '7'", "|\n  a\n  b",
          "\n  - a\n  - ~\n  - [b]\n  - {c: d}", "\n  ? [k]\n  : v\n  PreToolUse: {matcher: x}",
          "\n  bash: {? [x] : y}", "[Bash(a, b)]", "(((", ","]
KEYS = ["tools", "disallowedTools", "model", "permissionMode", "color", "effort", "memory",
        "isolation", "maxTurns", "background", "skills", "mcpServers", "hooks", "PreToolUse",
        "extra", "autoCompactWindow", "initialPrompt", "allowed-tools", "target",
        "user-invocable", "infer", "mode", "agent", "applyTo", "temperature", "permission",
        "disable", "globs", "alwaysApply", "description", "context", "compatibility",
        "metadata", "? [x]", "? {a: 1}", "? ~"]


@pytest.mark.parametrize("dialect", sorted(DIALECTS))
def test_odd_values_do_not_crash(dialect: str) -> None:
    assert_odd_values_stay_inside(FIELD_RULES, dialect, KEYS, VALUES, "x.md")
