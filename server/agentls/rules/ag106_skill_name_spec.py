from __future__ import annotations

from collections.abc import Iterator

from agentls.knowledge.skill_paths import name_problem
from agentls.model import Effect, Finding, Severity
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
    Claude Code loads the skill either way: it keys a skill by its **directory**, and a
    frontmatter `name` that differs becomes the name of its slash command (the directory
    name stays an alias, and the `/skills` menu shows the frontmatter name as its display
    name). So this is information only, for portability: claude.ai uploads and the Skills
    API validate skills by the spec (`skills-ref validate`) and reject one whose name is
    missing, malformed or different from its directory.

    A warning is kept for the names Claude Code itself **ignores** (then the skill is offered
    under its directory name): over 256 characters, or holding `<`, `>`, invisible
    characters or stray spaces.

    ## Example
    `skills/pdf-tools/SKILL.md` with `name: PDF Tools`: write `name: pdf-tools`.
    """

    code = "AG106"
    slug = "skill-name-spec"
    severity = Severity.INFO
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
                              "(Agent Skills spec)", severity=Severity.WARNING)
            return
        refused = name_problem(name)
        if refused is not None:
            yield ctx.finding(
                span, f"Claude Code ignores this `name` ({refused}) and offers the skill under "
                f"its directory name{f' `{folder}`' if folder else ''}",
                severity=Severity.WARNING, effect=Effect.CHANGED)
            return
        problems = spec_problems(name)
        if folder and name != folder:
            problems.append(f"it differs from the directory name `{folder}`")
        if problems:
            offered = (f"Claude Code offers this skill as the slash command `{name}` (the "
                       f"directory name `{folder}` stays an alias)") if folder and name != folder \
                else called
            yield ctx.finding(
                span, f"`name` {name!r} breaks the Agent Skills spec ({'; '.join(problems)}): "
                f"{_UPLOADS}; {offered}")


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
