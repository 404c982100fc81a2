"""Every diagnostic code agentls emits, in one table.

Three families, each written where it is checked and gathered here:

- ``rule``: the per-file agent-file rules (``AG…``, ``agentls.rules``; their docstrings);
- ``workspace``: the checks across every agent file of a workspace (``AGW…``,
  ``agentls.agentindex.codes``);
- ``smell``: the Python smells the patterns engine reports as diagnostics (the detectors
  of category ``smell``; their code is the detector id, e.g. ``god_class``).

The expert's diagnostics carry the design pattern the model names as their code: free text,
so no fixed entry. Each entry has the code's page under ``docs/`` (``render.ruledocs``
writes ``docs/rules/``; the smells' pages are ``docs/patterns/``, from
``patterns.docgen``) and whether a fix is offered, which a test holds against what the rules
emit on their examples. Built on each call (a hundred entries; the rules are imported once by
``agentls.rules``): nothing here is cached.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from agentls.model import Severity

if TYPE_CHECKING:  # imported where used: the CLI pays for a family only when it asks for it
    from agentls.agentindex.codes import WorkspaceCode
    from agentls.patterns.detector_registry import Detector
    from agentls.rules.base import Rule

Kind = Literal["rule", "workspace", "smell"]
KINDS: tuple[Kind, ...] = ("rule", "workspace", "smell")

# The LSP ``source`` of each family's diagnostics (the language server's features use these).
SOURCES: dict[Kind, str] = {"rule": "agentls", "workspace": "agentls-workspace",
                            "smell": "agentls.patterns"}
DOCS_BASE = "https://github.com/agentls/agentls/blob/main/docs/"


@dataclass(frozen=True)
class DiagnosticCode:
    code: str
    kind: Kind
    slug: str
    severity: Severity
    summary: str
    doc_page: str  # relative to docs/, e.g. "rules/AG001.md"
    fixable: bool
    applies: str  # what it is checked in, in words
    documentation: str  # the page's source text (summary line first)

    @property
    def source(self) -> str:
        return SOURCES[self.kind]

    @property
    def doc_url(self) -> str:
        return DOCS_BASE + self.doc_page


def _of_rule(rule: Rule) -> DiagnosticCode:
    from agentls.knowledge.dialects import title

    applies = ("every dialect" if rule.dialects is None
               else ", ".join(sorted(title(d) for d in rule.dialects)))
    return DiagnosticCode(rule.code, "rule", rule.slug, rule.severity, rule.summary(),
                          f"rules/{rule.code}.md", rule.fixable, applies, rule.documentation())


def _of_workspace(c: WorkspaceCode) -> DiagnosticCode:
    applies = "Claude Code agents, skills and commands, across the workspace (language server)"
    return DiagnosticCode(c.code, "workspace", c.slug, c.severity, c.summary(),
                          f"rules/{c.code}.md", False, applies, c.doc.strip())


def _of_smell(d: Detector) -> DiagnosticCode:
    # The editor shows smells as information (lsp/patterns_features.py); none has a fix.
    return DiagnosticCode(d.id, "smell", d.id.replace("_", "-"), Severity.INFO,
                          d.summary().split(". ")[0].rstrip(".") + ".",
                          f"patterns/{d.id}.md", False, "Python files", d.doc())


def rule_codes() -> dict[str, DiagnosticCode]:
    from agentls import rules

    return {code: _of_rule(rule) for code, rule in rules.all_rules().items()}


def workspace_codes() -> dict[str, DiagnosticCode]:
    from agentls.agentindex.codes import WORKSPACE_CODES

    return {code: _of_workspace(c) for code, c in WORKSPACE_CODES.items()}


def smell_codes() -> dict[str, DiagnosticCode]:
    from agentls.patterns.detector_registry import detectors

    return {d.id: _of_smell(d) for d in sorted(detectors().values(), key=lambda d: d.id)
            if d.category == "smell"}


def _codes_of(kind: Kind) -> dict[str, DiagnosticCode]:
    return rule_codes() if kind == "rule" else workspace_codes() if kind == "workspace" \
        else smell_codes()


def all_codes(kinds: tuple[Kind, ...] = KINDS) -> dict[str, DiagnosticCode]:
    """Code -> entry for the families asked for (importing only what they need)."""
    out: dict[str, DiagnosticCode] = {}
    for kind in kinds:
        for code, entry in _codes_of(kind).items():
            if code in out:
                raise ValueError(f"diagnostic code {code} is defined twice")
            out[code] = entry
    return out


def kind_of(code: str) -> Kind | None:
    """The family a code belongs to by its spelling alone (no import)."""
    upper = code.upper()
    if upper.startswith("AGW") and upper[3:].isdigit():
        return "workspace"
    if upper.startswith("AG") and upper[2:].isdigit():
        return "rule"
    return "smell" if code.islower() and code.replace("_", "").isalpha() else None


def get(code: str) -> DiagnosticCode | None:
    """One code's entry (case-insensitive for AG and AGW codes), building only that one."""
    kind = kind_of(code)
    if kind == "rule":
        from agentls import rules

        rule = rules.get(code)
        return _of_rule(rule) if rule is not None else None
    if kind == "workspace":
        from agentls.agentindex.codes import WORKSPACE_CODES

        check = WORKSPACE_CODES.get(code.upper())
        return _of_workspace(check) if check is not None else None
    if kind == "smell":
        from agentls.patterns.detector_registry import get as detector

        found = detector(code)
        return _of_smell(found) if found is not None and found.category == "smell" else None
    return None
