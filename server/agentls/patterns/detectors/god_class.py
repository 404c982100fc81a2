from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from itertools import combinations
from typing import ClassVar

from agentls.patterns.context import Ctx
from agentls.patterns.detector_registry import Detector, register
from agentls.patterns.facts import FunctionFacts
from agentls.patterns.model import Detection
from agentls.patterns.test_code import in_test_case, test_case_symbols
from agentls.patterns.workspace import ClassRef


def metrics(ctx: Ctx, ref: ClassRef) -> tuple[int, int, float]:
    """(ATFD, WMC, TCC) adapted to Python; see the class docstring."""
    cls = ref.cls
    imported = set(ctx.index.import_map) | set(ctx.index.classes) | set(ctx.index.functions)
    foreign: set[str] = set()
    wmc = 0
    for m in cls.methods.values():
        wmc += m.complexity
        for read in m.foreign_reads:
            owner = read.partition(".")[0]
            if owner not in imported and owner not in ("super()", "cls", "self") and not owner.isupper():
                foreign.add(read)
    used = {
        n: _fields_used(cls.methods, n)
        for n, m in cls.methods.items()
        if not n.startswith("_") and m.kind in ("method", "property")
    }
    pairs = list(combinations(used.values(), 2))
    tcc = sum(1 for a, b in pairs if a & b) / len(pairs) if pairs else 1.0
    return len(foreign), wmc, tcc


def _fields_used(methods: dict[str, FunctionFacts], name: str) -> set[str]:
    """The instance fields ``name`` uses, directly or through the class's own properties.

    A property is an accessor: ``self.size`` reads ``self._size``. Lanza & Marinescu count
    accessors as attribute access (in ATFD, and so in TCC), so two methods reading the same
    property share a field; without this a value class made of properties looks uncohesive.
    Calls to other methods are not followed: a utility every method calls would glue all of
    them together (measured on the labelled corpus, bench/local_expert/).
    """
    fields: set[str] = set()
    seen = {name}
    todo = [name]
    while todo:
        m = methods[todo.pop()]
        fields |= (m.self_reads | set(m.self_writes)) - methods.keys()
        for prop in m.self_reads & methods.keys() - seen:
            if methods[prop].kind == "property":
                seen.add(prop)
                todo.append(prop)
    return fields


@register
class GodClass(Detector):
    """A class that centralises the system's intelligence: it does much of the work itself
    (high complexity), reaches into other objects' data rather than asking them to act, and
    its methods share little state (low cohesion). Such classes are hard to understand, test
    and change, and attract still more responsibilities. Reported as an Information diagnostic.

    ## Roles
    - `god_class`: the offending class.

    ## How it is detected
    Lanza & Marinescu's detection strategy (*Object-Oriented Metrics in Practice*, 2006), all
    three conditions at once, with thresholds configurable:

    - **ATFD > 5** (Access To Foreign Data): distinct attributes of *other* objects the class
      reads directly. Python adaptation: every `name.attr` read (not a call) whose `name` is a
      parameter or local variable, i.e. not `self`, `cls`, `super()`, an imported module or
      class, or an UPPER_CASE constant. Properties of other objects look like data in Python,
      so they count, as Lanza & Marinescu count accessor methods.
    - **WMC ≥ 47** (Weighted Method Count): the sum of the methods' cyclomatic complexity,
      1 + one per `if`/`elif`, loop, `except`, conditional expression, `assert`, `case`,
      comprehension (and each of its `if`s), and each extra operand of `and`/`or`.
    - **TCC < 1/3** (Tight Class Cohesion): among pairs of public methods and properties
      (dunders and `_private` helpers excluded, as constructors are in the original), the
      fraction that use at least one common `self` attribute, directly or by reading one of
      the class's own properties (an accessor, as Lanza & Marinescu count them). Calls between
      methods are not followed: a helper every method calls would glue them all together.

    A test case (`test_code`: a `Test...`/`...Test` class in a test module, deriving a
    `...TestCase`, or named `test_...`) is never one: its test methods are independent by
    design, so its cohesion is low and its reads of results' attributes many whatever its
    quality. Test doubles and helpers in test modules are measured as any class.

    ## Settings
    The three thresholds are settings: `atfd`, `wmc` and `tcc` in `[tool.agentls.patterns.god-class]`
    (`pyproject.toml`; `[patterns.god-class]` in `.agentls.toml`) for `agentls patterns` and
    `agentls review`, and `agentls.patterns.godClass.atfd` / `.wmc` / `.tcc` in the editor. A
    class is reported when ATFD > `atfd`, WMC ≥ `wmc` and TCC < `tcc`. The local expert
    advises on exactly the god classes reported here. `disabled = ["god_class"]` turns the smell off.
    """

    id = "god_class"
    category = "smell"
    roles: ClassVar[dict[str, str]] = {"god_class": "centralises too much of the system's logic"}

    def detect(self, ctx: Ctx) -> Iterator[Detection]:
        s = ctx.settings
        cases = test_case_symbols(ctx.index)
        for ref in ctx.classes():
            if in_test_case(ref.cls.qualname, cases):
                continue  # independent test methods: low cohesion by design, not a smell
            if sum(m.complexity for m in ref.cls.methods.values()) < s.god_wmc:
                continue  # cheap pre-check before the pairwise cohesion count
            atfd, wmc, tcc = metrics(ctx, ref)
            if atfd > s.god_atfd and wmc >= s.god_wmc and tcc < s.god_tcc:
                worst = sorted(ref.cls.methods.values(), key=lambda m: -m.complexity)[:3]
                d = ctx.det(
                    ref,
                    self.id,
                    "god_class",
                    0.9,
                    [
                        (
                            ref.cls.selection.line,
                            f"ATFD {atfd} > {s.god_atfd}, WMC {wmc} ≥ {s.god_wmc}, TCC {tcc:.2f} < {s.god_tcc:.2f}",
                        ),
                        *((m.selection.line, f"`{m.name}` has cyclomatic complexity {m.complexity}") for m in worst),
                    ],
                )
                yield replace(d, metrics=(("ATFD", float(atfd)), ("WMC", float(wmc)), ("TCC", round(tcc, 3))))
