from __future__ import annotations

from rulekit import run, spanned

from agentls.model import Severity


def test_int_tag_on_quoted_stays_a_string() -> None:
    text = '---\nname: !!int "7"\ndescription: d\n---\nB\n'
    (f,) = run(text, "AG011")
    assert spanned(text, f) == "!!int" and "'7'" in f.message and "PyYAML" in f.message
    assert f.severity is Severity.INFO and f.effect is None


def test_custom_tag_dropped() -> None:
    text = "---\nname: a\ndescription: !t text\n---\nB\n"
    (f,) = run(text, "AG011")
    assert spanned(text, f) == "!t" and "'text'" in f.message and "reject" in f.message


def test_str_plain_and_collections() -> None:
    text = "---\nname: a\ndescription: d\nx: !!str 5\ny: !!int 7\nz: !t [a]\nw: &q !u v\n---\nB\n"
    found = run(text, "AG011")
    assert [spanned(text, f) for f in found] == ["!!str", "!!int", "!t", "!u"]
    assert "honours" in found[0].message and "'5'" in found[0].message
    assert "the number 7" in found[1].message
    assert "lists and maps" in found[2].message


def test_no_tags() -> None:
    assert run("---\nname: a\ndescription: Wow! it works\n---\nB\n", "AG011") == []
