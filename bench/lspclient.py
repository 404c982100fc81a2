"""A tiny raw JSON-RPC/LSP client over stdio for the benchmarks (stdlib only).

Content-Length framing on an asyncio subprocess; server-to-client requests are answered the
way VS Code would (null configuration, accepted registrations). Push diagnostics are keyed by
``(uri, version)`` and stamped with ``perf_counter_ns`` the moment their body is read.
"""

from __future__ import annotations

import asyncio
import json
import math
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

# What VS Code 1.9x announces, trimmed to what matters here. No textDocument.diagnostic:
# the client does not pull, so servers must push publishDiagnostics.
VSCODE_CAPABILITIES: dict[str, Any] = {
    "general": {"positionEncodings": ["utf-16"], "staleRequestSupport": {"cancel": True, "retryOnContentModified": []}},
    "window": {"workDoneProgress": True, "showMessage": {}, "showDocument": {"support": True}},
    "workspace": {
        "applyEdit": True, "configuration": True, "workspaceFolders": True,
        "didChangeConfiguration": {"dynamicRegistration": True},
        "workspaceEdit": {"documentChanges": True, "resourceOperations": ["create", "rename", "delete"]},
    },
    "textDocument": {
        "synchronization": {"dynamicRegistration": True, "willSave": True,
                            "willSaveWaitUntil": True, "didSave": True},
        "publishDiagnostics": {"relatedInformation": True, "versionSupport": False,
                               "tagSupport": {"valueSet": [1, 2]}, "codeDescriptionSupport": True,
                               "dataSupport": True},
        "hover": {"dynamicRegistration": True, "contentFormat": ["markdown", "plaintext"]},
        "codeAction": {"dynamicRegistration": True, "isPreferredSupport": True,
                       "codeActionLiteralSupport": {"codeActionKind": {"valueSet": [
                           "", "quickfix", "refactor", "refactor.rewrite", "source"]}}},
        "documentSymbol": {"hierarchicalDocumentSymbolSupport": True},
        "completion": {"completionItem": {"snippetSupport": True}},
    },
}


class LspClient:
    def __init__(self, name: str, argv: list[str], cwd: Path, stderr_path: Path | None = None,
                 preexec_fn: Callable[[], None] | None = None) -> None:
        self.name, self.argv, self.cwd = name, argv, cwd
        self.stderr_path, self.preexec_fn = stderr_path, preexec_fn
        self.proc: asyncio.subprocess.Process | None = None
        self._next_id = 0
        self._pending: dict[int, asyncio.Future[Any]] = {}
        self._diag_waiters: dict[tuple[str, int | None], asyncio.Future[tuple[int, Any]]] = {}
        self._reader: asyncio.Task[None] | None = None
        self.spawned_ns = 0
        self.peak_rss_kb = 0

    # -- process -----------------------------------------------------------------------------
    async def start(self) -> None:
        err = open(self.stderr_path, "wb") if self.stderr_path else asyncio.subprocess.DEVNULL  # noqa: SIM115
        self.spawned_ns = time.perf_counter_ns()
        self.proc = await asyncio.create_subprocess_exec(
            *self.argv, cwd=self.cwd, stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE, stderr=err, preexec_fn=self.preexec_fn)
        self._reader = asyncio.create_task(self._read())

    async def initialize(self, root: Path, options: dict[str, Any] | None = None) -> int:
        """Sends initialize + initialized; returns ns from spawn to the initialize response."""
        await self.request("initialize", {
            "processId": os.getpid(), "clientInfo": {"name": "Visual Studio Code", "version": "1.95.0"},
            "rootUri": root.as_uri(), "rootPath": str(root), "capabilities": VSCODE_CAPABILITIES,
            "workspaceFolders": [{"uri": root.as_uri(), "name": root.name}],
            "initializationOptions": options or {}, "trace": "off"})
        done = time.perf_counter_ns() - self.spawned_ns
        await self.notify("initialized", {})
        return done

    def vm_hwm_kb(self) -> int:
        """Peak resident set of the live server (Linux /proc), in KiB."""
        try:
            for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():  # type: ignore[union-attr]
                if line.startswith("VmHWM:"):
                    self.peak_rss_kb = max(self.peak_rss_kb, int(line.split()[1]))
        except OSError:
            pass
        return self.peak_rss_kb

    async def stop(self) -> int | None:
        assert self.proc is not None
        self.vm_hwm_kb()
        try:
            if self.proc.returncode is None:
                await asyncio.wait_for(self.request("shutdown", None), 10)
                await self.notify("exit", None)
                await asyncio.wait_for(self.proc.wait(), 10)
        except (TimeoutError, asyncio.TimeoutError, ConnectionError, RuntimeError):
            if self.proc.returncode is None:
                self.proc.kill()
                await self.proc.wait()
        if self._reader:
            self._reader.cancel()
        return self.proc.returncode

    # -- wire --------------------------------------------------------------------------------
    def _send(self, obj: dict[str, Any]) -> None:
        assert self.proc is not None and self.proc.stdin is not None
        body = json.dumps(obj, ensure_ascii=False).encode("utf-8")
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    async def _write(self, obj: dict[str, Any]) -> None:
        self._send(obj)
        await self.proc.stdin.drain()  # type: ignore[union-attr]

    async def request(self, method: str, params: Any) -> Any:
        self._next_id += 1
        fut: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        self._pending[self._next_id] = fut
        await self._write({"jsonrpc": "2.0", "id": self._next_id, "method": method, "params": params})
        return await fut

    async def notify(self, method: str, params: Any) -> None:
        await self._write({"jsonrpc": "2.0", "method": method, "params": params})

    def expect_diagnostics(self, uri: str, version: int | None) -> asyncio.Future[tuple[int, Any]]:
        """Register before sending: resolves to (ns timestamp, params) of the matching push."""
        fut: asyncio.Future[tuple[int, Any]] = asyncio.get_running_loop().create_future()
        self._diag_waiters[(uri, version)] = fut
        return fut

    async def _read(self) -> None:
        assert self.proc is not None and self.proc.stdout is not None
        out = self.proc.stdout
        try:
            while True:
                length = 0
                while True:
                    line = await out.readline()
                    if not line:
                        raise ConnectionError(f"{self.name} closed stdout")
                    if line in (b"\r\n", b"\n"):
                        break
                    if line.lower().startswith(b"content-length:"):
                        length = int(line.split(b":")[1])
                body = await out.readexactly(length)
                stamp = time.perf_counter_ns()
                self._dispatch(json.loads(body), stamp)
        except (ConnectionError, asyncio.IncompleteReadError) as exc:
            for fut in [*self._pending.values(), *self._diag_waiters.values()]:
                if not fut.done():
                    fut.set_exception(ConnectionError(f"{self.name}: {exc}"))

    def _dispatch(self, msg: dict[str, Any], stamp: int) -> None:
        method = msg.get("method")
        if method is not None and "id" in msg:  # server -> client request
            result: Any = None
            if method == "workspace/configuration":
                result = [None for _ in msg["params"]["items"]]
            self._send({"jsonrpc": "2.0", "id": msg["id"], "result": result})
        elif method is None:
            fut = self._pending.pop(msg.get("id"), None)  # type: ignore[arg-type]
            if fut and not fut.done():
                if "error" in msg:
                    fut.set_exception(RuntimeError(f"{self.name}: {msg['error']}"))
                else:
                    fut.set_result(msg.get("result"))
        elif method == "textDocument/publishDiagnostics":
            params = msg["params"]
            key = (params["uri"], params.get("version"))
            fut2 = self._diag_waiters.pop(key, None) or self._diag_waiters.pop((params["uri"], None), None)
            if fut2 and not fut2.done():
                fut2.set_result((stamp, params))


def agentls_argv(profiled: bool = True) -> list[str]:
    # AGENTLS_BENCH_PROFILE=file.prof runs the server under cProfile, to see where time goes.
    profile = os.environ.get("AGENTLS_BENCH_PROFILE") if profiled else None
    if profile:
        return [sys.executable, "-m", "cProfile", "-o", profile, "-m", "agentls", "serve"]
    return [sys.executable, "-m", "agentls", "serve"]


def percentile(values: list[float], q: float) -> float:
    """p50 is the median; other quantiles are nearest-rank (q in 0..100)."""
    if q == 50:
        return statistics.median(values)
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, math.ceil(q / 100 * len(ordered)) - 1))]
