"""Code actions beyond the checker's own fixes: convert ``tools`` between a comma string and
a list, add a missing ``name``/``description``, and "disable this rule here". The edits are
the core's (``agentls.actions``); this module picks them for the range and the diagnostics
the client sends, and converts them to LSP code actions."""

from __future__ import annotations

from lsprotocol import types as t
from pygls.uris import to_fs_path

from agentls.lsp import convert
from agentls.lsp.agent_editing import SOURCE, AgentEditing
from agentls.lsp.engine_modules import list_style, missing_keys, suppress_comment
from agentls.lsp.feature import LanguageFeature
from agentls.lsp.server import AgentLanguageServer
from agentls.model import Fix


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

        def action(fix: Fix, kind: t.CodeActionKind, diagnostics: list[t.Diagnostic] | None = None) -> t.CodeAction:
            edit = convert.workspace_edit(fix, pos, doc.uri, doc.version, ls.document_changes)
            return t.CodeAction(fix.title, kind=kind, edit=edit, diagnostics=diagnostics)

        out: list[t.CodeAction] = []
        if want(t.CodeActionKind.RefactorRewrite):
            lo, hi = pos.offset(params.range.start), pos.offset(params.range.end)
            out += [action(fix, t.CodeActionKind.RefactorRewrite)
                    for fix in list_style.convert_lists(parsed.doc, lo, hi)]
        if want(t.CodeActionKind.QuickFix):
            related = [d for d in params.context.diagnostics if d.code in ("AG100", "AG110")] or None
            out += [action(fix, t.CodeActionKind.QuickFix, related)
                    for fix in missing_keys.add_missing(parsed.doc, to_fs_path(doc.uri) or doc.uri)]
            for diag in params.context.diagnostics:
                if diag.source not in ("agentls", SOURCE) or not isinstance(diag.code, str):
                    continue
                found = suppress_comment.disable(parsed.doc, diag.code, pos.offset(diag.range.start))
                if found is not None:
                    out.append(action(found, t.CodeActionKind.QuickFix, [diag]))
        return out
