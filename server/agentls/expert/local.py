"""The local expert: answers from the pattern and smell analysis, without any API call.

What it advises on is exactly what the pattern engine reported (``Request.detections``), with
the engine's evidence and its lines; it never decides itself what is a god class or a layer
violation.

Same answer shape as the remote expert, so the same delivery works offline. Its advice is
deliberately conservative: it explains the refactoring and points at the code, but offers no
replacement text, because a rule cannot know the callers.
"""

from __future__ import annotations

import ast
import re

from agentls.expert import analysis
from agentls.expert.answer import Answer, Suggestion, anchor
from agentls.expert.prompts import Request

LOCAL_MODEL = "local-rules"

# What the local expert says about a detected pattern: (severity, title, rationale).
_PATTERN_ADVICE: dict[str, tuple[str, str, str]] = {
    "singleton": ("hint", "Pass `{symbol}` in instead of reaching for its single instance",
                  "A singleton is global state: every user is hard-wired to it and tests cannot swap it. "
                  "Create one instance at start-up and hand it to whoever needs it (dependency injection)."),
    "borg": ("hint", "Make the state shared by `{symbol}` explicit",
             "Borg instances share one `__dict__`, so any instance can change every other one behind the "
             "caller's back. Pass one explicit object around, or make the shared state immutable."),
    "object_pool": ("hint", "Release pooled objects from `{symbol}` with a context manager",
                    "A pool leaks when a caller forgets to give an object back. A `with pool.acquire() as x:` "
                    "context manager releases it on every path, exceptions included."),
    "lazy_evaluation": ("hint", "Consider `functools.cached_property` for `{symbol}`",
                        "Hand-written lazy attributes repeat the same check-then-set code; `cached_property` "
                        "says the intent and cannot forget to store the value."),
}


def _evidence(d: analysis.Det, skip: int = 0, limit: int = 3) -> str:
    """The engine's evidence, with its lines: "line 12: …; line 30: …"."""
    parts = []
    for i, reason in list(enumerate(d.evidence))[skip:skip + limit]:
        line = d.evidence_lines[i] if i < len(d.evidence_lines) else 0
        parts.append(f"line {line}: {reason}" if line else reason)
    return "; ".join(parts)


def _god_class(req: Request, d: analysis.Det) -> Suggestion:
    # The engine decided it is a god class (its metrics are the first evidence, the most complex
    # methods the others); the groups of methods sharing fields say how to split it.
    tree = analysis.parse(req.source)
    node = analysis.find_class(tree, d.symbol) if tree is not None else None
    groups = analysis.clusters(node) if node is not None else []
    groups = [g for g in groups if g.methods]
    measured = d.evidence[0] if d.evidence else "large, complex and not cohesive"
    found = f"`{d.symbol}` is a god class ({measured})."
    worst = _evidence(d, skip=1)
    if worst:
        found += f" Its most complex methods: {worst}."
    if len(groups) >= 2:
        described = "; ".join(
            "{" + ", ".join(f"`{m}`" for m in g.methods[:6]) + ("…" if len(g.methods) > 6 else "") + "}"
            + (" use " + ", ".join(f"`self.{f}`" for f in g.fields[:5]) if g.fields else " use no fields")
            for g in groups[:4])
        rationale = (f"{found} Its {sum(len(g.methods) for g in groups)} methods form {len(groups)} groups "
                     f"that share no fields: {described}. Each group is a separate responsibility: extract "
                     f"each into its own class and let `{d.symbol}` delegate to them (or drop it), so each "
                     f"part can change and be tested alone.")
    else:
        rationale = (f"{found} Look for methods that work on the same fields and extract them into a class "
                     f"of their own; split the most complex methods first.")
    # On a selection inside the class, point at the selection's first line rather than the header.
    line = max(d.start_line, req.selection[0]) if req.selection else d.start_line
    return Suggestion(f"Split `{d.symbol}` along the groups of methods that share fields", rationale, "info",
                      line, line, pattern="Single responsibility (extract class)")


def _imported_module(req: Request, d: analysis.Det) -> str:
    """The module imported at the detection's evidence line (the engine names the import)."""
    line = d.evidence_lines[0] if d.evidence_lines else d.start_line
    tree = analysis.parse(req.source)
    for node in tree.body if tree is not None else []:
        if node.lineno <= line <= (node.end_lineno or node.lineno):
            if isinstance(node, ast.ImportFrom):
                return "." * node.level + (node.module or "")
            if isinstance(node, ast.Import) and node.names:
                return node.names[0].name
    quoted = re.search(r"`([^`]+)`", d.evidence[0]) if d.evidence else None
    return quoted.group(1) if quoted else d.symbol


def _layer_violation(req: Request, d: analysis.Det) -> Suggestion:
    target = _imported_module(req, d)
    why = _evidence(d, limit=1) or f"this module imports `{target}` from an outer layer"
    rationale = (f"Inner layers should not depend on outer ones ({why}). Declare a `typing.Protocol` here "
                 f"with just the methods this module needs, type against it, and let the outer layer provide "
                 f"the implementation (passed in at start-up). The import then points the right way.")
    return Suggestion(f"Invert the dependency on `{target}` behind a protocol", rationale, "info",
                      d.start_line, d.end_line, pattern="Dependency inversion (ports and adapters)")


def answer(req: Request) -> Answer:
    suggestions: list[Suggestion] = []
    for d in req.detections:
        if req.selection and not (d.start_line <= req.selection[1] and d.end_line >= req.selection[0]):
            continue  # refactoring a selection: stay inside it
        if d.pattern == "god_class":
            suggestions.append(_god_class(req, d))
        elif d.pattern == "layer_violation":
            suggestions.append(_layer_violation(req, d))
        elif d.pattern in _PATTERN_ADVICE:
            severity, title, rationale = _PATTERN_ADVICE[d.pattern]
            if d.evidence:
                rationale += f" (Found from {_evidence(d)}.)"
            suggestions.append(Suggestion(title.format(symbol=d.symbol), rationale, severity, d.start_line,
                                          d.start_line, pattern=d.pattern.replace("_", " ").title()))
    patterns = sorted({d.pattern.replace("_", " ") for d in req.detections if d.kind == "pattern"})
    smells = sorted({d.pattern.replace("_", " ") for d in req.detections if d.kind == "smell"})
    summary = (f"This is the local expert: it answers from agentls's pattern and smell analysis, "
               f"without sending code anywhere. In `{req.path}` it found "
               + (f"the patterns {', '.join(patterns)}" if patterns else "no design patterns")
               + (f" and the smells {', '.join(smells)}" if smells else " and no smells")
               + _syntax_note(req.source)
               + f". For a full review, ask {req.expert.name} with an Anthropic API key.")
    return Answer(req.expert.name, LOCAL_MODEL, summary, anchor(suggestions, req.source), local=True)


def _syntax_note(source: str) -> str:
    """A module that does not parse hides its patterns: "found nothing" must not sound clean."""
    import warnings

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ast.parse(source)
    except SyntaxError as exc:
        where = f"line {exc.lineno}: " if exc.lineno else ""
        return (f", but the module does not parse as Python ({where}{exc.msg}), "
                "so only what parses was analysed")
    except (RecursionError, MemoryError, ValueError):
        return ", but the module could not be parsed, so only what parses was analysed"
    return ""
