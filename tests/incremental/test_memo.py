"""Per-text caches keep short arguments only: a huge line typed into must not be kept once
per keystroke."""

from __future__ import annotations

from agentls.memo import per_text


def test_short_texts_are_kept_and_long_ones_are_not() -> None:
    calls: list[str] = []

    @per_text(8, longest=10)
    def shout(text: str) -> str:
        calls.append(text)
        return text.upper()

    assert shout("short") == "SHORT" and shout("short") == "SHORT"
    assert calls == ["short"]
    long = "x" * 11
    assert shout(long) == long.upper() and shout(long) == long.upper()
    assert calls == ["short", long, long]
