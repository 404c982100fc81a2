"""A wheelhouse of agentls and its dependencies, built once per session.

Installing agentls into a fresh virtualenv (pre-commit's hook environment, the GitHub Action's)
is what these tests exercise; installing from the wheelhouse (PIP_NO_INDEX, PIP_FIND_LINKS)
makes each of those installs offline and quick.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from tests.integrations.helpers import source


@pytest.fixture(scope="session")
def wheelhouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    wheels = tmp_path_factory.mktemp("wheelhouse")
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--quiet"]
    # the build backend too: pip builds agentls in an isolated environment
    subprocess.run([*pip, "download", "--dest", str(wheels), "setuptools>=68", "wheel"], check=True, timeout=300)
    subprocess.run([*pip, "wheel", "--wheel-dir", str(wheels), source()], check=True, timeout=600)
    return wheels
