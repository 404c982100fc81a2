"""Work-done progress of a server-started job (the pattern index's walk, an auto-mode expert
request), for clients that support it; every method is a no-op when the client has none."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid

from lsprotocol import types as t

from agentls.lsp.server import AgentLanguageServer

log = logging.getLogger(__name__)

CREATE_TIMEOUT = 5.0  # a client that never answers window/workDoneProgress/create


class WorkProgress:
    """One job's progress token, named ``<prefix>-<uuid>``."""

    def __init__(self, ls: AgentLanguageServer, prefix: str) -> None:
        self._ls = ls
        self._prefix = prefix
        self.token: str | None = None

    async def begin(self, title: str, message: str, cancellable: bool = False) -> None:
        window = self._ls.client_capabilities.window
        if not (window and window.work_done_progress):
            return
        token = f"{self._prefix}-{uuid.uuid4()}"
        begin = (
            t.WorkDoneProgressBegin(title=title, message=message, cancellable=True, percentage=0)
            if cancellable
            else t.WorkDoneProgressBegin(title=title, message=message)
        )
        try:
            await asyncio.wait_for(self._ls.work_done_progress.create_async(token), CREATE_TIMEOUT)
            self._ls.work_done_progress.begin(token, begin)
        except asyncio.CancelledError:
            raise
        except Exception:
            log.info("the client refused work-done progress (%s)", self._prefix)
            return
        self.token = token

    def report(self, message: str, percentage: int) -> None:
        if self.token is not None:
            self._ls.work_done_progress.report(
                self.token, t.WorkDoneProgressReport(message=message, percentage=percentage)
            )

    def cancelled_by_user(self) -> bool:
        if self.token is None:
            return False
        future = self._ls.work_done_progress.tokens.get(self.token)
        return future is not None and future.cancelled()

    def end(self, message: str) -> None:
        if self.token is not None:
            with contextlib.suppress(Exception):
                self._ls.work_done_progress.end(self.token, t.WorkDoneProgressEnd(message=message))
            self.token = None
