"""``agentls check``: what each assistant will do with your agent files."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from json.encoder import encode_basestring
from pathlib import Path
from typing import Any

from agentls import config
from agentls.agentindex import AgentIndex, IndexConfig
from agentls.agentindex.codes import WORKSPACE_CODES
from agentls.config import ConfigError
from agentls.dialects import dialect_for
from agentls.engine import check_bytes, fix_text
from agentls.frontmatter.document import CLAUDE_SIZE_LIMIT, AgentDocument
from agentls.knowledge.dialects import DIALECTS
from agentls.model import Finding, Severity
from agentls.render.located import Located, to_json
from agentls.settings import Settings
from agentls.suppress import unsuppressed
from agentls.text import LineIndex
from agentls.verdict import Verdict, verdict

_SKIP_DIRS = {".git", "node_modules", ".venv", "venv", "__pycache__", ".tox", ".mypy_cache",
              ".ruff_cache", "dist", "build", ".hg", ".svn"}
_FAIL_ON = ["error", "warning", "info", "hint", "never"]


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("check", help="check agent, skill, command and rule files",
                       description="Report what Claude Code, Copilot, OpenCode and Cursor will do "
                                   "with each agent definition file.")
    p.add_argument("paths", nargs="*", help="files or folders (default: the agent locations "
                   "under the current folder)")
    p.add_argument("--dialect", choices=sorted(DIALECTS), help="read every given file as this dialect")
    p.add_argument("--format", default="text", choices=["text", "json", "sarif", "github"])
    p.add_argument("--fix", action="store_true", help="apply safe fixes in place")
    p.add_argument("--unsafe-fixes", action="store_true", help="with --fix, also apply unsafe fixes")
    p.add_argument("--select", help="only these rule codes or prefixes (comma-separated)")
    p.add_argument("--ignore", help="skip these rule codes or prefixes (comma-separated)")
    p.add_argument("--fail-on", choices=_FAIL_ON, help="lowest severity that fails (default: error)")
    p.add_argument("--config", help="a .agentls.toml or pyproject.toml to use")
    p.add_argument("--max-file-size", type=int, help="bytes; larger files are not analysed")
    p.add_argument("--quiet", "-q", action="store_true", help="text format: findings only")
    p.add_argument("--no-workspace", dest="workspace", action="store_false",
                   help="skip the checks that need every agent file of the project (duplicate "
                        "names, unknown skills and agents, MCP servers, listing budget: AGW…)")
    p.add_argument("--user-folder", action="store_true",
                   help="include ~/.claude in those checks (a user agent can shadow or be shadowed)")
    p.set_defaults(run=run)


@dataclass(frozen=True)
class Target:
    display: str
    path: Path
    dialect: str


class UsageError(Exception):
    pass


def _codes(value: str | None) -> tuple[str, ...]:
    return tuple(c.strip().upper() for c in (value or "").split(",") if c.strip())


def _settings(args: argparse.Namespace) -> Settings:
    cfg = config.load_file(Path(args.config)) if args.config else config.load(Path.cwd())
    if cfg.errors:
        raise ConfigError(cfg.errors[0])
    settings = cfg.core
    changes: dict[str, object] = {}
    if args.select:
        changes["select"] = _codes(args.select)
    if args.ignore:
        changes["ignore"] = settings.ignore + _codes(args.ignore)
    if args.max_file_size is not None:
        if args.max_file_size <= 0:
            raise UsageError("--max-file-size must be positive")
        changes["max_file_size"] = args.max_file_size
    return settings.with_overrides(**changes) if changes else settings


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d not in _SKIP_DIRS)
        for name in sorted(files):
            yield Path(root) / name


def _targets(args: argparse.Namespace, settings: Settings) -> list[Target]:
    forced: str | None = args.dialect
    out: list[Target] = []
    if not args.paths:
        # The whole tree, not just ./.claude: nested project folders have agents too.
        for path in _walk(Path(".")):
            dialect = dialect_for(str(path), settings.dialects)
            if dialect:
                display = str(path)[2:] if str(path).startswith("./") else str(path)
                out.append(Target(display, path, dialect))
        return out
    for given in args.paths:
        path = Path(given)
        if path.is_dir():
            for found in _walk(path):
                if forced and found.suffix.lower() in (".md", ".mdc"):
                    out.append(Target(str(found), found, forced))
                    continue
                dialect = dialect_for(str(found), settings.dialects)
                if dialect:
                    out.append(Target(str(found), found, dialect))
        elif path.exists():
            dialect = forced or dialect_for(str(path), settings.dialects) or _guess(path)
            out.append(Target(given, path, dialect))
        else:
            raise UsageError(f"{given}: no such file or folder")
    return out


def _guess(path: Path) -> str:
    """A file named on the command line outside any known location."""
    if path.suffix == ".mdc":
        return "cursor-rule"
    if path.name == "SKILL.md":
        return "claude-skill"
    return "claude-agent"


def run(args: argparse.Namespace) -> int:
    try:
        settings = _settings(args)
        fail_on = args.fail_on or settings.fail_on.label
        targets = _targets(args, settings)
    except (UsageError, ConfigError) as exc:
        print(f"agentls: {exc}", file=sys.stderr)
        return 2
    _warn_unknown_codes(settings)
    io_error = False
    checked: list[tuple[Target, AgentDocument, list[Finding]]] = []
    # Each file is parsed once: the workspace index takes the documents checked here.
    parsed: dict[str, tuple[bytes, AgentDocument]] = {}
    for target in targets:
        try:
            data = target.path.read_bytes()
        except OSError as exc:
            print(f"agentls: {target.display}: {exc.strerror or exc}", file=sys.stderr)
            io_error = True
            continue
        if args.fix and len(data) <= settings.max_file_size and b"\x00" not in data:
            data = _fix(target, data, settings, args.unsafe_fixes)
        doc, findings = check_bytes(data, str(target.path), target.dialect, settings)
        checked.append((target, doc, findings))
        if len(data) <= min(settings.max_file_size, CLAUDE_SIZE_LIMIT):  # parsed as the index would
            parsed[os.path.abspath(target.path)] = (data, doc)
    workspace = _workspace(args, targets, settings, parsed)
    results: list[tuple[Located, LineIndex]] = []
    verdicts: list[tuple[Target, Verdict]] = []
    for target, doc, findings in checked:
        if workspace is not None:
            findings = findings + workspace_findings(workspace, target.path, doc.text, settings)
        verdicts.append((target, verdict(doc, findings)))
        for f in findings:
            results.append((Located.of(target.display, f, doc.index), doc.index))
    _emit(args, results, verdicts)
    if io_error:
        return 2
    if fail_on != "never":
        threshold = Severity.parse(fail_on)
        if any(item.finding.severity >= threshold for item, _ in results):
            return 1
    return 0


def _warn_unknown_codes(settings: Settings) -> None:
    """A typo in ``select`` would silently turn every check off, and CI would stay green."""
    from agentls import rules

    known = list(rules.all_rules())
    unknown = [(what, code) for what, codes in (
        ("select", settings.select), ("ignore", settings.ignore),
        ("severity", tuple(settings.severity)),
    ) for code in codes if code != "ALL" and not any(k.startswith(code) for k in known)]
    if not unknown:
        return
    from agentls.agentindex.codes import WORKSPACE_CODES  # the package costs ~20 ms: only now

    for what, code in unknown:
        if not any(k.startswith(code) for k in WORKSPACE_CODES):
            print(f"agentls: {what}: {code!r} matches no rule code", file=sys.stderr)


def _workspace(args: argparse.Namespace, targets: list[Target], settings: Settings,
               parsed: dict[str, tuple[bytes, AgentDocument]]) -> AgentIndex | None:
    """The project's agents, skills and commands, for the checks that compare files."""
    if not args.workspace or not targets or not any(settings.enabled(c) for c in WORKSPACE_CODES):
        return None
    index = AgentIndex(parsed=parsed)
    home = str(Path.home()) if args.user_folder else None
    index.configure(IndexConfig(folders=(os.getcwd(),), home=home))
    return index


def workspace_findings(index: AgentIndex, path: Path, text: str,
                       settings: Settings) -> list[Finding]:
    found = index.findings_for(os.path.abspath(path))
    # The messages name the other file already (the winner of a name clash, say).
    kept = [Finding(f.code, f.message, f.severity, f.span, source="agentls-workspace")
            for f in found if settings.enabled(f.code)]
    return unsuppressed(text, kept)


def _fix(target: Target, data: bytes, settings: Settings, unsafe: bool) -> bytes:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return data  # never rewrite a file we could not read faithfully
    fixed, count = fix_text(text, str(target.path), target.dialect, settings, unsafe=unsafe)
    if count and fixed != text:
        new = fixed.encode("utf-8")
        target.path.write_bytes(new)
        print(f"agentls: fixed {count} problem(s) in {target.display}", file=sys.stderr)
        return new
    return data


def _emit(args: argparse.Namespace, results: list[tuple[Located, LineIndex]],
          verdicts: list[tuple[Target, Verdict]]) -> None:
    out = sys.stdout
    if args.format == "json":
        out.write(pretty_json([to_json(item, index) for item, index in results]) + "\n")
    elif args.format == "sarif":
        from agentls.render.sarif import sarif

        out.write(pretty_json(sarif(results)) + "\n")
    elif args.format == "github":
        for item, _ in results:
            out.write(_github(item) + "\n")
    else:
        for item, _ in results:
            f = item.finding
            out.write(f"{item.path}:{item.line}:{item.column}: {f.severity.label} "
                      f"{f.code} {f.message}\n")
        if not args.quiet:
            skipped = [t.display for t, v in verdicts if v is Verdict.SKIP]
            for name in skipped:
                out.write(f"{name}: will not be loaded\n")
            files = len(verdicts)
            out.write(f"{len(results)} finding(s) in {files} file(s); "
                      f"{len(skipped)} file(s) will not be loaded\n")


def _github(item: Located) -> str:
    f = item.finding
    level = {Severity.ERROR: "error", Severity.WARNING: "warning"}.get(f.severity, "notice")

    def prop(value: str) -> str:
        return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A") \
            .replace(":", "%3A").replace(",", "%2C")

    message = f.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return (f"::{level} file={prop(item.path)},line={item.line},col={item.column},"
            f"endLine={item.end_line},endColumn={item.end_column},"
            f"title={prop(f.code)}::{message}")


def pretty_json(value: Any) -> str:
    """``json.dumps(value, indent=2, ensure_ascii=False)``, the same text in about half the time
    (json's indenting encoder is pure Python and yields every piece through generators); one
    string, so stdout gets one write instead of one per piece."""
    out: list[str] = []
    _pretty(value, "\n", out)
    return "".join(out)


def _pretty(value: Any, pad: str, out: list[str]) -> None:
    kind = type(value)
    if kind is str:
        out.append(encode_basestring(value))
    elif kind is int:
        out.append(int.__repr__(value))
    elif kind is list and value:
        inner = pad + "  "
        sep = "[" + inner
        for item in value:
            out.append(sep)
            _pretty(item, inner, out)
            sep = "," + inner
        out.append(pad + "]")
    elif kind is dict and value and all(type(k) is str for k in value):
        inner = pad + "  "
        sep = "{" + inner
        for key, item in value.items():
            out.append(sep)
            out.append(encode_basestring(key))
            out.append(": ")
            _pretty(item, inner, out)
            sep = "," + inner
        out.append(pad + "}")
    else:  # anything else in json's own spelling; a raw line break only ever ends a line
        out.append(json.dumps(value, indent=2, ensure_ascii=False).replace("\n", pad))
