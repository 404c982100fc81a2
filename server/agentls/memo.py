"""A least-recently-used cache for pure functions of short strings.

An edit changes one line of a file, so per-line results are worth keeping; but a 1 MB line
kept once per keystroke would fill the memory, so long arguments are never kept.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def per_text(maxsize: int, longest: int = 4096) -> Callable[[Callable[..., T]], Callable[..., T]]:
    def wrap(function: Callable[..., T]) -> Callable[..., T]:
        cached = functools.lru_cache(maxsize=maxsize)(function)

        @functools.wraps(function)
        def call(*texts: str) -> T:
            if sum(map(len, texts)) > longest:
                return function(*texts)
            return cached(*texts)

        call.cache_clear = cached.cache_clear  # type: ignore[attr-defined]
        return call

    return wrap
