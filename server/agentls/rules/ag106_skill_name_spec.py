from __future__ import annotations

from collections.abc import Iterator

from agentls.model import Finding, Severity
from agentls.rules._values import show_value
from agentls.rules.base import CheckContext, Example, Rule

_UPLOADS = "uploads to claude.ai or the Skills API reject it"


class SkillNameSpec(Rule):
    """A skill's `name` breaks the Agent Skills specification.

    ## What it does
    Checks a `SKILL.md` frontmatter `name` against the Agent Skills spec: present, 1-64
    characters, lowercase letters, digits and `-` only, no leading, trailing or doubled
    `-`, and equal to the skill's directory name.

    ## Why is this bad?
    Claude Code names a skill after its **directory**; the frontmatter `name` is only a
    display label, so Claude Code itself loads the skill either way. But claude.ai uploads
    and the Skills API validate skills by the spec (`skills-ref validate`) and reject one
    whose name is missing, malformed or different from its directory.

    ## Example
    `skills/pdf-tools/SKILL.md` with `name: PDF Tools`: write `name: pdf-tools`.
    """

    code = "AG106"
    slug = "skill-name-spec"
    severity = Severity.WARNING
    dialects = frozenset({"claude-skill"})
    keys = frozenset({"name"})
    examples_bad = (
        Example("---\nname: PDF Tools\ndescription: d\n---\nBody\n", "claude-skill",
                "skills/pdf-tools/SKILL.md"),
        Example("---\ndescription: d\n---\nBody\n", "claude-skill", "skills/pdf-tools/SKILL.md"),
    )
    examples_good = (Example("---\nname: pdf-tools\ndescription: d\n---\nBody\n", "claude-skill",
                             "skills/pdf-tools/SKILL.md"),)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        folder = _directory(ctx.doc.path)
        pair = ctx.doc.pair("name")
        called = f"Claude Code names this skill `{folder}` after its directory" if folder else (
            "Claude Code names a skill after its directory")
        if pair is None:
            yield ctx.finding(
                ctx.open_delimiter_span(),
                f"no `name`: {called}, but the Agent Skills spec requires one, so {_UPLOADS}",
                severity=Severity.INFO)
            return
        name = pair[1].value
        span = ctx.value_span("name") or ctx.node_span(pair[0])
        if not isinstance(name, str):
            yield ctx.finding(span, f"`name` is {show_value(name)}, not a string: {_UPLOADS} "
                              "(Agent Skills spec)")
            return
        problems = spec_problems(name)
        if folder and name != folder:
            problems.append(f"it differs from the directory name `{folder}`")
        if problems:
            yield ctx.finding(
                span, f"`name` {name!r} breaks the Agent Skills spec ({'; '.join(problems)}): "
                f"{_UPLOADS}; {called}, the name is only a display label")


def spec_problems(name: str) -> list[str]:
    out: list[str] = []
    if not 1 <= len(name) <= 64:
        out.append(f"it must be 1-64 characters long, not {len(name)}")
    bad = sorted({c for c in name if not (c == "-" or (c.isalnum() and c == c.lower()))})
    if bad:
        out.append("only lowercase letters, digits and `-` are allowed, not "
                   + " ".join(repr(c) for c in bad[:5]))
    if name.startswith("-") or name.endswith("-"):
        out.append("it must not start or end with `-`")
    if "--" in name:
        out.append("it must not contain `--`")
    return out


def _directory(path: str | None) -> str | None:
    parts = (path or "").replace("\\", "/").split("/")
    return parts[-2] if len(parts) >= 2 and parts[-2] not in ("", ".") else None
