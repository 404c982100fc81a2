"""Verify suggestions with the project's own tests: each edit alone, in a copy of the workspace.

The workspace is copied once to a temporary folder (without VCS folders, virtual
environments and caches); the tests run there first unchanged (the baseline), then once per
offered edit with only that edit applied, the file restored in between. The user's files are
never touched. A run past the timeout is killed with its whole process group.
"""

from __future__ import annotations

import os
import shlex
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from agentls.expert.answer import Suggestion
from agentls.expert.edits import apply_one

DEFAULT_TIMEOUT = 300.0
PASSED, FAILED, TIMED_OUT = "passed", "failed", "timed out"
UNCHANGED = "unchanged code"  # the label of the baseline run
_SKIP = shutil.ignore_patterns(".git", ".hg", ".svn", ".venv", "venv", ".tox", ".nox", "node_modules",
                               "__pycache__", ".mypy_cache", ".pytest_cache", ".ruff_cache")
TAIL_CHARS = 1_500  # of the output, kept for a failure


@dataclass(frozen=True)
class Run:
    status: str  # PASSED | FAILED | TIMED_OUT
    seconds: float
    output: str  # the end of stdout and stderr

    @property
    def summary(self) -> str:
        return f"{self.status} ({self.seconds:.1f} s)"


@dataclass(frozen=True)
class SuggestionVerdict:
    index: int  # 0-based, in the answer's suggestions
    title: str
    run: Run


def command_args(command: str | list[str]) -> list[str]:
    args = shlex.split(command) if isinstance(command, str) else list(command)
    if not args:
        raise ValueError("the verify command is empty")
    return args


def run_command(args: list[str], cwd: Path, timeout: float) -> Run:
    started = time.monotonic()
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    try:
        proc = subprocess.Popen(args, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, text=True, errors="replace", start_new_session=True)
    except OSError as exc:
        return Run(FAILED, 0.0, f"could not start {args[0]!r}: {exc.strerror or exc}")
    try:
        out, _ = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        try:  # the tests may have started their own children
            os.killpg(proc.pid, signal.SIGKILL)
        except OSError:
            proc.kill()
        out, _ = proc.communicate()
        return Run(TIMED_OUT, time.monotonic() - started, (out or "")[-TAIL_CHARS:])
    status = PASSED if proc.returncode == 0 else FAILED
    return Run(status, time.monotonic() - started, (out or "")[-TAIL_CHARS:])


def verify(root: Path, file: Path, source: str, suggestions: list[Suggestion], command: str | list[str],
           timeout: float = DEFAULT_TIMEOUT,
           on_run: Callable[[str, Run | None], None] | None = None) -> tuple[Run, list[SuggestionVerdict]]:
    """The baseline run and one verdict per offered edit (``replacement`` set).

    ``file`` must lie inside ``root``; ``source`` is the text the suggestions are anchored to
    (the editor's buffer may differ from the disk). ``on_run(label, None)`` is called before
    a run starts and ``on_run(label, run)`` after it ends, for progress (labels: UNCHANGED,
    then ``#n title`` with n counted from 1 in ``suggestions``)."""
    args = command_args(command)
    rel = file.resolve().relative_to(root.resolve())
    with tempfile.TemporaryDirectory(prefix="agentls-verify-") as tmp:
        copy = Path(tmp) / root.name
        shutil.copytree(root, copy, ignore=_SKIP, symlinks=True)
        target = copy / rel
        target.parent.mkdir(parents=True, exist_ok=True)

        def attempt(label: str, text: str) -> Run:
            if on_run is not None:
                on_run(label, None)
            target.write_text(text, encoding="utf-8", newline="")
            done = run_command(args, copy, timeout)
            if on_run is not None:
                on_run(label, done)
            return done

        baseline = attempt(UNCHANGED, source)
        verdicts = [SuggestionVerdict(i, s.title, attempt(f"#{i + 1} {s.title}", apply_one(source, s)))
                    for i, s in enumerate(suggestions) if s.replacement is not None]
    return baseline, verdicts


def with_verdicts(suggestions: list[Suggestion], verdicts: list[SuggestionVerdict]) -> list[Suggestion]:
    by_index = {v.index: v.run.status for v in verdicts}
    return [replace(s, tests=by_index[i]) if i in by_index else s for i, s in enumerate(suggestions)]
