"""The expert's answer: the tool schema it must fill, validation, and re-anchoring.

Lines are 1-based and inclusive, as the expert sees them in the request. Each suggestion
keeps ``anchor``, the masked text of its lines when the request was made, so it can be found
again after the user edits the file, or dropped when that text is gone. Anchors are masked
because answers are cached on disk, and a secret must not land there.

The output contract (what a good answer looks like) travels with every request, in the tool
description and a short system block, so a user's own subagent answers in shape too.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any

from agentls.expert.masking import MASK, mask
from agentls.text import split_lines

TOOL_NAME = "submit_review"
SEVERITIES = ("info", "hint")
# Synonyms models use anyway; anything else is a malformed answer.
_SEVERITY_SYNONYMS = {"information": "info", "warning": "info", "error": "info", "suggestion": "hint",
                      "low": "hint", "medium": "info", "high": "info", "minor": "hint", "major": "info"}
MAX_SUGGESTIONS = 20
MAX_ASKED = 8  # what the contract asks for; up to MAX_SUGGESTIONS are read

CONTRACT = f"""How to answer (agentls output contract):
- Call the `{TOOL_NAME}` tool exactly once; no other reply is read.
- `summary`: two to four sentences on the design and the most important change.
- At most {MAX_ASKED} suggestions, most valuable first; `severity` is `info` (a design problem) or `hint`.
- `start_line`/`end_line`: 1-based, inclusive, using the line numbers shown in the request.
- With a `replacement`, `original` must repeat the current text of exactly those lines, with
  their indentation; the `replacement` is the complete new text for them, keeps the original
  indentation, keeps the module importable, and defines every name it uses. Leave both out for
  advice that needs changes in several places. Edits are checked; a mismatch is dropped.
- When asked to refactor selected lines (marked `>`), keep every suggestion inside them.
- `{MASK}` marks a secret hidden from you: never change a line that holds it, never reproduce it.
"""

TOOL: dict[str, Any] = {
    "name": TOOL_NAME,
    "description": "Submit the review of the Python code: a summary and line-anchored suggestions.\n\n" + CONTRACT,
    "input_schema": {
        "type": "object",
        "required": ["summary", "suggestions"],
        "properties": {
            "summary": {"type": "string", "description": "Two to four sentences on the design."},
            "suggestions": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["title", "rationale", "severity", "start_line", "end_line"],
                    "properties": {
                        "title": {"type": "string", "description": "Short imperative title."},
                        "rationale": {"type": "string", "description": "Why it matters here."},
                        "pattern": {"type": "string", "description": "Design pattern or principle, if any."},
                        "severity": {"type": "string", "enum": list(SEVERITIES)},
                        "start_line": {"type": "integer", "minimum": 1, "description": "1-based, inclusive."},
                        "end_line": {"type": "integer", "minimum": 1, "description": "1-based, inclusive."},
                        "original": {"type": "string",
                                     "description": "The current text of lines start_line..end_line, exactly "
                                                    "as shown (without line numbers); required with a "
                                                    "replacement."},
                        "replacement": {"type": "string",
                                        "description": "Complete new text for lines start_line..end_line."},
                    },
                },
            },
        },
    },
}


class MalformedAnswer(ValueError):
    """The tool input does not have the promised shape; the message says what is wrong."""


@dataclass(frozen=True)
class Suggestion:
    title: str
    rationale: str
    severity: str  # "info" | "hint"
    start_line: int  # 1-based, inclusive
    end_line: int
    pattern: str | None = None
    replacement: str | None = None
    anchor: str = ""  # the masked text of start_line..end_line when asked
    note: str | None = None  # why there is no edit, when there was a replacement
    original: str | None = None  # the lines the replacement replaces, as the expert quoted them
    verified: str | None = None  # what the checks found, for an edit that is offered
    group: int = 0  # >0: overlaps the other suggestions of this group (alternatives)
    tests: str | None = None  # "passed" | "failed" | "timed out", after --verify


@dataclass
class Answer:
    expert: str
    model: str
    summary: str
    suggestions: list[Suggestion]
    local: bool = False
    dropped: list[str] = field(default_factory=list)  # notes about suggestions not kept
    usage: dict[str, int] = field(default_factory=dict)
    truncated: bool = False  # cut off at max_tokens: shown, never cached

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Answer:
        known = {f.name for f in fields(Suggestion)}
        return cls(data["expert"], data["model"], data["summary"],
                   [Suggestion(**{k: v for k, v in s.items() if k in known}) for s in data["suggestions"]],
                   bool(data.get("local")), list(data.get("dropped", [])), dict(data.get("usage", {})),
                   bool(data.get("truncated")))


def _text(item: dict[str, Any], key: str, where: str, required: bool = True) -> str | None:
    value = item.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, str) or (required and not value.strip()):
        raise MalformedAnswer(f"{where}: `{key}` should be a non-empty string, got {type(value).__name__}")
    return value


def _line(item: dict[str, Any], key: str, where: str) -> int:
    value = item.get(key)
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value)  # models sometimes quote numbers
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise MalformedAnswer(f"{where}: `{key}` should be a line number (1 or more), got {value!r}")
    return value


def parse_tool_input(data: Any, line_count: int) -> tuple[str, list[Suggestion], list[str]]:
    """Validate the tool input; returns (summary, suggestions, notes about lines out of range)."""
    if not isinstance(data, dict):
        raise MalformedAnswer(f"the answer should be an object, got {type(data).__name__}")
    summary = _text(data, "summary", "answer") or ""
    raw = data.get("suggestions")
    if not isinstance(raw, list):
        raise MalformedAnswer(f"answer: `suggestions` should be a list, got {type(raw).__name__}")
    suggestions: list[Suggestion] = []
    notes: list[str] = []
    for i, item in enumerate(raw[:MAX_SUGGESTIONS], 1):
        # One bad suggestion is dropped alone: the rest of a paid answer stands.
        try:
            found = _suggestion(item, f"suggestion {i}", line_count)
        except MalformedAnswer as exc:
            notes.append(f"{exc}; that suggestion was dropped")
            continue
        if isinstance(found, str):
            notes.append(found)
        else:
            suggestions.append(found)
    if len(raw) > MAX_SUGGESTIONS:
        notes.append(f"{len(raw) - MAX_SUGGESTIONS} suggestions past the first {MAX_SUGGESTIONS} were ignored")
    return summary.strip(), suggestions, notes


def _suggestion(item: Any, where: str, line_count: int) -> Suggestion | str:
    """One validated suggestion, or a note saying why it points nowhere."""
    if not isinstance(item, dict):
        raise MalformedAnswer(f"{where} should be an object, got {type(item).__name__}")
    title = _text(item, "title", where) or ""
    where = f"{where} (“{title.strip()[:60]}”)"
    rationale = _text(item, "rationale", where) or ""
    severity = str(item.get("severity") or "info").strip().lower()
    severity = _SEVERITY_SYNONYMS.get(severity, severity)
    if severity not in SEVERITIES:
        raise MalformedAnswer(f"{where}: `severity` should be one of {', '.join(SEVERITIES)}, got {severity!r}")
    start, end = _line(item, "start_line", where), _line(item, "end_line", where)
    if end < start:
        start, end = end, start
    if start > line_count:
        return f"“{title}” pointed at line {start}, past the end of the code ({line_count} lines)"
    return Suggestion(title.strip(), rationale.strip(), severity, start, min(end, line_count),
                      pattern=(_text(item, "pattern", where, required=False) or None),
                      replacement=_unnumbered(_text(item, "replacement", where, required=False)),
                      original=_unnumbered(_text(item, "original", where, required=False)))


_NUMBERED = re.compile(r"^ *\d+[ >]\| ?")  # the request's "  12>| code" prefix


def _unnumbered(text: str | None) -> str | None:
    """``text`` without the request's line-number prefixes, when a model copied them on every line."""
    if not text:
        return text
    lines = text.splitlines(keepends=True)
    if not all(_NUMBERED.match(ln) for ln in lines if ln.strip()):
        return text
    return "".join(_NUMBERED.sub("", ln, count=1) for ln in lines)


def lines_text(text: str, start: int, end: int) -> str:
    """Lines ``start``..``end`` (1-based, inclusive) of ``text``, terminators kept."""
    return "".join(split_lines(text)[start - 1:end])


def anchor(suggestions: list[Suggestion], text: str) -> list[Suggestion]:
    """Remember the text each suggestion is about, masked (answers are cached on disk)."""
    masked = mask(text).text  # line breaks are kept, so line numbers agree
    return [replace(s, anchor=lines_text(masked, s.start_line, s.end_line)) for s in suggestions]


def nearest_block(lines: list[str], want: list[str], first: int, radius: int | None = None) -> int | None:
    """0-based start of the run ``want`` in ``lines`` nearest line ``first`` (``first`` itself
    when it is there), within ``radius`` lines of it when given; None when it is not there."""
    n = len(want)
    if lines[first:first + n] == want:
        return first
    lo, hi = 0, len(lines) - n
    if radius is not None:
        lo, hi = max(lo, first - radius), min(hi, first + radius)
    hits = [i for i in range(lo, hi + 1) if lines[i] == want[0] and lines[i:i + n] == want]
    return min(hits, key=lambda i: abs(i - first)) if hits else None


def reanchor(suggestions: list[Suggestion], text: str) -> tuple[list[Suggestion], list[str]]:
    """Move each suggestion to where its anchor text now is; drop those whose text is gone.

    Comparison ignores line terminators and trailing blanks; when the text occurs more than
    once, the occurrence nearest the old place wins. Anchors are masked, so they are compared
    with the masked text (masked only when some anchor holds a mask: this runs on every edit).
    """
    if any(MASK in s.anchor for s in suggestions):
        text = mask(text).text
    lines = [ln.rstrip() for ln in split_lines(text)]
    kept: list[Suggestion] = []
    dropped: list[str] = []
    for s in suggestions:
        want = [ln.rstrip() for ln in split_lines(s.anchor)] if s.anchor else []
        if not want:
            kept.append(s)
            continue
        best = nearest_block(lines, want, s.start_line - 1)
        if best is None:
            dropped.append(f"“{s.title}” (lines {s.start_line}-{s.end_line}): the code it was about has changed")
        elif best == s.start_line - 1:
            kept.append(s)
        else:
            kept.append(replace(s, start_line=best + 1, end_line=best + len(want)))
    return kept, dropped


def replacement_text(s: Suggestion, old: str) -> str:
    """The new text for the suggestion's lines, ending in a newline when the old text did."""
    new = s.replacement or ""
    if "\r\n" in old:  # the model answers with LF: keep a CRLF file CRLF throughout
        new = new.replace("\r\n", "\n").replace("\n", "\r\n")
    if old.endswith(("\n", "\r")) and new and not new.endswith("\n"):
        new += "\r\n" if old.endswith("\r\n") else "\n"
    return new


def apply_all(text: str, suggestions: list[Suggestion]) -> tuple[str, list[Suggestion]]:
    """Apply every offered replacement that is no alternative and overlaps no other one
    (``--format diff``, "apply all"); alternatives are for the user to pick one by one."""
    lines = split_lines(text)
    taken: list[Suggestion] = []
    for s in suggestions:
        if s.replacement is None or s.group or any(s.start_line <= t.end_line and t.start_line <= s.end_line
                                                   for t in taken):
            continue
        taken.append(s)
    for s in sorted(taken, key=lambda s: s.start_line, reverse=True):
        old = "".join(lines[s.start_line - 1:s.end_line])
        lines[s.start_line - 1:s.end_line] = [replacement_text(s, old)]
    return "".join(lines), taken
