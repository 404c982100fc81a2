"""The expert's modules, for the LSP layer, imported on first use (``agentls.lazy``).

``agentls serve`` answers ``initialize`` before any of them is needed; the first expert action
or auto-mode event loads them (about 55 ms of CPU saved at start-up, bench/startup.py;
tests/lsp/test_startup_imports.py holds it). Type checkers see the real modules.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from agentls import lazy

if TYPE_CHECKING:
    from agentls.expert import (
        analysis,
        auto,
        auto_prompt,
        backend,
        cache,
        edits,
        experts,
        local,
        prompts,
        review,
        service,
        verify,
    )
    from agentls.expert import answer as answers
    from agentls.knowledge import models
else:
    analysis = lazy.module("agentls.expert.analysis")
    answers = lazy.module("agentls.expert.answer")
    auto = lazy.module("agentls.expert.auto")
    auto_prompt = lazy.module("agentls.expert.auto_prompt")
    backend = lazy.module("agentls.expert.backend")
    cache = lazy.module("agentls.expert.cache")
    edits = lazy.module("agentls.expert.edits")
    experts = lazy.module("agentls.expert.experts")
    local = lazy.module("agentls.expert.local")
    prompts = lazy.module("agentls.expert.prompts")
    review = lazy.module("agentls.expert.review")
    service = lazy.module("agentls.expert.service")
    verify = lazy.module("agentls.expert.verify")
    models = lazy.module("agentls.knowledge.models")

__all__ = ["analysis", "answers", "auto", "auto_prompt", "backend", "cache", "edits", "experts", "local",
           "models", "prompts", "review", "service", "verify"]
