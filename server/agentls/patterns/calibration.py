"""How far a pattern's detections can be trusted on code the engine has never seen.

A detector's confidence says how strong its evidence is compared with its other detections;
it cannot say how often that kind of evidence is right on code nobody tuned the engine on.
On its own it did not: over the first runs of recent engines on freshly labelled sources (15
of them when this was written), the detections at >= 0.8 were right no more often than those
at 0.65-0.8 (0.77 against 0.78). So each pattern's confidence is capped at what its
detections earned there.

The table is measured, not chosen: ``FIRST_RUNS[pattern] = (right, judged)`` counts the
pattern's detections (at >= 0.5) in the first run of each source labelled since the engine of
``SINCE``, each source scored by the labels written before the engine first ran on it
(``python bench/patterns_first_runs.py --since SINCE --calibration`` prints it). The ceiling is
the smoothed share right, ``(right + 1) / (judged + 2)``, rounded down to a multiple of 0.05 and
never below ``FLOOR`` (so nothing the CLI shows by default disappears); a pattern judged fewer
than ``MIN_JUDGED`` times keeps its detectors' confidence until it has been measured.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import replace
from types import MappingProxyType

from agentls.patterns.model import Detection

SINCE = "1fce0b7"
MIN_JUDGED = 5
FLOOR = 0.55

FIRST_RUNS: Mapping[str, tuple[int, int]] = MappingProxyType(
    {
        "abstract_factory": (38, 38),
        "adapter": (23, 50),
        "aggregate": (25, 30),
        "borg": (3, 3),
        "bridge": (0, 5),
        "builder": (20, 20),
        "chain_of_responsibility": (10, 13),
        "command": (20, 30),
        "composite": (70, 78),
        "cqrs_command": (18, 21),
        "cqrs_query": (5, 8),
        "data_mapper": (6, 6),
        "decorator": (41, 47),
        "dependency_injection": (9, 10),
        "domain_event": (22, 25),
        "entity": (20, 23),
        "facade": (18, 34),
        "factory": (89, 100),
        "flyweight": (9, 9),
        "iterator": (26, 26),
        "layer_violation": (0, 5),
        "lazy_evaluation": (13, 13),
        "mediator": (2, 6),
        "memento": (2, 2),
        "message_bus": (2, 2),
        "null_object": (2, 6),
        "observer": (36, 52),
        "prototype": (3, 4),
        "proxy": (18, 22),
        "publish_subscribe": (0, 1),
        "registry": (10, 13),
        "repository": (50, 52),
        "service_layer": (24, 28),
        "singleton": (18, 18),
        "specification": (5, 7),
        "state": (13, 13),
        "strategy": (39, 66),
        "template_method": (115, 115),
        "unit_of_work": (2, 2),
        "value_object": (56, 62),
        "visitor": (29, 30),
    }
)


def _ceiling(right: int, judged: int) -> float:
    if judged < MIN_JUDGED:
        return 1.0
    # The small epsilon keeps an exact multiple of 0.05 (0.85) from rounding down a step.
    share = math.floor((right + 1) / (judged + 2) * 20 + 1e-9) / 20
    return max(FLOOR, share)


# Worked out once: `calibrated` runs for every detection of every analysis (each edit in the
# editor), and the table never changes while the process runs.
_CEILINGS: Mapping[str, float] = MappingProxyType({p: _ceiling(*counts) for p, counts in FIRST_RUNS.items()})


def ceiling(pattern: str) -> float:
    """The highest confidence a detection of ``pattern`` is reported with."""
    return _CEILINGS.get(pattern, 1.0)


def calibrated(d: Detection) -> Detection:
    """``d`` with its confidence capped at its pattern's ceiling."""
    cap = _CEILINGS.get(d.pattern, 1.0)
    return d if d.confidence <= cap else replace(d, confidence=cap)
