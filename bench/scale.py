"""Monorepo scale: tens of thousands of Python modules, hundreds of agent files, a branch switch.

Generates bench/.work/scale-<N>/ (N Python modules in packages that import and subclass each
other, and 500 agent files: project and nested ``.claude`` folders, plugins, skills, commands)
and measures:

1. The CLI at each size (default 3,000 / 10,000 / 30,000 modules): ``agentls check`` (the
   agent files) and ``agentls patterns`` (the modules), each a whole process: wall time, CPU
   time over wall (how many cores it used), files per second, and the cost per file at the
   largest size over the smallest (linear: about 1x).
2. The server on the largest tree: ``initialize`` with it as the workspace (VS Code's
   capabilities, work-done progress and file watching on). While the background index runs,
   an open module is hovered and an open agent file edited every 50 ms: their latencies
   during and after indexing, the time to index, peak RSS. A second server's indexing is
   cancelled from the client (``window/workDoneProgress/cancel``): the progress must end
   and the server still answer.
3. A branch switch on that server: 1,000 files change on disk at once (modules rewritten,
   created and deleted; agent files renamed and a skill removed), reported in one
   ``workspace/didChangeWatchedFiles``. Counted: publishDiagnostics per open document
   afterwards (once each is the goal), the time until they arrive, and whether they equal a
   fresh server's on the switched tree (the indexes converged).

    python bench/scale.py [--sizes 3000,10000,30000] [--agents 500] [--no-server]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from lspclient import VSCODE_CAPABILITIES, LspClient, agentls_argv, percentile

BENCH = Path(__file__).resolve().parent
WORK = BENCH / ".work"
TITLE = "Indexing Python files"
MAX_FILES = 100_000
CAPABILITIES: dict[str, Any] = {**VSCODE_CAPABILITIES, "workspace": {
    **VSCODE_CAPABILITIES["workspace"],
    "didChangeWatchedFiles": {"dynamicRegistration": True, "relativePatternSupport": True}}}


# -- the tree ----------------------------------------------------------------------------------
def module_text(i: int, rng: random.Random, variant: int = 0) -> str:
    base = rng.randrange(i) if i else None
    lines = ["from __future__ import annotations", "", "import logging", ""]
    if base is not None:
        lines.append(f"from pkg_{base // 100:03d}.mod_{base:05d} import Service{base:05d}")
    lines += ["", "log = logging.getLogger(__name__)", "", ""]
    parent = f"Service{base:05d}" if base is not None else "object"
    lines += [f"class Service{i:05d}({parent}):", f'    """Service {i} (variant {variant})."""', "",
              "    def __init__(self, repo: object) -> None:", "        self.repo = repo",
              "        self.items: list[int] = []", ""]
    for m in range(rng.randint(2, 8)):
        lines += [f"    def handle_{m}(self, value: int) -> int:",
                  f"        if value > {m}:", f"            self.items.append(value * {m + variant})",
                  "        return len(self.items)", ""]
    if i % 10 == 0:  # a singleton now and then, for the detectors
        lines += ["", "_instance = None", "", "", "def instance() -> object:", "    global _instance",
                  "    if _instance is None:", f"        _instance = Service{i:05d}(None)", "    return _instance"]
    return "\n".join(lines) + "\n"


def agent_text(name: str, skills: list[str], variant: int = 0) -> str:
    skill_line = f"skills: [{', '.join(skills)}]\n" if skills else ""
    return (f"---\nname: {name}\ndescription: Use this agent to review {name} changes (v{variant}).\n"
            f"tools: Read, Grep, Glob\nmodel: sonnet\n{skill_line}---\n\nYou review code for {name}.\n")


def agent_layout(root: Path, count: int) -> dict[Path, str]:
    """``count`` agent files: a fifth each in the project's .claude, nested service folders,
    plugins, skills and commands."""
    files: dict[Path, str] = {}
    share = count // 5
    skills = [f"skill-{k:03d}" for k in range(share)]
    for k, skill in enumerate(skills):
        files[root / ".claude" / "skills" / skill / "SKILL.md"] = \
            f"---\nname: {skill}\ndescription: Does task {k}.\n---\n\nSteps for {skill}.\n"
    for k in range(share):
        files[root / ".claude" / "agents" / f"agent-{k:03d}.md"] = agent_text(f"agent-{k:03d}", skills[k % 7:k % 7 + 1])
        files[root / "services" / f"svc-{k % 20:02d}" / ".claude" / "agents" / f"nested-{k:03d}.md"] = \
            agent_text(f"nested-{k:03d}", [])
        files[root / "plugins" / f"plugin-{k % 10}" / "agents" / f"plug-{k:03d}.md"] = agent_text(f"plug-{k:03d}", [])
        files[root / ".claude" / "commands" / f"cmd-{k:03d}.md"] = \
            f"---\ndescription: Run step {k}\nallowed-tools: Bash(git status:*)\n---\n\nRun step {k}.\n"
    for p in range(10):
        files[root / "plugins" / f"plugin-{p}" / ".claude-plugin" / "plugin.json"] = f'{{"name": "plugin-{p}"}}\n'
    return files


def generate(modules: int, agents: int) -> Path:
    root = WORK / f"scale-{modules}"
    if root.exists():
        shutil.rmtree(root)
    rng = random.Random(modules)
    for i in range(modules):
        pkg = root / f"pkg_{i // 100:03d}"
        if i % 100 == 0:
            pkg.mkdir(parents=True)
            (pkg / "__init__.py").write_text("")
        (pkg / f"mod_{i:05d}.py").write_text(module_text(i, rng))
    for path, text in agent_layout(root, agents).items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return root


# -- 1. the CLI ---------------------------------------------------------------------------------
def timed(argv: list[str], cwd: Path) -> tuple[float, float]:
    t0 = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, ru = os.wait4(proc.pid, 0)
    return time.perf_counter() - t0, ru.ru_utime + ru.ru_stime


def cli_rows(sizes: list[int], agents: int) -> None:
    print(f"1. CLI (whole processes; {os.cpu_count()} CPUs)\n")
    print(f"{'modules':>8}{'tool':>10}{'files':>8}{'wall s':>9}{'CPU s':>8}{'cores':>7}{'files/s':>9}{'ms/file':>9}")
    per_file: dict[str, list[float]] = {}
    for size in sizes:
        root = generate(size, agents)
        n_agents = sum(1 for p in root.rglob("*.md"))
        for tool, argv, files in (
                ("check", [sys.executable, "-m", "agentls", "check", "--format", "json"], n_agents),
                ("patterns", [sys.executable, "-m", "agentls", "patterns", "--format", "json", "."], size)):
            wall, cpu = timed(argv, root)
            per_file.setdefault(tool, []).append(wall / files * 1000)
            print(f"{size:>8}{tool:>10}{files:>8}{wall:>9.2f}{cpu:>8.2f}{cpu / wall:>7.2f}"
                  f"{files / wall:>9.0f}{wall / files * 1000:>9.3f}", flush=True)
    growth = per_file["patterns"][-1] / per_file["patterns"][0]
    print(f"\npatterns: cost per module at {sizes[-1]:,} over {sizes[0]:,}: {growth:.2f}x (linear: ~1x)\n")


# -- 2. and 3. the server -----------------------------------------------------------------------
class ScaleClient(LspClient):
    """Keeps every publishDiagnostics and the index's `$/progress`."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.published: list[tuple[int, str, Any]] = []  # (ns, uri, diagnostics)
        self.token: Any = None
        self.begun: asyncio.Future[int] | None = None
        self.ended: asyncio.Future[tuple[int, str]] | None = None

    def _dispatch(self, msg: dict[str, Any], stamp: int) -> None:
        method = msg.get("method")
        if method == "$/progress":
            value = msg["params"].get("value", {})
            if value.get("kind") == "begin" and value.get("title") == TITLE:
                self.token = msg["params"]["token"]
                if self.begun and not self.begun.done():
                    self.begun.set_result(stamp)
            elif value.get("kind") == "end" and msg["params"]["token"] == self.token \
                    and self.ended and not self.ended.done():
                self.ended.set_result((stamp, str(value.get("message", ""))))
            return
        if method == "textDocument/publishDiagnostics":
            self.published.append((stamp, msg["params"]["uri"], msg["params"]["diagnostics"]))
        super()._dispatch(msg, stamp)

    async def init(self, root: Path) -> None:
        loop = asyncio.get_running_loop()
        self.begun, self.ended = loop.create_future(), loop.create_future()
        await self.start()
        await asyncio.wait_for(self.request("initialize", {
            "processId": os.getpid(), "rootUri": root.as_uri(), "capabilities": CAPABILITIES,
            "workspaceFolders": [{"uri": root.as_uri(), "name": root.name}],
            # Past the default patterns.maxFiles (20,000) at 30,000 modules: index them all.
            "initializationOptions": {"patterns": {"maxFiles": MAX_FILES}}}), 120)
        await self.notify("initialized", {})

    async def open(self, path: Path, language: str) -> str:
        uri = path.as_uri()
        fut = self.expect_diagnostics(uri, 1)
        await self.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": language, "version": 1, "text": path.read_text()}})
        await asyncio.wait_for(fut, 120)
        return uri


def _key(diags: Any) -> list[tuple[Any, ...]]:
    return sorted((d["range"]["start"]["line"], d["range"]["start"]["character"], str(d.get("code")), d["message"])
                  for d in diags)


async def server_run(root: Path) -> bool:
    module = root / "pkg_000" / "mod_00050.py"
    agent = root / ".claude" / "agents" / "agent-001.md"
    client = ScaleClient("agentls", agentls_argv(), root, WORK / "scale-agentls.stderr")
    await client.init(root)
    assert client.begun and client.ended
    py_uri = await client.open(module, "python")
    md_uri = await client.open(agent, "markdown")
    text = agent.read_text()
    hover = {"textDocument": {"uri": py_uri}, "position": {"line": 8, "character": 8}}
    during: dict[str, list[float]] = {"hover": [], "edit": []}
    after: dict[str, list[float]] = {"hover": [], "edit": []}
    version = 1

    async def probe(into: dict[str, list[float]]) -> None:
        nonlocal version
        t0 = time.perf_counter()
        await client.request("textDocument/hover", hover)
        into["hover"].append((time.perf_counter() - t0) * 1000)
        version += 1
        fut = client.expect_diagnostics(md_uri, version)
        t0 = time.perf_counter()
        await client.notify("textDocument/didChange", {"textDocument": {"uri": md_uri, "version": version},
                            "contentChanges": [{"text": text + "x" * (version % 5)}]})
        await asyncio.wait_for(fut, 60)
        into["edit"].append((time.perf_counter() - t0) * 1000)

    while not client.ended.done():
        await probe(during)
        await asyncio.wait([client.ended], timeout=0.05)
    end_ns, message = client.ended.result()
    for _ in range(20):
        await probe(after)
    rss_index = client.vm_hwm_kb() / 1024
    print(f"2. Server on {root.name}: indexed in {(end_ns - client.spawned_ns) / 1e9:.1f} s from spawn "
          f"({message}); peak RSS {rss_index:.0f} MB")
    for kind in ("hover", "edit"):
        d, a = during[kind], after[kind]
        print(f"   {kind:<6} while indexing: {len(d)} probes, p50 {percentile(d, 50):.1f} ms, p95 "
              f"{percentile(d, 95):.1f} ms; after: p50 {percentile(a, 50):.1f} ms, p95 {percentile(a, 95):.1f} ms")

    ok = await cancel_run(root)
    ok = await branch_switch(client, root, [py_uri, md_uri], [module, agent]) and ok
    await client.stop()
    return ok


async def cancel_run(root: Path) -> bool:
    client = ScaleClient("agentls", agentls_argv(), root, WORK / "scale-cancel.stderr")
    await client.init(root)
    assert client.begun and client.ended
    await asyncio.wait_for(client.begun, 60)
    await asyncio.sleep(0.5)
    t0 = time.perf_counter()
    await client.notify("window/workDoneProgress/cancel", {"token": client.token})
    try:
        _, message = await asyncio.wait_for(client.ended, 30)
        ended = (time.perf_counter() - t0) * 1000
        await asyncio.wait_for(client.request("textDocument/hover", {
            "textDocument": {"uri": (root / "pkg_000" / "mod_00001.py").as_uri()},
            "position": {"line": 0, "character": 0}}), 10)
        answered = True
    except (TimeoutError, asyncio.TimeoutError):
        print("   cancel: the progress did not end within 30 s: FAIL")
        await client.stop()
        return False
    alive = client.proc.returncode is None  # type: ignore[union-attr]
    await client.stop()
    print(f"   cancel from the client: progress ended {ended:.0f} ms later ({message}); "
          f"server answered after: {answered and alive}")
    return answered and alive


async def branch_switch(client: ScaleClient, root: Path, uris: list[str], open_paths: list[Path]) -> bool:
    rng = random.Random(7)
    modules = sorted(p for p in root.glob("pkg_*/mod_*.py") if p not in open_paths)
    agents = sorted(p for p in root.glob(".claude/agents/*.md") if p not in open_paths)
    changes: list[dict[str, Any]] = []
    for i, path in enumerate(rng.sample(modules, 850)):  # rewritten
        n = int(path.stem.split("_")[1])
        path.write_text(module_text(n, random.Random(n), variant=1))
        changes.append({"uri": path.as_uri(), "type": 2})
        if i < 50:  # and some deleted
            path.unlink()
            changes[-1]["type"] = 3
    for k in range(50):  # created
        path = root / "pkg_new" / f"mod_new_{k:03d}.py"
        path.parent.mkdir(exist_ok=True)
        path.write_text(module_text(k, random.Random(k), variant=2))
        changes.append({"uri": path.as_uri(), "type": 1})
    for path in agents[:99]:  # agent files renamed inside
        path.write_text(agent_text(path.stem + "-renamed", []))
        changes.append({"uri": path.as_uri(), "type": 2})
    skill = root / ".claude" / "skills" / "skill-001" / "SKILL.md"  # the open agent's skill goes
    skill.unlink()
    changes.append({"uri": skill.as_uri(), "type": 3})
    before = len(client.published)
    t0 = time.perf_counter_ns()
    await client.notify("workspace/didChangeWatchedFiles", {"changes": changes})
    # The index drains the batch in slices, then refreshes the open modules once: wait for
    # that (at most 300 s), then for 3 s of quiet.
    deadline = time.perf_counter() + 300
    while time.perf_counter() < deadline and not any(p[1] == uris[0] for p in client.published[before:]):
        await asyncio.sleep(0.1)
    while True:
        count = len(client.published)
        await asyncio.sleep(3)
        if len(client.published) == count:
            break
    await client.request("textDocument/hover", {"textDocument": {"uri": uris[0]},
                                                "position": {"line": 0, "character": 0}})
    after = client.published[before:]
    per_uri = {u: [p for p in after if p[1] == u] for u in uris}
    last_ms = max(((p[0] - t0) / 1e6 for p in after), default=0.0)
    print(f"3. Branch switch: {len(changes)} changes in one didChangeWatchedFiles; publishes per open "
          f"document: " + ", ".join(f"{u.rsplit('/', 1)[-1]} {len(v)}" for u, v in per_uri.items())
          + f"; the last {last_ms:.0f} ms after the batch")
    fresh = ScaleClient("fresh", agentls_argv(), root, WORK / "scale-fresh.stderr")
    await fresh.init(root)
    assert fresh.ended
    await asyncio.wait_for(fresh.ended, 600)
    for path, language in zip(open_paths, ("python", "markdown"), strict=True):
        await fresh.open(path, language)
    await asyncio.sleep(1)
    await fresh.stop()
    # What the long-running server shows now (its last publish) against the fresh one's last.
    same = all(_key(_last(client, u)) == _key(_last(fresh, u)) for u in uris)
    agent_codes = sorted(str(d.get("code")) for d in _last(client, uris[1]))
    print(f"   converged with a fresh server on the switched tree: {same}; open agent file now: {agent_codes}")
    once = all(len(v) <= 1 for k, v in per_uri.items() if k == uris[0])
    return same and once


def _last(client: ScaleClient, uri: str) -> Any:
    found = [p[2] for p in client.published if p[1] == uri]
    return found[-1] if found else []


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="3000,10000,30000", help="module counts, comma-separated")
    ap.add_argument("--agents", type=int, default=500)
    ap.add_argument("--no-server", action="store_true")
    ap.add_argument("--no-cli", action="store_true")
    ap.add_argument("--work", type=Path, help="where the trees and logs go (default bench/.work)")
    args = ap.parse_args()
    if args.work:
        global WORK
        WORK = args.work
    sizes = [int(s) for s in args.sizes.split(",")]
    if not args.no_cli:
        cli_rows(sizes, args.agents)
    ok = True
    if not args.no_server:
        root = generate(sizes[-1], args.agents)
        ok = asyncio.run(server_run(root))
    print(f"scale: {'PASS' if ok else 'FAIL'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
