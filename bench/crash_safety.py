"""Crash safety: the expert cache under SIGKILL, and shutdown while an expert answer streams.

1. A process writes 3 MB answers into the expert cache (``cache.put``) in a loop, each key
   alternating between two versions, and is killed with SIGKILL after a random delay;
   ``--kills`` times. Counted: answers that no longer read back whole as one of the versions
   (must be 0), files not private (0600), and kills that landed inside a write (a temporary
   file left behind: evidence the kills hit writes, not only the gaps between them).
2. ``agentls serve`` with the local fake Messages API (tests/expert/fake_anthropic.py, real
   HTTP, SSE) streaming a minute-long answer; once the answer is streaming, ``shutdown`` then
   ``exit``: the time until shutdown is answered and until the process has exited (code 0),
   ``--runs`` times; whether an edit reached the client or anything reached the cache.

    python bench/crash_safety.py [--kills 100] [--runs 5]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import signal
import stat
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from lspclient import LspClient  # noqa: E402
from tests.expert.fake_anthropic import FakeAnthropic  # noqa: E402
from tests.expert.test_cache_crash_safety import WRITER  # noqa: E402  (the test's writer: one program)

# The server resolves code actions lazily only for clients that say so (VS Code does).
CAPS: dict[str, Any] = {
    "window": {"workDoneProgress": True},
    "textDocument": {"codeAction": {"resolveSupport": {"properties": ["edit", "command"]},
                                    "dataSupport": True,
                                    "codeActionLiteralSupport": {"codeActionKind": {"valueSet": ["source"]}}}},
    "workspace": {"applyEdit": True, "workspaceEdit": {"documentChanges": True}}}


def cache_kills(kills: int, seed: int) -> None:
    rng = random.Random(seed)
    versions = [{"round": r, "text": str(r) * 3_000_000} for r in (0, 1)]
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "XDG_CACHE_HOME": tmp}
        folder = Path(tmp) / "agentls" / "answers"
        broken = loose = inside = 0
        for _ in range(kills):
            before = {p.name for p in folder.glob("*.tmp")} if folder.exists() else set()
            proc = subprocess.Popen([sys.executable, "-c", WRITER], env=env, stdout=subprocess.PIPE, text=True)
            assert proc.stdout is not None
            proc.stdout.readline()
            time.sleep(rng.uniform(0.0, 0.2))
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            proc.stdout.close()
            inside += bool({p.name for p in folder.glob("*.tmp")} - before)
            for path in folder.glob("*.json"):
                try:
                    ok = json.loads(path.read_text(encoding="utf-8")) in versions
                except ValueError:
                    ok = False
                broken += not ok
                loose += stat.S_IMODE(path.stat().st_mode) != 0o600
    print(f"1. cache: {kills} SIGKILLs, {inside} of them inside a write (a temporary file left); "
          f"answers not whole: {broken}, files not 0600: {loose}")


async def shutdown_once(fake: FakeAnthropic, root: Path) -> tuple[float, float, int | None, bool]:
    fake.reset()
    fake.mode, fake.chunks, fake.chunk_delay = "slow-stream", 1200, 0.05
    state = root / "state"
    os.environ.update(ANTHROPIC_BASE_URL=fake.url, XDG_CACHE_HOME=str(state / "cache"), HOME=str(state / "home"))
    client = LspClient("agentls", [sys.executable, "-m", "agentls", "serve"], root)
    await client.start()
    await client.request("initialize", {"processId": os.getpid(), "rootUri": root.as_uri(), "capabilities": CAPS,
                                        "initializationOptions": {"expert": {"apiKey": "k", "maxRetries": 0}}})
    await client.notify("initialized", {})
    uri = (root / "calc.py").as_uri()
    await client.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "python", "version": 1, "text": "def f(a, b):\n    return a + b\n"}})
    here = {"line": 0, "character": 0}
    found = await client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": {"start": here, "end": here}, "context": {"diagnostics": []}})
    ask = next(a for a in found if a["title"].startswith("Ask"))
    pending = asyncio.ensure_future(client.request("codeAction/resolve", ask))
    while not fake.messages():
        await asyncio.sleep(0.02)
    await asyncio.sleep(0.5)  # streaming now
    t0 = time.perf_counter()
    await asyncio.wait_for(client.request("shutdown", None), 60)
    answered = time.perf_counter() - t0
    await client.notify("exit", None)
    assert client.proc is not None
    await asyncio.wait_for(client.proc.wait(), 60)
    exited = time.perf_counter() - t0
    pending.cancel()
    cached = any(p.is_file() for p in (state / "cache").rglob("*"))
    return answered * 1000, exited * 1000, client.proc.returncode, cached


def shutdowns(runs: int) -> None:
    fake = FakeAnthropic()
    rows = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            rows.append(asyncio.run(shutdown_once(fake, Path(tmp))))
    fake.close()
    print(f"2. shutdown during an expert stream, {runs} runs: shutdown answered after "
          f"{statistics.median(r[0] for r in rows):.0f} ms (median; max {max(r[0] for r in rows):.0f}), "
          f"process exited after {statistics.median(r[1] for r in rows):.0f} ms "
          f"(max {max(r[1] for r in rows):.0f}); exit codes {sorted({r[2] for r in rows})}; "
          f"anything cached: {any(r[3] for r in rows)}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--kills", type=int, default=100)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    cache_kills(args.kills, args.seed)
    shutdowns(args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
