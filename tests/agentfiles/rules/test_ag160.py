from __future__ import annotations

from agentls.engine import check_text, fix_text
from agentls.model import Applicability, Effect, Finding, Severity
from agentls.settings import Settings

CODE = "AG160"
ONLY = Settings(select=(CODE,))


def run(text: str, dialect: str = "claude-agent") -> list[Finding]:
    return check_text(text, "x.md", dialect, ONLY)[1]


def spans(text: str, dialect: str = "claude-agent") -> list[str]:
    return [text[f.span.start:f.span.end] for f in run(text, dialect)]


def doc(fm: str) -> str:
    return f"---\n{fm}---\nBody\n"


def test_misspelt_key_with_safe_rename() -> None:
    text = doc("name: a\ndescripton: d\n")
    found = run(text)
    assert spans(text) == ["descripton"]
    f = found[0]
    assert f.severity is Severity.WARNING and f.effect is Effect.CHANGED
    assert "`description`" in f.message
    assert f.fix is not None and f.fix.applicability is Applicability.SAFE
    assert fix_text(text, "x.md", "claude-agent", ONLY)[0] == doc("name: a\ndescription: d\n")


def test_case_and_separators() -> None:
    assert fix_text(doc("Name: a\ndescription: d\n"), "x.md", "claude-agent", ONLY)[0] == \
        doc("name: a\ndescription: d\n")
    fixed = fix_text(doc("name: a\ndescription: d\ndisallowed-tools: Bash\nmax_turns: 3\n"),
                     "x.md", "claude-agent", ONLY)[0]
    assert fixed == doc("name: a\ndescription: d\ndisallowedTools: Bash\nmaxTurns: 3\n")


def test_no_fix_when_target_exists_or_far() -> None:
    found = run(doc("name: a\nName: b\ndescription: d\n"))
    assert found[0].fix is None and "already set" in found[0].message
    found = run(doc("name: a\ndescription: d\nmode: plan\n"))
    assert found[0].fix is None or found[0].fix.applicability is Applicability.UNSAFE
    found = run(doc("name: a\ndescription: d\nzzzz: 1\n"))
    assert found[0].fix is None and "did you mean" not in found[0].message


def test_known_keys_and_handled_keys_are_silent() -> None:
    text = doc("name: a\ndescription: d\ntools: Read\ncolor: red\nallowed-tools: Read\n"
               "PreToolUse: []\n")
    assert run(text) == []


def test_dialect_key_sets() -> None:
    text = doc("description: d\nwhen_to_use: x\n")
    assert spans(text) == ["when_to_use"]
    assert "plugin agents" in run(text)[0].message
    assert run(text, "claude-plugin-agent") == []
    assert "`allowed-tools`" in run(doc("tools: Read\n"), "claude-skill")[0].message
    assert run(doc("applyTo: '**'\n"), "copilot-instructions") == []
    assert spans(doc("globs: x\nalways: true\n"), "cursor-rule") == ["always"]
    found = run(doc("description: d\nfoo: 1\n"), "opencode-agent")
    assert found[0].severity is Severity.INFO and "provider" in found[0].message


def test_non_string_key_and_hook_hint() -> None:
    assert spans(doc("name: a\ndescription: d\n1: x\n")) == ["1"]
    found = run(doc("name: a\ndescription: d\nPostToolUse: []\n"))
    assert "under `hooks:`" in found[0].message


def test_skills_and_commands_unknown_keys_are_information_typos_stay_warnings() -> None:
    # Claude Code ignores `category` without a word; `user-invokable` looks like a typo.
    for dialect in ("claude-skill", "claude-command"):
        text = "---\ndescription: d\ncategory: tools\ntags: [a]\nuser-invokable: false\n---\nBody\n"
        found = {f.message.split("`")[1]: f for f in run(text, dialect)}
        for key in ("category", "tags"):
            assert found[key].severity is Severity.INFO and found[key].fix is None
            assert "ignores it without a word" in found[key].message
        typo = found["user-invokable"]
        assert typo.severity is Severity.WARNING and typo.fix is not None
        assert typo.fix.edits[0].new_text == "user-invocable"
    # Commands read the skill keys (they go through the skill loader).
    assert run("---\ndescription: d\nuser-invocable: false\nhooks: {}\n---\nB\n", "claude-command") == []
    # Agents keep the warning: there an unknown key is often a description's lost line.
    (f,) = run("---\nname: a\ndescription: d\ncategory: x\n---\nB\n")
    assert f.severity is Severity.WARNING


def test_copilot_unknown_keys_are_information_unless_plainly_misspelt() -> None:
    # VS Code shows no warning for keys it does not know (checked in code-server on
    # github/awesome-copilot's agents: `mode: subagent`, `hidden: true`, `title:`).
    text = "---\ndescription: d\nmode: subagent\nhidden: true\nDescription: x\n---\nBody\n"
    found = {f.message.split("`")[1]: f for f in run(text, "copilot-agent")}
    assert found["mode"].severity is Severity.INFO and found["hidden"].severity is Severity.INFO
    assert found["Description"].severity is Severity.WARNING  # case only: a misspelling
