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
}


def _evidence(d: analysis.Det, skip: int = 0, limit: int = 3) -> str:
    """The engine's evidence, with its lines: "line 12: …; line 30: …"."""
    parts = []
    for i, reason in list(enumerate(d.evidence))[skip:skip + limit]:
        line = d.evidence_lines[i] if i < len(d.evidence_lines) else 0
        parts.append(f"line {line}: {reason}" if line else reason)
    return "; ".join(parts)


# A group of methods is a responsibility worth its own class when it has a few methods, some of
# them public, and state of its own; a lone method, or methods that use no fields, are not.
MIN_GROUP_METHODS = 3
MIN_GROUP_PUBLIC = 2
# A method worth simplifying: above 20 is the SEI's "complex, high risk" band (11-20 is
# "moderate"). At McCabe's 10 the advice named flat validators and readable dispatchers that
# reviewers would leave alone (measured in bench/local_expert/, tuning half).
COMPLEX = 20
_CONSTRUCTORS = ("__init__", "__new__", "__post_init__")


def _complex_methods(d: analysis.Det) -> str:
    """The engine's "most complex methods" evidence above ``COMPLEX``, constructors left out
    (their branches are mostly argument defaults)."""
    parts = []
    for i, reason in enumerate(d.evidence[1:], start=1):
        m = re.match(r"`(\w+)` has cyclomatic complexity (\d+)", reason)
        if m and int(m.group(2)) > COMPLEX and m.group(1) not in _CONSTRUCTORS:
            line = d.evidence_lines[i] if i < len(d.evidence_lines) else 0
            parts.append(f"line {line}: {reason}" if line else reason)
    return "; ".join(parts)


def _god_class(req: Request, d: analysis.Det) -> Suggestion | None:
    # The engine decided it is a god class (its metrics are the first evidence, the most complex
    # methods the others); the groups of methods sharing fields say whether and how to split it.
    tree = analysis.parse(req.source)
    node = analysis.find_class(tree, d.symbol) if tree is not None else None
    groups = analysis.clusters(node) if node is not None else []
    real = [g for g in groups if len(g.methods) >= MIN_GROUP_METHODS and g.fields
            and sum(not m.startswith("_") for m in g.methods) >= MIN_GROUP_PUBLIC]
    measured = d.evidence[0] if d.evidence else "large, complex and not cohesive"
    found = f"`{d.symbol}` is a god class ({measured})."
    worst = _complex_methods(d)
    # On a selection inside the class, point at the selection's first line rather than the header.
    line = max(d.start_line, req.selection[0]) if req.selection else d.start_line
    if len(real) >= 2:
        measured_methods = _evidence(d, skip=1)  # the engine's evidence, as the hover lists it
        if measured_methods:
            found += f" Its most complex methods: {measured_methods}."
        described = "; ".join(
            "{" + ", ".join(f"`{m}`" for m in g.methods[:6]) + ("…" if len(g.methods) > 6 else "") + "} use "
            + ", ".join(f"`self.{f}`" for f in g.fields[:5]) + ("…" if len(g.fields) > 5 else "")
            for g in real[:4])
        rationale = (f"{found} Its methods form {len(real)} groups that share no fields: {described}. Each "
                     f"group is a separate responsibility: extract each into its own class and let "
                     f"`{d.symbol}` delegate to them, so each part can change and be tested alone.")
        return Suggestion(f"Split `{d.symbol}` along the groups of methods that share fields", rationale, "info",
                          line, line, pattern="Single responsibility (extract class)")
    if not worst:
        return None  # the verdict stands (summary, hover), but there is nothing specific to do
    # Its methods hang together (one group of fields): splitting the class would cut through
    # them. What makes it big is in its most complex methods.
    rationale = (f"{found} Its methods do not fall into separate groups of fields, so splitting the class "
                 f"would not help; its weight is in a few methods: {worst}. Extract the branches of these "
                 f"methods into well-named helpers (or onto the objects whose data they read), so each can be "
                 f"read and tested alone.")
    return Suggestion(f"Simplify the most complex methods of `{d.symbol}`", rationale, "info", line, line,
                      pattern="Extract method")


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


def _quoted(d: analysis.Det, pattern: str) -> str | None:
    """The first name the engine's evidence quotes in the shape ``pattern`` (a regex group)."""
    for reason in d.evidence:
        m = re.search(pattern, reason)
        if m:
            return m.group(1)
    return None


def _lazy(req: Request, d: analysis.Det) -> Suggestion | None:
    """`functools.cached_property` where it is a drop-in replacement, and only there."""
    tree = analysis.parse(req.source)
    if tree is None:
        return None
    found = f" (Found from {_evidence(d)}.)" if d.evidence else ""
    if d.role == "lazy_descriptor":
        cls = analysis.find_class(tree, d.symbol)
        methods = {n.name for n in cls.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))} if cls else set()
        if cls is None or methods & {"__set__", "__delete__"}:
            return None  # a data descriptor does more than cache
        return Suggestion(f"Replace the hand-written descriptor `{d.symbol}` with `functools.cached_property`",
                          "The standard library's `functools.cached_property` (Python 3.8+) computes the value "
                          "on first access and stores it in the instance's `__dict__`, as this class does; one "
                          "less class to maintain and test." + found, "hint", d.start_line, d.start_line,
                          pattern="Lazy Evaluation")
    attr = _quoted(d, r"`self\.(\w+)`")
    decorator = _quoted(d, r"`@([\w.]+)`")
    if attr is None and decorator is None:
        return None
    if analysis.cached_property_blocker(tree, d.symbol, attr):
        return None
    if decorator is not None:
        return Suggestion(f"Use `functools.cached_property` instead of `@{decorator}` on `{d.symbol}`",
                          f"`@{decorator}` caches the value on the instance, which is what the standard "
                          f"library's `functools.cached_property` does; using it says the intent to every "
                          f"reader and type checker." + found, "hint", d.start_line, d.start_line,
                          pattern="Lazy Evaluation")
    return Suggestion(f"Make `{d.symbol}` a `functools.cached_property`",
                      f"The property checks `self.{attr}`, computes it once and keeps it: "
                      f"`@functools.cached_property` does exactly that, so the check, the `self.{attr}` field "
                      f"and its initialisation can go." + found, "hint", d.start_line, d.start_line,
                      pattern="Lazy Evaluation")


def _singleton(req: Request, d: analysis.Det) -> Suggestion | None:
    name = _quoted(d, r"module-wide `(\w+)`")
    if name is None:  # a class that hands out its one instance
        severity, title, rationale = _PATTERN_ADVICE["singleton"]
        found = f" (Found from {_evidence(d)}.)" if d.evidence else ""
        return Suggestion(title.format(symbol=d.symbol), rationale + found, severity, d.start_line,
                          d.start_line, pattern="Singleton")
    # A function that fills a module global on first call is a memoised probe, not an object
    # the program should pass around: the standard cache says it without the global.
    tree = analysis.parse(req.source)
    if tree is None or analysis.lazy_global_blocker(tree, d.symbol, name):
        return None
    return Suggestion(f"Cache `{d.symbol}()` with `functools.lru_cache` instead of the global `{name}`",
                      f"`{d.symbol}` keeps its result in the module global `{name}` and checks it on each call. "
                      f"`@functools.lru_cache(maxsize=None)` (or `functools.cache`, Python 3.9+) does the same "
                      f"without the `global` statement and the module-level variable. (Found from "
                      f"{_evidence(d)}.)", "hint", d.start_line, d.start_line, pattern="Singleton")


def answer(req: Request) -> Answer:
    suggestions: list[Suggestion] = []
    unadvised: list[str] = []  # god classes (the engine's verdict) with nothing specific to change
    for d in req.detections:
        if req.selection and not (d.start_line <= req.selection[1] and d.end_line >= req.selection[0]):
            continue  # refactoring a selection: stay inside it
        suggestion: Suggestion | None = None
        if d.pattern == "god_class":
            suggestion = _god_class(req, d)
        elif d.pattern == "layer_violation":
            suggestion = _layer_violation(req, d)
        elif d.pattern == "lazy_evaluation":
            suggestion = _lazy(req, d)
        elif d.pattern == "singleton":
            suggestion = _singleton(req, d)
        elif d.pattern in _PATTERN_ADVICE:
            severity, title, rationale = _PATTERN_ADVICE[d.pattern]
            if d.evidence:
                rationale += f" (Found from {_evidence(d)}.)"
            suggestion = Suggestion(title.format(symbol=d.symbol), rationale, severity, d.start_line,
                                    d.start_line, pattern=d.pattern.replace("_", " ").title())
        if suggestion is not None:
            suggestions.append(suggestion)
        elif d.pattern == "god_class":
            unadvised.append(f"`{d.symbol}` is a god class by the engine's measures"
                             + (f" ({d.evidence[0]})" if d.evidence else ""))
    patterns = sorted({d.pattern.replace("_", " ") for d in req.detections if d.kind == "pattern"})
    smells = sorted({d.pattern.replace("_", " ") for d in req.detections if d.kind == "smell"})
    summary = (f"This is the local expert: it answers from agentls's pattern and smell analysis, "
               f"without sending code anywhere. In `{req.path}` it found "
               + (f"the patterns {', '.join(patterns)}" if patterns else "no design patterns")
               + (f" and the smells {', '.join(smells)}" if smells else " and no smells")
               + _syntax_note(req.source)
               + (f". {'; '.join(unadvised)}, but its methods neither fall into separate groups of fields nor "
                  f"include one above cyclomatic complexity {COMPLEX}, so there is no specific change to "
                  f"suggest" if unadvised else "")
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
