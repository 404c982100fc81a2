"""The YAML reader resolves like Bun's YAML 1.2; the retry rewrites like Claude Code's."""

from __future__ import annotations

import math

import pytest

from agentls.frontmatter import block, retry, yamlnodes


@pytest.mark.parametrize(("raw", "value"), [
    ("yes", "yes"), ("on", "on"), ("2026-01-01", "2026-01-01"), ("1_000", "1_000"),
    ("0b101", "0b101"), ("12:30", "12:30"), ("0O17", "0O17"), ("tRUE", "tRUE"),
    ("0o17", 15), ("0x1F", 31), ("017", 17), ("1.0", 1.0), ("1e3", 1000.0), (".5", 0.5),
    ("true", True), ("FALSE", False), ("~", None), ("null", None), ("", None),
    ('!!int "7"', "7"), ("!!int 7", 7), ("!t text", "text"), ("!x 5", "5"), ("!!str 5", "5"),
    ("&a text", "text"), ("text #note", "text"), ("C# code", "C# code"),
])
def test_core_schema(raw: str, value: object) -> None:
    assert yamlnodes.parse(f"k: {raw}").root.value["k"] == value  # type: ignore[union-attr]


def test_special_floats() -> None:
    root = yamlnodes.parse("a: .inf\nb: -.Inf\nc: .nan").root
    assert root is not None
    assert root.value["a"] == math.inf and root.value["b"] == -math.inf
    assert math.isnan(root.value["c"])


def test_duplicate_keys_last_wins_and_tabs_after_colon() -> None:
    root = yamlnodes.parse("d: one\nd:\ttwo\nl:\n-\tRead").root
    assert root is not None and root.value == {"d": "two", "l": ["Read"]}


def test_trailing_block_scalar_keeps_its_newline() -> None:
    root = yamlnodes.parse("d: |\n  a\n  b").root
    assert root is not None and root.value["d"] == "a\nb\n"


def test_document_end_marker_makes_two_documents() -> None:
    parsed = yamlnodes.parse("a: b\n...\nc: d\n")
    assert parsed.root is None and len(parsed.documents) == 2


def test_alias_bomb_is_shared_not_expanded() -> None:
    text = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 9) + "]\n"
        for i in range(9))
    parsed = yamlnodes.parse(text)
    kinds = {m.kind for m in parsed.markers}
    assert kinds == {"anchor", "alias"}
    root = parsed.root
    assert root is not None
    j = root.value["j"]
    assert j[0] is j[1]  # the same object, 9**10 strings never exist


def test_deep_nesting_is_an_error_not_a_crash() -> None:
    with pytest.raises(yamlnodes.YamlError):
        yamlnodes.parse("a: " + "[" * 100_000 + "]" * 100_000)


def test_error_offsets_point_into_the_text() -> None:
    with pytest.raises(yamlnodes.YamlError) as info:
        yamlnodes.parse("a: b\nc: d: e\n")
    assert info.value.offset is not None and 5 <= info.value.offset <= 12


def test_block_cut_follows_claude_code() -> None:
    cut = block.cut("---\nname: a\ndescription: x --- y\ntools: Read\n---\nBody")
    assert cut.block is not None and cut.block.yaml == "name: a\ndescription: x "
    assert block.cut("\n---\nname: a\n---\n").block is None
    assert block.cut("---\rname: a\r---\r").block is None
    assert block.cut("\ufeff--- \t\n\nname: a\n---").block is not None
    assert block.cut("---yaml\nname: a\n---\n").block is None
    closing = block.cut("---\nname: a\n--- extra\nBody")
    assert closing.block is not None and closing.body == "extra\nBody"


def test_retry_quotes_like_claude_code_and_maps_back() -> None:
    original = 'name: a\ndescription: Use it: "now" \\ ok\nmodel: opus # cheap\ntools:\n\t- Read'
    r = retry.rewrite(original)
    assert r.text.splitlines()[1] == 'description: "Use it: \\"now\\" \\\\ ok"'
    assert r.text.splitlines()[2] == 'model: "opus # cheap"'
    assert r.text.splitlines()[4] == "  - Read"
    root = yamlnodes.parse(r.text).root
    assert root is not None and root.value["description"] == 'Use it: "now" \\ ok'
    for i, ch in enumerate(r.text):
        if ch not in '"\\ ':
            assert original[r.to_original(i)] == ch


@pytest.mark.parametrize("value", ['"quoted: yes"', "'single: yes'", "[Read, Grep]", "plain"])
def test_retry_leaves_alone(value: str) -> None:
    assert not retry.needs_quotes(value)


def test_repair_edits_handle_crlf() -> None:
    edits = retry.repair_edits('description: a: b\r\nname: x\r\n')
    assert edits == [(13, 17, '"a: b"')]


def test_cursor_rules_read_unquoted_globs_as_cursor_writes_them() -> None:
    from agentls.engine import check_text

    text = "---\ndescription: Python style\nglobs: *.py, src/**/*.pyi\nalwaysApply: false\n---\nBody\n"
    doc, findings = check_text(text, "/ws/.cursor/rules/python.mdc", "cursor-rule")
    assert doc.data["globs"] == "*.py, src/**/*.pyi"
    assert [f.code for f in findings] == []


def test_line_index_agrees_with_lsp_line_breaks() -> None:
    import random
    import re

    from agentls.text import LineIndex

    rng = random.Random(7)
    for _ in range(500):
        text = "".join(rng.choice(["a", "é", "😀", "\n", "\r", "\r\n", "\v", "\u2028", " "])
                       for _ in range(rng.randrange(0, 40)))
        expected = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
        index = LineIndex(text)
        assert [index.line_start(i) for i in range(index.line_count)] == expected


def _reference_rewrite(block: str) -> tuple[str, list[int]]:
    """The retry written the slow, obvious way: one origin per character."""
    out: list[str] = []
    origin: list[int] = []
    pos = 0
    for line in block.split("\n"):
        match = retry._CANDIDATE.match(line)
        if match and retry.needs_quotes(match.group(3)):
            at = match.start(3)
            out += [*line[:at], '"']
            origin += [*range(pos, pos + at), pos + at]
            for i, ch in enumerate(match.group(3)):
                if ch in '\\"':
                    out.append("\\")
                    origin.append(pos + at + i)
                out.append(ch)
                origin.append(pos + at + i)
            out.append('"')
            origin.append(pos + len(line))
        else:
            out += list(line)
            origin += list(range(pos, pos + len(line)))
        out.append("\n")
        origin.append(pos + len(line))
        pos += len(line) + 1
    text, origin = "".join(out[:-1]), origin[:-1]
    expanded: list[str] = []
    expanded_origin: list[int] = []
    at_line_start = True
    for ch, o in zip(text, origin, strict=True):
        if ch == "\t" and at_line_start:
            expanded += ["  "]
            expanded_origin += [o, o]
            continue
        at_line_start = ch in "\n\r\u2028\u2029"
        expanded.append(ch)
        expanded_origin.append(o)
    return "".join(expanded), expanded_origin


@pytest.mark.parametrize("seed", range(5))
def test_retry_offset_map_equals_the_obvious_one(seed: int) -> None:
    import random

    rng = random.Random(seed)
    parts = ["name: a", 'description: Use it: "now" \\ ok', "model: opus # cheap", "tools:", "\t- Read",
             "\t\tx: y", "key: [a, b]", "k: v", "d: a: b\r", "", "  nested: x: y", 'q: "x: y"',
             'e: \\\\ " \\', "t:\tv #c", "\t", 'x: a"b', 'y: "\\"', "z: ab: \\\\"]
    for _ in range(400):
        block = "\n".join(rng.choice(parts) for _ in range(rng.randrange(1, 7)))
        text, origin = _reference_rewrite(block)
        r = retry.rewrite(block)
        assert r.text == text
        assert [r.to_original(i) for i in range(len(text))] == origin, block
