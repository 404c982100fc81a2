"""The rule pages are generated from the rules' docstrings; the committed ones must match."""

from __future__ import annotations

from pathlib import Path

from agentls.render.ruledocs import generate

DOCS = Path(__file__).resolve().parent.parent / "docs" / "rules"


def test_rule_docs_are_up_to_date() -> None:
    pages = generate()
    stale = [name for name, text in pages.items()
             if not (DOCS / name).is_file() or (DOCS / name).read_text(encoding="utf-8") != text]
    extra = [p.name for p in DOCS.glob("AG*.md") if p.name not in pages]
    assert not stale and not extra, (
        f"regenerate with `python -m agentls.render.ruledocs docs/rules`: stale {stale}, extra {extra}")


def test_every_workspace_code_emitted_has_a_page() -> None:
    import re

    import agentls.agentindex.index as index_module

    source = Path(index_module.__file__).read_text(encoding="utf-8")
    emitted = set(re.findall(r'"(AGW\d{3})"', source))
    assert emitted, "no workspace codes found: did the module move?"
    assert all((DOCS / f"{code}.md").is_file() for code in emitted), emitted
