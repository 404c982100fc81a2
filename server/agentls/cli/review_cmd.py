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

from agentls.expert import analysis, backend, cache, experts, prompts, review, service, verify
from agentls.expert.answer import Answer
from agentls.expert.service import ExpertSettings

RATE_LIMIT_WAITS = 3  # 429s waited out (as long as retry-after says) before giving up
MAX_RATE_LIMIT_WAIT = 900.0  # seconds; a longer retry-after is reported, not waited for


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("review", help="ask an expert agent to review a Python module",
                       description="Review a Python module with an expert agent (Anthropic API, or the local "
                                   "expert without a key). Code is masked for secrets before it is sent.")
    p.add_argument("file", nargs="?", help="the Python module to review")
    p.add_argument("--expert", metavar="NAME", help="expert name (default: python-architect)")
    p.add_argument("--lines", metavar="A-B", help="refactor only these 1-based lines")
    p.add_argument("--format", choices=["text", "json", "diff"], default="text")
    p.add_argument("--model", help="model id or alias; overrides the agent's model")
    where = p.add_mutually_exclusive_group()
    where.add_argument("--local", action="store_true", help="use the local expert (no API call)")
    where.add_argument("--remote", action="store_true",
                       help="require the API: a missing key is an error (exit 2), not a local review")
    p.add_argument("--no-cache", action="store_true", help="ask again even if the answer is cached")
    p.add_argument("--no-user-agents", action="store_true", help="ignore ~/.claude/agents")
    p.add_argument("--workspace", metavar="DIR", help="workspace root (default: current folder)")
    p.add_argument("--timeout", type=float, help="seconds to wait for the API")
    p.add_argument("--max-retries", type=int, help="retries on 429/5xx/connection errors (default 2)")
    p.add_argument("--max-tokens", type=int, metavar="N",
                   help="longest answer, in tokens (default: per model family, e.g. 16384 for Opus and Sonnet)")
    p.add_argument("--verify", metavar="CMD",
                   help="apply each suggested edit alone to a temporary copy of the workspace and run CMD "
                        "there (e.g. \"python -m pytest -q -x\"); reports passed / failed / timed out")
    p.add_argument("--verify-timeout", type=float, default=verify.DEFAULT_TIMEOUT, metavar="SECONDS",
                   help=f"per --verify run (default {verify.DEFAULT_TIMEOUT:g})")
    p.add_argument("--count-tokens", action="store_true", help="print the exact input tokens and stop")
    p.add_argument("--batch", nargs="+", metavar="PATH", help="review many modules via the Message Batches API")
    p.add_argument("--out", metavar="DIR", help="folder for --batch reviews (default: in the cache folder)")
    p.add_argument("--poll-interval", type=float, default=5.0, help="seconds between --batch polls")
    p.add_argument("--yes", "-y", action="store_true", help="send a --batch without asking")
    p.add_argument("--list-experts", action="store_true", help="list the experts and stop")
    p.add_argument("--clear-cache", action="store_true", help="delete cached answers and reviews")
    p.set_defaults(run=run)


def _err(message: str) -> None:
    print(f"agentls review: {message}", file=sys.stderr)


def _settings(args: argparse.Namespace) -> ExpertSettings:
    return ExpertSettings(default=args.expert, model=args.model, local_only=args.local,
                          include_user_agents=not args.no_user_agents, timeout=args.timeout,
                          max_retries=args.max_retries, max_tokens=args.max_tokens)


def _where(s: ExpertSettings, expert: experts.Expert, model: str) -> tuple[str | None, str]:
    """(why local or None, the first line: which expert, and where it runs)."""
    cfg = service.backend_config(s)
    reason = service.local_reason(s, cfg)
    reason = backend.cli_text(reason.replace("expert.localOnly is set", "--local")) if reason else None
    if reason is not None:
        return reason, f"{expert.name}: local expert on this machine, no API call ({reason})"
    return None, f"{expert.name} ({expert.origin}) on {model} via {cfg.where}"


def _remote_missing(args: argparse.Namespace, s: ExpertSettings) -> bool:
    if args.remote and not service.backend_config(s).has_key:
        _err("--remote: no Anthropic API key; set ANTHROPIC_API_KEY (or drop --remote for the local expert)")
        return True
    return False


def _ask(req: prompts.Request, s: ExpertSettings, use_cache: bool) -> service.Outcome:
    """One request; a 429 is waited out as long as its retry-after says, a few times."""
    for attempt in range(RATE_LIMIT_WAITS + 1):
        try:
            return asyncio.run(service.ask(req, s, use_cache=use_cache))
        except backend.ExpertError as exc:
            wait = exc.retry_after
            if exc.kind != "rate-limit" or wait is None or wait > MAX_RATE_LIMIT_WAIT or attempt == RATE_LIMIT_WAITS:
                raise
            _err(f"rate limited (429): waiting {wait:g} s, as the API asks (retry-after)")
            time.sleep(wait)
    raise AssertionError("unreachable")


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
    if _remote_missing(args, s):
        return 2
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
    model = experts.resolve_model(expert.model, s.model)
    try:
        req = prompts.build(expert, model, source, str(path.resolve()), workspace, selection)
    except prompts.PromptTooLarge as exc:
        _err(f"{exc} (--lines)")
        return 2
    if args.count_tokens:
        try:
            print(asyncio.run(backend.count_tokens(req, service.backend_config(s))))
        except backend.ExpertError as exc:
            _err(exc.for_cli())
            return 1
        return 0
    reason, first = _where(s, expert, model)
    print(first, file=sys.stderr)
    if reason is None:
        price = service.estimate_cost(req)
        print(f"~{req.input_tokens:,} input tokens ({req.cached_prefix_tokens:,} in the cacheable prefix, "
              f"minimum {req.min_cacheable:,}), {req.masked} secret(s) masked"
              + (f", estimated ${price:.4f}" if price is not None else ""), file=sys.stderr)
    try:
        outcome = _ask(req, s, use_cache=not args.no_cache)
    except backend.ExpertError as exc:
        _err(exc.for_cli())
        return 1
    if args.verify:
        code = _verify(args, workspace, path, outcome)
        if code:
            return code
    written = review.write(outcome.answer, req, outcome.local_reason, outcome.cached)
    _emit(args.format, outcome, written)
    print(f"review written to {written}", file=sys.stderr)
    return 0


def _verify(args: argparse.Namespace, workspace: Path, path: Path, outcome: service.Outcome) -> int:
    """Run ``--verify CMD`` for each offered edit alone; the verdicts go onto the answer."""
    answer = outcome.answer
    root = workspace if path.resolve().is_relative_to(workspace) else path.resolve().parent
    if not any(s.replacement is not None for s in answer.suggestions):
        _err("--verify: no suggestion offers an edit, so there is nothing to test")
        return 0

    print(f"verify: running {args.verify!r} in a temporary copy of {root}, unchanged and then with each "
          "edit alone", file=sys.stderr, flush=True)
    baseline_failed = [False]

    def progress(label: str, run: verify.Run | None) -> None:
        if run is None:
            return
        also = " (the unchanged code fails too)" if baseline_failed[0] and run.status != verify.PASSED else ""
        print(f"verify: {label}: {run.summary}{also}", file=sys.stderr, flush=True)
        if label == verify.UNCHANGED and run.status != verify.PASSED:
            baseline_failed[0] = True
            _err("--verify: the tests do not pass without any edit, so a failure below may not be the edit's")
        if run.status != verify.PASSED and run.output.strip():
            print("    " + "\n    ".join(run.output.strip().splitlines()[-6:]), file=sys.stderr, flush=True)

    try:
        _, verdicts = verify.verify(root, path, outcome.request.source, answer.suggestions, args.verify,
                                    args.verify_timeout, progress)
    except (ValueError, OSError) as exc:
        _err(f"--verify: {exc}")
        return 2
    answer.suggestions = verify.with_verdicts(answer.suggestions, verdicts)
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
                    input_tokens_estimate=req.input_tokens, masked=req.masked,
                    cost=service.cost(answer.model, answer.usage) if not (answer.local or outcome.cached) else 0.0,
                    cached_prefix_tokens_estimate=req.cached_prefix_tokens, min_cacheable_tokens=req.min_cacheable)
        print(json.dumps(data, indent=2))
    elif fmt == "diff":
        sys.stdout.write(review.diff(answer, req))
    else:
        sys.stdout.write(review.text(answer, req, outcome.local_reason, outcome.cached))


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
    model = experts.resolve_model(expert.model, s.model)
    reqs: list[tuple[str, prompts.Request]] = []
    index = analysis.index_workspace(workspace)  # once for every module
    for i, path in enumerate(modules):
        try:
            source = path.read_bytes().decode("utf-8", errors="replace")
            if not source.strip():
                _err(f"skipping {path}: empty module")
                continue
            reqs.append((f"m{i}", prompts.build(expert, model, source, str(path.resolve()), workspace,
                                                index=index)))
        except (OSError, prompts.PromptTooLarge) as exc:
            _err(f"skipping {path}: {exc}")
    if not reqs:
        _err("no Python modules to review")
        return 2
    reason, first = _where(s, expert, model)
    print(first, file=sys.stderr)
    answers: dict[str, Answer] = {}
    errors: dict[str, str] = {}
    batch_id = "local"
    if reason is not None:
        from agentls.expert import local

        answers = {cid: local.answer(req) for cid, req in reqs}
    else:
        for cid, req in reqs if not args.no_cache else []:
            hit = cache.get(service.cache_key(req))
            if hit is not None:
                answers[cid] = Answer.from_json(hit)
        todo = [(cid, req) for cid, req in reqs if cid not in answers]
        if todo:
            if not _confirm(args, todo, len(answers)):
                return 1
            try:
                batch_id = _run_batch(args, todo, service.backend_config(s), answers, errors)
            except backend.ExpertError as exc:
                sys.stderr.write("\n")
                _err(exc.for_cli())
                return 1
        else:
            print(f"all {len(reqs)} module(s) answered from the cache: nothing sent", file=sys.stderr)
            batch_id = "cached"
    out = Path(args.out) if args.out else cache.private_dir(cache.cache_dir() / "batches" / batch_id)
    out.mkdir(parents=True, exist_ok=True)
    for cid, req in reqs:
        stem = re.sub(r"[^A-Za-z0-9_.-]+", "__", req.path.removesuffix(".py"))
        if cid not in answers:
            print(f"{req.path}: failed: {errors.get(cid, 'no result')}")
            continue
        ans = answers[cid]
        cache.write_private(out / f"{stem}.md", review.markdown(ans, req, reason))
        data = {**ans.to_json(), "path": req.path}
        cache.write_private(out / f"{stem}.json", json.dumps(data, indent=2) + "\n")
        written = [f"{stem}.md", f"{stem}.json"]
        patch = review.diff(ans, req)
        if patch:
            cache.write_private(out / f"{stem}.diff", patch)
            written.append(f"{stem}.diff")
        print(f"{req.path}: {len(ans.suggestions)} suggestion(s) -> {out}/{{{','.join(written)}}}")
    print(f"reviews in {out}", file=sys.stderr)
    return 0 if not errors else 1


def _confirm(args: argparse.Namespace, todo: list[tuple[str, prompts.Request]], cached: int) -> bool:
    """Say what the batch will cost; ask unless --yes (no terminal to ask: refuse)."""
    tokens = sum(req.input_tokens for _, req in todo)
    prices = [service.estimate_cost(req) for _, req in todo]
    # Message Batches are billed at half the standard price.
    money = (f"estimated ${sum(p or 0.0 for p in prices) / 2:.4f} at batch prices"
             if all(p is not None for p in prices) else "cost unknown (model not in the price table)")
    print(f"{len(todo)} request(s) to {todo[0][1].model} in one batch"
          + (f" ({cached} more answered from the cache)" if cached else "")
          + f": ~{tokens:,} input tokens, {money}", file=sys.stderr)
    if args.yes:
        return True
    if not sys.stdin.isatty():
        _err("not sending without confirmation: pass --yes to send the batch")
        return False
    reply = input("Send the batch? [y/N] ").strip().lower()
    if reply not in ("y", "yes"):
        _err("nothing sent")
        return False
    return True


def _run_batch(args: argparse.Namespace, todo: list[tuple[str, prompts.Request]], cfg: backend.BackendConfig,
               answers: dict[str, Answer], errors: dict[str, str]) -> str:
    """Submit, poll with a progress bar, collect; each complete answer is cached."""
    batch_id = backend.batch_submit(todo, cfg)
    started = time.monotonic()
    while True:
        status, counts = backend.batch_status(batch_id, cfg)
        _bar(len(todo) - counts.get("processing", 0), len(todo), started, status)
        if status == "ended":
            break
        time.sleep(args.poll_interval)
    sys.stderr.write("\n")
    by_id = dict(todo)
    for cid, raw, error in backend.batch_results(batch_id, cfg):
        if cid not in by_id:
            continue
        if raw is None:
            errors[cid] = error or "failed"
            continue
        try:
            answers[cid] = service.finish(by_id[cid], raw.tool_input, raw.usage, raw.truncated)
        except backend.ExpertError as exc:
            errors[cid] = exc.for_cli()
            continue
        if not answers[cid].truncated:
            cache.put(service.cache_key(by_id[cid]), answers[cid].to_json())
    return batch_id
