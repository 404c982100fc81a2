from __future__ import annotations

from rulekit import run, spanned

from agentls.model import Effect, Severity

BASE = "---\nname: a\ndescription: d\n---\nBody.\n"


def test_upper_case_extension_is_never_read() -> None:
    for path in (".claude/agents/x.MD", ".claude/agents/sub/x.Md", "x.mD"):
        (f,) = run(BASE, "AG023", path=path)
        assert spanned(BASE, f) == "---"
        assert f.message.startswith("Claude Code will not load this agent:")
        assert f.severity is Severity.ERROR and f.effect is Effect.SKIP
        assert f"rename it to `{path.rsplit('/', 1)[-1][:-3]}.md`" in f.message


def test_first_character_when_there_is_no_frontmatter() -> None:
    (f,) = run("Just text\n", "AG023", path="x.MD")
    assert f.span.start == 0 and f.span.end == 1


def test_lower_case_and_other_dialects() -> None:
    assert run(BASE, "AG023", path=".claude/agents/x.md") == []
    assert run(BASE, "AG023", "claude-plugin-agent", "pp/agents/x.MD") == []
    assert run(BASE, "AG023", "claude-command", "plugin/commands/x.MD") == []  # any case there


def test_project_command_with_upper_case_extension_is_never_found() -> None:
    # Claude Code finds commands with a case-sensitive `*.md` glob (probe c07).
    (f,) = run(BASE, "AG023", "claude-command", ".claude/commands/git/x.MD")
    assert f.severity is Severity.ERROR and f.effect is Effect.SKIP
    assert f.message.startswith("Claude Code will not load this command:")
