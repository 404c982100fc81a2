"""Building and starting the server: stdio by default, or TCP."""

from __future__ import annotations

import contextlib
import importlib
import logging
import sys

from lsprotocol import types as t

from agentls.lsp import agent_files, handlers
from agentls.lsp.server import AgentLanguageServer

# Feature modules that plug into the server when present (each has ``register(server)``).
OPTIONAL_FEATURES = ("agentls.lsp.patterns_features", "agentls.lsp.expert_features",
                     "agentls.lsp.agent_features")


def create_server() -> AgentLanguageServer:
    server = AgentLanguageServer()
    handlers.register(server)
    agent_files.register(server)
    for name in OPTIONAL_FEATURES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        module.register(server)
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
    else:
        server.start_io()
    return 0
