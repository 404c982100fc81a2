"""Two servers side by side: ``typist`` sees every edit, ``reader`` opens each version fresh;
their diagnostics must be equal."""

from __future__ import annotations

from tests.conftest import initialized

typist = initialized("visual-studio-code")
reader = initialized("visual-studio-code")
