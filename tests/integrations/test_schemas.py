"""JSON Schemas of the dialects' frontmatter (schemas/, `agentls schema`): current, and agreeing
with `agentls check`.

The committed files must be what `agentls schema --write` makes now. Then check-jsonschema
(the validator YAML users run, YAML 1.2 like the products) validates the frontmatter of the
bundled example agent and of every rule example that is strict YAML (parses as YAML 1.2 into
a mapping, and `agentls check` reports no YAML-level problem, AG003–AG013, for it), and its
verdict is compared with `agentls check`'s: a file fails the schema exactly when agentls
reports a warning or an error of one of the rules the schema repeats (ENCODED_RULES).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from ruamel.yaml import YAML
from tests.integrations.helpers import ROOT

from agentls import rules
from agentls.dialects import dialect_for
from agentls.render.frontmatter_schema import ENCODED_RULES, dialects

SCHEMAS = ROOT / "schemas"
BIN = Path(sys.executable).parent
YAML_LEVEL = {f"AG{n:03d}" for n in range(3, 14)}
BUNDLED = [(ROOT / "server" / "agentls" / "data" / "experts" / "python-architect.md", "claude-agent"),
           *((p, dialect_for(str(p))) for p in sorted((ROOT / "examples").rglob("*.md*")))]
# Where a schema says less than the rule, on purpose: which string of tools is malformed
# (a parenthesis left open across the comma-separated list) is beyond a JSON Schema.
KNOWN = {("AG126", "---\nname: a\ndescription: d\ntools: Bash(git diff, Read\n---\nBody\n")}


def test_committed_schemas_are_current(tmp_path: Path) -> None:
    made = subprocess.run([str(BIN / "agentls"), "schema", "--write", str(tmp_path)], capture_output=True, text=True)
    assert made.returncode == 0, made.stderr
    fresh = {p.name: p.read_text(encoding="utf-8") for p in tmp_path.glob("*.schema.json")}
    committed = {p.name: p.read_text(encoding="utf-8") for p in SCHEMAS.glob("*.schema.json")}
    assert sorted(fresh) == sorted(f"{d}.schema.json" for d in dialects())
    stale = sorted(name for name in fresh if committed.get(name) != fresh[name])
    assert not stale, f"schemas/ is stale ({stale}): run `agentls schema --write schemas`"
    assert sorted(committed) == sorted(fresh)
    for text in fresh.values():
        jsonschema.Draft7Validator.check_schema(json.loads(text))


def test_schema_cli_prints_one_dialect_and_refuses_an_unknown_one() -> None:
    one = subprocess.run([str(BIN / "agentls"), "schema", "claude-agent"], capture_output=True, text=True)
    assert one.returncode == 0
    assert json.loads(one.stdout) == json.loads((SCHEMAS / "claude-agent.schema.json").read_text(encoding="utf-8"))
    bad = subprocess.run([str(BIN / "agentls"), "schema", "claude-agnet"], capture_output=True, text=True)
    assert bad.returncode == 2 and "claude-agent" in bad.stderr


def frontmatter(text: str) -> str | None:
    if not text.startswith("---\n"):
        return None
    end = text.find("\n---", 3)
    return text[4:end + 1] if end > 0 else None


def examples() -> list[tuple[str, str, str]]:
    """(label, dialect, file text) of the bundled agent and every rule example."""
    out = [(f"bundled {path.name}", dialect, path.read_text(encoding="utf-8"))
           for path, dialect in BUNDLED if dialect is not None]
    for rule in rules.all_rules().values():
        for verdict, group in (("bad", rule.examples_bad), ("good", rule.examples_good)):
            out += [(f"{rule.code} {verdict}", e.dialect, e.text) for e in group]
    return out


def strict_mapping(fm: str) -> bool:
    try:
        data = YAML(typ="safe").load(fm)
        json.dumps(data)
    except Exception:
        return False
    return isinstance(data, dict)


def agentls_verdicts(files: list[Path], dialect: str) -> dict[str, set[tuple[str, str]]]:
    """Each file's (rule code, severity) findings."""
    out = subprocess.run([str(BIN / "agentls"), "check", "--dialect", dialect, "--format", "json", "--no-workspace",
                          "--fail-on", "never", *map(str, files)], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    found: dict[str, set[tuple[str, str]]] = {str(f): set() for f in files}
    for item in json.loads(out.stdout):
        found[str(Path(item["path"]).resolve())].add((item["code"], item["severity"]))
    return found


def schema_failures(files: list[Path], dialect: str) -> set[str]:
    out = subprocess.run([str(BIN / "check-jsonschema"), "--schemafile", str(SCHEMAS / f"{dialect}.schema.json"),
                          "-o", "json", *map(str, files)], capture_output=True, text=True, timeout=300)
    report = json.loads(out.stdout)
    assert not report.get("parse_errors"), report
    errors = report.get("errors", [])
    assert out.returncode == (1 if errors else 0), out.stderr
    return {str(Path(e["filename"]).resolve()) for e in errors}


def test_check_jsonschema_agrees_with_agentls_check_on_the_examples(tmp_path: Path) -> None:
    if not (BIN / "check-jsonschema").exists():
        pytest.fail("check-jsonschema is not installed: pip install -e '.[test]'")
    by_dialect: dict[str, list[tuple[str, str, Path, Path]]] = {}
    for i, (label, dialect, text) in enumerate(examples()):
        fm = frontmatter(text)
        if dialect not in dialects() or fm is None or not strict_mapping(fm):
            continue
        folder = tmp_path / f"e{i:03d}"
        folder.mkdir()
        md = folder / "x.md"
        md.write_text(text, encoding="utf-8")
        yml = folder / "frontmatter.yaml"
        yml.write_text(fm, encoding="utf-8")
        by_dialect.setdefault(dialect, []).append((label, text, md.resolve(), yml.resolve()))

    compared, rejected, disagree = 0, 0, set()
    for dialect, items in sorted(by_dialect.items()):
        found = agentls_verdicts([md for _, _, md, _ in items], dialect)
        failed = schema_failures([yml for *_, yml in items], dialect)
        for label, text, md, yml in items:
            codes = {code for code, _ in found[str(md)]}
            if codes & YAML_LEVEL:
                continue  # not strict YAML: the products read something else than a YAML 1.2 parser
            compared += 1
            by_agentls = any(code in ENCODED_RULES and severity in ("error", "warning")
                             for code, severity in found[str(md)])
            by_schema = str(yml) in failed
            rejected += by_schema
            if by_agentls != by_schema:
                disagree.add((label.split()[0], text))
    print(f"check-jsonschema vs agentls check: {compared} examples compared, {rejected} rejected by the schema, "
          f"{len(disagree)} disagreement(s)")
    assert compared >= 150 and rejected >= 40, (compared, rejected)
    assert disagree == KNOWN, sorted(disagree - KNOWN) or f"no longer differs: {sorted(KNOWN - disagree)}"
