"""A day in one server process: tens of thousands of edits across 40 open documents.

One ``agentls serve`` is driven over stdio with VS Code's capabilities (push diagnostics).
40 documents are open: 20 agent files (the public collections of check_vs_agnix --real when
extracted, else generated ones) and 20 Python modules (this project's own, plus real ones
from bench/.work/corpus when present), some of each with CRLF line endings. Every edit is an
incremental ``didChange`` (positions in UTF-16, as VS Code sends them):

* typing and deleting a few characters anywhere, line breaks as the file writes them;
* invalid code: a half-typed ``def``, an unterminated string, a stray ``---`` or ``: [``;
* a paste of 5,000 lines into a Python module, undone a while later;
* undo storms: the last 30 edits reverted in one burst without waiting in between.

Each edit waits for that version's publishDiagnostics (the latency measured). Between edits:
hovers, completions and code actions at random places. Every ``--report`` edits the server's
RSS and the latency p50/p95 of the window are printed; every ``--verify`` edits a fresh
server opens the same 40 texts and its diagnostics must equal the long-running one's.

Drift, like with like: the window latencies above mix the server with its workload (the
documents grow and shrink, pastes come and go) and with the machine's load. So at the start
and after every window a drift probe replays the same short script (``--probe`` edits of
typing, deleting and invalid code, a fixed seed, after ``--probe-warmup`` unmeasured ones) on
the same texts in the long-running server and in a fresh one, one edit to each in turn (the
order alternating), and reports the median of the per-edit ratios long-running / fresh (each
pair runs within milliseconds, so the load cancels; the ratio of the two p50s is printed
too, and swings far more), with the total size of the open documents. The long-running
server's documents are then put back as they were (one didChange per document) and the day
goes on unchanged. Drift is the change of that ratio from the first window to the last.

Pass/fail (exit 1 on failure): zero crashes (the process alive and no traceback in its
stderr), diagnostics equal to a fresh server's at every check, RSS growth after warm-up (the
first window) <= 50 MB. The raw window latencies (last against the first) are reported, not
asserted: a shared machine's load changes more than 10% on its own. The probe's ratio drift
is reported too, asserted only with ``--max-drift``.

    python bench/soak.py [--edits 50000] [--report 5000] [--verify 1000] [--seed 1]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import shutil
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from lspclient import LspClient, agentls_argv, percentile

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
WORK = BENCH / ".work"
WS = WORK / "soak-ws"
LOGS = WORK  # the servers' stderr
RSS_LIMIT_MB = 50
_LINE_BREAKS = set("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")  # what str.splitlines splits on


def utf16(s: str) -> int:
    return len(s) + sum(1 for ch in s if ord(ch) > 0xFFFF)


@dataclass
class Doc:
    uri: str
    language: str
    text: str
    crlf: bool
    version: int = 1
    undo: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, old text)

    def position(self, offset: int) -> dict[str, int]:
        line = self.text.count("\n", 0, offset)
        start = self.text.rfind("\n", 0, offset) + 1
        return {"line": line, "character": utf16(self.text[start:offset])}

    def edit(self, start: int, end: int, new: str) -> dict[str, Any]:
        """The LSP change replacing ``text[start:end]`` by ``new``; applies it here too."""
        change = {"range": {"start": self.position(start), "end": self.position(end)}, "text": new}
        self.undo.append((start, start + len(new), self.text[start:end]))
        del self.undo[:-200]
        self.text = self.text[:start] + new + self.text[end:]
        self.version += 1
        return change

    @property
    def eol(self) -> str:
        return "\r\n" if self.crlf else "\n"


def _plain(text: str) -> bool:
    """Line breaks only \\n or \\r\\n: positions mean the same to every LSP client."""
    return not any(ch in _LINE_BREAKS for ch in text.replace("\r\n", "\n").replace("\n", ""))


def python_sources(limit: int) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    corpus = WORK / "corpus"
    real = sorted(corpus.glob("psf+requests/src/requests/*.py")) + sorted(corpus.glob("pallets+click/src/click/*.py"))
    own = sorted((ROOT / "server" / "agentls").rglob("*.py"))
    for path in real[:8] + own:
        text = path.read_text(encoding="utf-8", errors="replace")
        if 2_000 < len(text) < 120_000 and _plain(text):
            found.append((path.name, text))
        if len(found) == limit:
            break
    return found


def agent_sources(limit: int, rng: random.Random) -> list[tuple[str, str]]:
    real = sorted((WORK / "real").glob("*/.claude/agents/*.md"))
    found: list[tuple[str, str]] = []
    for path in rng.sample(real, min(len(real), limit * 2)):
        text = path.read_text(encoding="utf-8", errors="replace")
        if _plain(text) and len(text) < 60_000:
            found.append((path.name, text))
        if len(found) == limit:
            return found
    import check_vs_agnix  # generated ones make up the rest

    i = 0
    while len(found) < limit:
        kind, text = check_vs_agnix.agent(i, rng)
        if not kind.startswith("crlf"):
            found.append((f"generated-{i}.md", text))
        i += 1
    return found


def make_workspace(rng: random.Random, docs: int) -> list[Doc]:
    if WS.exists():
        shutil.rmtree(WS)
    agents_dir, src_dir = WS / ".claude" / "agents", WS / "src" / "app"
    agents_dir.mkdir(parents=True)
    src_dir.mkdir(parents=True)
    out: list[Doc] = []
    sources = [("markdown", agents_dir, s) for s in agent_sources(docs // 2, rng)]
    sources += [("python", src_dir, s) for s in python_sources(docs - docs // 2)]
    for n, (language, folder, (name, text)) in enumerate(sources):
        crlf = n % 5 == 4
        text = text.replace("\r\n", "\n")
        if crlf:
            text = text.replace("\n", "\r\n")
        path = folder / (f"{n:02d}-{name}")
        path.write_bytes(text.encode("utf-8"))
        out.append(Doc(path.as_uri(), language, text, crlf))
    return out


_INVALID_PY = ["def (", "x = \"unterminated", "class :", "    return )", "if x\n", "'''", "lambda: [",
               "(" * 40]
_INVALID_MD = ["---", "tools: [Read,", "name: a: b", "description: \"open", "\tcolor: red", "model:"]
_TYPED = "abcdefghijklmnopqrstuvwxyz_ (),.:=\"'é"


class Edits:
    """The scripted edits: what to change next in which document."""

    def __init__(self, rng: random.Random, docs: list[Doc], paste_every: int, storms: bool = True) -> None:
        self.rng, self.docs, self.paste_every, self.storms = rng, docs, paste_every, storms
        self.pasted: list[tuple[Doc, int, int]] = []  # (doc, start, length) to undo later

    def _offset(self, doc: Doc) -> int:
        """A random offset not inside a CRLF pair."""
        at = self.rng.randrange(len(doc.text) + 1)
        if 0 < at < len(doc.text) and doc.text[at - 1] == "\r" and doc.text[at] == "\n":
            at -= 1
        return at

    def next(self, n: int) -> tuple[Doc, list[dict[str, Any]], str]:
        """(document, changes, kind) of edit number ``n``."""
        rng = self.rng
        if self.paste_every and n % self.paste_every == self.paste_every // 2:
            doc = rng.choice([d for d in self.docs if d.language == "python"])
            block = doc.eol.join(f"    value_{i} = compute({i}, 'x' * {i % 7})  # pasted" for i in range(5000))
            at = doc.text.find(doc.eol) + len(doc.eol) if doc.eol in doc.text else 0
            self.pasted.append((doc, at, len(block) + len(doc.eol)))
            return doc, [doc.edit(at, at, block + doc.eol)], "paste"
        if self.pasted and n % self.paste_every == 0:
            doc, at, length = self.pasted.pop()
            # Edits since may have moved it: delete what is there now, whole lines.
            end = min(len(doc.text), at + length)
            end = doc.text.find("\n", end - 1) + 1 or len(doc.text)
            return doc, [doc.edit(at, end, "")], "unpaste"
        doc = rng.choice(self.docs)
        roll = rng.random()
        if roll < 0.01 and self.storms and len(doc.undo) >= 30:  # undo storm
            changes = []
            for _ in range(30):
                start, end, old = doc.undo.pop()
                if end > len(doc.text):
                    break
                changes.append(doc.edit(start, end, old))
                doc.undo.pop()  # an undo is not itself undone
            return doc, changes, "undo"
        if roll < 0.06:
            bad = rng.choice(_INVALID_PY if doc.language == "python" else _INVALID_MD)
            at = self._offset(doc)
            return doc, [doc.edit(at, at, bad.replace("\n", doc.eol))], "invalid"
        if roll < 0.25 and len(doc.text) > 100:
            at = self._offset(doc)
            end = min(len(doc.text), at + rng.randint(1, 20))
            if end < len(doc.text) and doc.text[end - 1] == "\r" and doc.text[end] == "\n":
                end += 1
            return doc, [doc.edit(at, end, "")], "delete"
        at = self._offset(doc)
        typed = doc.eol if rng.random() < 0.1 else rng.choice(_TYPED)
        return doc, [doc.edit(at, at, typed)], "type"


class SoakClient(LspClient):
    """Keeps the last diagnostics published for each document, whatever caused them (another
    file's edit can republish a document: a name clash, a skill that went)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.last: dict[str, Any] = {}
        self.publishes = 0

    def _dispatch(self, msg: dict[str, Any], stamp: int) -> None:
        if msg.get("method") == "textDocument/publishDiagnostics":
            self.last[msg["params"]["uri"]] = msg["params"]["diagnostics"]
            self.publishes += 1
        super()._dispatch(msg, stamp)

    async def quiet(self, seconds: float = 1.0) -> None:
        """Until nothing was published for ``seconds``."""
        while True:
            count = self.publishes
            await asyncio.sleep(seconds)
            if self.publishes == count:
                return


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _key(diags: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    return sorted((d["range"]["start"]["line"], d["range"]["start"]["character"], d["range"]["end"]["line"],
                   d["range"]["end"]["character"], str(d.get("code")), d.get("severity"), d["message"])
                  for d in diags)


async def open_all(client: LspClient, docs: list[Doc]) -> None:
    for doc in docs:
        fut = client.expect_diagnostics(doc.uri, doc.version)
        await client.notify("textDocument/didOpen", {"textDocument": {
            "uri": doc.uri, "languageId": doc.language, "version": doc.version, "text": doc.text}})
        await asyncio.wait_for(fut, 120)


async def fresh_server(docs: list[Doc], name: str) -> SoakClient:
    """A new server (never profiled) with the same open texts, once it is quiet."""
    client = SoakClient(name, agentls_argv(profiled=False), WS, LOGS / f"soak-{name}.stderr")
    await client.start()
    try:
        await asyncio.wait_for(client.initialize(WS), 120)
        await open_all(client, docs)
        await client.quiet()
    except BaseException:
        await client.stop()
        raise
    return client


async def fresh_diagnostics(docs: list[Doc]) -> dict[str, Any]:
    """What a new server shows for the same 40 open texts."""
    client = await fresh_server(docs, "fresh")
    try:
        return client.last
    finally:
        await client.stop()


async def send_edit(client: LspClient, doc: Doc, changes: list[dict[str, Any]], burst: bool = False) -> float:
    """Sends ``changes`` (already applied to ``doc``); ms until that version's diagnostics.
    A burst sends one change per message without waiting in between, as an undo storm does."""
    fut = client.expect_diagnostics(doc.uri, doc.version)
    t0 = time.perf_counter_ns()
    if burst:
        version = doc.version - len(changes)
        for change in changes:
            version += 1
            await client.notify("textDocument/didChange", {
                "textDocument": {"uri": doc.uri, "version": version}, "contentChanges": [change]})
    else:
        await client.notify("textDocument/didChange", {
            "textDocument": {"uri": doc.uri, "version": doc.version}, "contentChanges": changes})
    stamp, _ = await asyncio.wait_for(fut, 120)
    return (stamp - t0) / 1e6


@dataclass
class Probe:
    """One drift probe: the same edits' latencies in the long-running and a fresh server."""

    at: int  # edits of the day so far
    kib: float  # total size of the open documents
    long: list[float]
    fresh: list[float]

    def ratio(self, q: float) -> float:
        return percentile(self.long, q) / percentile(self.fresh, q)

    def paired(self) -> float:
        """Median of the per-edit ratios: each pair ran within milliseconds, under the same load."""
        return percentile([a / b for a, b in zip(self.long, self.fresh, strict=True)], 50)


async def drift_probe(client: SoakClient, docs: list[Doc], at: int, args: argparse.Namespace) -> Probe:
    """Replays the probe script on the same texts in ``client`` and a fresh server, one edit to
    each in turn, then puts ``client``'s documents back as they were."""
    await client.quiet(0.5)
    before = {d.uri: (d.text, list(d.undo)) for d in docs}
    kib = sum(len(d.text) for d in docs) / 1024
    fresh = await fresh_server(docs, "probe")
    script = Edits(random.Random(f"probe-{args.seed}"), docs, 0, storms=False)
    done: list[tuple[Doc, tuple[int, int, str]]] = []
    probe = Probe(at, kib, [], [])
    try:
        for i in range(1, args.probe_warmup + args.probe + 1):
            doc, changes, _ = script.next(i)
            done.append((doc, doc.undo[-1]))
            first, second = (client, fresh) if i % 2 else (fresh, client)
            a = await send_edit(first, doc, changes)
            b = await send_edit(second, doc, changes)
            if i > args.probe_warmup:
                probe.long.append(a if first is client else b)
                probe.fresh.append(b if first is client else a)
    finally:
        await fresh.stop()
    undo: dict[str, list[dict[str, Any]]] = {}
    for doc, (start, end, old) in reversed(done):
        undo.setdefault(doc.uri, []).append(doc.edit(start, end, old))
    for doc in docs:
        if doc.uri in undo:
            await send_edit(client, doc, undo[doc.uri])
        assert doc.text == before[doc.uri][0], f"probe did not restore {doc.uri}"
        doc.undo = before[doc.uri][1]
    await client.quiet(0.5)
    return probe


@dataclass
class Window:
    edits: dict[str, list[float]] = field(default_factory=dict)
    requests: dict[str, list[float]] = field(default_factory=dict)

    def add(self, table: dict[str, list[float]], kind: str, ms: float) -> None:
        table.setdefault(kind, []).append(ms)

    def all_edits(self) -> list[float]:
        return [v for k, vs in self.edits.items() if k in ("type", "delete", "invalid") for v in vs]


def _positions(doc: Doc, rng: random.Random) -> Iterator[dict[str, int]]:
    while True:
        yield doc.position(rng.randrange(len(doc.text) + 1))


async def run(args: argparse.Namespace) -> int:
    rng = random.Random(args.seed)
    docs = make_workspace(rng, args.docs)
    stderr = LOGS / "soak-agentls.stderr"
    client = SoakClient("agentls", agentls_argv(), WS, stderr)
    await client.start()
    t_start = time.perf_counter()
    await asyncio.wait_for(client.initialize(WS), 120)
    await open_all(client, docs)
    latest = client.last
    pid = client.proc.pid  # type: ignore[union-attr]
    print(f"{len(docs)} documents open ({sum(d.language == 'python' for d in docs)} Python, "
          f"{sum(d.crlf for d in docs)} CRLF, {sum(len(d.text) for d in docs) / 1024:.0f} KiB); "
          f"{args.edits} edits, seed {args.seed}; RSS after opening {rss_mb(pid):.1f} MB")
    probes = [await drift_probe(client, docs, 0, args)] if args.probe else []
    if probes:
        print(f"drift probe at the start: {args.probe} paired edits, long-running / fresh (median of the "
              f"per-edit ratios) {probes[0].paired():.2f}")
    print(f"\n{'edits':>7}{'RSS MB':>8}{'edit p50':>10}{'edit p95':>10}{'hover p50':>11}{'compl p50':>11}"
          f"{'action p50':>12}{'paste ms':>10}{'undo ms':>9}{'docs KiB':>10}{'long/fresh':>12}")
    script = Edits(rng, docs, args.paste_every)
    windows: list[Window] = []
    window = Window()
    rss: list[float] = []
    mismatches: list[str] = []
    checks = 0
    for n in range(1, args.edits + 1):
        doc, changes, kind = script.next(n)
        window.add(window.edits, kind, await send_edit(client, doc, changes, burst=kind == "undo"))
        if n % 3 == 0:  # something between the edits, as an editor asks
            other = rng.choice(docs)
            pos = next(_positions(other, rng))
            ident = {"textDocument": {"uri": other.uri}}
            which = rng.choice(["hover", "completion", "codeAction"])
            t0 = time.perf_counter_ns()
            if which == "hover":
                await client.request("textDocument/hover", {**ident, "position": pos})
            elif which == "completion":
                await client.request("textDocument/completion", {**ident, "position": pos})
            else:
                await client.request("textDocument/codeAction", {**ident, "range": {"start": pos, "end": pos},
                                     "context": {"diagnostics": latest.get(other.uri, [])[:5]}})
            window.add(window.requests, which, (time.perf_counter_ns() - t0) / 1e6)
        if args.verify and n % args.verify == 0:
            await client.quiet(0.5)
            fresh = await fresh_diagnostics(docs)
            checks += 1
            for d in docs:
                if _key(fresh[d.uri]) != _key(latest[d.uri]):
                    mismatches.append(f"edit {n}: {d.uri.rsplit('/', 1)[-1]}: long-running "
                                      f"{len(latest[d.uri])} vs fresh {len(fresh[d.uri])} diagnostics")
        if n % args.report == 0 or n == args.edits:
            rss.append(rss_mb(pid))
            windows.append(window)
            if args.probe:
                probes.append(await drift_probe(client, docs, n, args))
            _print_window(n, rss[-1], window, probes[-1] if args.probe else None)
            window = Window()
    alive = client.proc.returncode is None  # type: ignore[union-attr]
    await client.stop()
    elapsed = time.perf_counter() - t_start
    text = stderr.read_text(errors="replace") if stderr.exists() else ""
    tracebacks = text.count("Traceback")
    return _summary(args, windows, rss, mismatches, checks, alive, tracebacks, elapsed, probes)


def _p(values: list[float], q: float) -> str:
    return f"{percentile(values, q):.2f}" if values else "-"


def _print_window(n: int, rss: float, w: Window, probe: Probe | None) -> None:
    edits = w.all_edits()
    drift = f"{probe.kib:>10.0f}{probe.paired():>12.2f}" if probe else ""
    print(f"{n:>7}{rss:>8.1f}{_p(edits, 50):>10}{_p(edits, 95):>10}{_p(w.requests.get('hover', []), 50):>11}"
          f"{_p(w.requests.get('completion', []), 50):>11}{_p(w.requests.get('codeAction', []), 50):>12}"
          f"{_p(w.edits.get('paste', []), 50):>10}{_p(w.edits.get('undo', []), 50):>9}{drift}", flush=True)


def _probe_summary(args: argparse.Namespace, probes: list[Probe]) -> bool:
    """Prints the probes; False when ``--max-drift`` is set and the ratio grew past it."""
    print(f"\ndrift probe: the same {args.probe} edits (seed probe-{args.seed}, after {args.probe_warmup} "
          f"unmeasured) on the same texts, one to each server in turn")
    print(f"{'edits':>7}{'docs KiB':>10}{'long p50':>10}{'fresh p50':>11}{'ratio p50':>11}{'long p95':>10}"
          f"{'fresh p95':>11}{'ratio p95':>11}{'paired p50':>12}")
    for pr in probes:
        print(f"{pr.at:>7}{pr.kib:>10.0f}{_p(pr.long, 50):>10}{_p(pr.fresh, 50):>11}{pr.ratio(50):>11.2f}"
              f"{_p(pr.long, 95):>10}{_p(pr.fresh, 95):>11}{pr.ratio(95):>11.2f}{pr.paired():>12.2f}")
    first, last = probes[min(1, len(probes) - 1)], probes[-1]
    drift = last.paired() / first.paired() - 1
    limit = f"; limit {args.max_drift:+.0%}" if args.max_drift is not None else " (not asserted)"
    print(f"  drift, first window to last: paired p50 {drift:+.0%}{limit}; ratio of the p50s "
          f"{last.ratio(50) / first.ratio(50) - 1:+.0%}, of the p95s {last.ratio(95) / first.ratio(95) - 1:+.0%}; "
          f"start to last: paired p50 {last.paired() / probes[0].paired() - 1:+.0%}")
    return args.max_drift is None or drift <= args.max_drift


def _summary(args: argparse.Namespace, windows: list[Window], rss: list[float], mismatches: list[str],
             checks: int, alive: bool, tracebacks: int, elapsed: float, probes: list[Probe]) -> int:
    first, last = windows[0], windows[-1]
    growth = rss[-1] - rss[0] if rss else 0.0
    print(f"\n{args.edits} edits in {elapsed:.0f} s; RSS {rss[0]:.1f} MB after the first window, "
          f"{rss[-1]:.1f} MB at the end ({growth:+.1f} MB; limit +{RSS_LIMIT_MB} MB), peak {max(rss):.1f} MB")
    for label, a, b in (("edit", first.all_edits(), last.all_edits()),
                        *((k, first.requests.get(k, []), last.requests.get(k, []))
                          for k in ("hover", "completion", "codeAction"))):
        if a and b:
            d50 = percentile(b, 50) / percentile(a, 50) - 1
            d95 = percentile(b, 95) / percentile(a, 95) - 1
            print(f"  {label:<11} first window p50 {_p(a, 50)} p95 {_p(a, 95)} ms; last p50 {_p(b, 50)} "
                  f"p95 {_p(b, 95)} ms; drift p50 {d50:+.0%} p95 {d95:+.0%}")
    steady = _probe_summary(args, probes) if probes else True
    print(f"crashes: {'none' if alive and not tracebacks else f'alive={alive}, tracebacks={tracebacks}'}; "
          f"fresh-server checks: {checks}, mismatches: {len(mismatches)}")
    for m in mismatches[:10]:
        print("  " + m)
    ok = alive and not tracebacks and not mismatches and growth <= RSS_LIMIT_MB and steady
    print(f"soak: {'PASS' if ok else 'FAIL'}")
    return 0 if ok else 1


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--edits", type=int, default=50_000)
    ap.add_argument("--docs", type=int, default=40)
    ap.add_argument("--report", type=int, default=5_000, help="print RSS and latency every N edits")
    ap.add_argument("--verify", type=int, default=1_000, help="compare with a fresh server every N edits (0: never)")
    ap.add_argument("--paste-every", type=int, default=5_000, help="a 5,000-line paste (and its undo) every N edits")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--probe", type=int, help="drift probe: paired edits in the long-running and a fresh server "
                    "per window (0: none; default 500, a 20th of --edits in shorter runs such as CI's)")
    ap.add_argument("--probe-warmup", type=int, help="unmeasured probe edits first (default a fifth of --probe)")
    ap.add_argument("--max-drift", type=float,
                    help="fail when the probe's paired ratio grows more than this from the first window (0.10: 10%%)")
    ap.add_argument("--work", type=Path, help="where the workspace and logs go (default bench/.work)")
    args = ap.parse_args()
    if args.probe is None:
        args.probe = min(500, max(100, args.edits // 20))
    if args.probe_warmup is None:
        args.probe_warmup = args.probe // 5
    if args.work:
        global WS, LOGS
        WS, LOGS = args.work / "soak-ws", args.work
    os.environ.setdefault("PYTHONHASHSEED", "0")
    return asyncio.run(run(args))


if __name__ == "__main__":
    sys.exit(main())
