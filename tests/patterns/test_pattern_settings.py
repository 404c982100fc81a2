"""`[tool.agentls.patterns]`: thresholds, layers and disabled patterns, read by `agentls
patterns` (run as a subprocess, as users run it) and validated without ever failing."""

from __future__ import annotations

import json
import logging
import subprocess
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import AGENTLS

from agentls import config
from agentls.config.patterns import engine_from
from agentls.patterns.settings import DEFAULT_LAYERS, PatternSettings

# WMC 8, ATFD 2, TCC 0.27: a god class only below the default thresholds (WMC >= 47).
SMALL = """class OrderService:
    def __init__(self):
        self.repo = None
        self.mailer = None

    def place(self, order):
        self.repo.save(order)

    def cancel(self, order):
        self.repo.delete(order)

    def find(self, oid):
        return self.repo.get(oid)

    def confirm(self, order):
        self.mailer.send(order.customer)

    def remind(self, order):
        self.mailer.send(order.email)

    def notify_all(self, orders):
        for o in orders:
            self.remind(o)
"""
LOW_WMC = "[tool.agentls.patterns.god-class]\natfd = 1\nwmc = 8\ntcc = 0.5\n"


def patterns(cwd: Path, *args: str) -> tuple[list[dict[str, Any]], str]:
    done = subprocess.run([*AGENTLS, "patterns", *args, "--format", "json"],
                          cwd=cwd, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout), done.stderr


def found(rows: list[dict[str, Any]], pattern: str) -> list[tuple[str, str, int]]:
    return sorted((r["path"], r["symbol"], r["line"]) for r in rows if r["pattern"] == pattern)


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


def test_lower_wmc_threshold_in_pyproject_reports_a_god_class(tmp_path: Path) -> None:
    write(tmp_path / "app" / "orders.py", SMALL)
    rows, _ = patterns(tmp_path, ".")
    assert found(rows, "god_class") == []
    write(tmp_path / "pyproject.toml", "[project]\nname = 'x'\n\n" + LOW_WMC)
    rows, stderr = patterns(tmp_path, ".")
    assert found(rows, "god_class") == [("app/orders.py", "OrderService", 1)]
    (row,) = [r for r in rows if r["pattern"] == "god_class"]
    assert row["evidence"][0]["reason"].startswith("ATFD 2 > 1, WMC 8 ≥ 8, TCC 0.27 < 0.50")
    assert stderr == ""
    # Found from the first path upwards too, and --no-smells still wins.
    rows, _ = patterns(tmp_path / "app", "orders.py")
    assert found(rows, "god_class") == [("orders.py", "OrderService", 1)]
    rows, _ = patterns(tmp_path, ".", "--no-smells")
    assert found(rows, "god_class") == []


LAYERED = {
    "proj/core/rules.py": "from proj.web.views import render\nfrom proj.app import handlers\n",
    "proj/app/handlers.py": "from proj.core import rules\n",
    "proj/web/views.py": "def render(): ...\n",
}


def test_custom_layer_names_produce_a_layer_violation(tmp_path: Path) -> None:
    for rel, text in LAYERED.items():
        write(tmp_path / rel, text)
    rows, _ = patterns(tmp_path, ".")
    assert found(rows, "layer_violation") == []  # none of these names is a default layer
    write(tmp_path / ".agentls.toml", '[patterns]\nlayers = ["core", "app", "web"]\n')
    rows, _ = patterns(tmp_path, ".")
    assert found(rows, "layer_violation") == [("proj/core/rules.py", "proj.core.rules", 1),
                                              ("proj/core/rules.py", "proj.core.rules", 2)]
    (first, _) = [r for r in rows if r["pattern"] == "layer_violation"]
    assert "the core layer imports `proj.web.views.render` from the outer web layer" in first["evidence"][0]["reason"]
    # Layers as tables, in another file given with --config; `app` is now outside them.
    other = tmp_path / "elsewhere.toml"
    other.write_text('[patterns.layers]\ninner = ["core"]\nouter = ["web", "www"]\n')
    rows, _ = patterns(tmp_path, ".", "--config", str(other))
    assert found(rows, "layer_violation") == [("proj/core/rules.py", "proj.core.rules", 1)]


def test_disabled_and_bad_values_warn_and_keep_the_defaults(tmp_path: Path) -> None:
    write(tmp_path / "app" / "orders.py", SMALL)
    write(tmp_path / "pyproject.toml", LOW_WMC + '\n[tool.agentls.patterns]\ndisabled = ["god-class"]\n')
    rows, _ = patterns(tmp_path, ".")
    assert found(rows, "god_class") == []
    write(tmp_path / "pyproject.toml",
          '[tool.agentls.patterns]\nsmells = "yes"\nlayers = ["only"]\ndisabled = ["no_such_pattern"]\n'
          '[tool.agentls.patterns.god-class]\nwmc = 0\natfd = 1.5\ntcc = "low"\n')
    rows, stderr = patterns(tmp_path, ".")
    assert found(rows, "god_class") == []  # the default thresholds stand
    for key in ("smells = 'yes'", "layers = ['only']", "disabled = 'no_such_pattern'", "godClass.wmc = 0",
                "godClass.atfd = 1.5", "godClass.tcc = 'low'"):
        assert f"ignoring {key}" in stderr, stderr
    assert "[tool.agentls.patterns]" in stderr
    write(tmp_path / "broken.toml", "[patterns\n")
    rows, stderr = patterns(tmp_path, ".", "--config", "broken.toml")
    assert "cannot read the pattern settings" in stderr and found(rows, "god_class") == []


@pytest.mark.parametrize(("data", "expected"), [
    ({}, PatternSettings()),
    ({"godClass": {"wmc": 20, "atfd": 3, "tcc": 0.5}}, PatternSettings(god_wmc=20, god_atfd=3, god_tcc=0.5)),
    ({"god_class.wmc": 20.0}, PatternSettings(god_wmc=20)),
    ({"disabled": ["Singleton", "god-class"], "smells": False},
     PatternSettings(disabled=frozenset({"singleton", "god_class"}), smells=False)),
    ({"layers": ["a", "b"]}, PatternSettings(layers=(("a", ("a",)), ("b", ("b",))))),
    ({"layers": [{"name": "in", "packages": ["x", "y"]}, {"name": "out", "packages": "z"}]},
     PatternSettings(layers=(("in", ("x", "y")), ("out", ("z",))))),
    ({"layers": {"in": ["x"], "out": ["z"]}}, PatternSettings(layers=(("in", ("x",)), ("out", ("z",))))),
    ({"layers": [], "godClass": 5, "disabled": "x"}, PatternSettings()),
    ({"layers": [{"name": "a"}, {"name": "b", "packages": ["b"]}], "godClass": {"tcc": float("nan")}},
     PatternSettings()),
])
def test_from_mapping_accepts_the_documented_shapes_only(data: dict[str, Any], expected: PatternSettings) -> None:
    assert engine_from(data, PatternSettings(), "test") == expected


def test_editor_values_override_the_toml_ones_and_bad_ones_are_logged(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    write(tmp_path / "pyproject.toml", LOW_WMC + '[tool.agentls.patterns]\nlayers = ["a", "b"]\n')
    base = config.load(tmp_path / "sub").patterns.engine
    assert (base.god_wmc, base.god_atfd, base.layers) == (8, 1, (("a", ("a",)), ("b", ("b",))))
    with caplog.at_level(logging.WARNING, "agentls.config.patterns"):
        merged = engine_from({"godClass": {"wmc": 12, "atfd": "x"}}, base, "editor")
    assert (merged.god_wmc, merged.god_atfd, merged.layers) == (12, 1, base.layers)
    assert "ignoring godClass.atfd = 'x'" in caplog.text
    assert config.load(tmp_path.parent / "nowhere-at-all").patterns.engine.layers == DEFAULT_LAYERS


def test_check_and_patterns_read_the_same_project_file(tmp_path: Path) -> None:
    """One `pyproject.toml` for both commands: `agentls check` takes `[tool.agentls]`, `agentls
    patterns` takes `[tool.agentls.patterns]` (and not the other's keys), from a subfolder too."""
    write(tmp_path / "pyproject.toml", '[tool.agentls]\nignore = ["AG141"]\n\n' + LOW_WMC)
    write(tmp_path / "app" / "orders.py", SMALL)
    write(tmp_path / ".claude" / "agents" / "r.md", "---\nname: r\ndescription: d\ncolor: chartreuse\n---\nBody\n")
    rows, _ = patterns(tmp_path / "app", "orders.py")
    assert found(rows, "god_class") == [("orders.py", "OrderService", 1)]
    done = subprocess.run([*AGENTLS, "check", "--format", "json", "."], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert "AG141" not in {f["code"] for f in json.loads(done.stdout)}, done.stdout
    write(tmp_path / "pyproject.toml", LOW_WMC)  # the patterns table alone: AG141 is back
    done = subprocess.run([*AGENTLS, "check", "--format", "json", "."], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert "AG141" in {f["code"] for f in json.loads(done.stdout)}, done.stdout
