"""Writing YAML values and lines back into a frontmatter the way the file already does."""

from __future__ import annotations

import json
import re

from agentls.frontmatter.document import AgentDocument

# Plain YAML items must not start with an indicator nor hold ": " or " #".
_NEEDS_QUOTES = re.compile(r"""\A[-?:,\[\]{}#&*!|>'"%@`]|: |\s#|:\Z""")


def scalar(value: str) -> str:
    """``value`` as a YAML scalar: plain when YAML reads it back unchanged, else quoted."""
    return json.dumps(value) if _NEEDS_QUOTES.search(value) else value


def newline(doc: AgentDocument) -> str:
    """The line ending of the frontmatter (new lines must not mix endings)."""
    return "\r\n" if doc.crlf else "\n"
