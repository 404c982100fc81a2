"""Layers are recognised in namespace packages (folders without ``__init__.py``) too."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from tests.conftest import AGENTLS


def test_layer_violation_in_a_namespace_package(tmp_path: Path) -> None:
    (tmp_path / "src" / "app" / "domain").mkdir(parents=True)
    (tmp_path / "src" / "app" / "adapters").mkdir(parents=True)
    (tmp_path / "src" / "app" / "domain" / "orders.py").write_text(
        "from app.adapters.db import Session\n\n\nclass Order:\n    def save(self):\n"
        "        Session().add(self)\n")
    (tmp_path / "src" / "app" / "adapters" / "db.py").write_text(
        "class Session:\n    def add(self, x):\n        pass\n")
    (tmp_path / "src" / "app" / "service").mkdir()  # three layers side by side: a layered app
    (tmp_path / "src" / "app" / "service" / "place_order.py").write_text(
        "from app.domain.orders import Order\n\n\ndef place() -> Order:\n    return Order()\n")
    r = subprocess.run([*AGENTLS, "patterns", "src", "--format", "json"],
                       cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    found = json.loads(r.stdout)
    assert [(d["path"], d["pattern"], d["line"]) for d in found] == [
        ("src/app/domain/orders.py", "layer_violation", 1)]
