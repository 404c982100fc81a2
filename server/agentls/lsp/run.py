"""Building and starting the server: stdio by default, or TCP."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import stat
import sys
import threading
from typing import Any

from lsprotocol import types as t
from pygls.io_ import StdoutWriter, run_async
from pygls.lsp.server import LanguageServer

from agentls.lsp import handlers
from agentls.lsp.agent_actions import Actions
from agentls.lsp.agent_completion import Completer
from agentls.lsp.agent_editing import AgentEditing
from agentls.lsp.agent_files import AgentFiles
from agentls.lsp.agent_hover import Hoverer
from agentls.lsp.agent_symbols import AgentSymbols
from agentls.lsp.expert_auto import AutoFeature
from agentls.lsp.expert_features import ExpertFeature
from agentls.lsp.patterns_features import PatternFeatures
from agentls.lsp.server import AgentLanguageServer

log = logging.getLogger(__name__)


def create_server() -> AgentLanguageServer:
    """A server with every feature, each given the features it builds on. The order is the
    order the features are asked in: diagnostics merge in it, the first hover wins."""
    server = AgentLanguageServer()
    handlers.register(server)
    files = AgentFiles()
    patterns = PatternFeatures()
    expert = ExpertFeature(patterns)
    editing = AgentEditing(files)
    server.add(files, patterns, expert, AutoFeature(expert), editing,
               Completer(editing), Hoverer(editing), Actions(editing), AgentSymbols(editing))
    return server


class _ClientLogHandler(logging.Handler):
    """Forwards our own log records to the client's log (``window/logMessage``)."""

    def __init__(self, server: AgentLanguageServer) -> None:
        super().__init__(logging.INFO)
        self.server = server

    def emit(self, record: logging.LogRecord) -> None:
        if not record.name.startswith("agentls"):
            return
        kind = (t.MessageType.Error if record.levelno >= logging.ERROR
                else t.MessageType.Warning if record.levelno >= logging.WARNING
                else t.MessageType.Log)
        # Not connected yet, or shutting down: the stderr copy is enough.
        with contextlib.suppress(Exception):
            self.server.window_log_message(t.LogMessageParams(type=kind, message=self.format(record)))


def serve(tcp: str | None = None, level: str = "info") -> int:
    logging.basicConfig(stream=sys.stderr, level=getattr(logging, level.upper()),
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # pygls logs every message at INFO, document text included.
    logging.getLogger("pygls").setLevel(logging.WARNING)
    server = create_server()
    logging.getLogger("agentls").addHandler(_ClientLogHandler(server))
    if tcp:
        host, _, port = tcp.rpartition(":")
        try:
            server.start_tcp(host or "127.0.0.1", int(port))
        except ValueError:
            print(f"agentls: --tcp wants HOST:PORT, got {tcp!r}", file=sys.stderr)
            return 2
    elif stdin_is_pipe(sys.stdin.buffer):
        serve_pipe(server)
    else:
        server.start_io()
    return 0


def stdin_is_pipe(stream: object) -> bool:
    """A pipe or socket, which asyncio can read without a thread (never a terminal: making a
    tty non-blocking would change it for the shell too)."""
    if sys.platform == "win32":
        return False
    try:
        mode = os.fstat(stream.fileno()).st_mode  # type: ignore[attr-defined]
    except (AttributeError, OSError, ValueError):
        return False
    return stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode)


def _quiet_cancellation(loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
    """A handler cancelled (``$/cancelRequest``, or the client gone and the loop closing) is
    expected: pygls's done-callback re-raises its CancelledError, which is not worth a
    traceback. Everything else goes to asyncio's default report."""
    if isinstance(context.get("exception"), asyncio.CancelledError):
        return
    loop.default_exception_handler(context)


def serve_pipe(server: LanguageServer) -> None:
    """pygls's ``start_io`` reads stdin on a worker thread: three hand-offs per message (header,
    blank line, body) cost about 0.25 ms, a third of a bare server's round trip. Reading the
    pipe on the event loop removes them; everything after the read is pygls's own loop."""

    async def main() -> None:
        reader = asyncio.StreamReader()
        loop = asyncio.get_running_loop()
        loop.set_exception_handler(_quiet_cancellation)
        await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin.buffer)
        await run_async(stop_event, reader, server.protocol, logger=log,
                        error_handler=server.report_server_error)

    stop_event = server._stop_event = threading.Event()
    server.protocol.set_writer(StdoutWriter(sys.stdout.buffer))
    try:
        asyncio.run(main())
    except BrokenPipeError:
        log.error("connection to the client is lost; shutting down")
    except (KeyboardInterrupt, SystemExit):
        pass
    finally:
        server.shutdown()  # type: ignore[no-untyped-call]
