from __future__ import annotations

from rulekit import Probe

from agentls.model import Severity

CODE = "AG130"
PROBE = Probe(CODE)
doc, run, spans, fixed = PROBE.doc, PROBE.run, PROBE.spans, PROBE.fixed


def test_unknown_model_warns_on_the_value() -> None:
    found = run("model: gpt-4\n")
    assert spans("model: gpt-4\n") == ["gpt-4"]
    assert found[0].severity is Severity.WARNING and "API" in found[0].message


def test_accepted_models() -> None:
    for m in ("sonnet", "Opus", "haiku", "opusplan", "best", "fable", "default", "INHERIT",
              "opus[1m]", "claude-opus-4-6", "claude-sonnet-4-5-20250929", "claude-opus-5[1m]",
              "anthropic.claude-3-5-sonnet-20241022-v2:0",
              "us.anthropic.claude-sonnet-4-5-20250929-v1:0", "claude-opus-4-1@20250805",
              "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc",
              "\"  sonnet \"", "123", "\"\""):
        assert run(f"model: {m}\n") == [], m


def test_suggestions() -> None:
    assert "`sonnet`" in run("model: sonet\n")[0].message
    assert "`opus`" in run("model: Claude Opus 4\n")[0].message


def test_skill_and_command_checked_too() -> None:
    assert run("model: garbage\n", "claude-skill")
    assert run("model: garbage\n", "claude-command")
    assert run("model: garbage\n", "copilot-agent") == []

