"""Insert the suppression comment that hides one code where it is reported
(``agentls.suppress`` reads them): a YAML comment inside the frontmatter, an HTML comment
in the body, a file-wide one when the line is the opening ``---``."""

from __future__ import annotations

import re

from agentls.frontmatter.document import AgentDocument
from agentls.frontmatter.yamlnodes import Scalar
from agentls.model import Edit, Fix, Span


def disable(doc: AgentDocument, code: str, offset: int) -> Fix | None:
    """The fix silencing ``code`` on the line holding ``offset``; ``None`` where a comment
    would change the file's meaning (inside a multi-line value)."""
    text = doc.text
    line_start = text.rfind("\n", 0, offset) + 1
    block = doc.block
    newline = "\r\n" if "\r\n" in text[:2000] else "\n"
    if line_start == 0 or (block is None and doc.cut.open_end is not None):
        # Above the opening `---` the file would no longer start with it: silence the file.
        sep = "" if text.endswith("\n") or not text else newline
        end = Span(len(text), len(text))
        return Fix(f"Disable {code} for this file",
                   (Edit(end, f"{sep}<!-- agentls: disable-file={code} -->{newline}"),))
    if block is not None and block.start <= line_start < block.end:
        if _inside_multiline_value(doc, line_start):
            return None  # a comment there would become part of the value
        indent = re.match(r"[ \t]*", text[line_start:line_start + 200])
        comment = f"{indent.group() if indent else ''}# agentls: disable={code}"
    else:
        comment = f"<!-- agentls: disable={code} -->"
    return Fix(f"Disable {code} here", (Edit(Span(line_start, line_start), comment + newline),))


def _inside_multiline_value(doc: AgentDocument, line_start: int) -> bool:
    if doc.root is None:
        return False
    return any(v.start < line_start < v.end and isinstance(v, Scalar) for _, v in doc.root.pairs)
