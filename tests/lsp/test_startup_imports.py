"""What ``agentls serve`` imports before it answers ``initialize``, and after.

The engines (the rules engine with PyYAML and the frontmatter parser, the agent-file index,
the pattern engine, the typed configuration) and the expert's modules are imported on first
use (``agentls.lazy``, ``lsp/engine_modules.py``, ``lsp/expert_modules.py``); right after the
answer the server imports the engines on its event loop (``engine_modules.warm_up``).
bench/startup.py measures the time this saves.

A fresh interpreter, as the editor starts one, drives the server through pygls's own message
loop with real JSON-RPC bytes, and notes ``sys.modules`` at the moment the answer is written.
"""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

DRIVER = """
import asyncio, json, sys, threading
from pygls.io_ import run_async
from agentls.lsp import engine_modules
from agentls.lsp.run import create_server


def frame(message):
    body = json.dumps(message).encode()
    return b"Content-Length: %d\\r\\n\\r\\n" % len(body) + body


INITIALIZE = {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
    "processId": None, "rootUri": None, "capabilities": {"textDocument": {"completion": {}}}}}


class Writer:
    def __init__(self):
        self.sent = []
        self.modules = None  # sys.modules when the first message (the answer) is written

    def write(self, data):
        if self.modules is None:
            self.modules = sorted(sys.modules)
        self.sent.append(data)

    def close(self):
        pass


async def serve(reader, more=()):
    server = create_server()
    writer = Writer()
    server.protocol.set_writer(writer)
    stop = threading.Event()
    task = asyncio.ensure_future(run_async(stop, reader, server.protocol))
    reader.feed_data(frame(INITIALIZE))
    while not writer.sent:
        await asyncio.sleep(0.001)
    for message in more:
        reader.feed_data(frame(message))
    return stop, task, writer


def answer(writer):
    return json.loads(writer.sent[0].split(b"\\r\\n\\r\\n", 1)[1])


async def main():
    loop = asyncio.get_running_loop()
    reader = asyncio.StreamReader()
    stop, task, writer = await serve(reader, [{"jsonrpc": "2.0", "method": "initialized", "params": {}}])
    deadline = loop.time() + 60
    while (not all(name in sys.modules for name in engine_modules.WARM_UP)
           and loop.time() < deadline):
        await asyncio.sleep(0.01)
    after = sorted(sys.modules)
    stop.set()
    reader.feed_eof()
    await task
    # A second server, built with every engine already imported: the same capabilities.
    again = asyncio.StreamReader()
    stop2, task2, writer2 = await serve(again)
    stop2.set()
    again.feed_eof()
    await task2
    print(json.dumps({"answer": answer(writer), "at_answer": writer.modules, "after": after,
                      "warm_up": engine_modules.WARM_UP, "answer_when_loaded": answer(writer2)}))


asyncio.run(main())
"""

# Not needed to answer initialize; each costs milliseconds to import.
NOT_BEFORE_THE_ANSWER = ("yaml", "pathspec", "tomllib", "anthropic", "agentls.engine", "agentls.rules",
                         "agentls.frontmatter.document", "agentls.frontmatter.retry", "agentls.agentindex",
                         "agentls.patterns", "agentls.config", "agentls.edit_cache", "agentls.expert",
                         "agentls.actions")


def _drive() -> dict[str, Any]:
    out = subprocess.run([sys.executable, "-c", DRIVER], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    found: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return found


def _heavy(modules: list[str]) -> list[str]:
    return [m for m in modules if m.split(".")[0] in ("yaml", "pathspec", "tomllib", "anthropic")
            or m.startswith(tuple(p for p in NOT_BEFORE_THE_ANSWER if p.startswith("agentls.")))]


def test_initialize_is_answered_before_the_engines_are_imported_and_they_follow_without_a_request() -> None:
    run = _drive()
    assert "result" in run["answer"] and "capabilities" in run["answer"]["result"]
    assert _heavy(run["at_answer"]) == []
    # The warm-up imported the engines after the answer, with no document asked for.
    assert set(run["warm_up"]) <= set(run["after"])
    assert "yaml" in run["after"] and "agentls.patterns.analysis" in run["after"]
    # Nothing the client is told depends on what was imported.
    assert run["answer"]["result"] == run["answer_when_loaded"]["result"]
    caps = run["answer"]["result"]["capabilities"]
    assert caps["completionProvider"]["triggerCharacters"]
    assert any(c.startswith("agentls.") for c in caps["executeCommandProvider"]["commands"])
