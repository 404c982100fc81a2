"""Odd but legal protocol traffic, over a raw stdio connection to ``agentls serve``: each is
answered as the specification says (or ignored), never a crash or a hang."""

from __future__ import annotations

import asyncio
import json
import os
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from tests.conftest import SERVER_COMMAND

AGENT = "---\nname: a\ndescription: d\ntools: {prefix}, Frobnicate\n---\nbody\n"
PY = "class Repo:\n    def get(self) -> int:\n        return 1\n"


class Raw:
    """A minimal LSP client: Content-Length frames, ids, and the server's requests answered
    (or not, for ``silent`` methods)."""

    def __init__(self, silent: frozenset[str] = frozenset()) -> None:
        self.silent = silent
        self.proc: asyncio.subprocess.Process | None = None
        self.pending: dict[int, asyncio.Future[dict[str, Any]]] = {}
        self.notes: list[dict[str, Any]] = []
        self.asked: list[str] = []
        self.changed = asyncio.Event()
        self.next_id = 0
        self.reader: asyncio.Task[None] | None = None

    async def start(self, cwd: Path) -> None:
        env = {**os.environ, "ANTHROPIC_API_KEY": "", "HOME": str(cwd)}
        self.proc = await asyncio.create_subprocess_exec(
            *SERVER_COMMAND, cwd=cwd, env=env, stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
        self.reader = asyncio.create_task(self._read())

    def send(self, msg: dict[str, Any]) -> None:
        assert self.proc and self.proc.stdin
        body = json.dumps({"jsonrpc": "2.0", **msg}).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def request_nowait(self, method: str, params: Any) -> tuple[int, asyncio.Future[dict[str, Any]]]:
        self.next_id += 1
        fut: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        self.pending[self.next_id] = fut
        self.send({"id": self.next_id, "method": method, "params": params})
        return self.next_id, fut

    async def request(self, method: str, params: Any, timeout: float = 20) -> dict[str, Any]:
        _, fut = self.request_nowait(method, params)
        return await asyncio.wait_for(fut, timeout)

    def notify(self, method: str, params: Any) -> None:
        self.send({"method": method, "params": params})

    async def _read(self) -> None:
        assert self.proc and self.proc.stdout
        out = self.proc.stdout
        while True:
            length = 0
            while True:
                line = await out.readline()
                if not line:
                    return
                if line in (b"\r\n", b"\n"):
                    break
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            msg = json.loads(await out.readexactly(length))
            if "method" in msg and "id" in msg:
                self.asked.append(msg["method"])
                if msg["method"] not in self.silent:
                    configuration = msg["method"] == "workspace/configuration"
                    result = [None] * len(msg["params"]["items"]) if configuration else None
                    self.send({"id": msg["id"], "result": result})
            elif "method" in msg:
                self.notes.append(msg)
                self.changed.set()
            elif msg.get("id") in self.pending:
                self.pending.pop(msg["id"]).set_result(msg)

    async def initialize(self, root: Path, encodings: list[str] | None = None) -> dict[str, Any]:
        caps: dict[str, Any] = {"workspace": {"configuration": True},
                                "window": {"workDoneProgress": True}}
        if encodings:
            caps["general"] = {"positionEncodings": encodings}
        result = await self.request("initialize", {"processId": None, "rootUri": root.as_uri(),
                                                   "capabilities": caps})
        self.notify("initialized", {})
        return result

    async def diagnostics(self, uri: str, version: int, timeout: float = 20) -> list[dict[str, Any]]:
        async def wait() -> list[dict[str, Any]]:
            while True:
                for note in reversed(self.notes):
                    p = note["params"]
                    if note["method"] == "textDocument/publishDiagnostics" and p["uri"] == uri \
                            and p.get("version") == version:
                        return list(p["diagnostics"])
                self.changed.clear()
                await self.changed.wait()
        return await asyncio.wait_for(wait(), timeout)

    def open(self, uri: str, text: str, language: str = "markdown") -> None:
        self.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": language,
                                                              "version": 1, "text": text}})

    async def stop(self) -> int:
        assert self.proc
        if self.proc.returncode is None:
            try:
                await self.request("shutdown", None, timeout=10)
                self.notify("exit", None)
                return await asyncio.wait_for(self.proc.wait(), 10)
            except (TimeoutError, asyncio.TimeoutError):
                self.proc.kill()
                await self.proc.wait()
        return self.proc.returncode or 0

    async def stderr(self) -> str:
        assert self.proc and self.proc.stderr
        return (await self.proc.stderr.read()).decode(errors="replace")


@pytest_asyncio.fixture
async def ws(tmp_path: Path) -> AsyncIterator[Path]:
    (tmp_path / ".claude" / "agents").mkdir(parents=True)
    yield tmp_path


def _agent_uri(ws: Path) -> str:
    return (ws / ".claude" / "agents" / "a.md").as_uri()


async def _alive(client: Raw, ws: Path) -> None:
    """Still serving: a fresh document gets its diagnostics."""
    uri = (ws / ".claude" / "agents" / "probe.md").as_uri()
    client.open(uri, "---\nname: p\ndescription: d\nmodel: gpt-4\n---\nb\n")
    codes = {d["code"] for d in await client.diagnostics(uri, 1)}
    assert "AG130" in codes


@pytest.mark.asyncio
async def test_requests_for_unopened_and_closed_documents(ws: Path) -> None:
    client = Raw()
    await client.start(ws)
    await client.initialize(ws)
    uri = _agent_uri(ws)
    pos = {"line": 0, "character": 0}
    requests = [("textDocument/hover", {"position": pos}), ("textDocument/completion", {"position": pos}),
                ("textDocument/documentSymbol", {}), ("textDocument/codeAction", {
                    "range": {"start": pos, "end": pos}, "context": {"diagnostics": []}})]
    for phase in ("never opened", "closed"):
        if phase == "closed":
            client.open(uri, AGENT.format(prefix="Read"))
            await client.diagnostics(uri, 1)
            client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
        for method, params in requests:
            answer = await client.request(method, {"textDocument": {"uri": uri}, **params})
            # A result (null or empty) or an error response: an answer either way.
            assert "result" in answer or "error" in answer, (phase, method, answer)
            assert not answer.get("result"), (phase, method, answer)
    await _alive(client, ws)
    assert await client.stop() == 0


@pytest.mark.asyncio
async def test_requests_for_a_missing_file_log_no_error(ws: Path) -> None:
    client = Raw()
    await client.start(ws)
    await client.initialize(ws)
    position = {"position": {"line": 0, "character": 0}}
    requests = [("textDocument/hover", position), ("textDocument/completion", position),
                ("textDocument/definition", position), ("textDocument/documentSymbol", {}),
                ("textDocument/codeAction", {"range": {"start": position["position"], "end": position["position"]},
                                             "context": {"diagnostics": []}})]
    for uri in (_agent_uri(ws), (ws / "missing.py").as_uri()):
        for method, params in requests:
            answer = await client.request(method, {"textDocument": {"uri": uri}, **params})
            assert answer.get("result") is None and "error" not in answer, (uri, method, answer)
    assert await client.stop() == 0
    assert "Traceback" not in await client.stderr()


@pytest.mark.asyncio
async def test_positions_past_the_end_of_a_line_or_the_file(ws: Path) -> None:
    client = Raw()
    await client.start(ws)
    await client.initialize(ws)
    uri = _agent_uri(ws)
    text = AGENT.format(prefix="Read")
    client.open(uri, text)
    await client.diagnostics(uri, 1)
    for pos in ({"line": 1, "character": 500}, {"line": 999, "character": 0},
                {"line": 10**6, "character": 10**6}):
        for method in ("textDocument/hover", "textDocument/completion"):
            answer = await client.request(method, {"textDocument": {"uri": uri}, "position": pos})
            assert "result" in answer or "error" in answer
        answer = await client.request("textDocument/codeAction", {
            "textDocument": {"uri": uri}, "range": {"start": {"line": 0, "character": 0}, "end": pos},
            "context": {"diagnostics": []}})
        assert "result" in answer or "error" in answer
    # An edit that replaces past the end of the file lands at its end (the client's view).
    client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [
        {"range": {"start": {"line": 99, "character": 0}, "end": {"line": 99, "character": 5}},
         "text": "more\n"}]})
    await client.diagnostics(uri, 2)
    await _alive(client, ws)
    assert await client.stop() == 0
    assert "Traceback" not in await client.stderr()


# `Frobnicate` after an emoji (2 UTF-16 units, 4 UTF-8 bytes, 1 code point) and an e with a
# combining acute accent (2 code points; 3 UTF-8 bytes).
PREFIX = "\U0001f600e\u0301"
COLUMNS = {"utf-8": 7 + 4 + 3 + 2, "utf-16": 7 + 2 + 2 + 2, "utf-32": 7 + 1 + 2 + 2}


@pytest.mark.asyncio
@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "utf-32"])
async def test_position_encoding_negotiated_and_honoured(ws: Path, encoding: str) -> None:
    client = Raw()
    await client.start(ws)
    result = await client.initialize(ws, [encoding])
    assert result["result"]["capabilities"].get("positionEncoding", "utf-16") == encoding
    uri = _agent_uri(ws)
    client.open(uri, AGENT.format(prefix=PREFIX))
    found = [d for d in await client.diagnostics(uri, 1) if d["code"] == "AG120" and "Frobnicate" in d["message"]]
    assert found and found[0]["range"]["start"] == {"line": 3, "character": COLUMNS[encoding]}
    assert found[0]["range"]["end"]["character"] == COLUMNS[encoding] + len("Frobnicate")
    # An incremental edit in the same encoding: delete `Frobnicate` and its comma.
    start = COLUMNS[encoding] - 2
    client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [
        {"range": {"start": {"line": 3, "character": start},
                   "end": {"line": 3, "character": COLUMNS[encoding] + len("Frobnicate")}}, "text": ""}]})
    after = await client.diagnostics(uri, 2)
    assert not [d for d in after if d["code"] == "AG120" and "Frobnicate" in d["message"]]
    assert await client.stop() == 0


@pytest.mark.asyncio
async def test_cancel_request_for_every_request(ws: Path) -> None:
    """``$/cancelRequest`` right after each request: every request still gets exactly one
    answer (its result, or the RequestCancelled error), and the server goes on."""
    client = Raw()
    await client.start(ws)
    init = await client.initialize(ws)
    uri = _agent_uri(ws)
    py = (ws / "m.py").as_uri()
    client.open(uri, AGENT.format(prefix="Read"))
    client.open(py, PY, "python")
    diags = await client.diagnostics(uri, 1)
    pos = {"line": 3, "character": 14}
    calls: list[tuple[str, Any]] = [
        ("textDocument/hover", {"textDocument": {"uri": uri}, "position": pos}),
        ("textDocument/hover", {"textDocument": {"uri": py}, "position": {"line": 0, "character": 7}}),
        ("textDocument/completion", {"textDocument": {"uri": uri}, "position": pos}),
        ("textDocument/documentSymbol", {"textDocument": {"uri": py}}),
        ("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": {"start": pos, "end": pos},
                                     "context": {"diagnostics": diags}}),
        ("textDocument/codeAction", {"textDocument": {"uri": py}, "range": {
            "start": {"line": 0, "character": 0}, "end": {"line": 2, "character": 0}}, "context": {"diagnostics": []}}),
    ]
    commands = init["result"]["capabilities"].get("executeCommandProvider", {}).get("commands", [])
    calls += [("workspace/executeCommand", {"command": c, "arguments": [py]}) for c in commands]
    for method, params in calls:
        ident, fut = client.request_nowait(method, params)
        client.notify("$/cancelRequest", {"id": ident})
        answer = await asyncio.wait_for(fut, 30)
        assert "result" in answer or answer["error"]["code"] in (-32800, -32603, -32602, -32601), (method, answer)
    await _alive(client, ws)
    assert await client.stop() == 0
    assert "CancelledError" not in await client.stderr()


@pytest.mark.asyncio
async def test_client_that_never_answers_configuration(ws: Path) -> None:
    client = Raw(silent=frozenset({"workspace/configuration"}))
    await client.start(ws)
    await client.initialize(ws)
    await _alive(client, ws)  # diagnostics with the workspace's own settings meanwhile
    py = (ws / "m.py").as_uri()
    client.open(py, PY, "python")
    await client.diagnostics(py, 1)
    answer = await client.request("textDocument/hover", {"textDocument": {"uri": py},
                                                         "position": {"line": 0, "character": 7}})
    assert "result" in answer
    assert "workspace/configuration" in client.asked
    assert await client.stop() == 0


@pytest.mark.asyncio
@pytest.mark.parametrize("pending", [False, True])
async def test_client_that_disappears(ws: Path, pending: bool) -> None:
    """stdin closes without shutdown or exit (the editor was killed): the server ends by
    itself, with a request still unanswered or not."""
    client = Raw()
    await client.start(ws)
    await client.initialize(ws)
    uri = _agent_uri(ws)
    client.open(uri, AGENT.format(prefix="Read"))
    await client.diagnostics(uri, 1)
    if pending:
        client.request_nowait("textDocument/hover", {"textDocument": {"uri": uri},
                                                     "position": {"line": 1, "character": 1}})
    assert client.proc and client.proc.stdin
    client.proc.stdin.close()
    code = await asyncio.wait_for(client.proc.wait(), 20)
    assert code is not None
    assert "Traceback" not in await client.stderr()
