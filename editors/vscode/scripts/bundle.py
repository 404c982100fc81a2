"""Fill bundled/libs with the agentls server and its pure-Python dependencies.

The layout is the one of Microsoft's Python-tools extension template: bundled/tool holds the
launcher, bundled/libs the importable packages; the extension runs the launcher with the
Python extension's interpreter, else `python3` on PATH. Run by `npm run bundle` (and so by
`npm run package`) with any Python >= 3.10 that has pip.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

EXT = Path(__file__).resolve().parents[1]
ROOT = EXT.parents[1]
LIBS = EXT / "bundled" / "libs"


def main() -> int:
    shutil.rmtree(LIBS, ignore_errors=True)
    LIBS.mkdir(parents=True)
    # --no-deps: the requirements list is complete and pinned; binary wheels only, so no build
    # tools are needed; no .pyc files, since the user's interpreter writes its own.
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                    "--no-deps", "--no-compile", "--only-binary=:all:", "--target", str(LIBS),
                    "-r", str(EXT / "requirements.bundled.txt")], check=True)
    # PyYAML without its C extension runs on any interpreter and platform (pure-Python parser).
    for native in [*LIBS.rglob("*.so"), *LIBS.rglob("*.pyd")]:
        native.unlink()
    shutil.rmtree(LIBS / "bin", ignore_errors=True)
    shutil.copytree(ROOT / "server" / "agentls", LIBS / "agentls",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    for cache in list(LIBS.rglob("__pycache__")):
        shutil.rmtree(cache, ignore_errors=True)
    size = sum(p.stat().st_size for p in LIBS.rglob("*") if p.is_file())
    print(f"bundled/libs: {size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
