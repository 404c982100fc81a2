"""How far a pattern's detections can be trusted on code the engine has never seen.

A detector's confidence says how strong its evidence is compared with its other detections;
it cannot say how often that kind of evidence is right on code nobody tuned the engine on.
On its own it did not: over the first runs of recent engines on freshly labelled sources, the
detections at >= 0.8 were right no more often than those at 0.65-0.8 (0.75 against 0.76). So
each pattern's confidence is capped at what its detections earned there.

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
        "abstract_factory": (9, 9),
        "adapter": (12, 33),
        "aggregate": (21, 29),
        "borg": (3, 3),
        "builder": (16, 16),
        "chain_of_responsibility": (10, 13),
        "command": (14, 24),
        "composite": (38, 46),
        "cqrs_command": (0, 3),
        "cqrs_query": (3, 6),
        "data_mapper": (6, 6),
        "decorator": (28, 34),
        "dependency_injection": (7, 8),
        "domain_event": (7, 10),
        "entity": (12, 15),
        "facade": (4, 20),
        "factory": (44, 55),
        "flyweight": (8, 8),
        "iterator": (23, 23),
        "layer_violation": (0, 3),
        "lazy_evaluation": (13, 16),
        "mediator": (2, 6),
        "null_object": (0, 4),
        "observer": (16, 32),
        "prototype": (2, 3),
        "proxy": (8, 12),
        "registry": (10, 13),
        "repository": (26, 28),
        "service_layer": (12, 12),
        "singleton": (12, 12),
        "specification": (5, 7),
        "state": (5, 5),
        "strategy": (4, 16),
        "template_method": (79, 79),
        "value_object": (45, 46),
        "visitor": (22, 23),
    }
)


def ceiling(pattern: str) -> float:
    """The highest confidence a detection of ``pattern`` is reported with."""
    right, judged = FIRST_RUNS.get(pattern, (0, 0))
    if judged < MIN_JUDGED:
        return 1.0
    # The small epsilon keeps an exact multiple of 0.05 (0.85) from rounding down a step.
    share = math.floor((right + 1) / (judged + 2) * 20 + 1e-9) / 20
    return max(FLOOR, share)


def calibrated(d: Detection) -> Detection:
    """``d`` with its confidence capped at its pattern's ceiling."""
    cap = ceiling(d.pattern)
    return d if d.confidence <= cap else replace(d, confidence=cap)
