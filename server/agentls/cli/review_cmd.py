"""``agentls review``: ask an expert about a Python module from the terminal.

No pygls here, and ``anthropic`` is imported only when the API is actually called (the
local expert, ``--list-experts`` and ``--clear-cache`` never load it).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import sys
import time
from pathlib import Path
from typing import Any

from agentls.expert import analysis, backend, cache, experts, prompts, review, service
from agentls.expert.answer import Answer
from agentls.expert.service import ExpertSettings


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("review", help="ask an expert agent to review a Python module",
                       description="Review a Python module with an expert agent (Anthropic API, or the local "
                                   "expert without a key). Code is masked for secrets before it is sent.")
    p.add_argument("file", nargs="?", help="the Python module to review")
    p.add_argument("--expert", metavar="NAME", help="expert name (default: python-architect)")
    p.add_argument("--lines", metavar="A-B", help="refactor only these 1-based lines")
    p.add_argument("--format", choices=["text", "json", "diff"], default="text")
    p.add_argument("--model", help="model id or alias; overrides the agent's model")
    p.add_argument("--local", action="store_true", help="use the local expert (no API call)")
    p.add_argument("--no-cache", action="store_true", help="ask again even if the answer is cached")
    p.add_argument("--no-user-agents", action="store_true", help="ignore ~/.claude/agents")
    p.add_argument("--workspace", metavar="DIR", help="workspace root (default: current folder)")
    p.add_argument("--timeout", type=float, help="seconds to wait for the API")
    p.add_argument("--max-retries", type=int, help="retries on 429/5xx/connection errors (default 2)")
    p.add_argument("--count-tokens", action="store_true", help="print the exact input tokens and stop")
    p.add_argument("--batch", nargs="+", metavar="PATH", help="review many modules via the Message Batches API")
    p.add_argument("--out", metavar="DIR", help="folder for --batch reviews (default: in the cache folder)")
    p.add_argument("--poll-interval", type=float, default=5.0, help="seconds between --batch polls")
    p.add_argument("--list-experts", action="store_true", help="list the experts and stop")
    p.add_argument("--clear-cache", action="store_true", help="delete cached answers and reviews")
    p.set_defaults(run=run)


def _err(message: str) -> None:
    print(f"agentls review: {message}", file=sys.stderr)


def _settings(args: argparse.Namespace) -> ExpertSettings:
    return ExpertSettings(default=args.expert, model=args.model, local_only=args.local,
                          include_user_agents=not args.no_user_agents, timeout=args.timeout,
                          max_retries=args.max_retries)


def _expert(args: argparse.Namespace, workspace: Path, s: ExpertSettings) -> experts.Expert | None:
    found = experts.discover(workspace, s.include_user_agents)
    chosen = experts.choose(found, s.default)
    if chosen is None:
        _err(f"no expert named {s.default!r}; `agentls review --list-experts` lists them")
    return chosen


def run(args: argparse.Namespace) -> int:
    workspace = Path(args.workspace or ".").resolve()
    s = _settings(args)
    if args.clear_cache:
        print(f"removed {cache.clear()} cached file(s) from {cache.cache_dir()}")
        return 0
    if args.list_experts:
        for e in experts.discover(workspace, s.include_user_agents):
            print(f"{e.name:<28} {e.origin:<9} {experts.resolve_model(e.model, s.model):<22} {e.description[:60]}")
        return 0
    if args.batch:
        return _batch(args, workspace, s)
    if not args.file:
        _err("give a FILE, or --batch PATHS")
        return 2
    expert = _expert(args, workspace, s)
    if expert is None:
        return 2
    path = Path(args.file)
    if path.is_dir():
        _err(f"{path} is a folder; give one Python module (or --batch {path} for all of them)")
        return 2
    try:
        source = path.read_bytes().decode("utf-8", errors="replace")
    except OSError as exc:
        _err(f"cannot read {path}: {exc.strerror}")
        return 2
    if not _is_python(path, source):
        _err(f"{path} is not a Python module (.py, .pyi, .pyw, or a python #! script)")
        return 2
    selection = None
    if args.lines:
        m = re.fullmatch(r"(\d+)(?:-(\d+))?", args.lines.strip())
        if not m or int(m.group(1)) < 1 or int(m.group(2) or m.group(1)) < int(m.group(1)):
            _err("--lines wants A-B, 1-based, A <= B (e.g. 10-25)")
            return 2
        selection = (int(m.group(1)), int(m.group(2) or m.group(1)))
        count = len(source.splitlines())
        if selection[0] > count:
            _err(f"--lines {args.lines}: {path} has only {count} line(s)")
            return 2
    try:
        req = prompts.build(expert, experts.resolve_model(expert.model, s.model), source, str(path.resolve()),
                            workspace, selection)
    except prompts.PromptTooLarge as exc:
        _err(f"{exc} (--lines)")
        return 2
    if args.count_tokens:
        try:
            print(asyncio.run(backend.count_tokens(req, service.backend_config(s))))
        except backend.ExpertError as exc:
            _err(exc.message)
            return 1
        return 0
    try:
        outcome = asyncio.run(service.ask(req, s, use_cache=not args.no_cache))
    except backend.ExpertError as exc:
        _err(exc.message)
        return 1
    written = review.write(outcome.answer, req, outcome.local_reason, outcome.cached)
    _emit(args.format, outcome, written)
    print(f"review written to {written}", file=sys.stderr)
    return 0


def _is_python(path: Path, source: str) -> bool:
    if path.suffix.lower() in (".py", ".pyi", ".pyw"):
        return True
    first = source.split("\n", 1)[0]
    return first.startswith("#!") and "python" in first


def _emit(fmt: str, outcome: service.Outcome, written: Path) -> None:
    answer, req = outcome.answer, outcome.request
    if fmt == "json":
        data: dict[str, Any] = answer.to_json()
        data.update(path=req.path, selection=list(req.selection) if req.selection else None,
                    local_reason=outcome.local_reason, cached=outcome.cached, review=str(written),
                    input_tokens_estimate=req.input_tokens, masked=req.masked)
        print(json.dumps(data, indent=2))
    elif fmt == "diff":
        sys.stdout.write(review.diff(answer, req))
    else:
        sys.stdout.write(review.text(answer, req, outcome.local_reason))


def _modules(paths: list[str]) -> list[Path]:
    found: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found.extend(sorted(q for q in p.rglob("*.py") if q.is_file()))
        elif p.is_file():
            try:
                head = p.open("rb").readline(200).decode("utf-8", errors="replace")
            except OSError:
                head = ""
            if _is_python(p, head):
                found.append(p)
            else:
                _err(f"skipping {raw}: not a Python module")
        else:
            _err(f"skipping {raw}: not a file or folder")
    return found


def _bar(done: int, total: int, started: float, status: str) -> None:
    width = 30
    filled = width * done // max(total, 1)
    sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {status} "
                     f"{time.monotonic() - started:.0f}s ")
    sys.stderr.flush()


def _batch(args: argparse.Namespace, workspace: Path, s: ExpertSettings) -> int:
    expert = _expert(args, workspace, s)
    if expert is None:
        return 2
    modules = _modules(args.batch)
    if not modules:
        _err("no Python modules to review")
        return 2
    model = experts.resolve_model(expert.model, s.model)
    reqs: list[tuple[str, prompts.Request]] = []
    index = analysis.index_workspace(workspace)  # once for every module
    for i, path in enumerate(modules):
        try:
            source = path.read_bytes().decode("utf-8", errors="replace")
            reqs.append((f"m{i}", prompts.build(expert, model, source, str(path.resolve()), workspace,
                                                index=index)))
        except (OSError, prompts.PromptTooLarge) as exc:
            _err(f"skipping {path}: {exc}")
    cfg = service.backend_config(s)
    reason = service.local_reason(s, cfg)
    answers: dict[str, Answer] = {}
    errors: dict[str, str] = {}
    batch_id = "local"
    if reason is not None:
        _err(f"using the local expert: {reason}")
        from agentls.expert import local

        answers = {cid: local.answer(req) for cid, req in reqs}
    else:
        try:
            batch_id = backend.batch_submit(reqs, cfg)
            started = time.monotonic()
            while True:
                status, counts = backend.batch_status(batch_id, cfg)
                finished = len(reqs) - counts.get("processing", 0)
                _bar(finished, len(reqs), started, status)
                if status == "ended":
                    break
                time.sleep(args.poll_interval)
            sys.stderr.write("\n")
            by_id = dict(reqs)
            for cid, raw, error in backend.batch_results(batch_id, cfg):
                if cid not in by_id:
                    continue
                if raw is None:
                    errors[cid] = error or "failed"
                    continue
                try:
                    answers[cid] = service.finish(by_id[cid], raw.tool_input, raw.usage)
                except backend.ExpertError as exc:
                    errors[cid] = exc.message
        except backend.ExpertError as exc:
            sys.stderr.write("\n")
            _err(exc.message)
            return 1
    out = Path(args.out) if args.out else cache.cache_dir() / "batches" / batch_id
    out.mkdir(parents=True, exist_ok=True)
    for cid, req in reqs:
        name = re.sub(r"[^A-Za-z0-9_.-]+", "__", req.path.removesuffix(".py")) + ".md"
        if cid in answers:
            (out / name).write_text(review.markdown(answers[cid], req, reason), encoding="utf-8")
            print(f"{req.path}: {len(answers[cid].suggestions)} suggestion(s) -> {out / name}")
        else:
            print(f"{req.path}: failed: {errors.get(cid, 'no result')}")
    print(f"reviews in {out}", file=sys.stderr)
    return 0 if not errors else 1
