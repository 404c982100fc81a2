"""JSON Schema (draft-07) for each dialect's frontmatter, from the table the rules read.

``fields.FIELDS`` (keys, kinds, allowed values, required keys) and the value sets in
``knowledge.claude_code`` are what completion, hover and the rules use; the schema is written
from them, so yaml-language-server and check-jsonschema see the same facts. A schema can say
less than the rules (nothing about other files, tool names, typos of keys, YAML 1.1 scalars):
it rejects a value the product ignores or refuses, and lets everything else through.
Committed in ``schemas/`` (``agentls schema --write schemas``); a test keeps them current.
"""

from __future__ import annotations

import re
from typing import Any

from agentls.knowledge.claude_code import BUILTIN_TOOLS, MCP_TRANSPORTS, MODEL_ALIASES
from agentls.knowledge.dialects import DIALECTS
from agentls.knowledge.fields import FIELDS, FieldDoc

SCHEMA_DRAFT = "http://json-schema.org/draft-07/schema#"
BASE_URL = "https://raw.githubusercontent.com/agentls/agentls/main/schemas/"

_AGENT_DIALECTS = ("claude-agent", "claude-plugin-agent")
_NULL = {"type": "null"}  # `key:` with no value: every product treats it as unset
_STRING_LIST = {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}


def _any_case(word: str) -> str:
    """A regex matching ``word`` in any letter case (ECMA regexes have no inline ``(?i)``)."""
    return "".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else re.escape(c) for c in word)


def _enum(doc: FieldDoc) -> dict[str, Any]:
    if doc.key == "effort":  # any case, and an integer is also accepted (AG142)
        words = "|".join(_any_case(v) for v in doc.values)
        return {"anyOf": [{"type": "string", "pattern": f"^({words})$"}, {"type": "integer"}],
                "examples": list(doc.values)}
    return {"enum": list(doc.values)}


def _model(doc: FieldDoc) -> dict[str, Any]:
    """An alias (any case, optional ``[1m]``), or an id naming Claude: the API's, Bedrock's
    (``us.anthropic.claude-…``, ARNs) or Vertex's (``claude-…@date``); AG130 says more."""
    names = list(dict.fromkeys((*MODEL_ALIASES, "inherit")))
    aliases = "|".join(_any_case(a) for a in names)
    return {"type": "string",
            "anyOf": [{"pattern": f"^\\s*({aliases})(\\[1[mM]\\])?\\s*$"}, {"pattern": _any_case("claude")},
                      {"pattern": "^arn:aws"}],
            "examples": names}


# Keys whose shape the FieldDoc kind does not say precisely enough; the rule in brackets
# holds the same facts.
_SPECIAL: dict[tuple[str, str], dict[str, Any]] = {
    # [AG148] a list of server names or one-entry {name: config} maps
    ("claude", "mcpServers"): {"type": "array", "items": {"anyOf": [
        {"type": "string"},
        {"type": "object", "additionalProperties": {
            "type": "object", "properties": {"type": {"enum": list(MCP_TRANSPORTS)}}}},
    ]}},
    # unquoted `[issue-number]` is a YAML list, which Claude Code still loads (as its text)
    ("claude", "argument-hint"): dict(_STRING_LIST),
    # [AG149] event -> list of matchers
    ("claude", "hooks"): {"type": "object", "additionalProperties": {"type": "array"}},
    # [AG177] a number in the provider's range
    ("opencode-agent", "temperature"): {"type": "number", "minimum": 0, "maximum": 2},
    ("opencode-agent", "top_p"): {"type": "number", "minimum": 0, "maximum": 1},
    # [AG174] a built-in agent or the name of a custom one
    ("copilot-prompt", "agent"): {"type": "string", "examples": ["ask", "edit", "agent"]},
}


def _special(dialect: str, key: str) -> dict[str, Any] | None:
    found = _SPECIAL.get((dialect, key)) or (_SPECIAL.get(("claude", key)) if dialect.startswith("claude-") else None)
    return dict(found) if found else None


def _value_schema(doc: FieldDoc, dialect: str) -> dict[str, Any]:
    special = _special(dialect, doc.key)
    if special is not None:
        return special
    kind = doc.kind
    if kind == "boolean":
        # YAML booleans, or the strings "true"/"false" (AG146: anything else is ignored)
        return {"anyOf": [{"type": "boolean"}, {"type": "string", "enum": ["true", "false"]}]}
    if kind == "integer":
        if doc.key == "autoCompactWindow":  # AG153: at least 100,000 tokens
            return {"type": "integer", "minimum": 100000}
        return {"anyOf": [{"type": "integer", "minimum": 1}, {"type": "string", "pattern": "^[0-9]*[1-9][0-9]*$"}]}
    if kind == "enum" and doc.values:
        return _enum(doc)
    if kind == "model" and dialect.startswith("claude-"):
        return _model(doc)
    if kind == "tools":
        if dialect.startswith("claude-"):
            tools = sorted(BUILTIN_TOOLS)
            item = {"type": "string", "examples": tools}
            if doc.key == "tools" and dialect in _AGENT_DIALECTS:
                # [AG123] an empty `tools` spawns the agent with no tools at all
                return {"anyOf": [{"type": "string", "pattern": "\\S"},
                                  {"type": "array", "minItems": 1, "items": item}],
                        "examples": ["Read, Grep, Glob", tools[:3]]}
            return {"anyOf": [{"type": "string"}, {"type": "array", "items": item}],
                    "examples": ["Read, Grep, Glob", tools[:3]]}
        return dict(_STRING_LIST)
    if kind in ("names", "list"):
        return dict(_STRING_LIST)
    if kind == "map":
        return {"type": "object"}
    return {"type": "string"}


def _default(doc: FieldDoc) -> dict[str, Any]:
    """A default written as one code span (`` `false` ``) becomes a JSON default."""
    text = doc.default
    if not (text.startswith("`") and text.endswith("`") and text.count("`") == 2):
        return {}
    raw = text[1:-1]
    return {"default": {"true": True, "false": False}.get(raw, int(raw) if raw.isdigit() else raw)}


def _nullable(doc: FieldDoc, dialect: str) -> bool:
    """`key:` with no value means unset, except for a required key (`name: ~` is no name:
    AG100, AG110) and an agent's `tools` (no tools at all: AG123)."""
    return not doc.required and not (doc.key == "tools" and dialect in _AGENT_DIALECTS)


def _property(doc: FieldDoc, dialect: str) -> dict[str, Any]:
    value = _value_schema(doc, dialect)
    if not _nullable(doc, dialect):
        if value.get("type") == "string":
            value["minLength"] = 1
        out = value
    elif set(value) == {"anyOf"}:
        out = {"anyOf": [_NULL, *value["anyOf"]]}
    else:
        out = {"anyOf": [_NULL, value]}
    return {"description": doc.summary, **_default(doc), **out}


def schema(dialect: str) -> dict[str, Any]:
    """The frontmatter schema of one dialect (``KeyError`` for an unknown id)."""
    fields = FIELDS[dialect]
    info = DIALECTS[dialect]
    required = [k for k, d in fields.items() if d.required]
    out: dict[str, Any] = {
        "$schema": SCHEMA_DRAFT,
        "$id": f"{BASE_URL}{dialect}.schema.json",
        "title": f"{info.title} frontmatter",
        "description": (f"The YAML frontmatter of a {info.title} ({info.docs}), as {info.product} reads it. "
                        f"Generated by `agentls schema {dialect}`; `agentls check` "
                        "reports more (other files, tool names, key typos, YAML 1.1 scalars)."),
        "type": "object",
        "properties": {key: _property(doc, dialect) for key, doc in sorted(fields.items())},
    }
    if required:
        out["required"] = required
    return out


# The rules whose verdict (a warning or an error) the schemas repeat, on strict YAML: a
# frontmatter that passes these passes the schema, and the reverse.
ENCODED_RULES: tuple[str, ...] = (
    "AG100", "AG101", "AG110", "AG123", "AG126", "AG130", "AG131", "AG140", "AG141", "AG142", "AG143",
    "AG144", "AG145", "AG146", "AG147", "AG148", "AG149", "AG153", "AG170", "AG171", "AG174",
    "AG175", "AG176", "AG177", "AG178", "AG180", "AG182", "AG183", "AG185", "AG186", "AG187",
)


def dialects() -> list[str]:
    return sorted(FIELDS)
