"""The expert's answer cache survives a process killed in the middle of writing it.

A real process writes large answers into the cache (``cache.put``, as the server does when an
answer has arrived) over and over, each key alternating between two versions, and is killed
with SIGKILL at random moments. Afterwards every cached answer reads back whole and equal to
one of the versions written (a temporary file plus ``os.replace``: a reader never sees half a
file), every answer file is private to the user (0600), and a killed write leaves at most a
temporary file that ``get`` never reads and ``clear`` removes.
"""

from __future__ import annotations

import json
import os
import random
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

from agentls.expert import cache

WRITER = """
import sys
from agentls.expert import cache
round = 0
while True:
    for k in range(4):
        cache.put(f"key{k}", {"round": round % 2, "text": str(round % 2) * 3_000_000})
    round += 1
    print(round, flush=True)
"""


def _versions() -> list[dict[str, object]]:
    return [{"round": r, "text": str(r) * 3_000_000} for r in (0, 1)]


def test_a_kill_mid_write_leaves_whole_answers(isolated: Path) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(isolated / "cache")}
    rng = random.Random(5)
    folder = cache.cache_dir() / "answers"
    versions = _versions()
    for _ in range(6):
        proc = subprocess.Popen([sys.executable, "-c", WRITER], env=env, stdout=subprocess.PIPE, text=True)
        assert proc.stdout is not None
        proc.stdout.readline()  # one round written: every key exists
        time.sleep(rng.uniform(0.0, 0.15))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        proc.stdout.close()
        answers = sorted(folder.glob("*.json"))
        assert len(answers) == 4
        for path in answers:
            assert stat.S_IMODE(path.stat().st_mode) == 0o600
            assert json.loads(path.read_text(encoding="utf-8")) in versions
        for k in range(4):
            assert cache.get(f"key{k}") in versions
    assert cache.clear() >= 4
    assert not folder.exists() or not any(folder.iterdir())  # temporary files go too
