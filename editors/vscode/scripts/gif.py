"""Make the README's short GIF from the screenshots of the end-to-end run.

    python editors/vscode/scripts/gif.py tests/editors/screenshots/full editors/vscode/images/agentls.gif

The screenshots are the steps `tests/editors/test_vscode.py` took in code-server (squiggle,
hover, quick fix, pattern hover, expert review, refactor preview). Needs Pillow (not a
dependency of the project or its tests; pip install pillow to run this).
"""

from __future__ import annotations

import sys
from pathlib import Path


def main(shots: Path, out: Path, width: int = 900, seconds: float = 1.6) -> int:
    from PIL import Image

    frames = []
    for png in sorted(shots.glob("*.png")):
        if "failure" in png.name:
            continue
        image = Image.open(png).convert("RGB")
        image = image.resize((width, round(image.height * width / image.width)), Image.LANCZOS)
        frames.append(image.quantize(colors=128, method=Image.Quantize.MEDIANCUT))
    if not frames:
        print(f"no screenshots in {shots}", file=sys.stderr)
        return 1
    frames[0].save(out, save_all=True, append_images=frames[1:], duration=int(seconds * 1000), loop=0,
                   optimize=True)
    print(f"{out}: {len(frames)} frames, {out.stat().st_size // 1024} KiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1]), Path(sys.argv[2])))
