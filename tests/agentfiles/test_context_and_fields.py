"""The line-based context detector and the field table, without a server."""

from __future__ import annotations

import time

from agentls.dialects import DIALECTS
from agentls.frontmatter.cursor import detect
from agentls.knowledge.claude_code import BUILTIN_TOOLS
from agentls.knowledge.fields import FIELDS, TOOL_DOCS, model_doc


def test_every_dialect_key_has_exactly_one_doc() -> None:
    for dialect_id, dialect in DIALECTS.items():
        assert set(FIELDS[dialect_id]) == set(dialect.keys), dialect_id
    assert set(TOOL_DOCS) >= BUILTIN_TOOLS


def test_model_doc_resolves_aliases_and_suffixes() -> None:
    assert "Opus" in model_doc("OPUS[1m]") and "1M" in model_doc("OPUS[1m]")
    assert "full model id" in model_doc("claude-opus-4-6")
    assert "fails" in model_doc("gpt-4")


def test_contexts() -> None:
    text = "---\nname: a\ntools: Read, Bash(git d\nskills:\n  - pd\nhooks:\n  Pre\nmod"
    ctx = detect(text, text.index("git d") + 5)
    assert (ctx.where, ctx.key, ctx.tool, ctx.word) == ("value", "tools", "Bash", "d")
    ctx = detect(text, text.index("  - pd") + 6)
    assert (ctx.where, ctx.key, ctx.word) == ("item", "skills", "pd")
    ctx = detect(text, text.index("  Pre") + 5)
    assert (ctx.where, ctx.key, ctx.word) == ("nested", "hooks", "Pre")
    ctx = detect(text, len(text))
    assert (ctx.where, ctx.word) == ("key", "mod") and {"name", "tools"} <= ctx.present
    assert detect("", 0).where == "new-file"
    assert detect("---\nname: a\n---\nbody", 17).where == "body"


def test_a_megabyte_line_costs_no_more_than_a_short_one() -> None:
    text = "---\nname: a\ndescription: " + "x" * 1_000_000 + "\n---\n"
    start = time.perf_counter()
    for _ in range(20):
        ctx = detect(text, len(text) - 6)
    assert ctx.key == "description"
    assert (time.perf_counter() - start) / 20 < 0.02
