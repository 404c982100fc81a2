"""`agentls patterns` prints the same findings whatever Python's string hashing seed is.

Sets of names are iterated in hash order, which changes from one interpreter to the next; a
detector that takes the first name out of a set words its evidence differently from run to
run (a CI diff with nothing changed). Each run is a fresh interpreter (not the test zygote),
because the seed is fixed when the interpreter starts.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

# A persistence port whose store takes, and whose finder gives back, a union of two entity
# types: the evidence names one of them, and must name the same one every time.
PORT = '''\
from abc import ABC, abstractmethod
from typing import Union


class Order:
    def __init__(self, order_id: int) -> None:
        self.order_id = order_id

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Order) and other.order_id == self.order_id

    def __hash__(self) -> int:
        return hash(self.order_id)


class Invoice:
    def __init__(self, invoice_id: int) -> None:
        self.invoice_id = invoice_id

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Invoice) and other.invoice_id == self.invoice_id

    def __hash__(self) -> int:
        return hash(self.invoice_id)


class Ledger(ABC):
    @abstractmethod
    def record(self, item: Union[Order, Invoice]) -> None: ...

    @abstractmethod
    def lookup(self, key: int) -> Union[Order, Invoice]: ...
'''


def patterns_json(cwd: Path, seed: int) -> str:
    env = {**os.environ, "PYTHONHASHSEED": str(seed)}
    result = subprocess.run(
        [sys.executable, "-m", "agentls", "patterns", "--format", "json", "--min-confidence", "0", "."],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_findings_do_not_depend_on_the_hash_seed(tmp_path: Path) -> None:
    (tmp_path / "ledger.py").write_text(PORT)
    first = patterns_json(tmp_path, 0)
    assert '"Ledger"' in first  # the port is found, so its evidence is compared
    for seed in range(1, 8):
        assert patterns_json(tmp_path, seed) == first, f"PYTHONHASHSEED={seed}"
