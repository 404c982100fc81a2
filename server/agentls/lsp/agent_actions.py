"""Code actions beyond the checker's own fixes: convert ``tools`` between a comma string and
a list, add a missing ``name``/``description``, and "disable this rule here"."""

from __future__ import annotations

import json
import os
import re

from lsprotocol import types as t
from pygls.uris import to_fs_path

from agentls.frontmatter.document import ParseState
from agentls.frontmatter.yamlnodes import Scalar, Sequence
from agentls.knowledge.claude_code import split_tools
from agentls.lsp.agent_editing import SOURCE, AgentEditing, ParsedAgentFile
from agentls.lsp.feature import LanguageFeature
from agentls.lsp.server import AgentLanguageServer

_LIST_KEYS = ("tools", "disallowedTools", "allowed-tools", "disallowed-tools", "skills")
_REQUIRED = {"claude-agent": ("name", "description"), "claude-plugin-agent": ("description",),
             "claude-skill": ("description",), "claude-command": ("description",)}
_PLACEHOLDER = {"name": "{stem}", "description": "Describe when Claude should use this {noun}"}
# Plain YAML items must not start with an indicator nor hold ": " or " #".
_NEEDS_QUOTES = re.compile(r"""\A[-?:,\[\]{}#&*!|>'"%@`]|: |\s#|:\Z""")


def _yaml(value: str) -> str:
    return json.dumps(value) if _NEEDS_QUOTES.search(value) else value


class Actions(LanguageFeature):
    def __init__(self, editing: AgentEditing) -> None:
        self.editing = editing

    def code_actions(self, ls: AgentLanguageServer, params: t.CodeActionParams) -> list[t.CodeAction]:
        return self.actions(ls, params)

    def actions(self, ls: AgentLanguageServer, params: t.CodeActionParams) -> list[t.CodeAction]:
        doc = ls.workspace.get_text_document(params.text_document.uri)
        parsed = self.editing.parsed(ls, doc)
        if parsed is None:
            return []
        only = params.context.only

        def want(kind: str) -> bool:
            return not only or any(str(kind).startswith(str(k)) for k in only)

        pos = parsed.positions
        lo, hi = pos.offset(params.range.start), pos.offset(params.range.end)
        out: list[t.CodeAction] = []

        def edit(edits: list[tuple[int, int, str]]) -> t.WorkspaceEdit:
            text_edits = [t.TextEdit(pos.range(s, e), new) for s, e, new in edits]
            if ls.document_changes:
                return t.WorkspaceEdit(document_changes=[t.TextDocumentEdit(
                    t.OptionalVersionedTextDocumentIdentifier(doc.uri, doc.version), list(text_edits))])
            return t.WorkspaceEdit(changes={doc.uri: text_edits})

        if want(t.CodeActionKind.RefactorRewrite):
            for title, edits in self._convert_lists(parsed, lo, hi):
                out.append(t.CodeAction(title, kind=t.CodeActionKind.RefactorRewrite, edit=edit(edits)))
        if want(t.CodeActionKind.QuickFix):
            for title, edits in self._add_missing(parsed, doc.uri):
                related = [d for d in params.context.diagnostics if d.code in ("AG100", "AG110")]
                out.append(t.CodeAction(title, kind=t.CodeActionKind.QuickFix, edit=edit(edits),
                                        diagnostics=related or None))
            for diag in params.context.diagnostics:
                found = self._disable(parsed, diag)
                if found is not None:
                    title, edits = found
                    out.append(t.CodeAction(title, kind=t.CodeActionKind.QuickFix, edit=edit(edits),
                                            diagnostics=[diag]))
        return out

    def _convert_lists(self, parsed: ParsedAgentFile, lo: int, hi: int) -> list[tuple[str, list[tuple[int, int, str]]]]:
        doc = parsed.doc
        if doc.state is not ParseState.OK or doc.root is None:
            return []  # offsets after a retry rewrite are not safe to splice
        text = parsed.text
        out = []
        for key in _LIST_KEYS:
            pair = doc.pair(key)
            if pair is None:
                continue
            knode, vnode = pair
            line_start = text.rfind("\n", 0, knode.start) + 1
            if not (line_start <= hi and lo <= max(vnode.end, knode.end)):
                continue
            colon = text.find(":", knode.end)
            end = vnode.end
            while end > colon and text[end - 1] in " \t\r\n":
                end -= 1
            if isinstance(vnode, Scalar) and isinstance(vnode.value, str) and vnode.style in (None, "'", '"') \
                    and "\n" not in text[vnode.start:vnode.end]:
                entries = [vnode.value[s:e] for s, e in split_tools(vnode.value)]
                if entries:
                    newline = "\r\n" if doc.crlf else "\n"
                    new = "".join(f"{newline}  - {_yaml(v)}" for v in entries)
                    out.append((f"Convert `{key}` to a YAML list", [(colon + 1, end, new)]))
            elif isinstance(vnode, Sequence) and vnode.items and all(
                    isinstance(i, Scalar) and isinstance(i.value, str) for i in vnode.items):
                joined = ", ".join(str(i.value) for i in vnode.items)
                out.append((f"Convert `{key}` to a comma-separated string", [(colon + 1, end, " " + _yaml(joined))]))
        return out

    def _add_missing(self, parsed: ParsedAgentFile, uri: str) -> list[tuple[str, list[tuple[int, int, str]]]]:
        required = _REQUIRED.get(parsed.dialect, ())
        doc = parsed.doc
        path = to_fs_path(uri) or uri
        stem = os.path.basename(path)
        stem = stem[:-3] if stem.lower().endswith(".md") else stem
        noun = "skill" if parsed.dialect == "claude-skill" else "command" \
            if parsed.dialect == "claude-command" else "agent"
        if doc.state is ParseState.NO_BLOCK and doc.cut.open_end is None:
            lines = "".join(f"{k}: {_PLACEHOLDER[k].format(stem=stem, noun=noun)}\n" for k in required)
            if not lines:
                return []
            at = 1 if parsed.text.startswith("\ufeff") else 0
            return [("Add frontmatter with " + " and ".join(f"`{k}`" for k in required),
                     [(at, at, f"---\n{lines}---\n")])]
        if doc.root is None or doc.block is None:
            return []
        missing = [k for k in required if doc.pair(k) is None and not re.search(
            rf"^{k}[ \t]*:", doc.block.yaml, re.M)]
        if not missing:
            return []
        newline = "\r\n" if doc.crlf else "\n"
        lines = "".join(f"{k}: {_PLACEHOLDER[k].format(stem=stem, noun=noun)}{newline}" for k in missing)
        return [("Add the missing " + " and ".join(f"`{k}`" for k in missing),
                 [(doc.block.start, doc.block.start, lines)])]

    def _disable(self, parsed: ParsedAgentFile, diag: t.Diagnostic) -> tuple[str, list[tuple[int, int, str]]] | None:
        if diag.source not in ("agentls", SOURCE) or not isinstance(diag.code, str):
            return None
        text = parsed.text
        offset = parsed.positions.offset(diag.range.start)
        line_start = text.rfind("\n", 0, offset) + 1
        block = parsed.doc.block
        code = diag.code
        newline = "\r\n" if "\r\n" in text[:2000] else "\n"
        if line_start == 0 or (block is None and parsed.doc.cut.open_end is not None):
            # Above the opening `---` the file would no longer start with it: silence the file.
            sep = "" if text.endswith("\n") or not text else newline
            return (f"Disable {code} for this file",
                    [(len(text), len(text), f"{sep}<!-- agentls: disable-file={code} -->{newline}")])
        if block is not None and block.start <= line_start < block.end:
            if self._inside_multiline_value(parsed, line_start):
                return None  # a comment there would become part of the value
            indent = re.match(r"[ \t]*", text[line_start:line_start + 200])
            comment = f"{indent.group() if indent else ''}# agentls: disable={code}"
        else:
            comment = f"<!-- agentls: disable={code} -->"
        return f"Disable {code} here", [(line_start, line_start, comment + newline)]

    def _inside_multiline_value(self, parsed: ParsedAgentFile, line_start: int) -> bool:
        root = parsed.doc.root
        if root is None:
            return False
        return any(v.start < line_start < v.end and isinstance(v, Scalar) for _, v in root.pairs)

