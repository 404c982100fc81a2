"""What counts as test code, for every detector at once.

A test case plays no design role: a `TestIOStreamMixin` whose test methods call a hook its
subclasses override is a template method only in form, and hovering it as one explains
nothing. Test doubles are another matter (a `FakeRepository` in `tests/` is a repository), so
the rule is narrow: in a test module, a test-case class (named `Test...` or `...Test`, or
deriving a `...TestCase`) and whatever is nested in it gets no role; so does a class named
`test_...` (suites setting pytest's `python_classes = test_*`), but not the classes nested in it.
"""

from __future__ import annotations

from dataclasses import dataclass

from agentls.patterns.facts import ClassFacts, ModuleIndex


def is_test_file(module: ModuleIndex) -> bool:
    """A module of tests by its file name (`test_*.py`, `*_test.py`, `conftest.py`)."""
    name = module.path.replace("\\", "/").rpartition("/")[2]
    return name.startswith("test_") or name.endswith("_test.py") or name == "conftest.py"


def is_test_module(module: ModuleIndex) -> bool:
    """A test file, or any module under a `tests` folder (fixtures and helpers included)."""
    return "/tests/" in "/" + module.path.replace("\\", "/") or is_test_file(module)


_TEST_ENDINGS = ("Test", "Tests", "TestCase", "TestMixin", "TestBase")


# Broader than detectors._handing.is_test_case (`...Test(s)` names, `...TestMixin` bases) but
# asked only inside test modules, where such names cannot be a library's own classes.
def _is_test_case(cls: ClassFacts) -> bool:
    """pytest collects `Test...` classes; unittest ones derive a `...TestCase`, directly or
    through the suite's own `...Test` base, and are named `...Test(s)` by convention."""
    bases = [b.rpartition(".")[2] for b in cls.bases]
    return (
        cls.name.startswith("Test") or cls.name.endswith(_TEST_ENDINGS) or any(b.endswith(_TEST_ENDINGS) for b in bases)
    )


@dataclass(frozen=True)
class TestCases:
    """A module's test-case classes (with what is nested in them) and the nested classes that
    keep their roles all the same."""

    __test__ = False  # not a pytest class, whatever its name

    cases: frozenset[str] = frozenset()
    kept: frozenset[str] = frozenset()


def test_case_symbols(module: ModuleIndex) -> TestCases:
    """The qualified names of the module's test-case classes and the classes nested in them
    (none outside test modules: `django.test.TestCase` is a framework's class, not a test)."""
    if not is_test_module(module):
        return TestCases()
    cases = {q for q, cls in module.classes.items() if _is_test_case(cls)}
    # `test_Connection`: a case named as its test functions are (pytest's `python_classes =
    # test_*`). The classes such suites nest in a case are doubles subclassing the code under
    # test (`class test_Mailbox: class Mailbox(pidbox.Mailbox)` overriding one step): kept.
    named = {q for q, cls in module.classes.items() if cls.name.startswith("test_")}
    closed = {q for q in module.classes if any(q == c or q.startswith(c + ".") for c in cases)}
    kept = {q for q in module.classes if q.rpartition(".")[0] in named} - closed
    return TestCases(frozenset(closed | named), frozenset(kept))


def in_test_case(symbol: str, cases: TestCases) -> bool:
    """Whether ``symbol`` (a class, or a method `Class.name`) is or sits in one of ``cases``."""
    if not cases.cases or symbol in cases.kept or symbol.rpartition(".")[0] in cases.kept:
        return False
    return symbol in cases.cases or symbol.rpartition(".")[0] in cases.cases
