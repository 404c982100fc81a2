"""`agentls check` beside agnix (PyPI) on the same agent files.

Generates a varied tree of 1,000 Claude Code agent files under bench/.work/agents/.claude/agents/,
installs agnix into its own venv (bench/.work/venv-agnix), then in one paired run times both
tools on that tree, alternating which goes first, and prints medians, the ratio and how many
findings each reported. Target: agentls faster than agnix.

With ``--real`` the same paired run also covers the subagent files of ten public collections
(``REAL`` below: one folder each under bench/.work/real/<owner+name>/.claude/agents/, both tools
called once on the whole tree). The collections come from git mirrors that the ``fetch`` tool
made under /work/.mirror (or ``--mirrors DIR``); nothing is downloaded here. Target there:
agentls at most 1.5x agnix.

    python bench/check_vs_agnix.py [--files 1000] [--reps 7] [--real] [--mirrors DIR]
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import time
import venv
from dataclasses import dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
WORK = BENCH / ".work"
PROJECT = WORK / "agents"  # the project root both tools are run in
AGENTS = PROJECT / ".claude" / "agents"
VENV = WORK / "venv-agnix"
REAL = WORK / "real"
MIRRORS = Path("/work/.mirror")

# The ten collections: (mirror folder, globs of their subagent files). Each keeps its own
# layout's agents only (not commands, docs or READMEs).
COLLECTIONS: list[tuple[str, tuple[str, ...]]] = [
    ("wshobson+agents", ("plugins/*/agents/*.md",)),
    ("VoltAgent+awesome-claude-code-subagents", ("categories/*/*.md",)),
    ("0xfurai+claude-code-subagents", ("agents/*.md",)),
    ("lst97+claude-code-sub-agents", ("agents/*/*.md",)),
    ("davepoon+claude-code-subagents-collection", ("subagents/*.md",)),
    ("vijaythecoder+awesome-claude-agents", ("agents/*.md", "agents/*/*.md", "agents/*/*/*.md")),
    ("vanzan01+claude-code-sub-agent-collective", ("templates/agents/*.md",)),
    ("rshah515+claude-code-subagents", ("*/*.md", "*/*/*.md")),
    ("contains-studio+agents", ("*/*.md",)),
    ("dl-ezo+claude-code-sub-agents", ("*.md",)),
]
_NOT_AGENTS = ("README", "CLAUDE", "LICENSE", "CONTRIBUTING", "CHANGELOG")

TOOLS_OK = ["Read", "Grep", "Glob", "Bash", "Edit", "Write", "WebFetch", "WebSearch", "TodoWrite"]
TOOLS_ODD = ["Frobnicate", "MultiEdit", "LS", "Task", "read", "Bash(git *)", "mcp__github__get_issue"]
COLOURS_OK = ["red", "blue", "green", "yellow", "purple", "orange", "pink", "cyan"]
COLOURS_BAD = ["magenta", "teal", "#ff8800", "Blue", "grey"]
MODELS = ["sonnet", "opus", "haiku", "inherit", "claude-sonnet-4-5", "gpt-4o", "Sonnet"]
KINDS = ["valid", "valid", "valid", "rescued", "rescued", "rescued", "bad-colour", "unknown-tool",
         "missing-name", "crlf-rescued", "crlf-valid", "tools-list", "empty-tools", "bad-model",
         "no-frontmatter", "unclosed", "block-description", "bad-permission"]


def _body(rng: random.Random, name: str) -> str:
    lines = [f"You are {name}, a focused specialist.", "", "## Responsibilities", ""]
    for n in range(rng.randint(2, 40)):
        lines.append(f"{n + 1}. Check item {rng.randint(1, 999)}: read the code, cite `file:line`, "
                     "and propose a concrete fix.")
    lines += ["", "## Output", "", "Keep it short and actionable.", ""]
    return "\n".join(lines)


def agent(i: int, rng: random.Random) -> tuple[str, str]:
    """(kind, text) of the i-th generated agent file."""
    kind = KINDS[i % len(KINDS)]
    name = f"agent-{i:04d}"
    plain = f"Use this agent to review {rng.choice(['Python', 'Go', 'SQL', 'docs', 'tests'])} changes."
    example = (f'{plain} Examples: <example>Context: the user wrote code. user: "review file {i}" '
               f'assistant: "I\'ll use the {name} agent." <commentary>New code: review it.</commentary></example>')
    fm: dict[str, str] = {"name": name, "description": f'"{plain}"'}
    tools = rng.sample(TOOLS_OK, rng.randint(1, 5))
    fm["tools"] = ", ".join(tools)
    fm["model"] = rng.choice(MODELS[:4])
    fm["color"] = rng.choice(COLOURS_OK)
    if kind in ("rescued", "crlf-rescued"):
        fm["description"] = example
    elif kind == "bad-colour":
        fm["color"] = rng.choice(COLOURS_BAD)
    elif kind == "unknown-tool":
        fm["tools"] = ", ".join([*tools, rng.choice(TOOLS_ODD)])
    elif kind == "missing-name":
        del fm["name"]
    elif kind == "tools-list":
        fm["tools"] = "\n" + "\n".join(f"  - {t}" for t in tools)
    elif kind == "empty-tools":
        fm["tools"] = ""
    elif kind == "bad-model":
        fm["model"] = rng.choice(MODELS[4:])
    elif kind == "block-description":
        fm["description"] = "|\n  " + plain + "\n  Use it proactively."
    elif kind == "bad-permission":
        fm["permissionMode"] = rng.choice(["yolo", "acceptedits", "plan"])
    front = "\n".join(f"{k}: {v}" if v else f"{k}:" for k, v in fm.items())
    body = _body(rng, name)
    if kind == "no-frontmatter":
        text = f"# {name}\n\n{body}"
    elif kind == "unclosed":
        text = f"---\n{front}\n\n{body}"
    else:
        text = f"---\n{front}\n---\n\n{body}"
    if kind.startswith("crlf"):
        text = text.replace("\n", "\r\n")
    return kind, text


def generate(count: int) -> dict[str, int]:
    if PROJECT.exists():
        shutil.rmtree(PROJECT)
    AGENTS.mkdir(parents=True)
    rng = random.Random(20260101)
    kinds: dict[str, int] = {}
    for i in range(count):
        kind, text = agent(i, rng)
        kinds[kind] = kinds.get(kind, 0) + 1
        (AGENTS / f"agent-{i:04d}.md").write_bytes(text.encode("utf-8"))
    return kinds


def _git(mirror: Path, *argv: str) -> bytes:
    return subprocess.run(["git", "--git-dir", str(mirror), *argv], capture_output=True,
                          check=True).stdout


def extract_real(mirrors: Path) -> dict[str, tuple[str, int]]:
    """Write each collection's agent files under REAL; {collection: (commit, files)}."""
    if REAL.exists():
        shutil.rmtree(REAL)
    done: dict[str, tuple[str, int]] = {}
    for name, globs in COLLECTIONS:
        mirror = mirrors / name / "repo"
        if not mirror.exists():
            print(f"  {name}: no mirror at {mirror} (fetch github:{name.replace('+', '/')})")
            continue
        commit = _git(mirror, "rev-parse", "HEAD").decode().strip()
        names = _git(mirror, "ls-tree", "-r", "--name-only", "HEAD").decode().splitlines()
        chosen = [n for n in names
                  if any(fnmatch.fnmatchcase(n, g) and n.count("/") == g.count("/") for g in globs)
                  and not n.rsplit("/", 1)[-1].upper().startswith(_NOT_AGENTS)]
        folder = REAL / name / ".claude" / "agents"
        folder.mkdir(parents=True)
        bases = [n.rsplit("/", 1)[-1] for n in chosen]
        for n, base in zip(chosen, bases, strict=True):
            # Flattened, the file's own name kept unless two folders share it.
            target = base if bases.count(base) == 1 else n.replace("/", "__")
            (folder / target).write_bytes(_git(mirror, "show", f"HEAD:{n}"))
        done[name] = (commit[:10], len(chosen))
    return done


def install_agnix() -> Path | None:
    exe = VENV / "bin" / "agnix"
    if exe.exists():
        return exe
    try:
        venv.create(VENV, with_pip=True, clear=True)
        proc = subprocess.run([str(VENV / "bin" / "python"), "-m", "pip", "install", "-q", "agnix"],
                              capture_output=True, text=True, timeout=600)
    except (OSError, subprocess.SubprocessError) as exc:
        print(f"agnix: could not create {VENV} or run pip: {exc}")
        return None
    if proc.returncode != 0 or not exe.exists():
        print(f"agnix: `pip install agnix` failed (exit {proc.returncode}):\n"
              + (proc.stderr or proc.stdout).strip()[-2000:])
        return None
    return exe


def timed(argv: list[str], cwd: Path) -> tuple[float, float, int, bytes]:
    """(wall s, user+sys CPU s, peak RSS MiB, stdout) of one child, via wait4."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            env={**os.environ, "NO_COLOR": "1"})
    out = proc.stdout.read()  # type: ignore[union-attr]
    _, _, ru = os.wait4(proc.pid, 0)
    proc.returncode = 0
    wall = time.perf_counter() - t0
    return wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss // 1024, out


def count_agentls(out: bytes) -> tuple[int, int, dict[str, int]]:
    items = json.loads(out)
    codes: dict[str, int] = {}
    for it in items:
        codes[it["code"]] = codes.get(it["code"], 0) + 1
    return len(items), len({it["path"] for it in items}), codes


def count_agnix(out: bytes) -> tuple[int, int, dict[str, int], int]:
    data = json.loads(out)
    items = [d for d in data["diagnostics"] if d.get("file")]  # drop the project-level notice
    codes: dict[str, int] = {}
    for it in items:
        codes[it["rule"]] = codes.get(it["rule"], 0) + 1
    return len(items), len({it["file"] for it in items}), codes, data.get("files_checked", -1)


@dataclass
class Corpus:
    label: str
    cwd: Path
    files: int
    runs: dict[str, list[str]]
    walls: dict[str, list[float]] = field(default_factory=dict)
    cpus: dict[str, list[float]] = field(default_factory=dict)
    rss: dict[str, int] = field(default_factory=dict)
    last: dict[str, bytes] = field(default_factory=dict)


def commands(agnix: Path | None, folder: str) -> dict[str, list[str]]:
    runs = {"agentls": [sys.executable, "-m", "agentls", "check", folder, "--format", "json"]}
    if agnix:
        runs["agnix"] = [str(agnix), "--format", "json", "."]
    return runs


def measure(corpora: list[Corpus], reps: int) -> None:
    """Every corpus and tool once per repetition, the order alternating, after a warm-up each."""
    for c in corpora:
        for name, argv in c.runs.items():
            timed(argv, c.cwd)
            c.walls[name], c.cpus[name], c.rss[name] = [], [], 0
    for rep in range(reps):
        for c in (corpora if rep % 2 == 0 else corpora[::-1]):
            for name in (list(c.runs) if rep % 2 == 0 else list(c.runs)[::-1]):
                wall, cpu, peak, out = timed(c.runs[name], c.cwd)
                c.walls[name].append(wall)
                c.cpus[name].append(cpu)
                c.rss[name] = max(c.rss[name], peak)
                c.last[name] = out


def report(c: Corpus, target: float, strict: bool) -> None:
    print(f"\n{c.label} ({c.files} files, cwd {c.cwd.relative_to(BENCH.parent)})")
    print(f"{'tool':<9}{'median s':>10}{'min s':>8}{'max s':>8}{'CPU s':>8}{'peak MB':>9}"
          f"{'findings':>10}{'files hit':>10}")
    detail: dict[str, dict[str, int]] = {}
    for name in c.runs:
        try:
            if name == "agentls":
                n, files, codes = count_agentls(c.last[name])
            else:
                n, files, codes, checked = count_agnix(c.last[name])
                if checked != c.files:
                    print(f"  (agnix reports files_checked={checked})")
        except (ValueError, KeyError) as exc:
            n, files, codes = -1, -1, {}
            print(f"  {name}: could not read its JSON ({exc})")
        detail[name] = codes
        w = c.walls[name]
        print(f"{name:<9}{statistics.median(w):>10.3f}{min(w):>8.3f}{max(w):>8.3f}"
              f"{statistics.median(c.cpus[name]):>8.3f}{c.rss[name]:>9}{n:>10}{files:>10}")
    for name, codes in detail.items():
        top = sorted(codes.items(), key=lambda kv: -kv[1])[:12]
        print(f"  {name} by code: " + ", ".join(f"{k} {v}" for k, v in top))
    if "agnix" in c.runs:
        a, b = statistics.median(c.walls["agentls"]), statistics.median(c.walls["agnix"])
        met = a < b if strict else a <= target * b
        goal = "faster than agnix" if strict else f"<= {target}x agnix"
        print(f"ratio agentls/agnix (median wall): {a / b:.2f}x; target {goal}: "
              f"{'MET' if met else 'MISSED'}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--files", type=int, default=1000)
    ap.add_argument("--reps", type=int, default=7, help="paired repetitions (default 7)")
    ap.add_argument("--real", action="store_true",
                    help="also the ten public subagent collections (from --mirrors)")
    ap.add_argument("--mirrors", type=Path, default=MIRRORS,
                    help="folder of the fetch tool's git mirrors (default /work/.mirror)")
    args = ap.parse_args()
    kinds = generate(args.files)
    size = sum(p.stat().st_size for p in AGENTS.iterdir())
    print(f"generated {args.files} files ({size / 1024:.0f} KiB) in {AGENTS.relative_to(BENCH.parent)}")
    print("  kinds: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
    exe = install_agnix()
    if exe:
        version = subprocess.run([str(exe), "--version"], capture_output=True, text=True).stdout.strip()
        print(f"  {version} from PyPI in {VENV.relative_to(BENCH.parent)}")
    corpora = [Corpus("generated", PROJECT, args.files, commands(exe, ".claude/agents"))]
    if args.real:
        got = extract_real(args.mirrors)
        total = sum(n for _, n in got.values())
        size = sum(p.stat().st_size for p in REAL.rglob("*.md"))
        print(f"real: {total} subagent files ({size / 1024:.0f} KiB) of {len(got)} collections "
              f"in {REAL.relative_to(BENCH.parent)}")
        for name, (commit, n) in got.items():
            print(f"  {name.replace('+', '/')} @ {commit}: {n}")
        corpora.append(Corpus("real", REAL, total, commands(exe, ".")))
    for c in corpora:
        print(f"  commands (cwd {c.cwd.relative_to(BENCH.parent)}):")
        for name, argv in c.runs.items():
            print(f"    {name}: {' '.join(Path(a).name if i == 0 else a for i, a in enumerate(argv))}")
    measure(corpora, args.reps)
    print(f"\n{args.reps} paired repetitions, order alternating")
    for c in corpora:
        report(c, 1.5, strict=c.label == "generated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
