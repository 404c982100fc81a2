"""The settings table (docs/configuration.md) is generated from the typed configuration's
declarations (agentls.config.schema); the committed page must match."""

from __future__ import annotations

from pathlib import Path

from agentls.config import docgen, schema

DOC = Path(__file__).resolve().parent.parent / "docs" / "configuration.md"


def test_configuration_page_is_up_to_date() -> None:
    assert DOC.read_text(encoding="utf-8") == docgen.markdown(), (
        "regenerate with `python -m agentls.config.docgen`")


def test_every_setting_is_in_the_table_once() -> None:
    text = DOC.read_text(encoding="utf-8")
    for option in schema.OPTIONS:
        assert text.count(f"| `{option.key}` |") == 1, option.key
