"""``agentls``: check agent files, find patterns, review code, or serve the LSP.

Only what a subcommand needs is imported: ``agentls check`` must start fast in CI and
pre-commit, so it never imports pygls or anthropic.
"""

from __future__ import annotations

import argparse
import sys

from agentls import __version__
from agentls.knowledge import CLAUDE_CODE_VERSION

# Subcommands in modules of their own, imported only when they run (or for --help):
# `agentls check` in CI and pre-commit must not pay for the pattern engine or the expert.
COMMAND_MODULES = {
    "check": "agentls.cli.check_cmd",
    "patterns": "agentls.cli.patterns_cmd",
    "review": "agentls.cli.review_cmd",
    "schema": "agentls.cli.schema_cmd",
}

# Commands defined here; they need none of the modules above.
_BUILT_IN = ("serve", "rules", "explain")


def build_parser(command: str | None = None, *, version_only: bool = False) -> argparse.ArgumentParser:
    """The parser, importing only the subcommand module that ``command`` needs.

    A built-in command (serve, rules, ...) and ``--version`` import none: the editor waits for
    ``serve`` to start and scripts call ``--version``. Help and unknown commands import all, so
    that every command is listed.
    """
    parser = argparse.ArgumentParser(
        prog="agentls",
        description="Language server and linter for AI agent definition files and Python design.",
    )
    parser.add_argument("--version", action="version",
                        version=f"agentls {__version__} (rules model Claude Code {CLAUDE_CODE_VERSION})")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    built_in = command in _BUILT_IN
    for name, module in COMMAND_MODULES.items():
        if command == name or not (built_in or command in COMMAND_MODULES or version_only):
            _add_optional(sub, module)
    serve = sub.add_parser("serve", help="run the language server (stdio by default)")
    serve.add_argument("--stdio", action="store_true", help="use stdio (the default)")
    serve.add_argument("--tcp", metavar="HOST:PORT", help="listen on a TCP address instead")
    serve.add_argument("--log-level", default="info", choices=["debug", "info", "warning", "error"])
    serve.set_defaults(run=_serve)
    rules_p = sub.add_parser("rules", help="list every rule with its code and summary")
    rules_p.set_defaults(run=_rules)
    explain = sub.add_parser("explain", help="show a rule's documentation")
    explain.add_argument("code")
    explain.set_defaults(run=_explain)
    return parser


def _add_optional(sub: argparse._SubParsersAction[argparse.ArgumentParser], module: str) -> None:
    import importlib

    try:
        mod = importlib.import_module(module)
    except ImportError:
        return
    mod.add_parser(sub)


def _serve(args: argparse.Namespace) -> int:
    from agentls.lsp.run import serve

    return serve(args.tcp, args.log_level)


def _rules(args: argparse.Namespace) -> int:
    from agentls import rules

    for rule in rules.all_rules().values():
        print(f"{rule.code}  {rule.slug:<32} {rule.severity.label:<8} {rule.summary()}")
    return 0


def _explain(args: argparse.Namespace) -> int:
    from agentls import diagnostic_codes
    from agentls.render.ruledocs import page

    entry = diagnostic_codes.get(args.code)
    if entry is None:
        print(f"agentls: no rule {args.code!r}; `agentls rules` lists them", file=sys.stderr)
        return 2
    # A rule's or workspace check's page; a smell's page is its detector's documentation.
    print(page(entry) if entry.kind != "smell" else entry.documentation)
    return 0


def main(argv: list[str] | None = None) -> int:
    args_list = sys.argv[1:] if argv is None else argv
    command = next((a for a in args_list if not a.startswith("-")), None)
    version_only = command is None and "--version" in args_list \
        and not {"-h", "--help"} & set(args_list)
    parser = build_parser(command, version_only=version_only)
    args = parser.parse_args(argv)
    if not hasattr(args, "run"):
        parser.print_help()
        return 2
    # Called as the process (the console script, `python -m agentls`), not by other code: a
    # command may then exit without tidying up (`agentls patterns`, see patterns_cmd.run).
    args.process = argv is None
    try:
        result: int = args.run(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    return result


if __name__ == "__main__":
    raise SystemExit(main())
