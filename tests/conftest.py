from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SERVER_COMMAND = [sys.executable, "-m", "agentls", "serve"]


def server_env(**extra: str) -> dict[str, str]:
    env = {**os.environ, **extra}
    env.pop("ANTHROPIC_API_KEY", None) if "ANTHROPIC_API_KEY" not in extra else None
    return env
