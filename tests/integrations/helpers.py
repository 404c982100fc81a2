"""Shared by the integration tests: the checkout they install."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def source() -> str:
    """The checkout to install: this one, or AGENTLS_TRY_REPO (a clean clone, say)."""
    return os.environ.get("AGENTLS_TRY_REPO") or str(ROOT)
