"""``agentls schema``: the JSON Schema of a dialect's frontmatter, for schema-aware YAML editors.

``agentls schema claude-agent`` prints one; ``agentls schema --write schemas`` writes every
dialect's as ``<dialect>.schema.json`` (the files committed in ``schemas/``).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser(
        "schema",
        help="print the JSON Schema of a dialect's frontmatter",
        description="Print the JSON Schema (draft-07) of a dialect's frontmatter, generated from the "
        "knowledge the rules use; for yaml-language-server and check-jsonschema.",
    )
    p.add_argument("dialect", nargs="?", help="a dialect id, e.g. claude-agent (see --list)")
    p.add_argument("--list", action="store_true", help="list the dialect ids")
    p.add_argument("--write", metavar="DIR", help="write every dialect's schema to DIR/<dialect>.schema.json")
    p.set_defaults(run=run)


def render(dialect: str) -> str:
    from agentls.render.frontmatter_schema import schema

    return json.dumps(schema(dialect), indent=2, ensure_ascii=False) + "\n"


def run(args: argparse.Namespace) -> int:
    from agentls.render.frontmatter_schema import dialects

    known = dialects()
    if args.list:
        print("\n".join(known))
        return 0
    if args.write:
        folder = Path(args.write)
        folder.mkdir(parents=True, exist_ok=True)
        for dialect in known:
            (folder / f"{dialect}.schema.json").write_text(render(dialect), encoding="utf-8")
        print(f"agentls schema: wrote {len(known)} schemas to {folder}")
        return 0
    if args.dialect not in known:
        print(f"agentls schema: give one of: {', '.join(known)}", file=sys.stderr)
        return 2
    sys.stdout.write(render(args.dialect))
    return 0
