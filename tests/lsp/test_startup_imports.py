"""What ``agentls serve`` imports before it can answer ``initialize``.

The expert's modules (prompts, the API backend, reviews, edit checks) are imported on first
use (``agentls.lazy``): building the server must not load them (bench/startup.py measures the
time this saves). A fresh interpreter, as the editor starts one.
"""

from __future__ import annotations

import json
import subprocess
import sys

CODE = """
import json, sys
from agentls.lsp.run import create_server
create_server()
print(json.dumps(sorted(m for m in sys.modules if m.startswith(("agentls", "anthropic")))))
"""
NOT_AT_START = {"agentls.expert.prompts", "agentls.expert.backend", "agentls.expert.review",
                "agentls.expert.service", "agentls.expert.edits", "agentls.expert.experts",
                "agentls.expert.verify", "agentls.expert.local", "agentls.expert.auto_prompt", "anthropic"}


def test_building_the_server_leaves_the_expert_unloaded() -> None:
    out = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, check=True)
    loaded = set(json.loads(out.stdout))
    assert "agentls.lsp.expert_features" in loaded  # the feature is there, its engine is not
    assert loaded & NOT_AT_START == set()
