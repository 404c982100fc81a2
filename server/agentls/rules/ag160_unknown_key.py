from __future__ import annotations

import difflib
from collections.abc import Iterator

from agentls.frontmatter.yamlnodes import AnyNode
from agentls.knowledge.claude_code import GUARDED_HOOK_EVENTS, HOOK_EVENTS, suggest
from agentls.knowledge.dialects import DIALECTS
from agentls.model import Applicability, Edit, Effect, Finding, Fix, Severity
from agentls.rules._fields import key_str
from agentls.rules.base import CheckContext, Example, Rule

# Keys another rule explains better, per dialect.
_HANDLED: dict[str, frozenset[str]] = {
    "claude-agent": frozenset({"allowed-tools", "allowedTools", *GUARDED_HOOK_EVENTS}),
    "claude-plugin-agent": frozenset({"allowed-tools", "allowedTools"}),
    "claude-skill": frozenset(GUARDED_HOOK_EVENTS),
    "claude-command": frozenset(GUARDED_HOOK_EVENTS),
    "copilot-agent": frozenset({"infer"}),
    "copilot-prompt": frozenset({"mode"}),
}
# Keys from a neighbouring dialect, and what this dialect calls them.
_CROSS: dict[str, dict[str, str]] = {
    "claude-skill": {"tools": "allowed-tools", "allowedTools": "allowed-tools",
                     "disallowedTools": "disallowed-tools"},
    "claude-command": {"tools": "allowed-tools", "allowedTools": "allowed-tools"},
}


class UnknownKey(Rule):
    """A frontmatter key that the file's tool does not know, so it is ignored.

    ## What it does
    Checks every top-level key against the keys of the file's dialect (Claude Code agents,
    plugin agents, skills, commands; Copilot agents, prompt and instruction files; OpenCode
    agents; Cursor rules). Keys are case-sensitive. Suggests the nearest known key
    (`Name` → `name`, `disallowed-tools` → `disallowedTools`, `descripton` → `description`)
    and offers a rename; the fix is safe when only case or separators differ or the match is
    very close and unambiguous. It never inserts anything.

    ## Why is this bad?
    Unknown keys only reach a debug log, so a misspelt field silently does nothing: `Name:`
    leaves a Claude Code agent without a name (and skipped), `Tools:` gives it every tool.
    A key that looks like a typo of a known one is a warning, with the rename; in a skill or
    a command any other unknown key (`category`, `tags`, `author`) is information only:
    Claude Code ignores it without a word, and it is often meant for another tool or a
    catalogue. In Copilot files too, where VS Code shows no warning for a key it does not
    know, unless the key differs from a known one only by case, separators or a plural.
    OpenCode passes unknown keys to the model provider as options (info only).

    ## Example
    ```yaml
    descripton: Reviews code
    ```
    Rename it `description`.
    """

    code = "AG160"
    slug = "unknown-key"
    severity = Severity.WARNING
    effect = Effect.CHANGED
    fixable = True
    examples_bad = (
        Example("---\nname: a\ndescripton: d\n---\nBody\n",
                fixed="---\nname: a\ndescription: d\n---\nBody\n"),
        Example("---\nName: a\ndescription: d\n---\nBody\n"),
        Example("---\ndescription: d\nglob: '*.py'\n---\nBody\n", "cursor-rule"),
    )
    examples_good = (Example("---\nname: a\ndescription: d\ncolor: red\n---\nBody\n"),)

    def applies_to(self, dialect: str) -> bool:
        return dialect in DIALECTS

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        root = ctx.doc.root
        dialect = DIALECTS.get(ctx.dialect)
        if root is None or dialect is None:
            return
        known = dialect.keys
        handled = _HANDLED.get(ctx.dialect, frozenset())
        present = {k.value for k, _ in root.pairs if isinstance(k.value, str)}
        for key, _ in root.pairs:
            name = key.value
            text = key_str(key)
            if text is not None and (text in known or text in handled):
                continue
            yield self._finding(ctx, key, name, sorted(known), present)

    def _finding(self, ctx: CheckContext, key: AnyNode, name: object, known: list[str],
                 present: set[str]) -> Finding:
        text = name if isinstance(name, str) else str(name)
        span = ctx.node_span(key)
        cross = _CROSS.get(ctx.dialect, {}).get(text)
        found = [cross] if cross else suggest(text, known) if isinstance(name, str) else []
        note = _note(ctx.dialect, text)
        if ctx.dialect == "opencode-agent":
            consequence = "OpenCode passes it to the model provider as an option"
            severity, effect = Severity.INFO, None
        elif ctx.dialect == "claude-plugin-agent" and text in HOOK_EVENTS:
            # Plugin agents ignore hooks wherever they are written: nothing changes at load.
            consequence = "plugin agents ignore hooks"
            severity, effect = self.severity, None
        elif ctx.dialect.startswith("copilot-") and not (
                found and isinstance(name, str) and _safety(text, found[0]) is Applicability.SAFE):
            # VS Code shows no warning for a header key it does not know (checked in
            # code-server): information, unless it is plainly a misspelling of a known key.
            consequence = f"{ctx.product} ignores it"
            severity, effect = Severity.INFO, self.effect
        elif ctx.dialect in ("claude-skill", "claude-command") and not found and not note:
            # `category`, `tags`, `author`: Claude Code ignores them without a word (they only
            # reach telemetry) and nothing was meant by them for Claude Code: no warning. (In
            # an agent an unknown key is often a description line that lost its indentation.)
            consequence = f"{ctx.product} ignores it without a word"
            severity, effect = Severity.INFO, self.effect
        else:
            consequence = f"{ctx.product} ignores it"
            severity, effect = self.severity, self.effect
        fix = None
        hint = ""
        if found:
            hint = " (did you mean " + " or ".join(f"`{c}`" for c in found[:2]) + "?)"
            target = found[0]
            if len(found) == 1 and target not in present and isinstance(name, str):
                fix = Fix(f"Rename to `{target}`", (Edit(span, target),), _safety(text, target))
            elif len(found) == 1 and target in present:
                hint = f" (`{target}` is already set)"
        return ctx.finding(span, f"unknown key `{text}`: {consequence}{hint}{note}", fix=fix,
                           severity=severity, effect=effect)


def _safety(old: str, new: str) -> Applicability:
    def squash(s: str) -> str:
        return s.replace("-", "").replace("_", "").lower()

    a, b = squash(old), squash(new)
    if a == b or a + "s" == b or a == b + "s":  # case, separators, or a plural
        return Applicability.SAFE
    ratio = difflib.SequenceMatcher(None, old.lower(), new.lower()).ratio()
    return Applicability.SAFE if ratio >= 0.9 else Applicability.UNSAFE


def _note(dialect: str, key: str) -> str:
    if dialect == "claude-agent" and key in ("when_to_use", "when-to-use"):
        return "; only plugin agents read it, it is no description fallback here"
    if dialect.startswith("claude-") and key in HOOK_EVENTS:
        return "; hook events belong under `hooks:`"
    return ""
