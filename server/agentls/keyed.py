"""Re-running only the rules whose keys changed.

A rule that declares ``keys`` reads nothing but those top-level entries (and the file's path,
dialect and parse state). When the user edits one value, every other keyed rule would find
exactly what it found before, only moved by the edit; so its findings are moved instead of
found again. The guard is strict: the rule's entries must be the same text, the document must
hold no anchors, aliases or tags (an alias reads another entry), and every position the old
findings name must lie outside the edited region. Anything else runs the rule again.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from agentls.frontmatter.document import AgentDocument
from agentls.model import Edit, Finding, Fix, Related, Span


@dataclass(frozen=True)
class Region:
    """What changed between two texts: ``old[start:old_end]`` became ``new[start:new_end]``."""

    start: int
    old_end: int
    new_end: int

    @property
    def delta(self) -> int:
        return self.new_end - self.old_end


def changed_region(old: str, new: str) -> Region:
    prefix = _common_prefix(old, new)
    suffix = _common_suffix(old, new, min(len(old), len(new)) - prefix)
    return Region(prefix, len(old) - suffix, len(new) - suffix)


def _common_prefix(a: str, b: str) -> int:
    lo, hi = 0, min(len(a), len(b))
    while lo < hi:  # a[:lo] == b[:lo]; halving keeps the copying linear overall
        mid = (lo + hi + 1) // 2
        if a[lo:mid] == b[lo:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _common_suffix(a: str, b: str, limit: int) -> int:
    lo, hi = 0, limit
    la, lb = len(a), len(b)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[la - mid:la - lo] == b[lb - mid:lb - lo]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def entry_texts(doc: AgentDocument) -> dict[str, tuple[str, ...]] | None:
    """Each top-level key's entries as written, to the end of their last line (so a trailing
    comment is part of it); ``None`` when keyed reuse is off for ``doc``."""
    root = doc.root
    if root is None or doc.markers:
        return None
    text = doc.text
    out: dict[str, tuple[str, ...]] = {}
    for key, value in root.pairs:
        if isinstance(key.value, str):
            end = max(key.end, value.end)
            if end and text[end - 1] != "\n":  # to the end of the line: a trailing comment too
                stop = text.find("\n", end)
                end = len(text) if stop < 0 else stop
            out[key.value] = (*out.get(key.value, ()), text[key.start:end])
    return out


def moved(findings: list[Finding], region: Region) -> list[Finding] | None:
    """``findings`` in the new text, or ``None`` if one of them touches the edited region."""
    if region.delta == 0 and region.start == region.old_end == region.new_end:
        return findings
    out = []
    for f in findings:
        if _before(f, region.start):
            out.append(f)  # the same object: whatever was built from it can be kept too
            continue
        span = _move(f.span, region)
        if span is None:
            return None
        fix = f.fix
        if fix is not None:
            edits = [_move(e.span, region) for e in fix.edits]
            if any(e is None for e in edits):
                return None
            fix = Fix(fix.title, tuple(Edit(s, e.new_text) for s, e in zip(edits, fix.edits, strict=True)
                                       if s is not None), fix.applicability)
        related = []
        for r in f.related:
            if r.path is not None:
                related.append(r)
                continue
            where = _move(r.span, region)
            if where is None:
                return None
            related.append(Related(r.message, where, r.path))
        out.append(replace(f, span=span, fix=fix, related=tuple(related)))
    return out


def _before(f: Finding, at: int) -> bool:
    return (f.span.end < at and (f.fix is None or all(e.span.end < at for e in f.fix.edits))
            and all(r.path is not None or r.span.end < at for r in f.related))


def _move(span: Span, region: Region) -> Span | None:
    if span.end < region.start:
        return span
    if span.start > region.old_end or (span.start == region.old_end > region.start):
        return Span(span.start + region.delta, span.end + region.delta)
    return None
