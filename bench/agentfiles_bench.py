"""Agent editing benchmark: completion and hover latency through the protocol on a 6 KB agent
file, indexing a workspace of 1,000 agent files, and the memory the index holds.

    python bench/agentfiles_bench.py [--rounds 200] [--files 1000]

Targets (issue 5): completion and hover p95 <= 10 ms; indexing 1,000 files <= 1 s.
Self-contained (stdlib + agentls): a minimal Content-Length JSON-RPC client over stdio.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

from agentls.agentindex import AgentIndex, IndexConfig

CAPABILITIES: dict[str, Any] = {
    "workspace": {"configuration": True, "workspaceFolders": True,
                  "didChangeWatchedFiles": {"dynamicRegistration": True},
                  "workspaceEdit": {"documentChanges": True}},
    "textDocument": {"hover": {"contentFormat": ["markdown"]},
                     "completion": {"completionItem": {"snippetSupport": True}},
                     "publishDiagnostics": {"relatedInformation": True}},
}


def agent_text(i: int, body_chars: int) -> str:
    body = ("You review code for correctness, security and style. Report findings by severity. "
            * (body_chars // 84 + 1))[:body_chars]
    return (f"---\nname: agent-{i}\ndescription: Use this agent when the user asks for task {i}. "
            "Use proactively after code changes.\ntools: Read, Grep, Glob, Bash(git diff:*)\n"
            f"model: sonnet\ncolor: blue\nskills:\n  - pdf\n---\n{body}\n")


def build_workspace(root: Path, files: int) -> None:
    for i in range(files):
        path = root / ".claude" / "agents" / f"group-{i % 20}" / f"agent-{i}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(agent_text(i, 1500))
    skill = root / ".claude" / "skills" / "pdf" / "SKILL.md"
    skill.parent.mkdir(parents=True, exist_ok=True)
    skill.write_text("---\ndescription: Work with PDF files\n---\nBody\n")
    (root / ".mcp.json").write_text('{"mcpServers": {"github": {"command": "gh"}}}')


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def bench_index(root: Path, runs: int = 5) -> dict[str, float]:
    config = IndexConfig((str(root),), None)
    cold: list[float] = []
    for _ in range(runs):
        start = time.perf_counter()
        index = AgentIndex()
        index.configure(config)
        cold.append((time.perf_counter() - start) * 1000)
    warm: list[float] = []
    for _ in range(runs):
        start = time.perf_counter()
        index.scan()  # unchanged files: a stat each, nothing read
        warm.append((time.perf_counter() - start) * 1000)
    tracemalloc.start()
    before = tracemalloc.take_snapshot()
    held = AgentIndex()
    held.configure(config)
    after = tracemalloc.take_snapshot()
    tracemalloc.stop()
    size = sum(s.size_diff for s in after.compare_to(before, "filename"))
    return {"files": float(len(held)), "cold_median_ms": statistics.median(cold), "cold_max_ms": max(cold),
            "warm_median_ms": statistics.median(warm), "memory_kib": size / 1024}


class Client:
    def __init__(self, proc: asyncio.subprocess.Process) -> None:
        self.proc = proc
        self.next_id = 0
        self.pending: dict[int, asyncio.Future[Any]] = {}
        self.reader = asyncio.ensure_future(self._read())

    async def _read(self) -> None:
        assert self.proc.stdout is not None
        while True:
            header = await self.proc.stdout.readuntil(b"\r\n\r\n")
            length = int(header.split(b"Content-Length:")[1].split(b"\r\n")[0])
            msg = json.loads(await self.proc.stdout.readexactly(length))
            if "id" in msg and "method" in msg:  # a request from the server: accept it
                self._send({"jsonrpc": "2.0", "id": msg["id"], "result": None})
            elif "id" in msg and msg["id"] in self.pending:
                self.pending.pop(msg["id"]).set_result(msg.get("result"))

    def _send(self, msg: dict[str, Any]) -> None:
        assert self.proc.stdin is not None
        body = json.dumps(msg).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    async def request(self, method: str, params: Any) -> Any:
        self.next_id += 1
        future: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        self.pending[self.next_id] = future
        self._send({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params})
        return await future

    def notify(self, method: str, params: Any) -> None:
        self._send({"jsonrpc": "2.0", "method": method, "params": params})


async def bench_protocol(root: Path, rounds: int) -> dict[str, dict[str, float]]:
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "agentls", "serve", stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.DEVNULL,
        env={**os.environ, "HOME": str(root / "home")}, limit=1 << 24)
    client = Client(proc)
    root_uri = root.as_uri()
    await client.request("initialize", {"processId": os.getpid(), "rootUri": root_uri, "capabilities": CAPABILITIES,
                                        "workspaceFolders": [{"uri": root_uri, "name": "ws"}]})
    client.notify("initialized", {})
    path = root / ".claude" / "agents" / "big.md"
    text = agent_text(9999, 6000 - len(agent_text(0, 0)))
    uri = path.as_uri()
    client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1,
                                                            "text": text}})
    lines = text.split("\n")

    def pos(marker: str, delta: int) -> dict[str, int]:
        for n, line in enumerate(lines):
            if marker in line:
                return {"line": n, "character": line.index(marker) + delta}
        raise KeyError(marker)

    cases = {
        "completion key": ("textDocument/completion", pos("model:", 2)),
        "completion tools": ("textDocument/completion", pos("Glob", 2)),
        "completion model": ("textDocument/completion", pos("sonnet", 3)),
        "hover key": ("textDocument/hover", pos("tools:", 2)),
        "hover description": ("textDocument/hover", pos("Use this agent", 4)),
        "hover tool": ("textDocument/hover", pos("Grep", 1)),
    }
    out: dict[str, dict[str, float]] = {}
    for label, (method, position) in cases.items():
        params = {"textDocument": {"uri": uri}, "position": position}
        await client.request(method, params)  # warm-up (first request builds the index)
        times: list[float] = []
        for _ in range(rounds):
            start = time.perf_counter()
            await client.request(method, params)
            times.append((time.perf_counter() - start) * 1000)
        out[label] = {"median_ms": statistics.median(times), "p95_ms": pct(times, 95), "max_ms": max(times)}
    await client.request("shutdown", None)
    client.notify("exit", None)
    client.reader.cancel()
    await proc.wait()
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--files", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="agentls-bench-") as tmp:
        root = Path(tmp)
        (root / "home").mkdir()
        build_workspace(root, args.files)
        index = bench_index(root)
        print(f"index {int(index['files'])} files: cold median {index['cold_median_ms']:.0f} ms "
              f"(max {index['cold_max_ms']:.0f} ms), warm rescan median {index['warm_median_ms']:.0f} ms, "
              f"held {index['memory_kib']:.0f} KiB (tracemalloc)")
        results = asyncio.run(bench_protocol(root, args.rounds))
        for label, r in results.items():
            print(f"{label:20s} median {r['median_ms']:.2f} ms  p95 {r['p95_ms']:.2f} ms  max {r['max_ms']:.2f} ms")
        ok = index["cold_median_ms"] <= 1000 and all(r["p95_ms"] <= 10 for r in results.values())
        print("targets met" if ok else "TARGETS MISSED")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
