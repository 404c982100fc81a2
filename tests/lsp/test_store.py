"""The diagnostics store: per source and document version, "not mine" remembered, so a pull
for a version every source has answered runs nothing again."""

from __future__ import annotations

from lsprotocol import types as t

from agentls.lsp.store import DiagnosticStore

URI = "file:///ws/.claude/agents/a.md"


def _diag(code: str) -> t.Diagnostic:
    return t.Diagnostic(range=t.Range(t.Position(0, 0), t.Position(0, 1)), message=code, code=code)


def test_not_mine_is_an_answer_for_that_version_only() -> None:
    store = DiagnosticStore()
    store.set(URI, "agentls", 3, [_diag("AG005")])
    store.set(URI, "agentls.patterns", 3, None)  # a Markdown file: not the patterns' business
    assert store.current(URI, "agentls", 3) and store.current(URI, "agentls.patterns", 3)
    assert not store.current(URI, "agentls.patterns", 4)
    assert not store.current(URI, "agentls expert", 3)  # never asked
    assert [d.code for d in store.merged(URI)] == ["AG005"]


def test_expire_asks_again_but_keeps_what_the_client_sees() -> None:
    store = DiagnosticStore()
    store.set(URI, "agentls", 1, [_diag("AG005")])
    store.set(URI, "agentls-workspace", 1, None)
    before = store.result_id(URI)
    store.expire()  # files changed on disk: what is whose may have changed
    assert not store.current(URI, "agentls", 1) and not store.current(URI, "agentls-workspace", 1)
    assert [d.code for d in store.merged(URI)] == ["AG005"] and store.result_id(URI) == before
    store.set(URI, "agentls-workspace", 1, [_diag("AGW002")])
    assert store.current(URI, "agentls-workspace", 1)
    assert [d.code for d in store.merged(URI)] == ["AG005", "AGW002"]
    assert store.result_id(URI) != before  # a pull with the old id gets the new list


def test_merged_leaves_out_excluded_sources_and_clear_forgets_the_document() -> None:
    store = DiagnosticStore()
    store.set(URI, "agentls", 1, [_diag("AG005")])
    store.set(URI, "agentls expert", 1, [_diag("strategy")])
    assert [d.code for d in store.merged(URI, exclude=frozenset({"agentls expert"}))] == ["AG005"]
    assert [d.code for d in store.merged(URI, only=frozenset({"agentls expert"}))] == ["strategy"]
    store.clear(URI)
    assert store.merged(URI) == [] and not store.current(URI, "agentls", 1)
