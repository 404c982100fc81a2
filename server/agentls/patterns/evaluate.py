"""Score detections against labelled fixtures (shared by ``bench/`` and the tests).

Labels are comments on the line where a class or function starts (or the import line for
``layer_violation``)::

    class Cart:  # expect: strategy/context
    class Node(ABC):  # allow: template_method

``expect`` is a detection that must be found; ``allow`` tolerates one without requiring it.
Any other detection (at or above the confidence threshold) counts as a false positive.
A fixture *set* is a folder: every ``*.py`` under it is analysed as one workspace when the
folder holds an ``__init__.py`` package tree, otherwise each file on its own.
"""

from __future__ import annotations

import re
import tokenize
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from agentls.patterns.analysis import analyze_index, index_source, module_name_for
from agentls.patterns.model import Detection
from agentls.patterns.workspace import WorkspaceIndex

_LABEL = re.compile(r"\b(expect|allow):\s*([a-z_]+)(?:/([a-z_]+))?")


@dataclass(frozen=True)
class Label:
    path: str
    line: int  # 0-based
    pattern: str
    role: str | None
    required: bool


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    role_ok: int = 0
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def labels_in(path: Path, text: str) -> list[Label]:
    out = []
    with path.open("rb") as handle:
        tokens = list(tokenize.tokenize(handle.readline))
    del text
    for tok in tokens:
        if tok.type != tokenize.COMMENT:
            continue
        for kind, pattern, role in _LABEL.findall(tok.string):
            out.append(Label(str(path), tok.start[0] - 1, pattern, role or None, kind == "expect"))
    return out


def analyse_files(files: list[Path], as_workspace: bool) -> dict[str, list[Detection]]:
    indexed = []
    for f in files:
        with tokenize.open(f) as handle:
            source = handle.read()
        index, problems = index_source(source, str(f), module_name_for(str(f)))
        indexed.append((index, problems))
    out: dict[str, list[Detection]] = {}
    if as_workspace:
        ws = WorkspaceIndex([i for i, _ in indexed])
        for index, problems in indexed:
            out[index.path] = analyze_index(index, ws, None, problems).all()
    else:
        for index, problems in indexed:
            out[index.path] = analyze_index(index, WorkspaceIndex([index]), None, problems).all()
    return out


def fixture_sets(root: Path) -> list[tuple[list[Path], bool]]:
    """(files, as_workspace): package trees together, loose files alone."""
    sets: list[tuple[list[Path], bool]] = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        files = sorted(folder.rglob("*.py"))
        packaged = any(f.name == "__init__.py" for f in files)
        if packaged:
            sets.append((files, True))
        else:
            sets.extend(([f], False) for f in files)
    return sets


def score(root: Path, min_confidence: float = 0.5, patterns: Iterable[str] | None = None) -> dict[str, Score]:
    wanted = set(patterns) if patterns is not None else None
    scores: dict[str, Score] = {}
    for files, as_ws in fixture_sets(root):
        found = analyse_files(files, as_ws)
        for f in files:
            labels = labels_in(f, "")
            detections = [d for d in found.get(str(f), []) if d.confidence >= min_confidence]
            _score_file(str(f), labels, detections, scores, wanted)
    return scores


def _score_file(
    path: str, labels: list[Label], detections: list[Detection], scores: dict[str, Score], wanted: set[str] | None
) -> None:
    def line_of(d: Detection) -> int:
        return d.selection.line if d.kind != "module" or d.pattern == "layer_violation" else 0

    hits = {(line_of(d), d.pattern): d for d in detections}
    allowed = {(lb.line, lb.pattern) for lb in labels if not lb.required}
    expected = {(lb.line, lb.pattern): lb for lb in labels if lb.required}
    for key, lb in expected.items():
        if wanted is not None and lb.pattern not in wanted:
            continue
        s = scores.setdefault(lb.pattern, Score())
        d = hits.get(key)
        if d is None:
            s.fn += 1
            s.misses.append(f"{path}:{lb.line + 1} {lb.pattern}/{lb.role}")
        else:
            s.tp += 1
            s.role_ok += int(lb.role is None or lb.role == d.role)
    for key, d in hits.items():
        if key in expected or key in allowed or (wanted is not None and d.pattern not in wanted):
            continue
        s = scores.setdefault(d.pattern, Score())
        s.fp += 1
        s.extras.append(f"{path}:{key[0] + 1} {d.symbol} {d.pattern}/{d.role} ({d.confidence})")


def micro(scores: dict[str, Score]) -> Score:
    total = Score()
    for s in scores.values():
        total.tp += s.tp
        total.fp += s.fp
        total.fn += s.fn
        total.role_ok += s.role_ok
    return total
