"""The core's engines, for the LSP layer, imported on first use (``agentls.lazy``).

``agentls serve`` answers ``initialize`` before any of them is needed: the rules engine (with
PyYAML and the frontmatter parser), the agent-file index, the pattern engine and the typed
configuration cost about 100 ms of CPU to import (bench/startup.py), which a bare pygls server
does not pay. Right after ``initialize`` is answered, ``warm_up`` imports them on the event
loop, one module per turn, so that the first didOpen seldom pays for them either and requests
that come in meanwhile are not held behind one long import. tests/lsp/test_startup_imports.py
holds both halves: nothing here before the answer, everything here soon after it.

The feature modules take these names from here; type checkers see the real modules.
"""

from __future__ import annotations

import asyncio
import importlib
import logging
from typing import TYPE_CHECKING

from agentls import lazy

if TYPE_CHECKING:
    from agentls import agentindex, config, edit_cache, engine
    from agentls.actions import list_style, missing_keys, suppress_comment
    from agentls.agentindex import extract, rank
    from agentls.config import files as config_files
    from agentls.frontmatter import document
    from agentls.patterns import analysis, files, hover, workspace
else:
    agentindex = lazy.module("agentls.agentindex")
    analysis = lazy.module("agentls.patterns.analysis")
    config = lazy.module("agentls.config")
    config_files = lazy.module("agentls.config.files")
    document = lazy.module("agentls.frontmatter.document")
    edit_cache = lazy.module("agentls.edit_cache")
    engine = lazy.module("agentls.engine")
    extract = lazy.module("agentls.agentindex.extract")
    files = lazy.module("agentls.patterns.files")
    hover = lazy.module("agentls.patterns.hover")
    list_style = lazy.module("agentls.actions.list_style")
    missing_keys = lazy.module("agentls.actions.missing_keys")
    rank = lazy.module("agentls.agentindex.rank")
    suppress_comment = lazy.module("agentls.actions.suppress_comment")
    workspace = lazy.module("agentls.patterns.workspace")

__all__ = ["agentindex", "analysis", "config", "config_files", "document", "edit_cache", "engine", "extract",
           "files", "hover", "list_style", "missing_keys", "rank", "suppress_comment", "warm_up", "workspace"]

log = logging.getLogger(__name__)

# In the order a first didOpen needs them: the configuration, then an agent file's checks and
# index, then a Python module's analysis; each pulls in what it builds on.
WARM_UP = ("agentls.config", "agentls.edit_cache", "agentls.engine", "agentls.agentindex",
           "agentls.agentindex.rank", "agentls.actions.list_style", "agentls.actions.missing_keys",
           "agentls.actions.suppress_comment", "agentls.patterns.workspace", "agentls.patterns.files",
           "agentls.patterns.analysis", "agentls.patterns.hover")


def warm_up(loop: asyncio.AbstractEventLoop, names: tuple[str, ...] = WARM_UP) -> None:
    """Import ``names`` on ``loop``, one per turn. On the loop rather than a thread: a request
    that needs a module imports it itself, and two threads importing one cycle of modules at
    once can deadlock (importlib then raises in one of them)."""
    pending = list(names)

    def step() -> None:
        name = pending.pop(0)
        try:
            importlib.import_module(name)
        except Exception:  # the request that needs it will report it
            log.exception("importing %s failed", name)
        if pending:
            loop.call_soon(step)

    if pending:
        loop.call_soon(step)
