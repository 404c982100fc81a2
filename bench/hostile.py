"""Hostile inputs through `agentls check` and through the server: time, peak memory, survival.

Cases: a 10 MB file, a 1 MB one-line description, a YAML alias bomb (billion laughs) in the
frontmatter, 10,000-level flow and block nesting, and a binary file. The CLI runs once per case
(peak RSS of that child from wait4); the server gets each case as a didOpen in a fresh process
(peak RSS from /proc VmHWM), then a small didChange to prove it still answers.
Children run under a 4 GiB address-space limit so a blow-up fails here, not the machine.

    python bench/hostile.py
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from lspclient import LspClient, agentls_argv

BENCH = Path(__file__).resolve().parent
WORK = BENCH / ".work"
HOSTILE = WORK / "hostile"  # one project per case, so the server's workspace scan sees only it


def project(name: str) -> Path:
    return HOSTILE / name


def agents(name: str) -> Path:
    return project(name) / ".claude" / "agents"
LIMIT_BYTES = 4 << 30
TIMEOUT_S = 120


def _limit() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (LIMIT_BYTES, LIMIT_BYTES))


RAISED = 20_000_000  # --max-file-size / maxFileSize for the "limit raised" rows


def cases() -> dict[str, tuple[bytes, int | None]]:
    """name -> (bytes, max file size to run with, or None for the default 1 MiB)."""
    head = "---\nname: hostile\ndescription: A hostile input.\ntools: Read, Grep\nmodel: sonnet\n"
    para = ("Review the change carefully and cite `file:line` for every finding; keep it short. " * 4
            + "\n\n")
    big_body = para * (10 * 1024 * 1024 // len(para) + 1)
    bomb = ['lol0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 10):
        bomb.append(f"lol{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 9) + "]")
    depth = 10_000
    rng = random.Random(7)
    ten_mb = (head + "---\n\n" + big_body[: 10 * 1024 * 1024]).encode()
    # 1,000,000 characters: a 1 MB line that still fits under the default 1 MiB limit
    line = ("---\nname: long\ndescription: Use it. Examples: <example>user: "
            + "x" * 1_000_000 + "</example>\n---\nBody\n").encode()
    return {
        "10mb-file": (ten_mb, None),
        "10mb-file-limit-raised": (ten_mb, RAISED),
        "1mb-line-description": (line, None),
        "1mb-line-rescued-x2": (line.replace(b"\n---\nBody", b"\ncolor: " + b"y" * 20_000 + b": z\n---\nBody"),
                                None),
        "alias-bomb": ((head + "\n".join(bomb) + "\n---\nBody\n").encode(), None),
        "nesting-flow-10k": ((head + "deep: " + "[" * depth + "]" * depth + "\n---\nBody\n").encode(), None),
        # compact block sequences: "- - - x" nests one level per dash without 50 MB of indent
        "nesting-block-10k": ((head + "deep:\n  " + "- " * depth + "x\n---\nBody\n").encode(), None),
        "binary-1mb": (bytes(rng.getrandbits(8) for _ in range(1024 * 1024)), None),
    }


def run_cli(name: str, limit: int | None) -> dict[str, object]:
    argv = [sys.executable, "-m", "agentls", "check", f".claude/agents/{name}.md", "--format", "json"]
    if limit:
        argv += ["--max-file-size", str(limit)]
    out_path, err_path = WORK / f"hostile-{name}.cli.out", WORK / f"hostile-{name}.cli.err"
    with out_path.open("wb") as out_f, err_path.open("wb") as err_f:
        t0 = time.perf_counter()
        proc = subprocess.Popen(argv, cwd=project(name), stdout=out_f, stderr=err_f, preexec_fn=_limit)
        timer = threading.Timer(TIMEOUT_S, proc.kill)
        timer.start()
        _, status, ru = os.wait4(proc.pid, 0)  # this child's own rusage: its peak RSS
        wall = time.perf_counter() - t0
        timer.cancel()
    proc.returncode = os.waitstatus_to_exitcode(status)
    out, err = out_path.read_bytes(), err_path.read_bytes()
    try:
        codes = sorted({f["code"] for f in json.loads(out)})
    except ValueError:
        codes = ["<no JSON>"]
    crashed = b"Traceback" in err or proc.returncode not in (0, 1)
    return {"wall": wall, "cpu": ru.ru_utime + ru.ru_stime, "rss": ru.ru_maxrss / 1024,
            "rc": proc.returncode, "codes": codes, "ok": not crashed,
            "err": err.decode(errors="replace").strip().splitlines()[-1:] if crashed else []}


async def run_server(name: str, data: bytes, limit: int | None) -> dict[str, object]:
    uri = (agents(name) / f"{name}.md").as_uri()
    text = data.decode("utf-8", errors="replace")  # what an editor would hold for a binary file
    stderr = WORK / f"hostile-{name}.stderr"
    client = LspClient("agentls", agentls_argv(), project(name), stderr, preexec_fn=_limit)
    await client.start()
    res: dict[str, object] = {"ok": False, "alive": False, "codes": [], "wall": float("nan")}
    try:
        await asyncio.wait_for(client.initialize(project(name), {"maxFileSize": limit} if limit else None), 60)
        base = client.vm_hwm_kb()
        fut = client.expect_diagnostics(uri, 1)
        t0 = time.perf_counter()
        await client.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "markdown", "version": 1, "text": text}})
        _, params = await asyncio.wait_for(fut, TIMEOUT_S)
        res["wall"] = time.perf_counter() - t0
        res["codes"] = sorted({d.get("code") for d in params["diagnostics"]})
        res["rss"] = client.vm_hwm_kb() / 1024
        res["base"] = base / 1024
        fut = client.expect_diagnostics(uri, 2)
        await client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
                            "contentChanges": [{"text": "---\nname: a\ndescription: b\n---\nok\n"}]})
        await asyncio.wait_for(fut, 30)
        res["alive"] = True
        res["ok"] = True
    except (TimeoutError, asyncio.TimeoutError, ConnectionError, RuntimeError) as exc:
        res["err"] = [f"{type(exc).__name__}: {exc}"]
    rc = await client.stop()
    log = stderr.read_text(errors="replace")
    if "Traceback" in log:
        res["ok"] = False
        res.setdefault("err", [ln for ln in log.splitlines() if ln.strip()][-1:])
    res["rc"] = rc
    return res


def main() -> int:
    if HOSTILE.exists():
        shutil.rmtree(HOSTILE)
    all_cases = cases()
    for name, (data, _) in all_cases.items():
        agents(name).mkdir(parents=True)
        (agents(name) / f"{name}.md").write_bytes(data)
    cli = {name: run_cli(name, limit) for name, (_, limit) in all_cases.items()}
    srv = {name: asyncio.run(run_server(name, data, limit)) for name, (data, limit) in all_cases.items()}

    print(f"children limited to {LIMIT_BYTES >> 30} GiB address space, {TIMEOUT_S} s each; "
          f"default max file size 1 MiB, '-limit-raised' rows use {RAISED:,} bytes\n")
    print(f"{'case':<24}{'size':>9} | {'CLI s':>7}{'CPU s':>7}{'RSS MB':>8}{'rc':>4} {'ok':<4}| "
          f"{'LSP s':>7}{'RSS MB':>8}{'alive':>6} {'ok':<4}| findings")
    failures = 0
    for name, (data, _) in all_cases.items():
        c, s = cli[name], srv[name]
        size = f"{len(data) / 1024 / 1024:.2f}M" if len(data) > 1 << 20 else f"{len(data) / 1024:.0f}K"
        codes = ",".join(str(x) for x in c["codes"]) or "-"  # type: ignore[attr-defined]
        same = "" if c["codes"] == s["codes"] else f"  (LSP: {','.join(map(str, s['codes']))})"  # type: ignore[arg-type]
        print(f"{name:<24}{size:>9} | {c['wall']:>7.2f}{c['cpu']:>7.2f}{c['rss']:>8.1f}{c['rc']:>4} "
              f"{'yes' if c['ok'] else 'NO':<4}| {s['wall']:>7.2f}{s.get('rss', float('nan')):>8.1f}"
              f"{'yes' if s['alive'] else 'NO':>6} {'yes' if s['ok'] else 'NO':<4}| {codes}{same}")
        for where, r in (("CLI", c), ("LSP", s)):
            if not r["ok"]:
                failures += 1
                print(f"    {where} problem: {' '.join(r.get('err', []))}")  # type: ignore[arg-type]
    base = [s["base"] for s in srv.values() if "base" in s]
    if base:
        print(f"\nserver RSS after initialize, before the case: {min(base):.1f}-{max(base):.1f} MB")  # type: ignore[type-var]
    print("result: " + ("every case survived" if not failures else f"{failures} problem(s) above"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
