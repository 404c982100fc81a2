"""The real SDK over real HTTP against the fake Messages API: what is sent, and every failure."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

import pytest
from tests.expert.fake_anthropic import FakeAnthropic

from agentls.expert import backend, cache, experts, prompts, service
from agentls.expert.answer import CONTRACT

SOURCE = 'def f(a, b):\n    return a + b\n\nDB_PASSWORD = "hunter2-very-secret"\n'


def _request(tmp_path: Path, model: str = "claude-sonnet-5") -> prompts.Request:
    path = tmp_path / "calc.py"
    path.write_text(SOURCE)
    expert = experts.choose(experts.discover(None, include_user=False), None)
    assert expert is not None
    return prompts.build(expert, model, SOURCE, str(path), tmp_path)


def _settings(fake: FakeAnthropic, **extra: object) -> service.ExpertSettings:
    values: dict[str, object] = {"api_key": "test-key-123", "base_url": fake.url, "max_retries": 0, "timeout": 5.0}
    values.update(extra)
    return service.ExpertSettings(**values)  # type: ignore[arg-type]


def test_streams_with_cached_system_block_forced_tool_and_masked_code(
        fake: FakeAnthropic, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    progress: list[int] = []
    req = _request(tmp_path)
    outcome = asyncio.run(service.ask(req, _settings(fake), progress.append))
    (sent,) = fake.messages()
    body = sent.body
    assert sent.headers["authorization"] == "Bearer test-key-123"
    assert body["stream"] is True and body["model"] == "claude-sonnet-5"
    # body, then the output contract ending the cached prefix (tool + body + contract)
    assert body["system"] == [{"type": "text", "text": req.expert.system_prompt},
                              {"type": "text", "text": CONTRACT, "cache_control": {"type": "ephemeral"}}]
    assert "`original` must repeat" in body["tools"][0]["description"]
    assert body["tool_choice"] == {"type": "tool", "name": "submit_review"}
    assert body["tools"][0]["name"] == "submit_review"
    user = body["messages"][0]["content"]
    assert "hunter2-very-secret" not in user and "***MASKED***" in user
    assert "1 | def f(a, b):" in user
    assert progress and progress == sorted(progress)
    ans = outcome.answer
    assert ans.suggestions[0].title == "Rename `f` to `total`"
    assert ans.suggestions[0].anchor == "def f(a, b):\n    return a + b\n"
    assert ans.usage["cache_creation_input_tokens"] > 1024 and ans.usage["cache_read_input_tokens"] == 0
    assert "test-key-123" not in caplog.text


def test_identical_request_is_answered_from_the_cache(fake: FakeAnthropic, tmp_path: Path) -> None:
    req = _request(tmp_path)
    first = asyncio.run(service.ask(req, _settings(fake)))
    second = asyncio.run(service.ask(req, _settings(fake)))
    assert not first.cached and second.cached and len(fake.messages()) == 1
    assert second.answer.suggestions == first.answer.suggestions
    other_model = _request(tmp_path, "claude-opus-5")
    asyncio.run(service.ask(other_model, _settings(fake)))
    assert len(fake.messages()) == 2
    assert cache.clear() >= 2
    asyncio.run(service.ask(req, _settings(fake)))
    assert len(fake.messages()) == 3


def test_no_key_means_local_expert_and_no_request(fake: FakeAnthropic, tmp_path: Path) -> None:
    outcome = asyncio.run(service.ask(_request(tmp_path), _settings(fake, api_key=None)))
    assert outcome.answer.local and "no Anthropic API key" in (outcome.local_reason or "")
    forced = asyncio.run(service.ask(_request(tmp_path), _settings(fake, local_only=True)))
    off = asyncio.run(service.ask(_request(tmp_path), _settings(fake, remote_enabled=False)))
    assert forced.answer.local and off.answer.local and fake.requests == []


def test_key_and_base_url_from_the_environment(fake: FakeAnthropic, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ANTHROPIC_API_KEY", "env-key")
    monkeypatch.setenv("ANTHROPIC_BASE_URL", fake.url)
    asyncio.run(service.ask(_request(tmp_path), service.ExpertSettings(max_retries=0)))
    assert fake.messages()[0].headers["authorization"] == "Bearer env-key"


@pytest.mark.parametrize(("mode", "kind", "words"), [
    ("401", "auth", "ANTHROPIC_API_KEY"),
    ("403", "permission", "expert.model"),
    ("429", "rate-limit", "as the API asked (retry-after)"),
    ("529", "overloaded", "overloaded"),
    ("500", "server", "server error (500)"),
    ("slow", "timeout", "raise expert.timeout"),
    ("drop", "dropped", "connection dropped"),
    ("midstream", "stream-error", "middle of the answer (overloaded_error"),
    ("malformed", "malformed", "`suggestions` should be a list"),
    ("badjson", "malformed", "Nothing was changed"),
    ("text", "malformed", "did not call `submit_review`"),
])
def test_every_failure_is_one_expert_error_saying_what_to_do(
        fake: FakeAnthropic, tmp_path: Path, mode: str, kind: str, words: str) -> None:
    fake.mode = mode
    fake.slow_seconds = 2.0
    with pytest.raises(backend.ExpertError) as info:
        asyncio.run(service.ask(_request(tmp_path), _settings(fake, timeout=0.5)))
    assert info.value.kind == kind
    assert words in info.value.message
    assert "test-key-123" not in info.value.message
    assert cache.get(service.cache_key(_request(tmp_path))) is None  # nothing half-done is kept


def test_overloaded_is_retried_then_reported(fake: FakeAnthropic, tmp_path: Path) -> None:
    fake.mode = "529"
    with pytest.raises(backend.ExpertError):
        asyncio.run(service.ask(_request(tmp_path), _settings(fake, max_retries=2)))
    assert len(fake.messages()) == 3


def test_unreachable_base_url(tmp_path: Path) -> None:
    s = service.ExpertSettings(api_key="k", base_url="http://127.0.0.1:9", max_retries=0, timeout=2)
    with pytest.raises(backend.ExpertError, match=r"Could not reach http://127\.0\.0\.1:9") as info:
        asyncio.run(service.ask(_request(tmp_path), s))
    assert info.value.kind == "connection"


def test_count_tokens(fake: FakeAnthropic, tmp_path: Path) -> None:
    n = asyncio.run(backend.count_tokens(_request(tmp_path), service.backend_config(_settings(fake))))
    (sent,) = [r for r in fake.requests if r.path.startswith("/v1/messages/count_tokens")]
    assert n > 0 and "max_tokens" not in sent.body and sent.body["system"][1]["cache_control"]


def test_replacement_touching_a_masked_secret_is_not_an_edit(fake: FakeAnthropic, tmp_path: Path) -> None:
    fake.tool_input = {"summary": "s", "suggestions": [
        {"title": "Read the password from the environment", "rationale": "r", "severity": "info",
         "start_line": 4, "end_line": 4, "replacement": 'DB_PASSWORD = "***MASKED***"\n'}]}
    ans = asyncio.run(service.ask(_request(tmp_path), _settings(fake))).answer
    assert ans.suggestions[0].replacement is None and "masked secret" in (ans.suggestions[0].note or "")


def test_a_prefix_below_the_models_minimum_is_not_marked_for_caching(fake: FakeAnthropic, tmp_path: Path) -> None:
    req = _request(tmp_path, "claude-haiku-5-5")  # minimum 4,096 tokens; tool + body + contract is ~2k
    assert req.min_cacheable == 4_096 and req.cached_prefix_tokens == 0
    outcome = asyncio.run(service.ask(req, _settings(fake)))
    (sent,) = fake.messages()
    assert not any("cache_control" in block for block in sent.body["system"])
    assert sent.body["max_tokens"] == 8_192  # the Haiku family's default
    assert outcome.answer.usage["cache_creation_input_tokens"] == 0
    opus = _request(tmp_path, "claude-opus-5-5")  # minimum 512: the same prefix is worth caching
    assert opus.cached_prefix_tokens > 512 and "cache_control" in opus.system_blocks()[-1]
