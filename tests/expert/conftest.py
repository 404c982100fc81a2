from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.expert.fake_anthropic import FakeAnthropic

# A small project `agentls review --verify` runs its own tests in (test_review_delivery.py).
collect_ignore = ["verify_project"]


@pytest.fixture(scope="session")
def fake_server() -> Iterator[FakeAnthropic]:
    fake = FakeAnthropic()
    yield fake
    fake.close()


@pytest.fixture
def fake(fake_server: FakeAnthropic) -> FakeAnthropic:
    fake_server.reset()
    return fake_server


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Cache and home in tmp; no real key or gateway from the developer's shell."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.delenv("ANTHROPIC_API_KEY", raising=False)
    monkeypatch.delenv("ANTHROPIC_BASE_URL", raising=False)
    return tmp_path
