from __future__ import annotations

from rulekit import run, spanned

from agentls.engine import fix_text
from agentls.model import Effect, Severity

PLUGIN = "pp/agents/x.md"


def agent(fm: str) -> str:
    return f"---\nname: a\n{fm}---\n# Heading\nMore.\n"


def test_project_agent_skips() -> None:
    cases = {
        "": ("---", "it has no `description`"),
        "description:\n": ("description", "`description` is empty"),
        'description: ""\n': ('""', "`description` is empty"),
        "description: ~\n": ("~", "`description` is empty"),
        "description: 55\n": ("55", "the number 55, not a string"),
        "description: true\n": ("true", "the boolean true, not a string"),
        "description: false\n": ("false", "the boolean false"),
        "description: [a]\n": ("[a]", "a list, not a string"),
        "description: {a: b}\n": ("{a: b}", "a map, not a string"),
        "Description: d\n": ("Description", "case-sensitive"),
        "when_to_use: x\n": ("when_to_use", "plugin agents only"),
    }
    for fm, (span, why) in cases.items():
        text = agent(fm)
        (f,) = run(text, "AG110")
        assert spanned(text, f) == span, fm
        assert f.message.startswith("Claude Code will not load this agent:")
        assert why in f.message, fm
        assert f.severity is Severity.ERROR and f.effect is Effect.SKIP


def test_unsafe_quote_fix_for_numbers() -> None:
    text = agent("description: 55\n")
    fixed, _ = fix_text(text, "x.md", "claude-agent", unsafe=True)
    assert 'description: "55"' in fixed


def test_plugin_agent_fallbacks() -> None:
    (f,) = run(agent(""), "AG110", "claude-plugin-agent", PLUGIN)
    assert "'Agent from pp plugin'" in f.message and f.effect is None
    assert f.severity is Severity.INFO
    assert run(agent("when_to_use: x\n"), "AG110", "claude-plugin-agent", PLUGIN) == []
    (f,) = run(agent("description: 55\n"), "AG110", "claude-plugin-agent", PLUGIN)
    assert "'55'" in f.message and f.effect is Effect.CHANGED
    (f,) = run(agent('description: ""\nwhen-to-use: w\n'), "AG110", "claude-plugin-agent", PLUGIN)
    assert "'w'" in f.message and f.effect is Effect.CHANGED
    (f,) = run(agent("description: [a]\n"), "AG110", "claude-plugin-agent", PLUGIN)
    assert "Description invalid" in f.message and f.severity is Severity.WARNING


def test_skills_and_commands_use_the_body() -> None:
    for dialect, path in (("claude-skill", "skills/x/SKILL.md"), ("claude-command", "c/x.md")):
        (f,) = run(agent(""), "AG110", dialect, path)
        assert "'Heading'" in f.message and f.severity is Severity.INFO and f.effect is None
        (f,) = run(agent("description: [a]\n"), "AG110", dialect, path)
        assert "'Heading'" in f.message and f.effect is Effect.CHANGED
        (f,) = run(agent("description: 42\n"), "AG110", dialect, path)
        assert "'42'" in f.message


def test_body_line_is_cut_at_100() -> None:
    text = "---\nname: a\n---\n\n## " + "w" * 120 + "\n"
    (f,) = run(text, "AG110", "claude-skill", "skills/x/SKILL.md")
    assert "'" + "w" * 97 + "...'" in f.message


def test_required_elsewhere() -> None:
    (f,) = run(agent(""), "AG110", "opencode-agent", ".opencode/agents/x.md")
    assert "requires a `description`" in f.message and f.severity is Severity.ERROR
    # VS Code reads a custom agent without one, without a word (checked in code-server):
    # GitHub's docs require it, so a warning, not an error.
    (f,) = run(agent(""), "AG110", "copilot-agent", ".github/agents/x.agent.md")
    assert "require a `description`" in f.message and f.severity is Severity.WARNING
    assert run(agent(""), "AG110", "cursor-rule", ".cursor/rules/x.mdc") == []


def test_present() -> None:
    assert run(agent("description: d\n"), "AG110") == []
    assert run(agent('description: "  "\n'), "AG110") == []  # AG115
