"""The workspace model without an editor: scopes, precedence, references, budgets, secrets."""

from __future__ import annotations

import os
import time
from pathlib import Path

from agentls.agentindex import AgentIndex, IndexConfig, Kind, Scope


def agent(name: str, description: str = "Reviews code", extra: str = "", body: str = "You review.") -> str:
    return f"---\nname: {name}\ndescription: {description}\n{extra}---\n{body}\n"


def write(root: Path, rel: str, text: str) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def build(*folders: Path, home: Path | None = None, **kw: int) -> AgentIndex:
    index = AgentIndex()
    index.configure(IndexConfig(tuple(str(f) for f in folders), str(home) if home else None, **kw))
    return index


def codes(index: AgentIndex, path: Path) -> list[str]:
    return [f.code for f in index.findings_for(str(path))]


def test_finds_agents_recursively_skills_and_commands(tmp_path: Path) -> None:
    write(tmp_path, ".claude/agents/review/deep/a.md", agent("a"))
    write(tmp_path, ".claude/agents/upper.MD", agent("upper"))  # never read: case-sensitive
    write(tmp_path, ".claude/skills/pdf/SKILL.md", "---\ndescription: PDFs\n---\nBody\n")
    write(tmp_path, ".claude/commands/ops/deploy.md", "---\ndescription: Deploy\n---\nBody\n")
    write(tmp_path, "node_modules/x/.claude/agents/n.md", agent("n"))  # pruned
    index = build(tmp_path)
    assert index.names(Kind.AGENT) == ["a"]
    assert index.names(Kind.SKILL) == ["pdf"]
    # Subfolders join the command name with `:` (Claude Code 2.1.332: `git/c06.md` is `git:c06`).
    assert index.names(Kind.COMMAND) == ["ops:deploy"]


def test_commands_in_subfolders_do_not_shadow_each_other(tmp_path: Path) -> None:
    top = write(tmp_path, ".claude/commands/x.md", "---\ndescription: a\n---\nA\n")
    nested = write(tmp_path, ".claude/commands/git/x.md", "---\ndescription: b\n---\nB\n")
    skill_like = write(tmp_path, ".claude/commands/c16/SKILL.md", "---\ndescription: c\n---\nC\n")
    index = build(tmp_path)
    assert sorted(index.names(Kind.COMMAND)) == ["c16", "git:x", "x"]
    assert codes(index, top) == [] and codes(index, nested) == [] and codes(index, skill_like) == []


def test_same_name_in_one_folder_path_sorting_last_wins(tmp_path: Path) -> None:
    first = write(tmp_path, ".claude/agents/a.md", agent("dup"))
    last = write(tmp_path, ".claude/agents/sub/b.md", agent("dup"))
    index = build(tmp_path)
    assert [e.path for e in index.named(Kind.AGENT, "dup")] == [str(last), str(first)]
    (finding,) = index.findings_for(str(first))
    assert finding.code == "AGW001" and "sorting last" in finding.message
    assert finding.related[0].path == str(last) and finding.related[0].loc is not None
    assert codes(index, last) == []


def test_project_beats_user_and_closest_project_wins(tmp_path: Path) -> None:
    ws, home = tmp_path / "ws", tmp_path / "home"
    user = write(home, ".claude/agents/r.md", agent("reviewer"))
    top = write(ws, ".claude/agents/r.md", agent("reviewer"))
    nested = write(ws, "packages/app/.claude/agents/r.md", agent("reviewer"))
    sibling = write(ws, "packages/lib/.claude/agents/r.md", agent("other"))
    index = build(ws, home=home)
    assert index.entry(str(user)) is not None and index.entry(str(user)).scope is Scope.USER  # type: ignore[union-attr]
    (f,) = index.findings_for(str(user))
    assert "project" in f.message and "user" in f.message
    (g,) = index.findings_for(str(top))
    assert g.related[0].path == str(nested) and "closest" in g.message
    assert codes(index, nested) == [] and codes(index, sibling) == []


def test_sibling_projects_never_clash(tmp_path: Path) -> None:
    a = write(tmp_path, "a/.claude/agents/x.md", agent("same"))
    b = write(tmp_path, "b/.claude/agents/x.md", agent("same"))
    index = build(tmp_path)
    assert codes(index, a) == [] and codes(index, b) == []


def test_skills_user_beats_project_and_skill_beats_command(tmp_path: Path) -> None:
    ws, home = tmp_path / "ws", tmp_path / "home"
    project = write(ws, ".claude/skills/pdf/SKILL.md", "---\nname: pdf\ndescription: p\n---\n")
    write(home, ".claude/skills/pdf/SKILL.md", "---\ndescription: u\n---\n")
    command = write(ws, ".claude/commands/pdf.md", "---\ndescription: c\n---\n")
    index = build(ws, home=home)
    assert "user" in index.findings_for(str(project))[0].message
    assert "skill takes precedence" in index.findings_for(str(command))[0].message


def test_skipped_agents_win_nothing(tmp_path: Path) -> None:
    good = write(tmp_path, ".claude/agents/a.md", agent("dup"))
    write(tmp_path, ".claude/agents/z.md", "---\nname: dup\n---\nno description: skipped\n")
    assert codes(build(tmp_path), good) == []


def test_references_skills_agents_and_mcp(tmp_path: Path) -> None:
    write(tmp_path, ".claude/skills/pdf/SKILL.md", "---\ndescription: PDFs\n---\n")
    write(tmp_path, ".claude/agents/helper.md", agent("helper"))
    (tmp_path / ".mcp.json").write_text('{"mcpServers": {"github": {"command": "x"}}}')
    text = agent("boss", extra="skills: pdf, pfd\ntools: Agent(helper, Explore, ghost), "
                 "mcp__github__create_issue, mcp__jira__search, mcp__local__x\n"
                 "mcpServers:\n  - local\n")
    path = write(tmp_path, ".claude/agents/boss.md", text)
    found = {(f.code, text[f.span.start:f.span.end]) for f in build(tmp_path).findings_for(str(path))}
    assert found == {("AGW002", "pfd"), ("AGW003", "ghost"), ("AGW004", "mcp__jira__search")}


def test_overlay_wins_over_disk_and_reports_affected_names(tmp_path: Path) -> None:
    a = write(tmp_path, ".claude/agents/a.md", agent("one"))
    b = write(tmp_path, ".claude/agents/b.md", agent("two"))
    index = build(tmp_path)
    assert index.set_overlay(str(b), agent("one")) == {"one", "two"}
    assert codes(index, a) == ["AGW001"]
    assert index.dependents({"one"}) >= {str(a), str(b)}
    assert index.set_overlay(str(b), agent("one", body="Other body.")) == set()
    index.drop_overlay(str(b))
    assert codes(index, a) == []


def test_files_changed_on_disk(tmp_path: Path) -> None:
    a = write(tmp_path, ".claude/agents/a.md", agent("one"))
    index = build(tmp_path)
    b = write(tmp_path, ".claude/agents/b.md", agent("one"))
    assert index.update_paths([str(b)]) == {"one"}
    assert codes(index, a) == ["AGW001"]
    b.unlink()
    assert index.update_paths([str(b)]) == {"one"}
    assert codes(index, a) == []


def test_skill_listing_budget_hint_on_the_tipping_description(tmp_path: Path) -> None:
    for i in range(6):
        write(tmp_path, f".claude/skills/s{i}/SKILL.md", f"---\ndescription: {'x' * 300}\n---\n")
    index = build(tmp_path, context_window=40_000)  # budget 400 tokens = 1,600 characters
    hits = [i for i in range(6) if "AGW005" in codes(index, tmp_path / f".claude/skills/s{i}/SKILL.md")]
    assert hits == [5]  # 6 x ~314 characters: the sixth crosses 1,600
    long = write(tmp_path, ".claude/skills/long/SKILL.md", f"---\ndescription: {'y' * 1600}\n---\n")
    index.update_paths([str(long)])
    assert "AGW006" in codes(index, long)


def test_secrets_in_the_body(tmp_path: Path) -> None:
    key = "sk-ant-api03-" + "A1b2" * 10
    text = agent("s", body=f"Use {key} to call the API.\napi_key = 'abcd1234efgh5678ijkl'\nA token is fine.")
    path = write(tmp_path, ".claude/agents/s.md", text)
    found = [(f.code, text[f.span.start:f.span.end]) for f in build(tmp_path).findings_for(str(path))]
    assert found[0] == ("AGW007", key)
    assert len(found) == 2


def test_plugin_agents_are_namespaced(tmp_path: Path) -> None:
    root = tmp_path / "plug"
    write(root, ".claude-plugin/plugin.json", '{"name": "pp"}')
    write(root, "agents/review/security.md", agent("security"))
    write(root, "skills/My Skill/SKILL.md", "---\ndescription: d\n---\n")
    index = build(tmp_path)
    assert index.names(Kind.AGENT) == ["pp:review:security"]
    assert index.names(Kind.SKILL) == ["pp:My-Skill"]


def test_unchanged_files_are_not_read_again(tmp_path: Path) -> None:
    path = write(tmp_path, ".claude/agents/a.md", agent("a"))
    index = build(tmp_path)
    before = index.entry(str(path))
    index.scan()
    assert index.entry(str(path)) is before
    os.utime(path, ns=(time.time_ns(), time.time_ns() + 10_000_000))
    index.scan()
    assert index.entry(str(path)) is not before


def test_indexes_a_thousand_agents_within_a_second(tmp_path: Path) -> None:
    body = "You review code carefully. " * 60
    for i in range(1000):
        write(tmp_path, f".claude/agents/g{i % 10}/a{i}.md",
              agent(f"agent-{i}", f"Use for task {i}", "tools: Read, Grep, Glob\nmodel: sonnet\n", body))
    start = time.perf_counter()
    index = build(tmp_path)
    elapsed = time.perf_counter() - start
    assert len(index) == 1000
    assert elapsed < 2.0, elapsed  # the bench holds the 1 s target; CI machines vary


def test_plugin_command_names_and_the_frontmatter_rename(tmp_path: Path) -> None:
    write(tmp_path, "corpus/.claude-plugin/plugin.json", '{"name": "corpus"}')
    write(tmp_path, "corpus/commands/c05.md", "---\nname: other-name\ndescription: C05\n---\nB\n")
    write(tmp_path, "corpus/commands/git/c06.md", "---\ndescription: C06\n---\nB\n")
    index = build(tmp_path)
    assert sorted(index.names(Kind.COMMAND)) == ["corpus:git:c06", "corpus:other-name"]
