"""How far a pattern's detections can be trusted on code the engine has never seen.

A detector's confidence says how strong its evidence is compared with its other detections;
it cannot say how often that kind of evidence is right on code nobody tuned the engine on.
On its own it did not: over the first runs of recent engines on freshly labelled sources (30
of them when this was measured), the detections the detectors rated >= 0.8 were right 0.80 of
the time, those at 0.65-0.8 0.85. So each pattern's confidence is capped by what its
detections earned there.

The table is measured, not chosen: ``FIRST_RUNS[pattern] = (right, judged)`` counts the
pattern's detections (at >= 0.5) in the first run of each source labelled since the engine of
``SINCE``, each source scored by the labels written before the engine first ran on it
(``python bench/patterns_first_runs.py --since SINCE --calibration`` prints it).

The ceiling is what the evidence says the pattern's precision is at least: the one-sided 95%
Wilson lower bound of its share right (``lower_bound``), rounded down to a multiple of 0.05.
A pattern reaches 0.8 or more only when that bound clears ``HIGH`` (0.9: right nearly every
time over dozens of detections); below it the ceiling is at most ``BELOW_HIGH`` (0.75). It is
never below ``FLOOR``, so nothing the CLI shows by default disappears; a pattern not yet
judged (not in the table) has no evidence and is capped at ``FLOOR``. Why a bound and not the
share right itself: the detections at >= 0.8 must be right 95% of the time on code nobody
measured, and a ceiling equal to the share lets a pattern right 20 times out of 20 reach 0.9
on its twenty-first source. Checked by leaving one source out (its detections capped by the
table of the other sources, ``python bench/patterns_first_runs.py --since SINCE
--calibration-cv``): the detections at >= 0.8 were right 0.87 of the time with the smoothed
share ``(right + 1) / (judged + 2)`` used before, 0.96 with this bound (docs/benchmarks.md).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import replace
from types import MappingProxyType

from agentls.patterns.model import Detection

SINCE = "1fce0b7"
FLOOR = 0.55
HIGH = 0.9
BELOW_HIGH = 0.75
Z = 1.645  # one-sided 95%

FIRST_RUNS: Mapping[str, tuple[int, int]] = MappingProxyType(
    {
        "abstract_factory": (62, 62),
        "adapter": (23, 50),
        "aggregate": (25, 30),
        "borg": (3, 3),
        "bridge": (0, 5),
        "builder": (20, 20),
        "chain_of_responsibility": (10, 13),
        "command": (20, 30),
        "composite": (70, 78),
        "cqrs_command": (18, 26),
        "cqrs_query": (5, 8),
        "data_mapper": (14, 14),
        "decorator": (42, 49),
        "dependency_injection": (9, 10),
        "domain_event": (69, 74),
        "entity": (23, 31),
        "facade": (18, 35),
        "factory": (89, 100),
        "flyweight": (9, 9),
        "god_class": (0, 1),
        "iterator": (34, 35),
        "layer_violation": (0, 5),
        "lazy_evaluation": (13, 13),
        "mediator": (2, 6),
        "memento": (2, 2),
        "message_bus": (5, 7),
        "null_object": (2, 6),
        "observer": (36, 63),
        "prototype": (3, 4),
        "proxy": (18, 22),
        "publish_subscribe": (0, 1),
        "registry": (10, 13),
        "repository": (63, 65),
        "service_layer": (25, 29),
        "singleton": (19, 19),
        "specification": (5, 7),
        "state": (20, 20),
        "strategy": (54, 100),
        "template_method": (115, 115),
        "unit_of_work": (2, 2),
        "value_object": (56, 62),
        "visitor": (29, 30),
    }
)


def lower_bound(right: int, judged: int) -> float:
    """The one-sided 95% Wilson lower bound of the share right (0 when nothing was judged)."""
    if judged == 0:
        return 0.0
    share = right / judged
    z2 = Z * Z
    spread = Z * math.sqrt(share * (1 - share) / judged + z2 / (4 * judged * judged))
    return (share + z2 / (2 * judged) - spread) / (1 + z2 / judged)


def ceiling_of(right: int, judged: int) -> float:
    """The ceiling of a pattern whose first-run detections were ``right`` of ``judged``."""
    bound = lower_bound(right, judged)
    # The small epsilon keeps an exact multiple of 0.05 (0.85) from rounding down a step.
    cap = math.floor(bound * 20 + 1e-9) / 20
    if bound < HIGH:
        cap = min(cap, BELOW_HIGH)
    return max(FLOOR, cap)


# Worked out once: `calibrated` runs for every detection of every analysis (each edit in the
# editor), and the table never changes while the process runs.
_CEILINGS: Mapping[str, float] = MappingProxyType({p: ceiling_of(*counts) for p, counts in FIRST_RUNS.items()})
_UNMEASURED = ceiling_of(0, 0)


def ceiling(pattern: str) -> float:
    """The highest confidence a detection of ``pattern`` is reported with."""
    return _CEILINGS.get(pattern, _UNMEASURED)


def calibrated(d: Detection) -> Detection:
    """``d`` with its confidence capped at its pattern's ceiling."""
    cap = _CEILINGS.get(d.pattern, _UNMEASURED)
    return d if d.confidence <= cap else replace(d, confidence=cap)
