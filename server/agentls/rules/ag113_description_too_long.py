from __future__ import annotations

from collections.abc import Iterator

from agentls.model import Effect, Finding, Severity
from agentls.rules._fields import sub_span
from agentls.rules._values import utf16_cut, utf16_len
from agentls.rules.base import CheckContext, Example, Rule

LISTING = 1536  # skillListingMaxDescChars: description + when_to_use in the skill listing
SPEC = 1024  # Agent Skills spec: description 1-1024 characters


class DescriptionTooLong(Rule):
    """A skill or command description is longer than its limits.

    ## What it does
    For Claude Code skills and commands, reports a `description` and `when_to_use` that
    together exceed 1,536 characters, pointing at the part past the limit. For skills, also
    a `description` over the Agent Skills spec's 1,024 characters.

    ## Why is this bad?
    Claude Code lists skills for the model with `description` and `when_to_use` cut at
    1,536 characters (`skillListingMaxDescChars`), so the end, often the trigger phrases,
    never reaches the model. Uploads to claude.ai and the Skills API follow the Agent
    Skills spec and reject a description over 1,024 characters.

    ## Example
    A 2,000-character skill description: keep the first sentences short and specific, and
    move details into the body.
    """

    code = "AG113"
    slug = "description-too-long"
    severity = Severity.WARNING
    reads_body = True
    effect = Effect.CHANGED
    dialects = frozenset({"claude-skill", "claude-command"})
    keys = frozenset({"description", "when_to_use"})
    examples_bad = (
        Example("---\ndescription: " + "a" * 1537 + "\n---\nBody\n", "claude-skill"),
        Example("---\ndescription: " + "a" * 1025 + "\n---\nBody\n", "claude-skill"),
    )
    examples_good = (Example("---\ndescription: " + "a" * 1024 + "\n---\nBody\n",
                             "claude-skill"),)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        doc = ctx.doc
        pair = doc.pair("description")
        description = pair[1].value if pair and isinstance(pair[1].value, str) else ""
        extra = doc.pair("when_to_use")
        when = extra[1].value if extra and isinstance(extra[1].value, str) else ""
        total = utf16_len(description) + utf16_len(when)
        if total > LISTING:
            if pair is not None and utf16_len(description) > LISTING:
                span = sub_span(ctx, pair[1], utf16_cut(description, LISTING), len(description))
            elif extra is not None:
                cut = utf16_cut(when, LISTING - utf16_len(description))
                span = sub_span(ctx, extra[1], cut, len(when))
            else:  # pragma: no cover - total > 0 needs one of them
                return
            both = " and `when_to_use` together are" if when else " is"
            yield ctx.finding(
                span, f"`description`{both} {total:,} characters: the {ctx.noun} listing "
                f"cuts them at {LISTING:,}, so the model never sees the rest")
        if ctx.dialect == "claude-skill" and pair is not None and utf16_len(description) > SPEC:
            yield ctx.finding(
                sub_span(ctx, pair[1], utf16_cut(description, SPEC), len(description)),
                f"`description` is {utf16_len(description):,} characters: uploads to claude.ai "
                f"or the Skills API reject it (Agent Skills spec: at most {SPEC:,})",
                severity=Severity.INFO, effect=None)
