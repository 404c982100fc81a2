"""The workspace checks' codes (``AGW…``): each one's slug and documentation page.

They are not per-file rules (they need every agent file of the workspace), but they get the
same kind of page under ``docs/rules/``, generated from the text here.
"""

from __future__ import annotations

from dataclasses import dataclass

from agentls.model import Severity


@dataclass(frozen=True)
class WorkspaceCode:
    code: str
    slug: str
    severity: Severity
    doc: str

    def summary(self) -> str:
        return self.doc.split("\n", 1)[0].strip()


_ALL = (
    WorkspaceCode("AGW001", "shadowed-name", Severity.WARNING, """Another file with the same name wins.

## What it does
Reports an agent, skill or command whose name is also used by another file that Claude Code
prefers, and points at the winner (related information).

## Why is this bad?
Claude Code keeps one definition per name: managed beats project, the project folder closest
to the working directory beats outer ones, project beats user (`~/.claude`), user beats
plugin; inside one agents folder the path that sorts last wins. The loser is silently
ignored, so edits to it have no effect.

## Example
`.claude/agents/reviewer.md` and `~/.claude/agents/reviewer.md` both say `name: reviewer`:
the project file wins and the user file is reported.
"""),
    WorkspaceCode("AGW002", "unknown-skill", Severity.WARNING, """A `skills:` entry names no skill.

## What it does
Reports a name in an agent's `skills:` list that matches no skill in the workspace or in
`~/.claude/skills`.

## Why is this bad?
Claude Code skips a missing skill with only a debug message, so the agent runs without the
instructions you meant to preload.

## Example
```yaml
skills: [changelog, relase-notes]
```
`relase-notes` is reported (did you mean `release-notes`?).
"""),
    WorkspaceCode("AGW003", "unknown-agent", Severity.WARNING, """An `Agent(name)` tool entry names no agent.

## What it does
Reports `Agent(name)` (or `Task(name)`) entries in `tools` whose name matches no agent in the
workspace, in `~/.claude/agents`, or among Claude Code's built-in agents.

## Why is this bad?
The entry limits which agents may be spawned; a misspelled name allows none of them.

## Example
```yaml
tools: Read, Agent(reviewr)
```
"""),
    WorkspaceCode("AGW004", "unconfigured-mcp-server", Severity.WARNING, """An MCP tool whose server is not configured.

## What it does
Reports `mcp__server__tool` entries whose server is neither in `.mcp.json`, `~/.claude.json`
nor in the agent's own `mcpServers`.

## Why is this bad?
Tools of a server that is not running do not exist: the entry is dropped at spawn.

## Example
```yaml
tools: Read, mcp__github__create_issue
```
with no `github` server in `.mcp.json`.
"""),
    WorkspaceCode("AGW005", "listing-budget", Severity.HINT, """This description tips the skill listing over its budget.

## What it does
Adds up the listing cost of every skill and command description that Claude Code shows the
model and marks the description that takes the total past the budget (about 1% of the
context window; the window is the `contextWindow` setting, 200,000 tokens by default).

## Why is this bad?
Past the budget, Claude Code shortens or leaves out descriptions, and the model stops seeing
when to use those skills.

## Example
Forty skills with 2,000-character descriptions: the one that crosses the budget is marked.
"""),
    WorkspaceCode("AGW006", "skill-description-cut", Severity.HINT, """A skill description longer than the listing.

## What it does
Reports a skill whose `description` (with `when_to_use`) is longer than 1,536 characters.

## Why is this bad?
Claude Code cuts it at 1,536 characters in the listing; what follows never reaches the model
when it decides which skill to use.

## Example
A 2,000-character description: the last 464 characters are reported.
"""),
    WorkspaceCode("AGW007", "secret-in-body", Severity.WARNING, """A secret written into an agent's prompt.

## What it does
Reports what looks like an API key, access token, password assignment or private key block
in the body of an agent, skill or command.

## Why is this bad?
The body is the prompt: it is sent to the model on every use, lands in transcripts and logs,
and is usually committed to the repository.

## Example
```markdown
Use the key sk-ant-api03-… to call the API.
```
Read secrets from the environment instead.
"""),
)

WORKSPACE_CODES: dict[str, WorkspaceCode] = {c.code: c for c in _ALL}
