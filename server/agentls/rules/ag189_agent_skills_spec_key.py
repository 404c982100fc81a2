from __future__ import annotations

from collections.abc import Iterator

from agentls.knowledge.dialects import AGENT_SKILLS_SPEC_KEYS, CLAUDE_SKILL_KEYS
from agentls.model import Finding, Severity
from agentls.rules._fields import key_str
from agentls.rules.base import CheckContext, Example, Rule


class AgentSkillsSpecKey(Rule):
    """A skill uses a Claude Code key that the Agent Skills spec (uploads) rejects.

    ## What it does
    Notes keys Claude Code reads in `SKILL.md` (`allowed-tools` aside) that are not among the
    spec's six: `name`, `description`, `license`, `compatibility`, `metadata`,
    `allowed-tools`. Unknown keys are AG160.

    ## Why is this bad?
    Claude Code loads these keys fine, but uploading the skill to claude.ai or the Skills API
    fails (`Unexpected key(s) in SKILL.md frontmatter: …`), and `skills-ref validate`
    reports them. Only relevant if the skill is shared that way; move such settings under
    `metadata` or keep a separate copy for uploads.

    ## Example
    ```yaml
    disable-model-invocation: true
    ```
    """

    code = "AG189"
    slug = "agent-skills-spec-key"
    severity = Severity.INFO
    dialects = frozenset({"claude-skill"})
    examples_bad = (Example("---\nname: a\ndescription: d\ncontext: fork\n---\nB\n",
                            "claude-skill"),)
    examples_good = (Example("---\nname: a\ndescription: d\nlicense: MIT\n---\nB\n",
                             "claude-skill"),)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        root = ctx.doc.root
        if root is None:
            return
        for key, _ in root.pairs:
            name = key_str(key)
            if name in CLAUDE_SKILL_KEYS and name not in AGENT_SKILLS_SPEC_KEYS:
                yield ctx.finding(ctx.node_span(key), f"`{name}` is outside the"
                                  " Agent Skills spec: claude.ai and Skills API uploads reject"
                                  " extra keys")
