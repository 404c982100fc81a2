from __future__ import annotations

from rulekit import run, spanned

from agentls.model import Severity


def test_values_that_differ() -> None:
    cases = {
        "on": "the boolean true", "no": "the boolean false",
        "2026-01-01": "a date", "1_000": "the number 1000", "0b101": "the number 5",
        "12:30": "the number 750", "017": "the number 15", "0o17": "the string '0o17'",
        "1e3": "the string '1e3'",
    }
    for raw, yaml11 in cases.items():
        text = f"---\nname: a\ndescription: d\nmetadata:\n  v: {raw}\n---\nB\n"
        (f,) = run(text, "AG012")
        assert spanned(text, f) == raw
        assert f"YAML 1.1 parsers (PyYAML, python-frontmatter) read {yaml11}" in f.message, raw
        assert f.severity is Severity.INFO and f.effect is None


def test_spec_booleans() -> None:
    text = "---\nname: a\ndescription: d\nx: y\n---\nB\n"
    (f,) = run(text, "AG012")
    assert "the YAML 1.1 spec (though not PyYAML) reads the boolean true" in f.message


def test_claude_value_is_named() -> None:
    text = "---\nname: yes\ndescription: d\ntools: [on, Read]\n---\nB\n"
    name, item = run(text, "AG012")
    assert "`name: yes`" in name.message and "loads the string 'yes'" in name.message
    assert "an item of `tools`" in item.message


def test_same_in_both_and_skipped_keys() -> None:
    for line in ("x: true", "x: 12", "x: 1.5", "x: text", "x: ~", "x: 0x1F", 'x: "yes"',
                 "x: !!str yes", "background: yes", "omitClaudeMd: on", "name: 0o17"):
        text = f"---\nname: a\ndescription: d\n{line}\n---\nB\n"
        assert run(text, "AG012") == [], line
    text = "---\nname: 12:30\ndescription: d\n---\nB\n"  # AG104 covers this name
    assert run(text, "AG012") == []


def test_only_claude_dialects() -> None:
    text = "---\ndescription: d\nalwaysApply: yes\n---\nB\n"
    assert run(text, "AG012", "cursor-rule", ".cursor/rules/x.mdc") == []
