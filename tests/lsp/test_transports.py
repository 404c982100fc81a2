"""``agentls serve`` accepts --stdio (vscode-languageclient adds it) and --tcp HOST:PORT,
and keeps stdout for the protocol."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time

import pytest
import pytest_lsp
from pytest_lsp import ClientServerConfig, LanguageClient
from tests.conftest import server_env
from tests.lsp.helpers import open_doc, published, start

STDIO = ClientServerConfig(server_command=[sys.executable, "-m", "agentls", "serve", "--stdio"],
                           server_env=server_env())


@pytest_lsp.fixture(config=STDIO)
async def client(lsp_client: LanguageClient):  # type: ignore[no-untyped-def]
    result = await start(lsp_client, "neovim")
    lsp_client.result = result  # type: ignore[attr-defined]
    yield
    await lsp_client.shutdown_session()


@pytest.mark.asyncio
async def test_stdio_flag_is_accepted(client: LanguageClient) -> None:
    info = client.result.server_info  # type: ignore[attr-defined]
    assert info is not None and info.name == "agentls"


def _frame(payload: dict[str, object]) -> bytes:
    body = json.dumps(payload).encode()
    return f"Content-Length: {len(body)}\r\n\r\n".encode() + body


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_tcp_transport() -> None:
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "agentls", "serve", "--tcp", f"127.0.0.1:{port}"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=server_env())
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                sock = socket.create_connection(("127.0.0.1", port), timeout=1)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        with sock:
            sock.sendall(_frame({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                                 "params": {"capabilities": {}, "processId": None, "rootUri": None}}))
            sock.settimeout(20)
            data = b""
            while b"serverInfo" not in data:
                chunk = sock.recv(65536)
                if not chunk:
                    break
                data += chunk
        assert b'"name": "agentls"' in data or b'"name":"agentls"' in data
    finally:
        proc.kill()
        out, _ = proc.communicate(timeout=10)
    assert out == b""  # nothing but the protocol (here: nothing at all) on stdout


def test_bad_tcp_address_is_a_usage_error() -> None:
    r = subprocess.run([sys.executable, "-m", "agentls", "serve", "--tcp", "nowhere"],
                       capture_output=True, text=True, timeout=30, env=server_env())
    assert r.returncode == 2 and "HOST:PORT" in r.stderr


@pytest_lsp.fixture(config=ClientServerConfig(
    server_command=[sys.executable, "-m", "agentls", "serve", "--log-level", "debug"],
    server_env=server_env()))
async def logged(lsp_client: LanguageClient):  # type: ignore[no-untyped-def]
    await start(lsp_client, "visual-studio-code")
    yield
    await lsp_client.shutdown_session()


@pytest.mark.asyncio
async def test_debug_logging_keeps_stdout_clean(logged: LanguageClient) -> None:
    uri = "file:///ws/.claude/agents/a.md"
    diags = await published(logged, uri, lambda: open_doc(logged, uri, "---\nname: a\n---\n"))
    assert isinstance(diags, list)  # the protocol stream stayed parseable


def _session(*messages: dict[str, object]) -> bytes:
    return b"".join(_frame(m) for m in messages)


_INIT = {"jsonrpc": "2.0", "id": 1, "method": "initialize",
         "params": {"capabilities": {}, "processId": None, "rootUri": None}}
_OPEN = {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
    "uri": "file:///ws/.claude/agents/a.md", "languageId": "markdown", "version": 1,
    "text": "---\nname: a\ndescription: d\nmodel: gpt-4\n---\nbody\n"}}}
_BYE = [{"jsonrpc": "2.0", "id": 2, "method": "shutdown"}, {"jsonrpc": "2.0", "method": "exit"}]


def _messages(out: bytes) -> list[dict[str, object]]:
    found = []
    while out:
        head, _, rest = out.partition(b"\r\n\r\n")
        length = int(head.split(b"\r\n")[0].split(b":")[1])
        found.append(json.loads(rest[:length]))
        out = rest[length:]
    return found


@pytest.mark.parametrize("stdin_kind", ["pipe", "file"])
def test_a_whole_session_on_stdin_ends_with_exit(stdin_kind: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """On a pipe the server reads stdin on its event loop; a regular file (``serve < log``)
    goes through pygls's thread reader. Both answer, publish, and exit 0 after shutdown."""
    session = _session(_INIT, {"jsonrpc": "2.0", "method": "initialized", "params": {}}, _OPEN, *_BYE)
    if stdin_kind == "file":
        (tmp_path / "in").write_bytes(session)
        with open(tmp_path / "in", "rb") as stdin:
            r = subprocess.run([sys.executable, "-m", "agentls", "serve"], stdin=stdin,
                               capture_output=True, timeout=60, env=server_env())
    else:
        r = subprocess.run([sys.executable, "-m", "agentls", "serve"], input=session,
                           capture_output=True, timeout=60, env=server_env())
    assert r.returncode == 0, r.stderr.decode()
    messages = _messages(r.stdout)
    assert [m.get("id") for m in messages if "id" in m] == [1, 2]
    published = [m for m in messages if m.get("method") == "textDocument/publishDiagnostics"]
    codes = {d["code"] for m in published for d in m["params"]["diagnostics"]}  # type: ignore[index]
    assert "AG130" in codes, codes  # the unknown model, found whichever way stdin was read
