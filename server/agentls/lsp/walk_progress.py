"""Work-done progress of a background walk, for clients that support it (cancellable)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid

from lsprotocol import types as t

from agentls.lsp.server import AgentLanguageServer

log = logging.getLogger(__name__)

CREATE_TIMEOUT = 5.0  # a client that never answers window/workDoneProgress/create


class WalkProgress:
    """One walk's progress token; every method is a no-op when the client has none."""

    def __init__(self, ls: AgentLanguageServer) -> None:
        self._ls = ls
        self.token: str | None = None

    async def begin(self, title: str, message: str) -> None:
        window = self._ls.client_capabilities.window
        if not (window and window.work_done_progress):
            return
        token = f"agentls-patterns-index-{uuid.uuid4()}"
        try:
            await asyncio.wait_for(self._ls.work_done_progress.create_async(token), CREATE_TIMEOUT)
            self._ls.work_done_progress.begin(
                token, t.WorkDoneProgressBegin(title=title, message=message, cancellable=True, percentage=0)
            )
        except asyncio.CancelledError:
            raise
        except Exception:
            log.info("the client refused work-done progress for the pattern index")
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
