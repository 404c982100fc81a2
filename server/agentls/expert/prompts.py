"""Build what is sent: system blocks, and a user message with the code.

The system blocks are the stable prefix, in the order the API caches them (after the tool):
the agent body, the output contract (so any subagent answers in shape), and the project
context, bounded signatures of the workspace modules the file imports, sorted, so modules of
one package share it. Each block that ends a prefix at or above the model's minimum cacheable
length is marked for caching; a shorter prefix is not marked (the API would not cache it).
The user message holds the module (or the selection plus the module around it) with line
numbers and the pattern detections. Only files inside the workspace are ever read, and
everything is masked before it is used.
"""

from __future__ import annotations

import ast
import math
from dataclasses import dataclass, field
from pathlib import Path

from agentls import config
from agentls.expert import analysis, masking
from agentls.expert.answer import CONTRACT, TOOL, TOOL_NAME
from agentls.expert.experts import Expert
from agentls.knowledge import models
from agentls.patterns.analysis import module_name_in
from agentls.patterns.model import ModuleAnalysis
from agentls.patterns.settings import PatternSettings
from agentls.patterns.workspace import WorkspaceIndex
from agentls.text import split_lines

CHARS_PER_TOKEN = 3.5  # code tokenises densely; over-estimating is the safe side
MAX_MODULE_CHARS = 400_000  # about 110k tokens: beyond that, ask for a selection
CONTEXT_LINES = 150  # around a selection in a module too long to send whole
WHOLE_MODULE_LINES = 800
MAX_IMPORTED_MODULES = 8
MAX_SIGNATURE_CHARS = 2_500  # per imported module
MAX_CONTEXT_CHARS = 12_000  # all imported modules together
SOURCE_ROOTS = ("", "src", "server", "lib")


class PromptTooLarge(ValueError):
    pass


@dataclass
class Request:
    expert: Expert
    model: str
    system: str
    user: str
    path: str  # as shown to the expert (relative to the workspace when inside it)
    source: str  # the file's text as it was when asked (unmasked; anchors come from it)
    selection: tuple[int, int] | None = None  # 1-based inclusive lines
    detections: list[analysis.Det] = field(default_factory=list)
    context_modules: list[str] = field(default_factory=list)
    masked: int = 0
    masked_kinds: dict[str, int] = field(default_factory=dict)
    project: str = ""  # the stable project context (signatures), a system block of its own
    masked_source: str = ""  # ``source`` as the expert saw it (same lines, secrets masked)
    contract: str = CONTRACT

    @property
    def input_tokens(self) -> int:
        return estimate_tokens(self.system + self.contract + self.project + self.user) + _TOOL_TOKENS

    def system_blocks(self) -> list[dict[str, object]]:
        """Agent body, contract, project context; cache marks where the prefix is long enough."""
        texts = [t for t in (self.system, self.contract, self.project) if t]
        blocks: list[dict[str, object]] = []
        prefix = _TOOL_TOKENS
        minimum = self.min_cacheable
        for i, text in enumerate(texts):
            prefix += estimate_tokens(text)
            block: dict[str, object] = {"type": "text", "text": text}
            # Mark the contract (shared by every module) and the project context (shared by a
            # package); the body alone is marked only when it is the last block.
            if prefix >= minimum and (i > 0 or len(texts) == 1):
                block["cache_control"] = {"type": "ephemeral"}
            blocks.append(block)
        return blocks

    @property
    def min_cacheable(self) -> int:
        found = models.info(self.model)
        return found.min_cacheable_tokens if found else 1_024

    @property
    def cached_prefix_tokens(self) -> int:
        """Estimated tokens of the longest prefix marked for caching (0: nothing is)."""
        prefix, cached = _TOOL_TOKENS, 0
        for block in self.system_blocks():
            prefix += estimate_tokens(str(block["text"]))
            if "cache_control" in block:
                cached = prefix
        return cached

    @property
    def line_count(self) -> int:
        return len(split_lines(self.source))


def estimate_tokens(text: str) -> int:
    return math.ceil(len(text) / CHARS_PER_TOKEN)


_TOOL_TOKENS = estimate_tokens(str(TOOL)) + 300  # tool definition plus the API's tool preamble


def quick_estimate(expert: Expert, source: str, selection: tuple[int, int] | None = None) -> int:
    """Cheap estimate for a code action title: no file reads, no parsing."""
    return (estimate_tokens(expert.system_prompt + CONTRACT) + estimate_tokens(source) * 12 // 10
            + _TOOL_TOKENS + 150)


def _numbered(text: str, selection: tuple[int, int] | None, window: tuple[int, int] | None) -> str:
    lines = split_lines(text)
    width = len(str(len(lines)))
    first, last = window or (1, len(lines))
    out = []
    if first > 1:
        out.append(f"{'':>{width}}   … lines 1-{first - 1} not shown …\n")
    for number in range(first, last + 1):
        line = lines[number - 1].rstrip("\r\n")
        mark = ">" if selection and selection[0] <= number <= selection[1] else " "
        out.append(f"{number:>{width}}{mark}| {line}\n")
    if last < len(lines):
        out.append(f"{'':>{width}}   … lines {last + 1}-{len(lines)} not shown …\n")
    return "".join(out)


def _inside(path: Path, root: Path) -> bool:
    try:
        return path.resolve().is_relative_to(root)
    except (OSError, RuntimeError):
        return False


def _imported(tree: ast.Module, file: Path, root: Path) -> list[tuple[str, Path]]:
    """Workspace files for the module's imports; anything resolving outside ``root`` is ignored."""
    bases = [root / r for r in SOURCE_ROOTS]
    pkg = file.parent  # the folder above the top package is a source root as well
    while (pkg / "__init__.py").exists() and pkg != root:
        pkg = pkg.parent
    bases.append(pkg)
    wanted: list[str] = []
    relative: list[tuple[int, str]] = []
    for node in tree.body:
        if isinstance(node, ast.Import):
            wanted.extend(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            mod = node.module or ""
            if node.level:
                relative.append((node.level, mod))
                relative.extend((node.level, f"{mod}.{a.name}" if mod else a.name) for a in node.names)
            else:
                wanted.append(mod)
                wanted.extend(f"{mod}.{a.name}" for a in node.names)
    candidates: list[tuple[str, Path]] = []
    for name in wanted:
        rel = Path(*name.split("."))
        for base in bases:
            candidates += [(name, base / rel.with_suffix(".py")), (name, base / rel / "__init__.py")]
    for level, name in relative:
        base = file.parent
        for _ in range(level - 1):
            base = base.parent
        rel = Path(*name.split(".")) if name else Path()
        label = "." * level + name
        candidates += [(label, (base / rel).with_suffix(".py")), (label, base / rel / "__init__.py")]
    seen: set[Path] = set()
    found: list[tuple[str, Path]] = []
    for name, path in candidates:
        if path.is_file() and _inside(path, root):
            real = path.resolve()
            if real not in seen and real != file.resolve():
                seen.add(real)
                found.append((name, real))
    return found[:MAX_IMPORTED_MODULES]


def signatures(source: str) -> str:
    """Top-level classes (with method signatures), functions and constants; no bodies."""
    tree = analysis.parse(source)
    if tree is None:
        return "# (does not parse)\n"
    out: list[str] = []
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            bases = ", ".join(ast.unparse(b) for b in node.bases)
            out.append(f"class {node.name}({bases}):" if bases else f"class {node.name}:")
            for item in node.body:
                if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    out.append("    " + _def(item))
                elif isinstance(item, ast.AnnAssign):
                    out.append("    " + ast.unparse(item.target) + ": " + ast.unparse(item.annotation))
            out.append("")
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            out.append(_def(node))
        elif isinstance(node, ast.Assign) and all(isinstance(t, ast.Name) and t.id.isupper() for t in node.targets):
            out.append(" = ".join(ast.unparse(t) for t in node.targets) + " = ...")
    return "\n".join(out).strip() + "\n"


def _def(fn: ast.FunctionDef | ast.AsyncFunctionDef) -> str:
    prefix = "async def" if isinstance(fn, ast.AsyncFunctionDef) else "def"
    returns = f" -> {ast.unparse(fn.returns)}" if fn.returns else ""
    return f"{prefix} {fn.name}({ast.unparse(fn.args)}){returns}: ..."


def _context(tree: ast.Module | None, file: Path | None, root: Path | None) -> tuple[str, list[str]]:
    if tree is None or file is None or root is None or not _inside(file, root.resolve()):
        return "", []
    parts: list[str] = []
    names: list[str] = []
    total = 0
    # Sorted by path: modules of one package importing the same modules send the same block,
    # which is what lets the second review read the first one's cache.
    for name, path in sorted(_imported(tree, file, root.resolve()), key=lambda found: found[1]):
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        sig = signatures(text)[:MAX_SIGNATURE_CHARS]
        if not sig.strip():
            continue  # an empty package __init__ says nothing
        if total + len(sig) > MAX_CONTEXT_CHARS:
            break
        total += len(sig)
        rel = path.relative_to(root.resolve()).as_posix()
        parts.append(f"### `{name}` ({rel})\n```python\n{sig}```\n")
        names.append(rel)
    return "\n".join(parts), names


def _analyze(source: str, shown: str, file: Path | None, root: Path | None, settings: PatternSettings | None,
             index: WorkspaceIndex | None) -> list[analysis.Det]:
    if settings is None:
        start = file.parent if file is not None else root
        settings = config.load(start).patterns.engine if start is not None else PatternSettings()
    if file is None or root is None:  # outside the workspace: the module alone
        return analysis.analyze(source, shown, index, settings)
    if index is None:
        index = analysis.index_workspace(root.resolve())
    real = str(file.resolve())
    return analysis.analyze(source, real, index, settings, module_name_in(real, shown))


def build(expert: Expert, model: str, source: str, path: str | None, workspace: str | Path | None,
          selection: tuple[int, int] | None = None, *, patterns: ModuleAnalysis | None = None,
          settings: PatternSettings | None = None, index: WorkspaceIndex | None = None) -> Request:
    """The request for reviewing ``source`` (or refactoring ``selection``, 1-based lines).

    The detections are the pattern engine's: ``patterns`` when the caller has analysed the
    module already (the language server's analysis), else analysed here with ``settings``
    (default: the project's ``[tool.agentls.patterns]``) against ``index`` (default: the
    workspace's Python files, indexed here).
    """
    if len(source) > MAX_MODULE_CHARS and selection is None:
        raise PromptTooLarge(f"the module has {len(source):,} characters; select the part to review")
    root = Path(workspace) if workspace else None
    file = Path(path) if path else None
    shown = path or "untitled.py"
    inside = file is not None and root is not None and _inside(file, root.resolve())
    if inside and file is not None and root is not None:
        shown = file.resolve().relative_to(root.resolve()).as_posix()
    if patterns is not None:
        dets = analysis.from_engine(patterns)
    else:
        dets = _analyze(source, shown, file if inside else None, root, settings, index)
    tree = analysis.parse(source)
    context, modules = _context(tree, file, root)

    masked = masking.mask(source)
    lines = len(split_lines(source))
    window = None
    if selection is not None:
        selection = (max(1, min(selection[0], lines)), max(1, min(selection[1], lines)))
        if lines > WHOLE_MODULE_LINES:
            window = (max(1, selection[0] - CONTEXT_LINES), min(lines, selection[1] + CONTEXT_LINES))
    parts: list[str] = []
    if selection is None:
        parts.append(f"Review the Python module `{shown}` ({lines} lines) and answer with the "
                     f"`{TOOL_NAME}` tool.\n")
    else:
        parts.append(f"Refactor lines {selection[0]}-{selection[1]} of the Python module `{shown}` "
                     f"(marked with `>`); the rest of the module is there for context. Keep your "
                     f"suggestions inside those lines and answer with the `{TOOL_NAME}` tool.\n")
    found = "".join(f"- {analysis.describe(d)}\n" for d in dets) or "None.\n"
    masked_found = masking.mask(found)  # evidence may quote the code
    masked.count += masked_found.count
    masked.kinds.update(masked_found.kinds)
    parts.append("## Pattern detector findings\n" + masked_found.text)
    project = ""
    if context:
        masked_ctx = masking.mask(context)
        masked.count += masked_ctx.count
        masked.kinds.update(masked_ctx.kinds)
        project = "## Project context: signatures of the workspace modules it imports\n" + masked_ctx.text
    parts.append("## The module\nLine numbers and the `|` separator are not part of the code.\n"
                 "```python\n" + _numbered(masked.text, selection, window) + "```\n")
    return Request(expert, model, expert.system_prompt, "\n".join(parts), shown, source, selection, dets,
                   modules, masked.count, dict(masked.kinds), project, masked.text)
