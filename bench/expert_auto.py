"""A scripted hour of editing with ``expert.auto: onSave``, against the fake Messages API.

The module is a real one nobody here wrote: the standard library's ``shutil.py`` (about 1,500
lines, 40 top-level functions and classes), copied into a scratch workspace. The script is a
recorded-style sequence: 60 "minutes", each typing a comment into one function keystroke by
keystroke (one didChange per character), then saving; 80% of the edits go to five hot
functions, every sixth minute undoes the previous edit (the text goes back to one already
answered). Time is compressed (keystrokes 5 ms apart), which is conservative for the cache
and the debounce.

Two runs on the same script, one server each:
  onSave  the auto mode: per save, only the changed symbols are sent (outline + imported
          signatures as context), answers cached by the symbol's text;
  review  no auto mode: per save, a whole-module review ("Ask python-architect: review this
          module"), what a user would have to do to get the same coverage.
Requests and tokens are what the fake received and answered (its usage accounting, prompt
caching simulated as the API does it); dollars use the model table's Sonnet prices.

Then hover and completion latency, paired: rounds alternate idle (nothing in flight) and busy
(two changed symbols saved, their answers streaming slowly), 40 hovers and 40 completions
each. Target: busy p95 <= 1.2x idle p95, for hover and for completion.

    python bench/expert_auto.py [--minutes 60] [--rounds 5]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "server"), str(ROOT / "bench")]

from lspclient import LspClient, agentls_argv, percentile  # noqa: E402
from tests.expert.fake_anthropic import FakeAnthropic  # noqa: E402

from agentls.expert import auto  # noqa: E402
from agentls.knowledge import models  # noqa: E402

AGENT = "---\nname: helper\ndescription: Helps.\nmodel: sonnet\n---\nYou help.\n"


class CountingFake(FakeAnthropic):
    def __init__(self) -> None:
        super().__init__()
        self.spent: list[dict[str, int]] = []

    def usage(self, body: dict[str, Any]) -> dict[str, int]:
        found = super().usage(body)
        self.spent.append(found)
        return found


class Client(LspClient):
    """Says Send when asked before the first send, as a user who turned onSave on would."""

    def _dispatch(self, msg: dict[str, Any], stamp: int) -> None:
        if msg.get("method") == "window/showMessageRequest" and "id" in msg:
            self._send({"jsonrpc": "2.0", "id": msg["id"], "result": {"title": "Send"}})
            return
        if msg.get("method") == "window/showDocument" and "id" in msg:
            self._send({"jsonrpc": "2.0", "id": msg["id"], "result": {"success": True}})
            return
        super()._dispatch(msg, stamp)


def script(text: str, minutes: int) -> list[tuple[str, int, str]]:
    """(symbol name, body line offset, comment) per minute; "undo" replays the one before."""
    rng = random.Random(13)
    functions = [s.name for s in auto.symbols(text) or [] if s.kind == "function"]
    hot = rng.sample(functions, 5)
    out: list[tuple[str, int, str]] = []
    for minute in range(minutes):
        if minute % 6 == 5 and out:
            out.append(("undo", 0, ""))
            continue
        name = rng.choice(hot) if rng.random() < 0.8 else rng.choice(functions)
        out.append((name, 1, f"# note {minute}: check the error path"))
    return out


def insert_comment(text: str, name: str, comment: str, upto: int) -> str:
    sym = auto.find(auto.symbols(text) or [], name)
    assert sym is not None
    lines = text.splitlines(keepends=True)
    body = sym.start  # 0-based index of the line after the def line (skip decorators, docstrings don't matter)
    while not lines[body - 1].rstrip().endswith(":"):
        body += 1
    indent = lines[body][: len(lines[body]) - len(lines[body].lstrip())]
    lines.insert(body, indent + comment[:upto] + "\n")
    return "".join(lines)


async def run_hour(mode: str, text: str, minutes: int, work: Path, fake: CountingFake) -> dict[str, Any]:
    fake.reset()
    fake.spent.clear()
    ws = work / mode
    shutil.rmtree(ws, ignore_errors=True)
    ws.mkdir(parents=True)
    (ws / "mod.py").write_text(text)
    opts = {"expert": {"apiKey": "bench", "maxRetries": 0, "includeUserAgents": False, "autoDebounce": 600,
                       "autoBudget": 100_000_000, **({"auto": "onSave"} if mode == "onSave" else {})}}
    client = Client(mode, agentls_argv(), ws, stderr_path=work / f"{mode}.log")
    await client.start()
    await client.initialize(ws, opts)
    uri = (ws / "mod.py").as_uri()
    version = 1
    await client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "python",
                                                                  "version": 1, "text": text}})
    history: list[str] = [text]
    current = text
    for name, _, comment in script(text, minutes):
        if name == "undo":
            current = history[-2] if len(history) > 1 else current
            version += 1
            await client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                                           "contentChanges": [{"text": current}]})
        else:
            base = current
            for upto in range(1, len(comment) + 1, 3):  # a keystroke burst (3 characters a step)
                current = insert_comment(base, name, comment, upto)
                version += 1
                await client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                                               "contentChanges": [{"text": current}]})
                await asyncio.sleep(0.005)
        history.append(current)
        await client.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
        if mode == "onSave":  # the save's work (lookups, sends, answers) ends before the next minute
            while (await client.request("workspace/executeCommand", {
                    "command": "agentls.expert.autoStatus", "arguments": []}))["busy"]:
                await asyncio.sleep(0.02)
        else:
            actions = await client.request("textDocument/codeAction", {
                "textDocument": {"uri": uri}, "range": {"start": {"line": 0, "character": 0},
                                                        "end": {"line": 0, "character": 0}},
                "context": {"diagnostics": []}})
            (review,) = [a for a in actions if a["title"].startswith("Ask python-architect: review")]
            await client.request("workspace/executeCommand", review["command"])
    status = await client.request("workspace/executeCommand", {"command": "agentls.expert.autoStatus",
                                                              "arguments": []})
    await client.stop()
    price = models.info(models.DEFAULT_MODEL)
    assert price is not None
    inputs = sum(u["input_tokens"] + u["cache_read_input_tokens"] + u["cache_creation_input_tokens"]
                 for u in fake.spent)
    output = sum(u["output_tokens"] for u in fake.spent)
    dollars = sum(price.cost(u["input_tokens"], u["output_tokens"], u["cache_creation_input_tokens"],
                             u["cache_read_input_tokens"]) for u in fake.spent)
    return {"mode": mode, "saves": minutes, "requests": len(fake.messages()), "input": inputs, "output": output,
            "dollars": dollars, "cacheHits": status.get("cacheHits", 0) if mode == "onSave" else 0}


async def timed(client: LspClient, method: str, params: Any) -> float:
    start = time.perf_counter()
    await client.request(method, params)
    return (time.perf_counter() - start) * 1000


async def latency(text: str, rounds: int, hovers: int, work: Path, fake: CountingFake) -> dict[str, list[float]]:
    fake.reset()
    fake.mode, fake.chunks, fake.chunk_delay = "slow-stream", 150, 0.02  # 3 s of answer per request
    ws = work / "latency"
    shutil.rmtree(ws, ignore_errors=True)
    (ws / ".claude" / "agents").mkdir(parents=True)
    (ws / "mod.py").write_text(text)
    (ws / ".claude" / "agents" / "helper.md").write_text(AGENT)
    client = Client("latency", agentls_argv(), ws)
    await client.start()
    await client.initialize(ws, {"expert": {"apiKey": "bench", "maxRetries": 0, "includeUserAgents": False,
                                            "auto": "onSave", "autoBudget": 100_000_000}})
    uri, agent = (ws / "mod.py").as_uri(), (ws / ".claude" / "agents" / "helper.md").as_uri()
    await client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "python",
                                                                  "version": 1, "text": text}})
    await client.notify("textDocument/didOpen", {"textDocument": {"uri": agent, "languageId": "markdown",
                                                                  "version": 1, "text": AGENT}})
    found = auto.symbols(text) or []
    classes = [s for s in found if s.kind == "class"] or found
    hover = {"textDocument": {"uri": uri}, "position": {"line": classes[0].start - 1, "character": 7}}
    complete = {"textDocument": {"uri": agent}, "position": {"line": 3, "character": 7}}
    for _ in range(20):  # warm-up: first hovers pay for imports and the first analysis
        await timed(client, "textDocument/hover", hover)
        await timed(client, "textDocument/completion", complete)
    out: dict[str, list[float]] = {"hover idle": [], "hover busy": [], "completion idle": [], "completion busy": []}
    version, current = 1, text
    functions = [s.name for s in found if s.kind == "function"]
    for r in range(rounds):
        for phase in ("idle", "busy"):
            # Both phases start with the same kind of edit (a comment typed into two functions) and
            # wait for its diagnostics, so the only difference is the save and its streaming answers.
            for name in functions[4 * r + 2 * (phase == "busy"):][:2]:
                current = insert_comment(current, name, f"# round {r}", 20)
            version += 1
            published = client.expect_diagnostics(uri, version)
            await client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                                           "contentChanges": [{"text": current}]})
            await asyncio.wait_for(published, 30)
            if phase == "busy":
                sent = len(fake.messages())
                await client.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
                while len(fake.messages()) < sent + 2:
                    await asyncio.sleep(0.01)
            for _ in range(hovers):
                out[f"hover {phase}"].append(await timed(client, "textDocument/hover", hover))
                out[f"completion {phase}"].append(await timed(client, "textDocument/completion", complete))
            if phase == "busy":
                status = await client.request("workspace/executeCommand", {
                    "command": "agentls.expert.autoStatus", "arguments": []})
                assert status["inFlight"] >= 1, "the answers ended before the busy phase did: slow the fake down"
                while (await client.request("workspace/executeCommand", {
                        "command": "agentls.expert.autoStatus", "arguments": []}))["busy"]:
                    await asyncio.sleep(0.05)
    await client.stop()
    return out


async def main(args: argparse.Namespace) -> int:
    text = Path(shutil.__file__).read_text(encoding="utf-8")
    work = Path(tempfile.mkdtemp(prefix="agentls-bench-auto-"))
    fake = CountingFake()
    try:
        import os
        os.environ.update(ANTHROPIC_BASE_URL=fake.url, XDG_CACHE_HOME=str(work / "cache"), HOME=str(work / "home"))
        os.environ.pop("ANTHROPIC_API_KEY", None)
        rows = [await run_hour("onSave", text, args.minutes, work, fake)]
        shutil.rmtree(work / "cache", ignore_errors=True)
        rows.append(await run_hour("review", text, args.minutes, work, fake))
        lat = await latency(text, args.rounds, args.hovers, work, fake)
    finally:
        fake.close()
    print(f"module: {shutil.__file__} ({len(text.splitlines()):,} lines); {args.minutes} saves")
    print(f"{'mode':<8} {'requests':>8} {'cache hits':>10} {'input tok':>10} {'output tok':>10} {'dollars':>8}")
    for row in rows:
        print(f"{row['mode']:<8} {row['requests']:>8} {row['cacheHits']:>10} {row['input']:>10,} "
              f"{row['output']:>10,} {row['dollars']:>8.3f}")
    ratio = rows[0]["input"] / max(1, rows[1]["input"])
    print(f"onSave input tokens = {ratio:.1%} of whole-module reviews")
    met = True
    for what in ("hover", "completion"):
        idle, busy = lat[f"{what} idle"], lat[f"{what} busy"]
        p95 = percentile(busy, 95) / max(percentile(idle, 95), 1e-6)
        met &= p95 <= 1.2
        print(f"{what:<10} idle p50 {statistics.median(idle):.2f} ms p95 {percentile(idle, 95):.2f} ms | "
              f"during auto requests p50 {statistics.median(busy):.2f} ms p95 {percentile(busy, 95):.2f} ms "
              f"| p95 ratio {p95:.2f}")
    print("MET" if met else "MISSED")
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=int, default=60)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--hovers", type=int, default=40, help="hovers and completions per phase and round")
    sys.exit(asyncio.run(main(parser.parse_args())))
