"""The probe cases of the reference (agent-formats.md §4) as a table: each row's input, the
verdict Claude Code 2.1.332 gave for a project agent and for a plugin agent (plugin `pp`,
file `pp/agents/x.md`), and the loaded values the row names.

Rows 61-63 need a real file system (symlinks, several files, scopes) and are left to the
workspace tests; every other row is here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest

from agentls.engine import check_bytes, check_text
from agentls.frontmatter.document import AgentDocument, ParseState
from agentls.model import Finding
from agentls.rules import all_rules
from agentls.rules._values import body_description, plugin_agent_id
from agentls.rules.ag110_missing_description import plugin_description
from agentls.verdict import verdict

LOAD, CHANGED, RESCUED, SKIP = "LOAD", "LOAD~", "RESCUED", "SKIP"
PROJECT = ".claude/agents/x.md"
PLUGIN = "pp/agents/x.md"


def base(name: str = "name: a", description: str = "description: d", extra: str = "") -> str:
    lines = [line for line in (name, description, extra) if line]
    return "---\n" + "\n".join(lines) + "\n---\nBody."


EXAMPLES = 'Use this agent when… Examples: <example>Context: x user: "hi"</example>'


@dataclass(frozen=True)
class Case:
    row: str
    text: str
    project: str | None  # expected verdict for a project agent (None: not asserted)
    plugin: str | None = None  # expected verdict for a plugin agent
    data: dict[str, Any] = field(default_factory=dict)  # loaded values (project agent)
    path: str = PROJECT
    needs: tuple[str, ...] = ()  # rule codes the expectation relies on
    # dialect -> why a written rule disagrees with the reference (reported, not hidden)
    disagrees: dict[str, str] = field(default_factory=dict)


CASES: list[Case] = [
    # 1: baseline, CRLF, BOM, opening line with trailing whitespace and blank lines
    Case("1", base(), LOAD, LOAD, {"name": "a", "description": "d"}),
    Case("1-crlf", base().replace("\n", "\r\n"), LOAD, LOAD, {"name": "a", "description": "d"}),
    Case("1-bom", "\ufeff" + base(), LOAD, LOAD, {"name": "a"}),
    Case("1-open-ws", "--- \t\n\n\nname: a\ndescription: d\n---\nBody.", LOAD, LOAD, {"name": "a"}),
    # 2: no block at all
    Case("2-blank-first", "\n" + base(), SKIP, CHANGED),
    Case("2-cr-only", base().replace("\n", "\r"), SKIP, CHANGED),
    Case("2-no-close", "---\nname: a\ndescription: d\nBody.", SKIP, CHANGED),
    # 3: no closing line, but a rule further down closes the block: the prose fails
    Case("3", "---\nname: a\ndescription: d\n\nYou review code.\nBe brief.\n\n---\n\nMore.",
         SKIP, CHANGED),
    # 4-8: the first `---` anywhere closes the block
    Case("4", base(description="description: x --- y", extra="tools: Read"), CHANGED, CHANGED,
         {"description": "x"}),
    Case("5", base(description='description: "x --- y"'), SKIP, CHANGED),
    Case("6-dashes", "---\nname: a\ndescription: d\n----\nBody.", LOAD, LOAD, {"name": "a"}),
    Case("6-extra", "---\nname: a\ndescription: d\n--- extra\nBody.", LOAD, LOAD, {"name": "a"}),
    Case("7-indented", base(description="description: |\n  a\n  ---\n  b"), CHANGED, CHANGED,
         {"description": "a\n"}),
    Case("7-column-0", "---\nname: a\ndescription: |\n  a\n---\n  b\ntools: Read\n---\nBody.",
         CHANGED, CHANGED, {"description": "a\n"}),
    Case("8", base(description="description: hr---inword"), CHANGED, CHANGED,
         {"description": "hr"}),
    # 9-10: the one-line <example> description: rescued in LF, skipped in CRLF
    Case("9", base(description=f"description: {EXAMPLES}"), RESCUED, RESCUED,
         {"description": EXAMPLES}),
    Case("10", base(description=f"description: {EXAMPLES}").replace("\n", "\r\n"), SKIP, CHANGED),
    # 11-13: continuation lines
    Case("11", base(description="description: first\n  second"), LOAD, LOAD,
         {"description": "first second"}),
    Case("12-indented", base(description="description: first\n  Context: x"), SKIP, CHANGED),
    Case("12-example", base(description="description: first\n<example>\nContext: x"),
         SKIP, CHANGED),
    Case("13", base(description="description: first\nContext: x"), CHANGED, CHANGED,
         {"description": "first"}, needs=("AG160",)),
    # 14-15: block scalars
    Case("14-folded", base(description="description: >\n  a\n  b"), LOAD, LOAD,
         {"description": "a b\n"}),
    Case("14-literal", base(description="description: |\n  a\n  b"), LOAD, LOAD,
         {"description": "a\nb\n"}),
    Case("15", base(description="description: >\n  a\n  b", extra="when_to_use: Use when: x"),
         SKIP, CHANGED),
    # 16-22: quoting, tabs, and what the retry rescues
    Case("16-double", base(description='description: "oops'), SKIP, CHANGED),
    Case("16-single", base(description="description: 'oops"), SKIP, CHANGED),
    Case("17", base(description='description: "oops: x'), RESCUED, RESCUED,
         {"description": '"oops: x'}),
    Case("18", base(extra="tools:\n\t- Read\n\t- Grep"), RESCUED, RESCUED,
         {"tools": ["Read", "Grep"]}),
    Case("19", base(description="description:\tText"), LOAD, LOAD, {"description": "Text"}),
    Case("20-bracket", base(description="description: [unclosed"), RESCUED, RESCUED,
         {"description": "[unclosed"}),
    Case("20-at", base(description="description: @x"), RESCUED, RESCUED, {"description": "@x"}),
    Case("20-backtick", base(description="description: `x"), RESCUED, RESCUED,
         {"description": "`x"}),
    Case("20-star", base(description="description: *x"), RESCUED, RESCUED, {"description": "*x"}),
    Case("21-comment", base(description="description: text #note"), CHANGED, CHANGED,
         {"description": "text"}),
    Case("21-anchor", base(description="description: &a text"), CHANGED, CHANGED,
         {"description": "text"}),
    Case("21-tag", base(description="description: !t text"), CHANGED, CHANGED,
         {"description": "text"}),
    Case("21-csharp", base(description="description: C# code"), LOAD, LOAD,
         {"description": "C# code"}),
    Case("22-colon", base(description="description: Examples:"), SKIP, CHANGED),
    Case("22-digit-key", base(extra="x2: a: b"), SKIP, CHANGED),
    # 23-26: duplicates, documents, shapes, the retry's collateral rewrite
    Case("23-description", base(description="description: d1\ndescription: d2"), CHANGED,
         CHANGED, {"description": "d2"}),
    Case("23-name", base(name="name: n1\nname: n2"), LOAD, LOAD, {"name": "n2"}),
    Case("24", "---\nname: a\n...\ndescription: d\n---\nBody.", SKIP, CHANGED),
    Case("25-empty", "---\n---\nBody.", SKIP, CHANGED),
    Case("25-list", "---\n- a\n---\nBody.", SKIP, CHANGED),
    Case("25-scalar", "---\nhello\n---\nBody.", SKIP, CHANGED),
    Case("26", base(description=f"description: {EXAMPLES}", extra="model: opus # cheap"),
         RESCUED, RESCUED, {"model": "opus # cheap"}),
    # 27-35: names
    *[Case(f"27-{n}", base(name=f"name: {n}"), LOAD, LOAD, {"name": n})
      for n in ("MyAgent", "my_agent", "my agent", "a/b", "yes", "2026-01-01", "1_000")],
    Case("28-quoted", base(name='name: "a:b"'), SKIP, LOAD, {"name": "a:b"}),
    Case("28-fullwidth", base(name="name: a：b"), SKIP, LOAD, {"name": "a：b"}),
    Case("28-time", base(name="name: 12:30"), SKIP, LOAD, {"name": "12:30"}),
    Case("29", base(name="name: -a"), SKIP, LOAD, {"name": "-a"}),
    Case("30", base(name="name: " + "a" * 257), SKIP, CHANGED),
    Case("31-int", base(name="name: 49"), SKIP, CHANGED, {"name": 49}),
    Case("31-true", base(name="name: true"), SKIP, CHANGED, {"name": True}),
    Case("31-float", base(name="name: 1.0"), SKIP, CHANGED, {"name": 1.0}),
    Case("31-hex", base(name="name: 0x1F"), SKIP, CHANGED, {"name": 31}),
    Case("32-null", base(name="name: ~"), SKIP, LOAD, {"name": None}),
    Case("32-absent", base(name=""), SKIP, LOAD),
    Case("33", base(name='name: "a "'), LOAD, LOAD, {"name": "a "}),
    Case("34", base(name="Name: a"), SKIP, CHANGED, needs=("AG160",)),
    Case("35", base(name='name: !!int "7"'), LOAD, LOAD, {"name": "7"}),
    # 36-42: descriptions
    Case("36", base(description=""), SKIP, LOAD),
    Case("37-int", base(description="description: 55"), SKIP, CHANGED, {"description": 55}),
    Case("37-true", base(description="description: true"), SKIP, CHANGED,
         {"description": True}),
    Case("38-quoted", base(description='description: ""'), SKIP, CHANGED, {"description": ""}),
    Case("38-empty", base(description="description:"), SKIP, CHANGED, {"description": None}),
    Case("39", base(description='description: "   "'), LOAD, CHANGED, {"description": "   "}),
    Case("40-list", base(description="description: [a, b]"), SKIP, CHANGED),
    Case("40-map", base(description="description: {a: b}"), SKIP, CHANGED),
    Case("41", base(description="when_to_use: x"), SKIP, LOAD, needs=("AG160",)),
    Case("42", base(description="description: a\\nb"), CHANGED, LOAD, {"description": "a\\nb"}),
    # 43-48: tools
    *[Case(f"43-{i}", base(extra=t), LOAD, LOAD) for i, t in enumerate((
        "tools: Read, Grep, Glob", "tools: Read Grep  Glob", "tools:\n  - Read\n  - Grep",
        "tools: [Read, Grep]"))],
    Case("44", base(extra="tools: Read, FooBar, MultiEdit"), LOAD, LOAD,
         needs=("AG120", "AG121")),
    *[Case(f"45-{i}", base(extra=t), CHANGED, CHANGED, needs=("AG123",)) for i, t in enumerate((
        "tools: []", "tools:", 'tools: ""', "tools: 5"))],
    Case("46-star", base(extra='tools: "*"'), LOAD, LOAD),
    Case("46-parens", base(extra="tools: Bash(git diff:*, git log), Read"), LOAD, LOAD),
    Case("46-items", base(extra="tools:\n  - Read Grep\n  - 7"), CHANGED, CHANGED,
         needs=("AG123", "AG126")),
    Case("47", base(extra="tools: Read, Grep\ndisallowedTools: Grep"), LOAD, LOAD),
    Case("48-dash", base(extra="allowed-tools: Read"), CHANGED, CHANGED, needs=("AG161",)),
    Case("48-camel", base(extra="allowedTools: Read"), CHANGED, CHANGED, needs=("AG161",)),
    # 49-57: other fields
    *[Case(f"49-{m}", base(extra=f"model: {m}"), LOAD, LOAD) for m in (
        "sonnet", "opus", "haiku", "opusplan", "best", "fable", "opus[1m]", "INHERIT",
        "claude-opus-4-6")],
    Case("50-garbage", base(extra="model: garbage-model"), LOAD, LOAD, needs=("AG130",)),
    Case("50-number", base(extra="model: 123"), CHANGED, CHANGED, needs=("AG131",)),
    Case("50-empty", base(extra='model: ""'), CHANGED, CHANGED, needs=("AG131",)),
    *[Case(f"51-{c}", base(extra=f"color: {c}"), CHANGED, None, needs=("AG141",))
      for c in ("chartreuse", "magenta", "Red")],
    Case("52", base(extra='permissionMode: manual\nmaxTurns: "5"'), LOAD, CHANGED,
         needs=("AG140", "AG145", "AG152")),
    *[Case(f"53-{t.split(':')[0]}", base(extra=t), CHANGED, CHANGED,
           needs=("AG140", "AG142", "AG143", "AG144", "AG145", "AG146"))
      for t in ("background: yes", "maxTurns: many", "memory: x", "effort: x", "isolation: x",
                "permissionMode: yolo")],
    *[Case(f"54-{i}", base(extra=t), SKIP, CHANGED, needs=("AG149", "AG152"))
      for i, t in enumerate(("hooks: []", "hooks: x", "hooks: true"))],
    Case("55-empty", base(extra="hooks: {}"), LOAD, CHANGED, needs=("AG149", "AG152")),
    Case("55-unknown", base(extra="hooks: {NotAnEvent: []}"), CHANGED, CHANGED,
         needs=("AG150", "AG152")),
    Case("56", base(extra="PreToolUse:\n  - matcher: Bash\n    hooks: []"), SKIP, LOAD,
         needs=("AG151",)),
    Case("57-mcp", base(extra="mcpServers:\n  - github"), LOAD, CHANGED, needs=("AG152",)),
    Case("57-prompt", base(extra="initialPrompt: Review"), LOAD, CHANGED, needs=("AG152",)),
    # 58-60: files
    Case("58", base(), SKIP, LOAD, path=".claude/agents/x.MD", needs=("AG023",)),
    Case("59", base(), LOAD, LOAD, path=".claude/agents/sub/x.md"),
    Case("60-over", base() + "x" * (1_048_577 - len(base())), SKIP, SKIP),
    Case("60-exact", base() + "x" * (1_048_576 - len(base())), LOAD, LOAD),
]

_PENDING = {code for case in CASES for code in case.needs if code not in all_rules()}


def _param(case: Case, dialect: str) -> Any:
    missing = [code for code in case.needs if code in _PENDING]
    marks = [pytest.mark.xfail(reason=f"needs {', '.join(missing)}", strict=False)] if missing else []
    if dialect in case.disagrees:
        marks.append(pytest.mark.xfail(reason=case.disagrees[dialect], strict=False))
    return pytest.param(case, dialect, id=f"{case.row}-{dialect}", marks=marks)


def _check(case: Case, dialect: str) -> tuple[AgentDocument, list[Finding]]:
    path = case.path if dialect == "claude-agent" else PLUGIN
    if dialect == "claude-plugin-agent" and case.path != PROJECT:
        path = "pp/agents/" + case.path.split(".claude/agents/", 1)[-1]
    return check_text(case.text, path, dialect)


def _explain(findings: list[Finding]) -> list[str]:
    return [f"{f.code} {f.effect and f.effect.value}: {f.message}" for f in findings]


@pytest.mark.parametrize(("case", "dialect"), [
    *[_param(c, "claude-agent") for c in CASES if c.project is not None],
    *[_param(c, "claude-plugin-agent") for c in CASES if c.plugin is not None],
])
def test_probe_verdict(case: Case, dialect: str) -> None:
    doc, findings = _check(case, dialect)
    expected = case.project if dialect == "claude-agent" else case.plugin
    assert verdict(doc, findings).value == expected, _explain(findings)
    if dialect == "claude-agent":
        for key, value in case.data.items():
            assert doc.data.get(key) == value, (key, doc.data)


@pytest.mark.parametrize(("row", "name", "expected"), [
    ("23", "name: n1\nname: n2", "pp:n2"),
    ("27", "name: MyAgent", "pp:MyAgent"),
    ("28", 'name: "a:b"', "pp:a:b"),
    ("29", "name: -a", "pp:-a"),
    ("31", "name: 49", "pp:49"),
    ("31", "name: true", "pp:true"),
    ("31", "name: 1.0", "pp:1"),
    ("31", "name: 0x1F", "pp:31"),
    ("35", 'name: !!int "7"', "pp:7"),
])
def test_plugin_agent_ids(row: str, name: str, expected: str) -> None:
    doc, findings = check_text(base(name=name), PLUGIN, "claude-plugin-agent")
    stringified = [f for f in findings if f.code == "AG101"]
    if stringified:  # the message names the id
        assert f"`{expected}`" in stringified[0].message
    else:
        assert plugin_agent_id(doc, doc.data["name"]) == expected


@pytest.mark.parametrize(("row", "name"), [("30", "a" * 257), ("32", "~"), ("34", None)])
def test_plugin_agent_falls_back_to_file_name(row: str, name: str | None) -> None:
    text = base(name="Name: a" if name is None else f"name: {name}")
    doc, findings = check_text(text, "pp/agents/x.md", "claude-plugin-agent")
    assert plugin_agent_id(doc, None) == "pp:x"
    if row != "34":
        assert any("`pp:x`" in f.message for f in findings), _explain(findings)


def test_row_59_plugin_subfolder_id() -> None:
    doc, _ = check_text(base(), "pp/agents/sub/x.md", "claude-plugin-agent")
    assert plugin_agent_id(doc, doc.data["name"]) == "pp:sub:a"


@pytest.mark.parametrize(("row", "description", "expected"), [
    ("36", "", "Agent from pp plugin"),
    ("37", "description: 55", "55"),
    ("37", "description: true", "true"),
    ("39", 'description: "   "', "Agent from pp plugin"),
    ("41", "when_to_use: x", "x"),
    ("42", "description: a\\nb", "a\\nb"),
])
def test_plugin_agent_descriptions(row: str, description: str, expected: str) -> None:
    doc, _ = check_text(base(description=description), PLUGIN, "claude-plugin-agent")
    assert plugin_description(doc) == expected


def test_row_60_from_bytes() -> None:
    over = base().encode() + b"x" * (1_048_577 - len(base()))
    doc, findings = check_bytes(over, PROJECT, "claude-agent")
    assert verdict(doc, findings).value == SKIP
    assert [f.code for f in findings] == ["AG020"]
    exact = base().encode() + b"x" * (1_048_576 - len(base()))
    doc, findings = check_bytes(exact, PROJECT, "claude-agent")
    assert verdict(doc, findings).value == LOAD, _explain(findings)


# 64-68: skills and commands are never skipped; a parse failure leaves empty metadata.
@pytest.mark.parametrize(("row", "dialect", "text", "state", "data", "described"), [
    ("64", "claude-skill", '---\ndescription: "oops\n---\n# Heading\n', ParseState.FAILED, {},
     "Heading"),
    ("65-crlf", "claude-skill", "---\r\ndescription: Use when: x\r\n---\r\nFirst line\r\n",
     ParseState.FAILED, {}, "First line"),
    ("65-lf", "claude-skill", "---\ndescription: Use when: x\n---\nFirst line\n",
     ParseState.RESCUED, {"description": "Use when: x"}, None),
    ("66", "claude-skill", "---\ndescription: Examples:\n---\nFirst line\n", ParseState.FAILED,
     {}, "First line"),
    ("67-name", "claude-skill", "---\nname: Fancy Display\ndescription: d\n---\nBody\n",
     ParseState.OK, {"name": "Fancy Display"}, None),
    ("67-number", "claude-skill", "---\ndescription: 42\n---\nBody\n", ParseState.OK,
     {"description": 42}, None),
    ("68", "claude-command", '---\ndescription: "oops\n---\nRun the tests\n', ParseState.FAILED,
     {}, "Run the tests"),
])
def test_skill_and_command_rows(row: str, dialect: str, text: str, state: ParseState,
                                data: dict[str, Any], described: str | None) -> None:
    path = "skills/my-skill/SKILL.md" if dialect == "claude-skill" else "commands/x.md"
    doc, findings = check_text(text, path, dialect)
    assert doc.state is state
    for key, value in data.items():
        assert doc.data.get(key) == value, (key, doc.data)
    if not data:
        assert doc.data == {}
    assert not any(f.effect and f.effect.value == "skip" for f in findings), _explain(findings)
    expected = RESCUED if state is ParseState.RESCUED else (
        LOAD if row == "67-name" else CHANGED)
    assert verdict(doc, findings).value == expected, _explain(findings)
    if described is not None:
        assert body_description(doc.cut.body) == described
    if row == "67-name":  # the frontmatter name is a display label: only AG106 speaks of it
        assert {f.code for f in findings} <= {"AG105", "AG106"}, _explain(findings)
    if row == "67-number":
        assert any(f.code == "AG110" and "'42'" in f.message for f in findings)
