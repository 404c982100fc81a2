"""Code written for Python 3.12 (PEP 695 type parameters, `type` aliases) is analysed on an
older interpreter too: its classes are not lost to a syntax error."""

from __future__ import annotations

import sys

from tests.patterns.test_patterns_recovery import EXPECTED, STRATEGY, _roles

from agentls.patterns.parse import parse_module

GENERIC = STRATEGY.replace("class Pricing(", "class Pricing[T: (int, float)](", 1).replace(
    "class Cart:", "type Amount = float\n\n\nclass Cart[K: dict[str, list[int]], V]:", 1
)


def test_type_parameter_lists_and_aliases_keep_every_class_and_line() -> None:
    assert GENERIC != STRATEGY and "class Pricing[T" in GENERIC
    tree, problems = parse_module(GENERIC)
    assert problems == []
    lines = GENERIC.split("\n")
    cart = next(n for n in tree.body if getattr(n, "name", "") == "Cart")
    assert lines[cart.lineno - 1].startswith("class Cart[")  # the same line numbers
    assert _roles(GENERIC) == EXPECTED


def test_a_real_syntax_error_beside_type_parameters_is_still_reported() -> None:
    broken = GENERIC + "\n\ndef oops(:\n"
    _, problems = parse_module(broken)
    assert len(problems) == 1 and "syntax error" in problems[0].message
    assert _roles(broken) == EXPECTED
    if sys.version_info < (3, 12):
        # on an interpreter without PEP 695 the module's first error is the type parameters'
        assert parse_module("class A[T]:\n    x: T\n")[1] == []
