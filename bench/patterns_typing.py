"""Typing in a large Python module: didChange -> publishDiagnostics, agentls beside a bare pygls floor.

    python bench/patterns_typing.py [--rounds 3] [--settle 15]

The module is SQLAlchemy's ``orm/session.py`` (5,500 lines; its ``Session`` class is 3,600 of
them), unpacked by bench/patterns_speed.py into bench/.work/src/; the workspace folder is the
unpacked wheel, so the server indexes all of SQLAlchemy in the background (the bench waits
``--settle`` seconds for it before measuring). The edits are keystrokes as an editor sends
them (incremental didChange, one character each) inside ``Session.merge``: Enter to open a
line, then a statement typed character by character (brackets closed as the editor does by
default, unless ``--no-auto-close``; versions such as ``x =`` do not parse), then erased with
backspace; ``--rounds`` times. ``--identifier`` types a long name instead, so that every
version parses. Each keystroke goes
to agentls and to bench/floor_server.py (order alternating) and waits for that version's
publishDiagnostics. Prints p50 / p95 for every keystroke and for the versions that parse,
and, in this process, the smells of the same versions computed the old way (parse and index
the whole module per version) and the new way (``AnalysisCache``, incremental).
Target: agentls p50 <= 10 ms on this module.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(BENCH.parent / "server"))

from lspclient import LspClient, agentls_argv, percentile  # noqa: E402
from patterns_speed import fetch  # noqa: E402

from agentls.patterns.analysis import AnalysisCache, index_source, smells_of  # noqa: E402
from agentls.patterns.parse import parse_text  # noqa: E402
from agentls.patterns.settings import PatternSettings  # noqa: E402
from agentls.patterns.workspace import WorkspaceIndex  # noqa: E402

TYPED = "merged = self._merge(state, state_dict, load=load, options=options)"
IDENTIFIER = "merged_value_of_the_thing" * 3
TARGET_P50_MS = 10.0


Change = tuple[int, int, int, int, str]


def keystrokes(text: str, rounds: int, auto_close: bool, statement: str = TYPED) -> list[Change]:
    """(line, col, end line, end col, inserted text) per keystroke, as incremental changes;
    ``auto_close``: "(" inserts "()" and ")" types over it, as editors do by default."""
    lines = text.split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("    def merge("))
    body = next(i for i in range(at + 1, len(lines)) if lines[i].strip().startswith(("if ", "self.", "_")))
    indent = " " * 8
    out: list[Change] = []
    for _ in range(rounds):
        end = len(lines[body - 1])
        out.append((body - 1, end, body - 1, end, "\n" + indent))  # Enter
        typed = ""
        for ch in statement:
            col = len(indent) + len(typed)
            if ch == ")" and auto_close:
                typed += ch  # typed over the closing bracket the editor inserted: no change
                continue
            out.append((body, col, body, col, "()" if ch == "(" and auto_close else ch))
            typed += ch
        for i in range(len(statement), 0, -1):  # backspace
            col = len(indent) + i
            out.append((body, col - 1, body, col, ""))
        out.append((body - 1, end, body, len(indent), ""))  # join the empty line back
    return out


def apply(lines: list[str], change: tuple[int, int, int, int, str]) -> list[str]:
    line, col, end_line, end_col, new = change
    head, tail = lines[line][:col], lines[end_line][end_col:]
    return lines[:line] + (head + new + tail).split("\n") + lines[end_line + 1 :]


def versions(text: str, changes: list[tuple[int, int, int, int, str]]) -> list[str]:
    lines, out = text.split("\n"), []
    for c in changes:
        lines = apply(lines, c)
        out.append("\n".join(lines))
    return out


def in_process(path: str, texts: list[str]) -> tuple[list[float], list[float]]:
    settings = PatternSettings()
    old, new = [], []
    for text in texts:
        ws = WorkspaceIndex()
        t0 = time.perf_counter()
        index, _ = index_source(text, path)
        ws.update(index)
        smells_of(index, ws, settings)
        old.append((time.perf_counter() - t0) * 1000)
    ws, cache = WorkspaceIndex(), AnalysisCache()
    cache.smells(texts[0], path, ws, settings, 0)
    for v, text in enumerate(texts, 1):
        t0 = time.perf_counter()
        cache.smells(text, path, ws, settings, v)
        new.append((time.perf_counter() - t0) * 1000)
    return old, new


async def over_lsp(root: Path, path: Path, text: str, changes: list, settle: float) -> dict[str, list[float]]:
    servers = [
        LspClient("agentls", agentls_argv(), root, BENCH / ".work" / "typing-agentls.stderr"),
        LspClient("floor", [sys.executable, str(BENCH / "floor_server.py")], root,
                  BENCH / ".work" / "typing-floor.stderr"),
    ]
    uri = path.as_uri()
    for s in servers:
        await s.start()
        init = await asyncio.wait_for(s.initialize(root), 120) / 1e6
        print(f"{s.name}: initialize answered {init:.0f} ms after spawn")
        fut = s.expect_diagnostics(uri, 1)
        opened = {"uri": uri, "languageId": "python", "version": 1, "text": text}
        await s.notify("textDocument/didOpen", {"textDocument": opened})
        await asyncio.wait_for(fut, 120)
    await asyncio.sleep(settle)  # the background index of the workspace
    lat: dict[str, list[float]] = {s.name: [] for s in servers}
    for i, (line, col, end_line, end_col, new) in enumerate(changes):
        version = i + 2
        change = {
            "textDocument": {"uri": uri, "version": version},
            "contentChanges": [{"range": {"start": {"line": line, "character": col},
                                          "end": {"line": end_line, "character": end_col}}, "text": new}],
        }
        for s in servers if i % 2 else servers[::-1]:
            fut = s.expect_diagnostics(uri, version)
            t0 = time.perf_counter_ns()
            await s.notify("textDocument/didChange", change)
            stamp, _ = await asyncio.wait_for(fut, 60)
            lat[s.name].append((stamp - t0) / 1e6)
    for s in servers:
        await s.stop()
    return lat


def _row(name: str, values: list[float]) -> str:
    return f"{name:<34}{percentile(values, 50):>9.2f}{percentile(values, 95):>9.2f}{len(values):>7}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--identifier", action="store_true", help="type a long name instead (every version parses)")
    ap.add_argument("--no-auto-close", action="store_true", help="brackets typed one by one (more broken versions)")
    ap.add_argument("--settle", type=float, default=15.0, help="seconds for the background index")
    args = ap.parse_args()
    src = fetch()
    path = next(src.glob("sqlalchemy-*/sqlalchemy/orm/session.py"))
    root = path.parents[2]
    text = path.read_text(encoding="utf-8")
    changes = keystrokes(text, args.rounds, not args.no_auto_close, IDENTIFIER if args.identifier else TYPED)
    texts = versions(text, changes)
    parses = [parse_text(t) is not None for t in texts]
    print(f"{path.relative_to(src)}: {text.count(chr(10))} lines; {len(changes)} keystrokes, "
          f"{sum(parses)} of the versions parse")
    old, new = in_process(str(path), texts)
    lat = asyncio.run(over_lsp(root, path, text, changes, args.settle))
    print(f"\n{'ms':<34}{'p50':>9}{'p95':>9}{'n':>7}")
    print(_row("in process, whole module (before)", old))
    print(_row("in process, incremental", new))
    print(_row("in process, incremental, parsing", [v for v, ok in zip(new, parses, strict=True) if ok]))
    for name, values in lat.items():
        print(_row(f"lsp {name}", values))
        print(_row(f"lsp {name}, versions that parse", [v for v, ok in zip(values, parses, strict=True) if ok]))
    a50 = percentile(lat["agentls"], 50)
    print(f"\nagentls p50 {a50:.2f} ms, floor p50 {percentile(lat['floor'], 50):.2f} ms "
          f"(target <= {TARGET_P50_MS:g} ms): {'MET' if a50 <= TARGET_P50_MS else 'MISSED'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
