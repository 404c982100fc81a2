"""The language server's background index of a workspace's Python files, against the CLI.

    python bench/patterns_workspace_index.py [FOLDER] [--runs 3] [--hover-file REL]

FOLDER defaults to Django's sources (the wheel `bench/patterns_speed.py` downloads into
bench/.work/). Each run, paired:

- the CLI: `agentls patterns --format json .` in FOLDER, as a user runs it (a subprocess, the
  whole process timed, default workers: one per CPU);
- the server: `agentls serve` started with FOLDER as its workspace folder (VS Code's
  capabilities, work-done progress on). Timed from the spawn to the end of the "Indexing
  Python files" progress (and from `initialized`). Meanwhile one file of the folder is open
  and hovered every 20 ms: p50 / p95 of those hovers, and of 20 hovers once indexing ended.

Prints each run and the median of the runs; target: indexing <= 2x the CLI's time (the last
line says MET or MISSED; the exit status is 0 either way).
"""

from __future__ import annotations

import argparse
import asyncio
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "server"))

from lspclient import LspClient, agentls_argv, percentile  # noqa: E402

TITLE = "Indexing Python files"


class ProgressClient(LspClient):
    """Records `$/progress` for the index's token, with arrival times."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.index_token: Any = None
        self.ended: asyncio.Future[tuple[int, str]] | None = None
        self.begun_ns = 0

    def _dispatch(self, msg: dict[str, Any], stamp: int) -> None:
        if msg.get("method") == "$/progress":
            params = msg["params"]
            value = params.get("value", {})
            if value.get("kind") == "begin" and value.get("title") == TITLE:
                self.index_token = params["token"]
                self.begun_ns = stamp
            elif (value.get("kind") == "end" and params["token"] == self.index_token
                  and self.ended is not None and not self.ended.done()):
                self.ended.set_result((stamp, str(value.get("message", ""))))
            return
        super()._dispatch(msg, stamp)


def default_folder() -> Path:
    from patterns_speed import fetch

    found = sorted(fetch().glob("django-*"))
    if not found:
        raise SystemExit("no Django sources under bench/.work/src")
    return found[0]


def hover_target(folder: Path, rel: str | None) -> tuple[Path, int, int]:
    """A file to hover (given, or the largest module under 3,000 lines) and its first class."""
    if rel:
        path = folder / rel
    else:
        candidates = []
        for p in folder.rglob("*.py"):
            if any(part.startswith(".") for part in p.relative_to(folder).parts):
                continue
            try:
                lines = p.read_text(encoding="utf-8").count("\n")
            except (OSError, UnicodeDecodeError):
                continue
            if lines < 3000:
                candidates.append((lines, str(p)))
        if not candidates:
            raise SystemExit(f"no Python file to hover in {folder}")
        path = Path(max(candidates)[1])
    for i, line in enumerate(path.read_text(encoding="utf-8").split("\n")):
        m = re.match(r"class (\w+)", line)
        if m:
            return path, i, 6
    return path, 0, 0


def cli_time(folder: Path) -> float:
    began = time.perf_counter()
    subprocess.run([sys.executable, "-m", "agentls", "patterns", "--format", "json", "."], cwd=folder,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - began


async def server_run(folder: Path, target: tuple[Path, int, int]) -> dict[str, Any]:
    path, line, col = target
    client = ProgressClient("agentls", agentls_argv(), folder)
    await client.start()
    try:
        client.ended = asyncio.get_running_loop().create_future()
        await client.initialize(folder)
        initialized_ns = time.perf_counter_ns()
        uri = path.as_uri()
        await client.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "python", "version": 1, "text": path.read_text(encoding="utf-8")}})
        hover = {"textDocument": {"uri": uri}, "position": {"line": line, "character": col}}
        during: list[float] = []
        while not client.ended.done():
            began = time.perf_counter()
            await client.request("textDocument/hover", hover)
            if not client.ended.done():
                during.append((time.perf_counter() - began) * 1000)
            await asyncio.wait([client.ended], timeout=0.02)
        end_ns, message = client.ended.result()
        after = []
        for _ in range(20):
            began = time.perf_counter()
            await client.request("textDocument/hover", hover)
            after.append((time.perf_counter() - began) * 1000)
        return {
            "from_spawn": (end_ns - client.spawned_ns) / 1e9,
            "from_initialized": (end_ns - initialized_ns) / 1e9,
            "message": message,
            "during": during,
            "after": after,
            "rss_mb": client.vm_hwm_kb() / 1024,
        }
    finally:
        await client.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", help="workspace folder (default: Django's sources)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--hover-file", help="file to hover, relative to the folder")
    args = parser.parse_args()
    folder = Path(args.folder).resolve() if args.folder else default_folder()
    target = hover_target(folder, args.hover_file)
    print(f"folder: {folder}")
    print(f"hover: {target[0].relative_to(folder)}:{target[1] + 1}:{target[2] + 1}")
    rows = []
    for run in range(1, args.runs + 1):
        cli = cli_time(folder)
        srv = asyncio.run(server_run(folder, target))
        during = srv["during"] or [float("nan")]
        row = {
            "cli": cli, "index": srv["from_spawn"], "index_init": srv["from_initialized"],
            "ratio": srv["from_spawn"] / cli, "p50": percentile(during, 50), "p95": percentile(during, 95),
            "n": len(srv["during"]), "after_p95": percentile(srv["after"], 95), "rss": srv["rss_mb"],
        }
        rows.append(row)
        print(f"run {run}: CLI {cli:.2f} s | server index {row['index']:.2f} s from spawn "
              f"({row['index_init']:.2f} s from initialized; {srv['message']}) | ratio {row['ratio']:.2f}x | "
              f"hover during indexing p50 {row['p50']:.1f} ms p95 {row['p95']:.1f} ms ({row['n']} hovers) | "
              f"after p95 {row['after_p95']:.1f} ms | server peak RSS {row['rss']:.0f} MB")
    med = {k: statistics.median(r[k] for r in rows) for k in rows[0]}
    print(f"median of {len(rows)}: CLI {med['cli']:.2f} s, server index {med['index']:.2f} s from spawn "
          f"({med['index_init']:.2f} s from initialized), ratio {med['ratio']:.2f}x (target <= 2x), "
          f"hover during indexing p50 {med['p50']:.1f} ms p95 {med['p95']:.1f} ms, after p95 "
          f"{med['after_p95']:.1f} ms")
    print("MET" if med["ratio"] <= 2.0 else "MISSED", "(indexing <= 2x the CLI's time)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
