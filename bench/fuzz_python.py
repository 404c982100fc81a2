"""Python fuzzing through the protocol: random edits to real modules (Django, SQLAlchemy).

Four large modules nobody here wrote (unpacked by bench/patterns_speed.py into bench/.work/src)
are opened in one server; ``--edits`` random incremental didChanges (tests/incremental/
fuzz_edits.py: half-typed code, unterminated strings, 500-deep nesting, 60-deep blocks, pasted
and cut blocks, undos, UTF-16 ranges with emoji) go to them, each waiting for that version's
publishDiagnostics. Counted: crashes (the process gone or a request unanswered), errors the
server logged, edit -> publish latency; at the end the smells (diagnostics) and the outline
(documentSymbol: classes, functions and their patterns) of every final text must equal what a
fresh server publishes for the same text.

    python bench/fuzz_python.py [--edits 10000] [--seed 1]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from lspclient import LspClient, agentls_argv, percentile  # noqa: E402
from patterns_speed import fetch  # noqa: E402
from tests.incremental.fuzz_edits import random_edit  # noqa: E402

MODULES = ("django/db/models/query.py", "django/forms/fields.py",
           "sqlalchemy/orm/session.py", "sqlalchemy/sql/elements.py")


class Client(LspClient):
    errors: list[str]

    def _dispatch(self, msg: dict[str, Any], stamp: int) -> None:
        if msg.get("method") == "window/logMessage" and msg["params"].get("type") == 1:
            self.errors.append(msg["params"]["message"][:300])
        super()._dispatch(msg, stamp)


def _shown(diags: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    return sorted((str(d.get("code")), d["range"]["start"]["line"], d["range"]["start"]["character"],
                   d["range"]["end"]["line"], d["range"]["end"]["character"], d["message"]) for d in diags)


async def run(edits: int, seed: int) -> bool:
    src = fetch()
    paths = [next(src.glob(f"*/{m}")) for m in MODULES]
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        fuzzed = Client("agentls", agentls_argv(), root, root / "fuzzed.stderr")
        fuzzed.errors = []
        await fuzzed.start()
        await fuzzed.initialize(root)
        texts: dict[str, str] = {}
        versions: dict[str, int] = {}
        history: dict[str, list[str]] = {}
        last: dict[str, list[dict[str, Any]]] = {}
        for i, path in enumerate(paths):
            uri = (root / f"m{i}" / path.name).as_uri()
            texts[uri], versions[uri], history[uri] = path.read_text(encoding="utf-8"), 1, []
            fut = fuzzed.expect_diagnostics(uri, 1)
            await fuzzed.notify("textDocument/didOpen", {"textDocument": {
                "uri": uri, "languageId": "python", "version": 1, "text": texts[uri]}})
            last[uri] = (await asyncio.wait_for(fut, 120))[1]["diagnostics"]
        lat: list[float] = []
        crashed = ""
        started = time.monotonic()
        for n in range(edits):
            uri = rng.choice(sorted(texts))
            new, change = random_edit(rng, texts[uri], history[uri])
            if n % 50 == 0:
                history[uri] = [*history[uri][-20:], texts[uri]]
            texts[uri] = new
            versions[uri] += 1
            fut = fuzzed.expect_diagnostics(uri, versions[uri])
            t0 = time.perf_counter_ns()
            await fuzzed.notify("textDocument/didChange", {
                "textDocument": {"uri": uri, "version": versions[uri]}, "contentChanges": [change]})
            try:
                stamp, params = await asyncio.wait_for(fut, 120)
            except (TimeoutError, asyncio.TimeoutError, ConnectionError) as exc:
                crashed = f"edit {n}: {exc!r}"
                break
            last[uri] = params["diagnostics"]
            lat.append((stamp - t0) / 1e6)
            if (n + 1) % 1000 == 0:
                print(f"  {n + 1} edits, {time.monotonic() - started:.0f} s, p50 {percentile(lat[-1000:], 50):.1f} ms, "
                      f"RSS peak {fuzzed.vm_hwm_kb() / 1024:.0f} MB", flush=True)
        alive = not crashed and fuzzed.proc is not None and fuzzed.proc.returncode is None
        equal = True
        if alive:
            fresh = Client("fresh", agentls_argv(), root, root / "fresh.stderr")
            fresh.errors = []
            await fresh.start()
            await fresh.initialize(root)
            for uri, text in texts.items():
                fresh_uri = uri.replace("/m", "/fresh-m", 1)
                fut = fresh.expect_diagnostics(fresh_uri, 1)
                await fresh.notify("textDocument/didOpen", {"textDocument": {
                    "uri": fresh_uri, "languageId": "python", "version": 1, "text": text}})
                want = (await asyncio.wait_for(fut, 120))[1]["diagnostics"]
                ask = {"textDocument": {"uri": uri}}
                same = _shown(last[uri]) == _shown(want) and await fuzzed.request(
                    "textDocument/documentSymbol", ask) == await fresh.request(
                    "textDocument/documentSymbol", {"textDocument": {"uri": fresh_uri}})
                equal = equal and same
                parses = _parses(text)
                print(f"  {Path(uri).name}: final text {'parses' if parses else 'does not parse'}, "
                      f"{len(want)} smells; equal to a fresh server: {same}")
            await fresh.stop()
        peak = fuzzed.vm_hwm_kb() / 1024
        await fuzzed.stop()
    print(f"\n{len(lat)} of {edits} edits answered; crash: {crashed or 'none'}; errors logged: {len(fuzzed.errors)}"
          + (f" (first: {fuzzed.errors[0]})" if fuzzed.errors else ""))
    if lat:
        print(f"edit -> publish p50 {percentile(lat, 50):.1f} ms, p95 {percentile(lat, 95):.1f} ms; "
              f"peak RSS {peak:.0f} MB")
    print(f"final smells and outline equal a fresh server's: {equal}")
    ok = alive and equal and not fuzzed.errors and len(lat) == edits
    print(f"fuzz: {'PASS' if ok else 'FAIL'}")
    return ok


def _parses(text: str) -> bool:
    from agentls.patterns.parse import parse_text

    return parse_text(text) is not None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--edits", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    return 0 if asyncio.run(run(args.edits, args.seed)) else 1


if __name__ == "__main__":
    sys.exit(main())
