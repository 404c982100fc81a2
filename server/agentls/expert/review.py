"""The review as a document: Markdown (written to the cache folder), plain text, and a diff."""

from __future__ import annotations

import difflib
import hashlib
import re
import time
from pathlib import Path

from agentls.expert import cache
from agentls.expert.answer import Answer, Suggestion, apply_all
from agentls.expert.edits import alternatives
from agentls.expert.prompts import Request
from agentls.expert.service import usage_line


def _lines(start: int, end: int) -> str:
    return f"line {start}" if start == end else f"lines {start}-{end}"


def markdown(answer: Answer, req: Request, local_reason: str | None = None, cached: bool = False) -> str:
    who = f"{answer.expert} (local expert, no API call)" if answer.local else f"{answer.expert} ({answer.model})"
    scope = f"{_lines(*req.selection)} of `{req.path}`" if req.selection else f"`{req.path}`"
    out = [f"# Review of {scope}", "",
           f"- **Expert:** {who}",
           f"- **Date:** {time.strftime('%Y-%m-%d %H:%M')}"]
    if answer.local:
        out.append(f"- **Why local:** {local_reason or 'requested'}. This review comes from agentls's "
                   "pattern and smell rules, not from a language model.")
    else:
        out.append(f"- **Input:** about {req.input_tokens:,} tokens; {req.masked} secret(s) masked before sending"
                   + ("; answered from the local cache" if cached else ""))
        out.append(f"- **Usage:** {usage_line(answer, cached)}")
    if req.context_modules:
        out.append("- **Context sent:** " + ", ".join(f"`{m}`" for m in req.context_modules))
    out += ["", "## Summary", "", answer.summary or "(no summary)", ""]
    out += [f"## Suggestions ({len(answer.suggestions)})", ""]
    if not answer.suggestions:
        out += ["None.", ""]
    for i, s in enumerate(answer.suggestions, 1):
        tag = f" — *{s.pattern}*" if s.pattern else ""
        out += [f"### {i}. {s.title}{tag}", "", f"{_lines(s.start_line, s.end_line)}, {s.severity}", "",
                s.rationale, ""]
        if s.replacement is not None:
            out += ["```diff", *_diff(s.anchor, s.replacement), "```", ""]
        out += [f"> {line}" for line in _remarks(answer.suggestions, i - 1)]
        out += [""] if _remarks(answer.suggestions, i - 1) else []
    if answer.dropped:
        out += ["## Not applied", "", *[f"- {d}" for d in answer.dropped], ""]
    return "\n".join(out)


def _diff(old: str, new: str) -> list[str]:
    if new and not new.endswith("\n"):
        new += "\n"
    return [ln.rstrip("\n") for ln in difflib.unified_diff(
        old.splitlines(keepends=True), new.splitlines(keepends=True), lineterm="\n", n=1)][2:]


def write(answer: Answer, req: Request, local_reason: str | None = None, cached: bool = False) -> Path:
    """Write the Markdown review into ``<cache>/reviews`` (never into the repository)."""
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "-", req.path).strip("-") or "module"
    digest = hashlib.sha256(f"{req.path}{req.selection}{answer.expert}".encode()).hexdigest()[:8]
    path = cache.cache_dir() / "reviews" / f"{stem}-{answer.expert}-{digest}.md"
    cache.write_private(path, markdown(answer, req, local_reason, cached))
    return path


def _remarks(suggestions: list[Suggestion], i: int) -> list[str]:
    """What the user should know about suggestion ``i``'s edit: verified, alternative, withheld."""
    s = suggestions[i]
    out: list[str] = []
    if s.replacement is not None:
        alt = alternatives(suggestions, i)
        if alt:
            others = ", ".join(f"“{suggestions[n - 1].title}” (line {suggestions[n - 1].start_line})" for n in alt)
            out.append(f"edit {s.verified or 'offered'}; it overlaps {others}: alternatives, apply one "
                       "(not in --format diff)")
        else:
            out.append(f"edit {s.verified or 'offered'} (--format diff)")
    if s.note:
        out.append(s.note)
    if s.tests:
        out.append(f"tests with this edit alone: {s.tests}")
    return out


def text(answer: Answer, req: Request, local_reason: str | None = None, cached: bool = False) -> str:
    """For the terminal: ``path:line: severity: title`` then the rationale, indented."""
    head = f"{answer.expert} " + (f"(local expert: {local_reason})" if answer.local else f"({answer.model})")
    out = [head, "", answer.summary, ""]
    for i, s in enumerate(answer.suggestions):
        out.append(f"{req.path}:{s.start_line}: {s.severity}: {s.title}" + (f" [{s.pattern}]" if s.pattern else ""))
        out.append(f"    {s.rationale}")
        out += [f"    {remark}" for remark in _remarks(answer.suggestions, i)]
    for d in answer.dropped:
        out.append(f"note: {d}")
    out += ["", usage_line(answer, cached)]
    return "\n".join(out).rstrip() + "\n"


_NL_LINES = re.compile(r"[^\n]*\n|[^\n]+")


def diff(answer: Answer, req: Request) -> str:
    """Every offered edit that is no alternative and did not fail ``--verify``, as one patch."""
    offered = [s for s in answer.suggestions if s.tests in (None, "passed")]
    new, _ = apply_all(req.source, offered)
    out = []
    # Lines as `patch` and `git apply` count them: split at "\n" only (not at \f or \x1c).
    for line in difflib.unified_diff(_NL_LINES.findall(req.source), _NL_LINES.findall(new),
                                     fromfile=f"a/{req.path}", tofile=f"b/{req.path}"):
        # A last line without a newline must say so, or `patch` and `git apply` reject the diff.
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)
