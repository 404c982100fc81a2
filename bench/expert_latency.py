"""Does the editor stay responsive while an expert answer streams?

One server run, over raw stdio JSON-RPC (stdlib only), against the fake Messages API from the
tests streaming slowly:
  1. hover latency idle (N hovers),
  2. hover latency while an answer streams (N hovers during one codeAction/resolve),
  3. time from sending the resolve to the first $/progress (begin) and first report.
Targets: streaming hover p95 <= 1.2x idle p95; first progress <= 50 ms.

    python bench/expert_latency.py [--hovers 100] [--lines 400]
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
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.expert.fake_anthropic import FakeAnthropic  # noqa: E402

CAPS: dict[str, Any] = {
    "window": {"workDoneProgress": True, "showDocument": {"support": True}, "showMessage": {}},
    "workspace": {"applyEdit": True, "workspaceEdit": {"documentChanges": True,
                                                      "changeAnnotationSupport": {"groupsOnLabel": True}}},
    "textDocument": {"hover": {"contentFormat": ["markdown"]},
                     "codeAction": {"resolveSupport": {"properties": ["edit"]},
                                    "codeActionLiteralSupport": {"codeActionKind": {"valueSet": [
                                        "", "quickfix", "refactor", "refactor.rewrite", "source"]}}},
                     "publishDiagnostics": {}},
}


class Client:
    def __init__(self, proc: asyncio.subprocess.Process) -> None:
        self.proc = proc
        self.next_id = 0
        self.pending: dict[int, asyncio.Future[Any]] = {}
        self.progress: list[tuple[float, dict[str, Any]]] = []
        self.writes: set[asyncio.Future[None]] = set()  # kept so the tasks are not collected early
        self.reader = asyncio.create_task(self._read())

    async def _write(self, obj: dict[str, Any]) -> None:
        body = json.dumps(obj).encode()
        assert self.proc.stdin is not None
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        await self.proc.stdin.drain()

    async def request(self, method: str, params: Any) -> Any:
        return await self.send(method, params)

    def send(self, method: str, params: Any) -> asyncio.Future[Any]:
        self.next_id += 1
        fut: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        self.pending[self.next_id] = fut
        self.writes.add(asyncio.ensure_future(self._write(
            {"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params})))
        return fut

    async def notify(self, method: str, params: Any) -> None:
        await self._write({"jsonrpc": "2.0", "method": method, "params": params})

    async def _read(self) -> None:
        out = self.proc.stdout
        assert out is not None
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
            stamp = time.perf_counter()
            if "method" in msg and "id" in msg:  # server -> client request: accept
                result = [None] * len(msg["params"].get("items", [])) if msg["method"] == "workspace/configuration" \
                    else ({"success": True} if msg["method"] == "window/showDocument" else None)
                await self._write({"jsonrpc": "2.0", "id": msg["id"], "result": result})
            elif msg.get("method") == "$/progress":
                self.progress.append((stamp, msg["params"]["value"]))
            elif "id" in msg and msg["id"] in self.pending:
                self.pending.pop(msg["id"]).set_result(msg.get("result", msg.get("error")))


def module(lines: int) -> str:
    out = ["import os\n", "\n"]
    i = 0
    while len(out) < lines:
        out += [f"class Service{i}:\n", "    def __init__(self):\n", f"        self.value{i} = {i}\n", "\n",
                f"    def run{i}(self, x):\n", f"        return self.value{i} + x\n", "\n"]
        i += 1
    return "".join(out)


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * q // 100))  # nearest rank
    return ordered[min(len(ordered), int(rank)) - 1]


async def hovers(client: Client, uri: str, n: int, lines: int) -> list[float]:
    times = []
    for i in range(n):
        line = 2 + (i * 7) % max(lines - 8, 1)
        t0 = time.perf_counter()
        await client.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                    "position": {"line": line, "character": 8}})
        times.append((time.perf_counter() - t0) * 1000)
    return times


async def main(args: argparse.Namespace) -> int:
    fake = FakeAnthropic()
    fake.mode, fake.chunks, fake.chunk_delay = "slow-stream", 600, 0.02  # ~12 s of streaming
    state = Path(tempfile.mkdtemp(prefix="agentls-bench-"))
    ws = state / "ws"
    ws.mkdir()
    text = module(args.lines)
    (ws / "mod.py").write_text(text)
    env = {**os.environ, "ANTHROPIC_BASE_URL": fake.url, "XDG_CACHE_HOME": str(state / "cache"),
           "HOME": str(state / "home")}
    env.pop("ANTHROPIC_API_KEY", None)
    proc = await asyncio.create_subprocess_exec(sys.executable, "-m", "agentls", "serve", cwd=ws, env=env,
                                                stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
                                                stderr=asyncio.subprocess.DEVNULL)
    client = Client(proc)
    await client.request("initialize", {"processId": os.getpid(), "rootUri": ws.as_uri(), "capabilities": CAPS,
                                        "initializationOptions": {"expert": {"apiKey": "bench", "maxRetries": 0}}})
    await client.notify("initialized", {})
    uri = (ws / "mod.py").as_uri()
    await client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "python",
                                                                  "version": 1, "text": text}})
    await hovers(client, uri, 20, args.lines)  # warm-up
    idle = await hovers(client, uri, args.hovers, args.lines)

    found = await client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri},
        "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
        "context": {"diagnostics": []}})
    ask = next(a for a in found if a["title"].startswith("Ask "))
    sent = time.perf_counter()
    resolving = client.send("codeAction/resolve", ask)
    while not any(v.get("kind") == "report" and "receiving" in v.get("message", "") for _, v in client.progress):
        await asyncio.sleep(0.005)
    streaming = await hovers(client, uri, args.hovers, args.lines)
    still_streaming = not resolving.done()
    await asyncio.wait_for(resolving, 60)
    begin = next(s for s, v in client.progress if v.get("kind") == "begin")
    first_report = next(s for s, v in client.progress if v.get("kind") == "report")
    await client.request("shutdown", None)
    await client.notify("exit", None)
    await proc.wait()
    fake.close()

    ratio = pct(streaming, 95) / pct(idle, 95)
    print(f"module: {args.lines} lines; {args.hovers} hovers per phase; python {sys.version.split()[0]}")
    print(f"hover idle       p50 {statistics.median(idle):6.2f} ms   p95 {pct(idle, 95):6.2f} ms")
    print(f"hover streaming  p50 {statistics.median(streaming):6.2f} ms   p95 {pct(streaming, 95):6.2f} ms"
          f"   (answer still streaming at the end: {still_streaming})")
    print(f"p95 ratio streaming/idle: {ratio:.2f}x (target <= 1.2x)")
    print(f"resolve sent -> first $/progress begin: {(begin - sent) * 1000:6.1f} ms (target <= 50 ms)")
    print(f"resolve sent -> first $/progress report: {(first_report - sent) * 1000:6.1f} ms")
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--hovers", type=int, default=100)
    parser.add_argument("--lines", type=int, default=400)
    raise SystemExit(asyncio.run(main(parser.parse_args())))
