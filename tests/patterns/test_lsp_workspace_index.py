"""The background index of the workspace's Python files, end to end (pytest-lsp).

Only ``base.py`` is ever opened: everything the hover knows about the implementations comes
from files the server found on disk itself.
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Any

import pytest
from lsprotocol import types as t
from pytest_lsp import LanguageClient
from tests.lsp.helpers import open_doc, start

TITLE = "Indexing Python files"

BASE = """\
import abc


class AbstractRepository(abc.ABC):
    @abc.abstractmethod
    def add(self, obj):
        raise NotImplementedError

    @abc.abstractmethod
    def get(self, ref):
        raise NotImplementedError
"""
BASE_LINE = 3  # `class AbstractRepository`


def implementation(name: str) -> str:
    return f"""\
from base import AbstractRepository
from model import Model


class {name}(AbstractRepository):
    def __init__(self, session):
        self.session = session

    def add(self, obj):
        self.session.add(obj)

    def get(self, ref):
        return self.session.query(Model).filter_by(ref=ref).first()
"""


MODEL = "class Model:\n    def __init__(self, ref):\n        self.ref = ref\n"


def repository_workspace(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "base.py").write_text(BASE)
    (root / "model.py").write_text(MODEL)
    (root / "sql.py").write_text(implementation("SqlAlchemyRepository"))
    return root


def index_progress(client: LanguageClient) -> list[list[Any]]:
    return [reports for reports in client.progress_reports.values()
            if reports and isinstance(reports[0], t.WorkDoneProgressBegin) and reports[0].title == TITLE]


async def indexed(client: LanguageClient, timeout: float = 60) -> str:
    """Wait until the server's indexing progress ends; its final message."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for reports in index_progress(client):
            if isinstance(reports[-1], t.WorkDoneProgressEnd):
                return str(reports[-1].message)
        await asyncio.sleep(0.05)
    raise AssertionError("the indexing progress did not end")


async def hover_text(client: LanguageClient, uri: str, line: int = BASE_LINE, col: int = 8) -> str:
    hover = await client.text_document_hover_async(
        t.HoverParams(text_document=t.TextDocumentIdentifier(uri=uri), position=t.Position(line, col)))
    if hover is None:
        return ""
    assert isinstance(hover.contents, t.MarkupContent)
    return hover.contents.value


async def eventually(client: LanguageClient, uri: str, check: Any, timeout: float = 20) -> str:
    deadline = time.monotonic() + timeout
    text = ""
    while time.monotonic() < deadline:
        text = await hover_text(client, uri)
        if check(text):
            return text
        await asyncio.sleep(0.1)
    raise AssertionError(f"hover never satisfied the check; last:\n{text}")


@pytest.fixture
def repo_ws(tmp_path: Path) -> Path:
    return repository_workspace(tmp_path / "ws")


@pytest.mark.asyncio
async def test_hover_names_an_implementation_in_a_file_that_is_not_open(client: LanguageClient,
                                                                          repo_ws: Path) -> None:
    await start(client, "visual-studio-code", root=repo_ws.as_uri())
    assert "3 Python files indexed" in await indexed(client)
    uri = (repo_ws / "base.py").as_uri()
    open_doc(client, uri, BASE, lang="python")
    text = await hover_text(client, uri)
    assert "`AbstractRepository` plays **abstract repository**" in text
    assert "SqlAlchemyRepository" in text and "sql.py" in text


@pytest.mark.asyncio
async def test_excluded_and_gitignored_files_are_not_indexed(client: LanguageClient, repo_ws: Path) -> None:
    for folder, name in (("generated", "GeneratedRepository"), ("build", "BuildRepository"),
                         (".hidden", "HiddenRepository"), ("venv", "VenvRepository")):
        (repo_ws / folder).mkdir()
        (repo_ws / folder / "repo.py").write_text(implementation(name))
    (repo_ws / "legacy_repo.py").write_text(implementation("LegacyRepository"))
    (repo_ws / ".gitignore").write_text("# build output\nbuild/\n")
    await start(client, "visual-studio-code", root=repo_ws.as_uri(),
                options={"patterns": {"exclude": ["generated", "legacy_*.py"]}})
    assert "3 Python files indexed" in await indexed(client)
    uri = (repo_ws / "base.py").as_uri()
    open_doc(client, uri, BASE, lang="python")
    text = await hover_text(client, uri)
    assert "SqlAlchemyRepository" in text
    for hidden in ("GeneratedRepository", "BuildRepository", "HiddenRepository", "VenvRepository",
                   "LegacyRepository"):
        assert hidden not in text


@pytest.mark.asyncio
async def test_max_files_bounds_the_index(client: LanguageClient, repo_ws: Path) -> None:
    await start(client, "visual-studio-code", root=repo_ws.as_uri(), options={"patterns": {"maxFiles": 2}})
    message = await indexed(client)
    assert "2 Python files indexed" in message and "maxFiles" in message


@pytest.mark.asyncio
async def test_watched_file_events_update_the_index(client: LanguageClient, repo_ws: Path) -> None:
    await start(client, "visual-studio-code", root=repo_ws.as_uri())
    await indexed(client)
    registrations = client.registrations  # type: ignore[attr-defined]
    globs = [w["globPattern"] for r in registrations if r.method == t.WORKSPACE_DID_CHANGE_WATCHED_FILES
             for w in r.register_options["watchers"]]  # unstructured on the client side
    assert "**/*.py" in globs
    uri = (repo_ws / "base.py").as_uri()
    open_doc(client, uri, BASE, lang="python")
    assert "SqlAlchemyRepository" in await hover_text(client, uri)

    (repo_ws / "sql.py").unlink()
    (repo_ws / "memory.py").write_text(implementation("InMemoryRepository"))
    client.workspace_did_change_watched_files(t.DidChangeWatchedFilesParams(changes=[
        t.FileEvent(uri=(repo_ws / "sql.py").as_uri(), type=t.FileChangeType.Deleted),
        t.FileEvent(uri=(repo_ws / "memory.py").as_uri(), type=t.FileChangeType.Created),
    ]))
    text = await eventually(client, uri, lambda s: "InMemoryRepository" in s)
    assert "SqlAlchemyRepository" not in text

    # A deleted folder is reported once, as the folder.
    (repo_ws / "pkg").mkdir()
    (repo_ws / "pkg" / "orm.py").write_text(implementation("OrmRepository"))
    client.workspace_did_change_watched_files(t.DidChangeWatchedFilesParams(changes=[
        t.FileEvent(uri=(repo_ws / "pkg" / "orm.py").as_uri(), type=t.FileChangeType.Created)]))
    await eventually(client, uri, lambda s: "OrmRepository" in s)
    (repo_ws / "pkg" / "orm.py").unlink()
    (repo_ws / "pkg").rmdir()
    client.workspace_did_change_watched_files(t.DidChangeWatchedFilesParams(changes=[
        t.FileEvent(uri=(repo_ws / "pkg").as_uri(), type=t.FileChangeType.Deleted)]))
    await eventually(client, uri, lambda s: "OrmRepository" not in s)


@pytest.mark.asyncio
async def test_open_documents_win_and_a_closed_one_falls_back_to_disk(client: LanguageClient,
                                                                        repo_ws: Path) -> None:
    await start(client, "visual-studio-code", root=repo_ws.as_uri())
    await indexed(client)
    uri = (repo_ws / "base.py").as_uri()
    open_doc(client, uri, BASE, lang="python")
    sql_uri = (repo_ws / "sql.py").as_uri()
    open_doc(client, sql_uri, implementation("BufferRepository"), lang="python")
    await hover_text(client, sql_uri, 4, 8)  # analysed: the buffer is in the index now
    text = await hover_text(client, uri)
    assert "BufferRepository" in text and "SqlAlchemyRepository" not in text
    client.text_document_did_close(t.DidCloseTextDocumentParams(text_document=t.TextDocumentIdentifier(uri=sql_uri)))
    text = await eventually(client, uri, lambda s: "SqlAlchemyRepository" in s)
    assert "BufferRepository" not in text


def _module(i: int) -> str:
    methods = "\n".join(
        f"    def step{j}(self, value):\n        if value > {j}:\n            self.total += value\n"
        f"        return self.total\n" for j in range(6))
    head = f'"""Generated module {i}."""\n\n\nclass Worker{i}:\n'
    return f"{head}    def __init__(self):\n        self.total = 0\n\n{methods}"


@pytest.mark.asyncio
async def test_hover_is_answered_while_a_large_workspace_is_indexed(client: LanguageClient,
                                                                    tmp_path: Path) -> None:
    root = repository_workspace(tmp_path / "big")
    for i in range(2000):
        package = root / f"pkg{i // 100}"
        package.mkdir(exist_ok=True)
        (package / f"mod{i}.py").write_text(_module(i))
    await start(client, "visual-studio-code", root=root.as_uri())
    uri = (root / "base.py").as_uri()
    open_doc(client, uri, BASE, lang="python")
    deadline = time.monotonic() + 30
    while not index_progress(client) and time.monotonic() < deadline:  # the walk has begun
        await asyncio.sleep(0.01)
    assert index_progress(client)
    latencies = []
    for _ in range(5):
        began = time.perf_counter()
        await hover_text(client, uri)
        latencies.append(time.perf_counter() - began)
        if isinstance(index_progress(client)[0][-1], t.WorkDoneProgressEnd):
            break
    assert not isinstance(index_progress(client)[0][-1], t.WorkDoneProgressEnd), \
        "indexing ended before the hovers: the workspace is too small to show anything"
    assert max(latencies) < 2.0, latencies
    assert "2003 Python files indexed" in await indexed(client, timeout=120)
    assert "SqlAlchemyRepository" in await hover_text(client, uri)


@pytest.mark.asyncio
async def test_cancelling_the_progress_stops_the_walk(client: LanguageClient, tmp_path: Path) -> None:
    root = repository_workspace(tmp_path / "big")
    for i in range(2000):
        (root / f"mod{i}.py").write_text(_module(i))
    await start(client, "visual-studio-code", root=root.as_uri())
    deadline = time.monotonic() + 30
    while not index_progress(client) and time.monotonic() < deadline:
        await asyncio.sleep(0.01)
    (token,) = [tok for tok, reports in client.progress_reports.items() if reports in index_progress(client)]
    client.window_work_done_progress_cancel(t.WorkDoneProgressCancelParams(token=token))
    message = await indexed(client)
    assert "Stopped after" in message, message
