"""QA regressions: applying the expert's suggestions and the local expert's wording."""

from __future__ import annotations

from agentls.expert.answer import Suggestion, apply_all, replacement_text


def test_multi_line_replacement_in_a_crlf_file_stays_crlf() -> None:
    text = "def f():\r\n    a = 1\r\n    return a\r\n"
    s = Suggestion("Inline", "why", "info", 2, 3, replacement="    b = 1\n    return b")
    new = replacement_text(s, "    a = 1\r\n    return a\r\n")
    assert new == "    b = 1\r\n    return b\r\n"
    applied, _ = apply_all(text, [s])
    assert applied == "def f():\r\n    b = 1\r\n    return b\r\n"
    assert "\n" not in applied.replace("\r\n", "")


def test_lf_file_keeps_lf() -> None:
    s = Suggestion("x", "y", "info", 1, 1, replacement="a\nb")
    assert replacement_text(s, "old\n") == "a\nb\n"


def test_local_expert_on_a_file_with_null_bytes_names_no_line_none() -> None:
    from agentls.expert import experts, local, prompts

    expert = experts.choose(experts.discover(None, False), None)
    assert expert is not None
    req = prompts.build(expert, "local-rules", "x = 1\x00\n", "bin.py", None)
    summary = local.answer(req).summary
    assert "does not parse" in summary and "None" not in summary
