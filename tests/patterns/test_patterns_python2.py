"""Code written for Python 2 (print and exec statements, `raise E, "msg"`, `except E, e:`) is
analysed: its classes are not lost with the statements Python 3 cannot parse, and stay on their
lines. A module that is broken for another reason still reports its error as written."""

from __future__ import annotations

from tests.patterns.test_patterns_recovery import EXPECTED, STRATEGY, _roles

from agentls.patterns.parse import parse_module

OLD = (
    STRATEGY.replace("        return base\n", '        print "regular", base\n        return base\n', 1)
    .replace(
        "    def total(self):\n",
        "    def check(self):\n"
        "        try:\n"
        '            raise ValueError, "empty cart"\n'
        "        except (KeyError, ValueError), e:\n"
        '            print >>sys.stderr, "failed:", e\n'
        '            exec "x = 1" in {}\n'
        "\n"
        "    def total(self):\n",
        1,
    )
    .replace("class Cart:", "import sys\n\n\nclass Cart:", 1)
)


def test_python2_statements_keep_every_class_and_line() -> None:
    assert 'print "regular"' in OLD and "raise ValueError, " in OLD
    tree, problems = parse_module(OLD)
    assert problems == []
    lines = OLD.split("\n")
    cart = next(n for n in tree.body if getattr(n, "name", "") == "Cart")
    assert lines[cart.lineno - 1].startswith("class Cart")  # the same line numbers
    assert _roles(OLD) == EXPECTED


def test_a_module_broken_otherwise_reports_its_error_as_written() -> None:
    # Python 2 statements beside a real error: the error is reported where it is, and the
    # classes around it are still recovered statement by statement.
    broken = OLD + "\n\ndef oops(:\n"
    _, problems = parse_module(broken)
    assert problems and all("syntax error" in p.message for p in problems)
    assert broken.split("\n")[problems[-1].line].startswith("def oops(")
    assert _roles(broken) == EXPECTED
    # Python 3 code with the same error: the same single report, nothing rewritten.
    _, plain = parse_module(STRATEGY + "\n\ndef oops(:\n")
    assert len(plain) == 1 and STRATEGY.count("\n") + 2 == plain[0].line
