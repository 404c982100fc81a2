"""What every test folder shares: the server command, the pytest-lsp clients, the markers.

Markers (registered in pyproject.toml), assigned here by folder and by what a test uses:
- ``lsp``: the test talks to a real ``agentls serve`` (pytest-lsp, or raw frames over stdio/TCP).
- ``e2e``: a real editor, code-server, a package build or install, or a subprocess-heavy run
  (a generated workspace of thousands of files, a soak). ``pytest -m "not e2e"`` is the quick run.
- ``slow``: takes more than a few seconds on its own, e2e or not.
"""

from __future__ import annotations

import atexit
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest
import pytest_lsp
from pytest_lsp import ClientServerConfig, LanguageClient
from tests.lsp.helpers import start

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent


def server_env(**extra: str) -> dict[str, str]:
    env = {**os.environ, **extra}
    env.pop("ANTHROPIC_API_KEY", None) if "ANTHROPIC_API_KEY" not in extra else None
    return env


def _agentls() -> list[str]:
    """The command that runs ``agentls ARGS``: forked from a process that imported it once
    (``forkserver.py``); ``AGENTLS_TEST_FORK=0`` runs ``python -m agentls`` each time instead."""
    if os.name != "posix" or os.environ.get("AGENTLS_TEST_FORK") == "0":
        return [sys.executable, "-m", "agentls"]
    where = os.environ.get("AGENTLS_TEST_ZYGOTE")  # set once: this module is imported twice
    if where is None:
        where = os.path.join(tempfile.mkdtemp(prefix="agentls-zygote-"), "socket")
        zygote = subprocess.Popen([sys.executable, str(HERE / "forkserver.py"), "zygote", where],
                                  env=server_env(), stdin=subprocess.DEVNULL)
        atexit.register(zygote.terminate)
        os.environ["AGENTLS_TEST_ZYGOTE"] = where
    return [sys.executable, "-I", "-S", str(HERE / "forkserver.py"), "launch", where]


AGENTLS = _agentls()  # + the arguments: ["check", "--format", "json"]
SERVER_COMMAND = [*AGENTLS, "serve"]


CONFIG = ClientServerConfig(server_command=SERVER_COMMAND, server_env=server_env())


# -- pytest-lsp clients (a module or a folder's conftest may define its own under these names) --
@pytest_lsp.fixture(config=CONFIG)
async def client(lsp_client: LanguageClient):  # type: ignore[no-untyped-def]
    """A server started but not initialized: the test initializes it (folders, options)."""
    yield lsp_client
    await lsp_client.shutdown_session()


def initialized(recorded: str, config: ClientServerConfig = CONFIG) -> Any:
    """A fixture: a server initialized with ``recorded``'s capabilities (pytest-lsp's records:
    "visual-studio-code" pushes, "neovim" pulls without refresh, ...). Name it by assigning it."""

    @pytest_lsp.fixture(config=config)
    async def fixture(lsp_client: LanguageClient):  # type: ignore[no-untyped-def]
        await start(lsp_client, recorded)
        yield
        await lsp_client.shutdown_session()

    return fixture


vscode = initialized("visual-studio-code")  # push diagnostics
nvim = initialized("neovim")  # pull diagnostics, no refresh


# -- markers ------------------------------------------------------------------------------
# Whole files that are end to end: real editors, code-server, packaging and release, runs that
# start many processes or generate big workspaces. Paths relative to tests/.
E2E_FILES = frozenset({
    "editors/test_emacs.py", "editors/test_neovim.py", "editors/test_vim.py", "editors/test_vscode.py",
    "agentfiles/test_copilot_headers_vscode.py", "expert/test_auto_nvim.py",
    "integrations/test_release.py", "integrations/test_precommit.py", "integrations/test_github_action.py",
    "integrations/test_docs_site.py",
    "lsp/test_soak_scale.py",  # the soak and monorepo benches, reduced
})
# Single tests that are e2e or slow in files that are neither, measured with --durations (the
# figure is the test's time on this 2-core machine at a load average of about 10).
E2E_TESTS = frozenset({
    "editors/test_drift.py::test_emacs_treats_every_glob_of_the_server_as_an_agent_file",  # Emacs
    # the project's test suite run once per suggested edit, in copies of the workspace
    "expert/test_lsp_delivery.py::test_verify_with_tests_puts_the_verdict_on_each_suggestion",  # 21 s
    "expert/test_review_delivery.py::test_verify_runs_the_tests_with_each_edit_alone",  # 20 s
    "expert/test_review_delivery.py::test_verify_reports_a_timeout",  # 15 s
    # the installed check-jsonschema and agentls scripts, once per example
    "integrations/test_schemas.py::test_check_jsonschema_agrees_with_agentls_check_on_the_examples",  # 29 s
    "integrations/test_strict_reader.py::test_safe_fixes_make_strictly_unreadable_examples_loadable",  # 14 s
})
SLOW_TESTS = frozenset({
    "expert/test_review_cli.py::test_batch_says_count_and_cost_asks_skips_empty_caches_and_writes_md_json_diff",
    "incremental/test_patterns_incremental.py::test_random_edits_equal_a_fresh_index",
    "lsp/test_robustness.py::test_hostile_input_never_crashes",
    "incremental/test_patterns_typing.py::test_keystrokes_in_a_large_module_publish_what_a_fresh_server_does",
    "expert/test_review_cli.py::test_count_tokens_list_and_clear",
    "expert/test_review_delivery.py::test_messages_name_cli_flags_not_editor_settings",
    "expert/test_lsp_delivery.py::test_base_url_from_settings_is_asked_once_per_host",
    "expert/test_review_delivery.py::test_opus_agent_sends_opus_5_5_the_contract_a_cached_prefix_and_reads_it_for_the_next_module",
    "expert/test_auto_lsp.py::test_on_save_sends_each_changed_symbol_once_and_caches_by_its_text",
    "test_architecture.py::test_no_module_level_mutable_state",
    "incremental/test_patterns_broken_versions.py::test_broken_versions_inside_a_method_parse_only_that_method",
    "expert/test_review_delivery.py::test_429_waits_as_long_as_retry_after_says",
})


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    tests = Path(__file__).resolve().parent
    for item in items:
        path = Path(str(item.path)).resolve()
        rel = path.relative_to(tests).as_posix() if path.is_relative_to(tests) else path.name
        name = f"{rel}::{item.name.split('[')[0]}"
        if rel.startswith("lsp/") or _starts_a_server(item):
            item.add_marker(pytest.mark.lsp)
        if rel in E2E_FILES or name in E2E_TESTS:
            item.add_marker(pytest.mark.e2e)
            item.add_marker(pytest.mark.slow)
        elif name in SLOW_TESTS:
            item.add_marker(pytest.mark.slow)


def _starts_a_server(item: pytest.Item) -> bool:
    """Whether one of the test's fixtures is a pytest-lsp client (``pytest_lsp.fixture``)."""
    info = getattr(item, "_fixtureinfo", None)  # pytest has no public view of a test's fixture defs
    defs = info.name2fixturedefs.values() if info is not None else ()
    return any(getattr(d.func, "__module__", "") == "pytest_lsp.plugin" for group in defs for d in group)
