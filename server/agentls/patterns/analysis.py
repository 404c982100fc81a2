"""The public entry points: analyse a module's source, explain a position, outline symbols.

Pure Python: the CLI and the language server both call these; neither pygls nor lsprotocol is
imported anywhere in ``agentls.patterns``.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections import OrderedDict
from collections.abc import Iterable
from pathlib import PurePath

from agentls.patterns.calibration import calibrated
from agentls.patterns.context import Ctx
from agentls.patterns.detector_registry import Detector, detectors
from agentls.patterns.facts import ModuleIndex
from agentls.patterns.incremental import IncrementalIndex
from agentls.patterns.index import build_index
from agentls.patterns.model import Detection, ModuleAnalysis, OutlineSymbol, ParseProblem
from agentls.patterns.parse import parse_module
from agentls.patterns.settings import PatternSettings
from agentls.patterns.test_code import in_test_case, test_case_symbols
from agentls.patterns.workspace import WorkspaceIndex

log = logging.getLogger(__name__)


def module_name_for(path: str) -> str:
    """Dotted module name: walk up while the directory is a package (has ``__init__.py``)."""
    norm = os.path.normpath(path)
    stem = os.path.splitext(os.path.basename(norm))[0]
    parts = [] if stem == "__init__" else [stem]
    directory = os.path.dirname(norm)
    while directory and os.path.isfile(os.path.join(directory, "__init__.py")):
        parts.append(os.path.basename(directory))
        parent = os.path.dirname(directory)
        if parent == directory:
            break
        directory = parent
    return ".".join(reversed(parts)) or stem


def module_name_in(path: str, relative: str) -> str:
    """The dotted name the CLI gives a file shown as ``relative`` (to the current folder, or
    to the editor's workspace folder): from packages (``module_name_for``); for namespace
    packages (no ``__init__.py``), from ``relative``, so that layers such as ``app.domain``
    are still seen. A leading ``src/`` is dropped, and so is everything down to a folder whose
    name no import can spell (`Project 02`, `gof+examples`): such a folder is no package, only
    a folder on the path, so the dotted name starts below it (as below `src/`), and the script
    folders under it keep distinct names (`strategy.context`, `state.context`: one bare
    `context` each would give their classes one key). A file right inside such a folder (the
    script folder `Project 01/11 Observer/`, run as `python main.py` there) is named after the
    folder's whole path, one opaque part that no import spells (`Project 01/11 Observer.main`):
    its bare stem would give every `main.py` of such folders one name, their classes one key,
    and leave their folders no script folder."""
    name = module_name_for(path)
    if "." in name:
        return _under_namespace(name, path, relative)
    parts = list(PurePath(relative).with_suffix("").parts)
    odd = [i for i, part in enumerate(parts[:-1]) if part != ".." and not _spelled(part)]
    if odd and odd[-1] == len(parts) - 2:
        below = parts[len(parts) - parts[::-1].index("..") :] if ".." in parts else parts
        folder = "/".join(below[:-1])
        return folder if parts[-1] == "__init__" else f"{folder}.{parts[-1]}"
    parts = parts[odd[-1] + 1 :] if odd else parts
    if ".." in parts:
        return name
    if parts and parts[0] == "src":
        parts = parts[1:]
    if parts and parts[-1] == "__init__":
        parts = parts[:-1]
    dotted = ".".join(parts)
    return dotted if _spelled(dotted) else name


# Files that make a folder a project's root: what it holds is installed or put on the path,
# so import names start below it (`auctions/setup.py` beside the package `auctions/auctions/`).
_PROJECT_FILES = ("setup.py", "setup.cfg", "pyproject.toml")


def _under_namespace(name: str, path: str, relative: str) -> str:
    """A package's dotted name with the namespace folders (no ``__init__.py``) above it that
    ``relative`` shows, down from the current folder: `src/board/domain/category/category.py`
    with only `category/` a package is imported as `board.domain.category.category`, and that
    name shows the layer (`domain`) the module lives in. Taken only when a `src/` folder or a
    package closes them from above, every folder between one an import can spell and no project
    root (holding `setup.py` or `pyproject.toml`); folders up to the top of ``relative`` with
    nothing closing them are the checkout's, and the name stays the packaged one."""
    packaged = name.split(".")
    parts = list(PurePath(relative).with_suffix("").parts)
    init = bool(parts) and parts[-1] == "__init__"
    if init:
        parts = parts[:-1]
    if len(parts) <= len(packaged) or parts[-len(packaged) :] != packaged:
        return name
    folder = os.path.dirname(os.path.normpath(path))
    for _ in range(len(packaged) - (1 if init else 2)):
        folder = os.path.dirname(folder)  # up to the top package's folder
    above: list[str] = []
    for part in reversed(parts[: -len(packaged)]):
        folder = os.path.dirname(folder)
        if part == "src" or os.path.isfile(os.path.join(folder, "__init__.py")):
            # closed from above: the folders between are namespace packages of the import root
            return ".".join([*reversed(above), *packaged])
        if not part.isidentifier() or any(os.path.isfile(os.path.join(folder, f)) for f in _PROJECT_FILES):
            break
        above.append(part)
    # Nothing above closes them: the folders are the checkout or folders around the project
    # (`shop_dto/app/...` run from its parent), no part of any import.
    return name


def _spelled(name: str) -> bool:
    """Letters, digits, `_`, `.` and `-`. A hyphen in a folder name (`structural/07-proxy/main.py`,
    a script folder of examples) still names the folder: dropping it to the bare stem would
    give every `main.py` of the tree one module name, and their classes one key."""
    return name.replace(".", "").replace("_", "a").replace("-", "a").isalnum()


def source_hash(source: str) -> str:
    return hashlib.blake2b(source.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def index_source(source: str, path: str, module: str | None = None) -> tuple[ModuleIndex, list[ParseProblem]]:
    tree, problems = parse_module(source)
    return build_index(tree, source, path, module or module_name_for(path)), problems


def analyze_index(
    index: ModuleIndex,
    workspace: WorkspaceIndex,
    settings: PatternSettings | None = None,
    problems: list[ParseProblem] | None = None,
    with_outline: bool = True,
) -> ModuleAnalysis:
    """``with_outline`` False leaves ``outline`` empty (the CLI prints no outline)."""
    settings = settings or PatternSettings()
    ctx = Ctx(index, workspace, settings)
    active = active_detectors(settings)
    found = [run_detector(pattern_id, det, ctx) for pattern_id, det in active]
    return assemble(index, active, found, problems, with_outline)


Found = tuple[list[Detection], ParseProblem | None]


def active_detectors(settings: PatternSettings) -> list[tuple[str, Detector]]:
    """The detectors a module is analysed with, in the order their findings are merged: the
    smells (when on), then the patterns, each in registry order, disabled ones left out."""
    every = [(pattern_id, det) for pattern_id, det in detectors().items() if pattern_id not in settings.disabled]
    smells = [(i, d) for i, d in every if d.category == "smell"] if settings.smells else []
    return smells + [(i, d) for i, d in every if d.category != "smell"]


def run_detector(pattern_id: str, det: Detector, ctx: Ctx) -> Found:
    """One detector's findings in ``ctx``'s module, and the problem that stopped it, if any (a
    smell's exception propagates: smells are simple and their bugs should be seen)."""
    if det.category == "smell":
        return list(det.detect(ctx)), None
    out: list[Detection] = []  # what it found before failing is kept
    try:
        for d in det.detect(ctx):
            out.append(d)
    except (RecursionError, MemoryError) as exc:  # a pathological module: skip the detector
        return out, ParseProblem(f"{pattern_id}: {type(exc).__name__}", 0, 0, "internal")
    except Exception as exc:  # a detector's bug must not take the CLI or the server down
        log.exception("pattern detector %s failed on %s", pattern_id, ctx.index.path)
        return out, ParseProblem(f"{pattern_id}: internal error ({type(exc).__name__})", 0, 0, "internal")
    return out, None


def assemble(
    index: ModuleIndex,
    active: list[tuple[str, Detector]],
    found: list[Found],
    problems: list[ParseProblem] | None = None,
    with_outline: bool = True,
) -> ModuleAnalysis:
    """A module's analysis from what each of ``active`` found there (``found``, in the same
    order): the best detection per (symbol, pattern, role), the most specific pattern per
    symbol, none in a test case (`test_code`), confidences capped by what each pattern earned on
    unseen code (`calibration`), the smells apart; and its outline unless
    ``with_outline`` is False (the CLI prints none, and building it cost a tenth of a second
    over Django + SQLAlchemy)."""
    best: dict[tuple[str, str, str], Detection] = {}
    smells: list[Detection] = []
    issues = list(problems or [])
    cases = test_case_symbols(index)
    for (_, det), (dets, problem) in zip(active, found, strict=True):
        if det.category == "smell":
            smells.extend(dets)
            continue
        for d in map(calibrated, dets):
            if in_test_case(d.symbol, cases):
                continue
            key = (d.symbol, d.pattern, d.role)
            if key not in best or best[key].confidence < d.confidence:
                best[key] = d
        if problem is not None:
            issues.append(problem)
    detections = sorted(_most_specific(best.values()), key=Detection.sort_key)
    analysis = ModuleAnalysis(index.path, detections, smells, issues)
    if with_outline:
        analysis.outline = outline(index, analysis)
    return analysis


def smells_of(
    index: ModuleIndex, workspace: WorkspaceIndex, settings: PatternSettings, ctx: Ctx | None = None
) -> list[Detection]:
    """The smell detectors' findings in one module (none when smells are off)."""
    if not settings.smells:
        return []
    ctx = ctx or Ctx(index, workspace, settings)
    return [
        d
        for pattern_id, det in detectors().items()
        if det.category == "smell" and pattern_id not in settings.disabled
        for d in det.detect(ctx)
    ]


# Some patterns are shapes that more specific ones share: Strategy (an interface held and
# called), Facade (a class driving the objects it creates). A symbol a more specific pattern
# explains is reported as that one only.
_MORE_SPECIFIC: dict[str, frozenset[str]] = {
    "strategy": frozenset(
        {
            "bridge",
            "command",
            "chain_of_responsibility",
            "decorator",
            "composite",
            "proxy",
            "state",
            "visitor",
            "observer",
            "mediator",
            "repository",
            "unit_of_work",
            "message_bus",
            "builder",
        }
    ),
    "facade": frozenset({"mvc", "mediator", "builder", "unit_of_work", "repository", "message_bus"}),
}


def _most_specific(found: Iterable[Detection]) -> list[Detection]:
    found = list(found)
    patterns: dict[str, set[str]] = {}
    for d in found:
        patterns.setdefault(d.symbol, set()).add(d.pattern)
    return [d for d in found if not (patterns[d.symbol] & _MORE_SPECIFIC.get(d.pattern, frozenset()))]


def analyze_source(
    source: str,
    path: str,
    workspace: WorkspaceIndex | None = None,
    settings: PatternSettings | None = None,
    module: str | None = None,
) -> ModuleAnalysis:
    """Analyse one module. A given workspace is updated with this module's facts first."""
    index, problems = index_source(source, path, module)
    ws = workspace if workspace is not None else WorkspaceIndex()
    ws.update(index, source_hash(source))
    return analyze_index(ws.get(path) or index, ws, settings, problems)


class AnalysisCache:
    """Analyses keyed by (path, version or source hash, workspace generation, settings)."""

    def __init__(self, size: int = 64) -> None:
        self._items: OrderedDict[tuple[object, ...], ModuleAnalysis] = OrderedDict()
        # path -> (stamp, the source it was indexed from, parse problems)
        self._indexed: dict[str, tuple[str, str, list[ParseProblem]]] = {}
        # path -> its index kept between versions: an edit re-indexes what it touched
        self._incremental: dict[str, IncrementalIndex] = {}
        self._size = size

    def analyze(
        self,
        source: str,
        path: str,
        workspace: WorkspaceIndex,
        settings: PatternSettings | None = None,
        version: int | None = None,
        module: str | None = None,
    ) -> ModuleAnalysis:
        """``module``: the dotted name (default: ``module_name_for(path)``)."""
        settings = settings or PatternSettings()
        key, current = self._current(source, path, workspace, settings, version, module)
        hit = self._items.get(key)
        if hit is not None:
            self._items.move_to_end(key)
            return hit
        result = analyze_index(current, workspace, settings, self._indexed[path][2])
        self._items[key] = result
        while len(self._items) > self._size:
            self._items.popitem(last=False)
        return result

    def smells(
        self,
        source: str,
        path: str,
        workspace: WorkspaceIndex,
        settings: PatternSettings | None = None,
        version: int | None = None,
        module: str | None = None,
    ) -> list[Detection]:
        """The module's smells alone, as ``analyze(...).smells`` gives them. Smells are about
        the module itself, so an edit (which changes the workspace, and with it every
        workspace-wide map the pattern detectors build) costs only them: in a Django-sized
        workspace 40-50 ms per keystroke instead of about 850 ms."""
        settings = settings or PatternSettings()
        key, current = self._current(source, path, workspace, settings, version, module)
        hit = self._items.get(key)
        if hit is not None:
            return hit.smells
        return smells_of(current, workspace, settings)

    def _current(
        self,
        source: str,
        path: str,
        workspace: WorkspaceIndex,
        settings: PatternSettings,
        version: int | None,
        module: str | None,
    ) -> tuple[tuple[object, ...], ModuleIndex]:
        """Indexes ``source`` into the workspace when it is new: (the analysis key, its index)."""
        text_hash = source_hash(source) if version is None else None
        stamp = text_hash if text_hash is not None else f"v{version}"
        seen = self._indexed.get(path)
        # A version alone does not name a text: a document closed and opened again (after a
        # checkout, say) starts again at the same version. Same string object: no comparison.
        if seen is not None and seen[0] == stamp and seen[1] is not source and seen[1] != source:
            self.forget(path)
            seen = None
        if seen is None or seen[0] != stamp:
            index, problems = self._index(source, path, module)
            workspace.update(index, text_hash or source_hash(source))
            self._indexed[path] = (stamp, source, problems)
        current = workspace.get(path)
        if current is None:  # removed from the workspace meanwhile
            current, _ = index_source(source, path, module)
            workspace.update(current, source_hash(source))
        return (path, stamp, workspace.generation, settings), current

    def _index(self, source: str, path: str, module: str | None) -> tuple[ModuleIndex, list[ParseProblem]]:
        name = module or module_name_for(path)
        inc = self._incremental.get(path)
        if inc is None or inc.module != name:
            inc = self._incremental[path] = IncrementalIndex(path, name)
        return inc.update(source)

    def forget(self, path: str) -> None:
        self._indexed.pop(path, None)
        self._incremental.pop(path, None)
        for key in [k for k in self._items if k[0] == path]:
            del self._items[key]


def outline(index: ModuleIndex, analysis: ModuleAnalysis) -> list[OutlineSymbol]:
    details: dict[str, list[str]] = {}
    for d in analysis.all():
        details.setdefault(d.symbol, []).append(f"{d.pattern}: {d.role}")
    out = []
    for qual, cls in index.classes.items():
        if "." in qual:
            continue
        children = tuple(
            OutlineSymbol(m.name, "method", m.range, m.selection, ", ".join(details.get(m.qualname, [])))
            for m in cls.methods.values()
        )
        out.append(
            OutlineSymbol(cls.name, "class", cls.range, cls.selection, ", ".join(details.get(qual, [])), children)
        )
    for fn in index.functions.values():
        out.append(OutlineSymbol(fn.name, "function", fn.range, fn.selection, ", ".join(details.get(fn.qualname, []))))
    return sorted(out, key=lambda s: (s.range.line, s.range.col))
