"""What an automatic request sends: one changed top-level symbol, not the module.

The user message holds the module's outline (signatures, no bodies), the pattern findings
inside the symbol, and the symbol's own lines with their line numbers in the module (so the
answer's lines, anchors and edit checks work on the whole text as for a review). The project
context (signatures of the workspace modules it imports) is the same system block as a
review's, so the prompt cache is shared. A follow-up ("Explain more", "Try again") is the same
request with the suggestion and one short instruction added.
"""

from __future__ import annotations

from pathlib import Path

from agentls.expert import analysis, masking, prompts
from agentls.expert.answer import TOOL_NAME, Suggestion
from agentls.expert.auto import Symbol
from agentls.expert.experts import Expert
from agentls.patterns.model import ModuleAnalysis

MAX_OUTLINE_CHARS = 4_000

EXPLAIN = "explain"
RETRY = "retry"
_FOLLOW_UP = {
    EXPLAIN: "Explain this suggestion in more depth: why it matters in this code and how to carry it out "
             "step by step. Answer with exactly one suggestion on the same lines, the same title, and a "
             "longer rationale; keep (or correct) the replacement.",
    RETRY: "Try again: this suggestion was not useful. Propose one different, better suggestion for the same "
           "code (another approach), with a replacement when it fits inside the symbol's lines.",
}


def _shown_path(path: str | None, workspace: str | Path | None) -> str:
    if path and workspace:
        try:
            return Path(path).resolve().relative_to(Path(workspace).resolve()).as_posix()
        except (OSError, ValueError):
            pass
    return path or "untitled.py"


def build_symbol(expert: Expert, model: str, source: str, path: str | None, workspace: str | Path | None,
                 symbol: Symbol, patterns: ModuleAnalysis | None = None,
                 follow_up: tuple[str, Suggestion] | None = None) -> prompts.Request:
    shown = _shown_path(path, workspace)
    dets = [d for d in (analysis.from_engine(patterns) if patterns is not None else [])
            if d.start_line <= symbol.end and d.end_line >= symbol.start]
    tree = analysis.parse(source)
    file = Path(path) if path else None
    root = Path(workspace) if workspace else None
    context, modules = prompts._context(tree, file, root)
    masked = masking.mask(source)
    outline = masking.mask(prompts.signatures(source)[:MAX_OUTLINE_CHARS])
    found = masking.mask("".join(f"- {analysis.describe(d)}\n" for d in dets) or "None.\n")
    project = masking.mask(context) if context else None
    for extra in (outline, found, *([project] if project else [])):
        masked.count += extra.count
        masked.kinds.update(extra.kinds)
    span = f"lines {symbol.start}-{symbol.end}"
    parts = [f"The {symbol.kind} `{symbol.name}` ({span}) of the Python module `{shown}` was just edited. "
             f"Review only this {symbol.kind} and answer with the `{TOOL_NAME}` tool; keep every suggestion "
             f"inside {span}. Only its lines are shown; the outline of the module is there for context.\n",
             "## Module outline (signatures, no bodies)\n```python\n" + outline.text + "```\n",
             "## Pattern detector findings in it\n" + found.text,
             "## The code\nLine numbers and the `|` separator are not part of the code.\n"
             "```python\n" + prompts._numbered(masked.text, None, (symbol.start, symbol.end)) + "```\n"]
    if follow_up is not None:
        kind, s = follow_up
        said = masking.mask(f"“{s.title}” (lines {s.start_line}-{s.end_line}): {s.rationale}")
        parts.append(f"## Your earlier suggestion\n{said.text}\n\n{_FOLLOW_UP[kind]}\n")
    text = "\n".join(parts)
    return prompts.Request(
        expert, model, expert.system_prompt, text, shown, source, (symbol.start, symbol.end), dets, modules,
        masked.count, dict(masked.kinds),
        "## Project context: signatures of the workspace modules it imports\n" + project.text if project else "",
        masked.text)


def masked_symbol(symbol: Symbol) -> str:
    """The symbol's text as the cache key sees it: masked (keys are hashes, but answers carry anchors)."""
    return masking.mask(symbol.fingerprint).text
