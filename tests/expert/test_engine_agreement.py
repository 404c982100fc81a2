"""One analysis: the local expert reports what `agentls patterns` reports, on the same files
with the same `[tool.agentls.patterns]`, because both ask the pattern engine."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from tests.conftest import AGENTLS
from tests.expert.test_core import GOD, SMALL_GOD, write

from agentls.expert import experts, local, prompts

ROOT = Path(__file__).resolve().parents[2]
POSITIVES = ROOT / "tests" / "fixtures" / "patterns" / "positives"


def _big_god() -> str:
    """A god class at the engine's default thresholds (WMC >= 47, ATFD > 5, TCC < 1/3)."""
    methods = []
    for i in range(12):
        branches = "\n".join(f"        if other.f{j} > {j}:\n            total += other.g{j}" for j in range(4))
        methods.append(f"    def m{i}(self, other):\n        total = self.a{i}\n{branches}\n        return total\n")
    return "class Everything:\n" + "\n".join(methods)


CUSTOM_LAYERS = """[tool.agentls.patterns]
layers = ["core", "app", "web"]
"""

SETTINGS = {"defaults": None, "small god class": SMALL_GOD, "custom layers": CUSTOM_LAYERS,
            "god class off": "[tool.agentls.patterns]\ndisabled = [\"god_class\"]\n" + SMALL_GOD.split("]\n", 1)[1]}


def project(root: Path, settings: str | None) -> list[str]:
    files = {
        "shop/domain/orders.py": GOD,
        "shop/domain/everything.py": _big_god(),
        "shop/adapters/db.py": "class SqlRepo:\n    def save(self, o): ...\n",
        "shop/service_layer/services.py": "from shop.entrypoints.api import app\n\ndef place(order): ...\n",
        "shop/entrypoints/api.py": "app = object()\n",
        "shop/config.py": (POSITIVES / "singleton.py").read_text(),
        "site/core/rules.py": "from site.web.views import render\nfrom site.app import handlers\n",
        "site/app/handlers.py": "from site.core import rules\n",
        "site/web/views.py": "def render(): ...\n",
    }
    for rel, text in files.items():
        write(root / rel, text)
    if settings is not None:
        write(root / "pyproject.toml", settings)
    return sorted(files)


def cli_rows(root: Path) -> dict[str, set[tuple[str, str, str, int]]]:
    done = subprocess.run([*AGENTLS, "patterns", ".", "--format", "json", "--jobs", "1"],
                          cwd=root, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    out: dict[str, set[tuple[str, str, str, int]]] = {}
    for r in json.loads(done.stdout):
        out.setdefault(r["path"], set()).add((r["pattern"], r["role"], r["symbol"], r["line"]))
    return out


@pytest.mark.parametrize("name", sorted(SETTINGS))
def test_local_expert_reports_what_agentls_patterns_reports(tmp_path: Path, name: str) -> None:
    root = tmp_path / "proj"
    files = project(root, SETTINGS[name])
    cli = cli_rows(root)
    expert = experts.choose(experts.discover(None, include_user=False), None)
    assert expert is not None
    god_classes: dict[str, set[str]] = {"cli": set(), "expert": set()}
    layers: set[tuple[str, int]] = set()
    for rel in files:
        source = (root / rel).read_text()
        req = prompts.build(expert, "claude-sonnet-5", source, str(root / rel), root)
        seen = {(d.pattern, d.role, d.symbol, d.start_line) for d in req.detections}
        assert seen == cli.get(rel, set()), rel
        god_classes["cli"] |= {f"{rel}:{s}" for p, _, s, _ in cli.get(rel, set()) if p == "god_class"}
        answer = local.answer(req)
        god_classes["expert"] |= {f"{rel}:{s.title.split('`')[1]}" for s in answer.suggestions
                                  if s.title.startswith(("Split `", "Simplify the most complex methods of `"))}
        # a god class with nothing specific to change is named in the summary instead
        god_classes["expert"] |= {f"{rel}:{s}" for s in re.findall(r"`([\w.]+)` is a god class", answer.summary)}
        layer_lines = sorted(line for p, _, _, line in cli.get(rel, set()) if p == "layer_violation")
        assert sorted(s.start_line for s in answer.suggestions if s.title.startswith("Invert")) == layer_lines
        layers |= {(rel, line) for line in layer_lines}
        singletons = {line for p, _, _, line in cli.get(rel, set()) if p == "singleton"}
        assert {s.start_line for s in answer.suggestions if s.pattern == "Singleton"} == singletons
    assert god_classes["expert"] == god_classes["cli"]
    expected = {
        "defaults": {"shop/domain/everything.py:Everything"},
        "small god class": {"shop/domain/everything.py:Everything", "shop/domain/orders.py:OrderService"},
        "custom layers": {"shop/domain/everything.py:Everything"},
        "god class off": set(),
    }[name]
    assert god_classes["cli"] == expected
    shop = {("shop/domain/orders.py", 1), ("shop/service_layer/services.py", 1)}
    assert layers == ({("site/core/rules.py", 1), ("site/core/rules.py", 2)} if name == "custom layers" else shop)
