"""The expert's edit checks (agentls/expert/edits.py) on real modules nobody here wrote.

For short functions picked at random (seed fixed) in GitPython, httpx, rich, click, requests
and eventsourcing (from `bench/.work/corpus`, see `bench/corpus/`), five edits are checked,
each with a known right answer: the function unchanged (offered), the same 7 lines off
(moved back and offered), an unclosed parenthesis, a call of an undefined name, and a quoted
original that is not in the file (all three withheld). It reports how many got the right
verdict, and the time per check beside a floor measured in the same loop: parsing the
module twice (before and after, the least any parse check does), with and without ruff.

Target: every verdict right; without ruff median ≤ 5× the floor; with ruff p90 ≤ 150 ms.
"""

from __future__ import annotations

import ast
import random
import statistics
import time
from pathlib import Path

from agentls.expert import edits, masking
from agentls.expert.answer import Suggestion

ROOTS = ["gitpython-developers+GitPython/git", "encode+httpx/httpx", "Textualize+rich/rich",
         "pallets+click/src/click", "psf+requests/src/requests", "pyeventsourcing+eventsourcing/eventsourcing"]
CORPUS = Path(__file__).parent / ".work" / "corpus"


def cases(src: str, masked: str, fn: ast.FunctionDef | ast.AsyncFunctionDef) -> dict[str, tuple[Suggestion, bool]]:
    a, b = fn.lineno, fn.end_lineno or fn.lineno
    orig = "".join(masked.splitlines(keepends=True)[a - 1:b])
    real = "".join(src.splitlines(keepends=True)[a - 1:b])
    indent = real[:len(real) - len(real.lstrip())] + "    "
    first = real.split("\n")[0]
    paren = real.replace(")", "", 1) if ")" in first else real + f"{indent}x = (\n"
    return {
        "unchanged": (Suggestion("id", "r", "info", a, b, original=orig, replacement=real), True),
        "7 lines off": (Suggestion("off", "r", "info", max(1, a - 7), max(1, b - 7), original=orig,
                                   replacement=real), True),
        "unclosed paren": (Suggestion("paren", "r", "info", a, b, original=orig, replacement=paren), False),
        "undefined name": (Suggestion("undef", "r", "info", a, b, original=orig,
                                      replacement=real.rstrip("\n") + f"\n{indent}zz_undefined_helper()\n"), False),
        "original not there": (Suggestion("ghost", "r", "info", a, b, original=indent[:-4] + "def not_there(self):\n",
                                          replacement=real), False),
    }


def main() -> None:
    random.seed(7)
    files = [f for r in ROOTS for f in sorted((CORPUS / r).rglob("*.py")) if "test" not in f.name]
    if not files:
        print(f"no corpus in {CORPUS}: run bench/patterns_corpus.py first (it fetches it)\nMISSED")
        return
    random.shuffle(files)
    right: dict[str, list[bool]] = {}
    timings: dict[str, list[float]] = {"floor": [], "no ruff": [], "ruff": []}
    modules = 0
    for f in files[:80]:
        src = f.read_text(encoding="utf-8", errors="replace")
        try:
            tree = ast.parse(src)
        except SyntaxError:
            continue
        fns = [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))
               and (n.end_lineno or n.lineno) - n.lineno < 30 and not n.decorator_list]
        if not fns:
            continue
        modules += 1
        fn = random.choice(fns)
        masked = masking.mask(src).text
        for kind, (s, offered) in cases(src, masked, fn).items():
            for mode in ("floor", "no ruff", "ruff"):  # side by side, same module, same moment
                started = time.perf_counter()
                if mode == "floor":
                    ast.parse(src)
                    ast.parse(src)
                else:
                    (out,) = edits.check(src, masked, [s], None, use_ruff=mode == "ruff")
                timings[mode].append(time.perf_counter() - started)
            ok = (out.replacement is not None) == offered
            if kind == "7 lines off" and ok:
                ok = (out.start_line, out.end_line) == (fn.lineno, fn.end_lineno)
            right.setdefault(kind, []).append(ok)
    print(f"{modules} real modules, one short function each")
    print(f"{'edit':<20} right")
    for kind, oks in right.items():
        print(f"{kind:<20} {sum(oks)}/{len(oks)}")
    med = {k: statistics.median(v) * 1000 for k, v in timings.items()}
    p90 = {k: sorted(v)[int(len(v) * 0.9)] * 1000 for k, v in timings.items()}
    for k in timings:
        print(f"{k:<10} median {med[k]:7.2f} ms  p90 {p90[k]:7.2f} ms")
    ratio = med["no ruff"] / med["floor"]
    print(f"without ruff / floor: {ratio:.2f}x (median)")
    met = all(all(v) for v in right.values()) and ratio <= 5 and p90["ruff"] <= 150
    print("MET" if met else "MISSED")


if __name__ == "__main__":
    main()
