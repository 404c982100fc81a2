"""The wrappers ``context.per_workspace`` gives the common shapes of a memoised detector
function: the context and one argument, the context alone, a method with the context and one
argument. Some 360,000 calls over Django + SQLAlchemy take these shapes: with no argument tuple
to unpack and no test of where the context is, each costs half the general wrapper's. The keys
are the general wrapper's (the function, then a ``ClassRef`` by its key), and so are the
answers."""

from __future__ import annotations

from collections.abc import Callable
from inspect import CO_VARARGS, CO_VARKEYWORDS
from typing import TYPE_CHECKING, Any, TypeVar

from agentls.patterns.workspace import ClassRef

if TYPE_CHECKING:
    from agentls.patterns.context import Ctx

R = TypeVar("R")
MISSING = object()
VARIADIC = CO_VARARGS | CO_VARKEYWORDS  # the code flags of a function taking *args or **kwargs


def one_argument(fn: Callable[..., R]) -> Callable[..., R]:
    """``fn(ctx, a)`` kept per workspace state."""

    def cached(ctx: Ctx, a: Any) -> R:
        key = (fn, a.key if type(a) is ClassRef else a)
        store = ctx._cache
        out = store.get(key, MISSING)
        if out is MISSING:
            out = store[key] = fn(ctx, ctx.canonical(a) if type(a) is ClassRef else a)
        return out  # type: ignore[no-any-return]

    return cached


def no_argument(fn: Callable[..., R]) -> Callable[..., R]:
    """``fn(ctx)`` kept per workspace state."""

    def cached(ctx: Ctx) -> R:
        key = (fn,)
        store = ctx._cache
        out = store.get(key, MISSING)
        if out is MISSING:
            out = store[key] = fn(ctx)
        return out  # type: ignore[no-any-return]

    return cached


def method_one_argument(fn: Callable[..., R]) -> Callable[..., R]:
    """A detector's ``fn(self, ctx, a)`` kept per workspace state."""

    def cached(self: Any, ctx: Ctx, a: Any) -> R:
        key = (fn, a.key if type(a) is ClassRef else a)
        store = ctx._cache
        out = store.get(key, MISSING)
        if out is MISSING:
            out = store[key] = fn(self, ctx, ctx.canonical(a) if type(a) is ClassRef else a)
        return out  # type: ignore[no-any-return]

    return cached
