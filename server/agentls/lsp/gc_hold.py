"""The garbage collector held off while a walk indexes the workspace.

Indexing allocates hundreds of thousands of long-lived objects; the collector's passes over
them would double the time (the CLI turns it off for its run too). Holds nest: a walk and a
drain of file events may overlap, and only the last release turns the collector back on.
"""

from __future__ import annotations

import gc


class GcHold:
    def __init__(self) -> None:
        self._holds = 0
        self._was_enabled = True

    def hold(self) -> None:
        if self._holds == 0:
            self._was_enabled = gc.isenabled()
            gc.disable()
        self._holds += 1

    def release(self, freeze: bool) -> None:
        """``freeze``: what was indexed lives as long as the server, so the collector never
        needs to scan it again."""
        self._holds -= 1
        if self._holds == 0:
            if freeze:
                gc.freeze()
            if self._was_enabled:
                gc.enable()
