"""Typing in a large Python module, through the protocol: the server re-indexes only what each
edit touched, and after every keystroke it must publish what a server that never saw the
earlier versions publishes for the same text.

The module is the standard library's ``argparse`` (2,600 lines nobody here wrote, three god
classes); the edits are incremental changes as an editor sends them: characters typed inside a
method, Enter, backspace, a method pasted, a bracket left open, undo.
"""

from __future__ import annotations

import argparse
import ast
import random
import warnings
from pathlib import Path

import pytest
from lsprotocol import types as t
from pytest_lsp import LanguageClient
from tests.lsp.helpers import open_doc, published

# Mostly what keeps the module parsing (an editor closes brackets as they open); "(" and "="
# leave a version broken until a later edit happens to repair it, or not.
TYPED = ["x", "_", "1", "()", "\n        ", "\n    def extra(self):\n        return self.h\n", "x", "(", "="]


def _shown(diags: list[t.Diagnostic]) -> list[tuple[object, ...]]:
    return sorted((str(d.code), d.range.start.line, d.range.start.character, d.range.end.line,
                   d.range.end.character, d.message) for d in diags)


def _parses(text: str) -> bool:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # the edits' invalid escapes are not our concern
            ast.parse(text)
    except SyntaxError:
        return False
    return True


def _apply(lines: list[str], line: int, col: int, end_line: int, end_col: int, new: str) -> list[str]:
    head, tail = lines[line][:col], lines[end_line][end_col:]
    return lines[:line] + (head + new + tail).split("\n") + lines[end_line + 1 :]


@pytest.mark.asyncio
async def test_keystrokes_in_a_large_module_publish_what_a_fresh_server_does(
    typist: LanguageClient, reader: LanguageClient
) -> None:
    lines = Path(argparse.__file__).read_text(encoding="utf-8").split("\n")
    rng = random.Random(11)
    uri = "file:///ws/pkg/argparse_copy.py"
    await published(typist, uri, lambda: open_doc(typist, uri, "\n".join(lines), "python"))
    # Inside method bodies (8-space lines), where typing happens.
    bodies = [i for i, line in enumerate(lines) if line.startswith("        ") and line.strip()]
    smells = 0
    last_good = list(lines)
    for version in range(2, 32):
        start = end = t.Position(0, 0)
        if lines != last_good:  # undo back to the last version that parsed
            lines = list(last_good)
            change: t.TextDocumentContentChangeEvent = t.TextDocumentContentChangeWholeDocument(text="\n".join(lines))
        else:
            line = rng.choice(bodies)
            line = min(line, len(lines) - 1)
            col = rng.randint(8, max(8, len(lines[line])))
            roll = rng.random()
            if roll < 0.25:  # Enter at the end of a line high in the module: everything below moves
                line = rng.choice([b for b in bodies if b < 1000])
                edit = (line, len(lines[line]), line, len(lines[line]), "\n        ")
            elif roll < 0.45 and len(lines[line]) > col:  # backspace
                edit = (line, col, line, col + 1, "")
            else:
                edit = (line, col, line, col, rng.choice(TYPED))
            lines = _apply(lines, *edit)
            start, end = t.Position(edit[0], edit[1]), t.Position(edit[2], edit[3])
            change = t.TextDocumentContentChangePartial(range=t.Range(start, end), text=edit[4])
        text = "\n".join(lines)
        got = await published(typist, uri, lambda v=version, c=change: typist.text_document_did_change(
            t.DidChangeTextDocumentParams(
                text_document=t.VersionedTextDocumentIdentifier(uri=uri, version=v), content_changes=[c])))
        fresh_uri = f"file:///fresh{version}/pkg/argparse_copy.py"
        fresh = await published(reader, fresh_uri, lambda s=text, u=fresh_uri: open_doc(reader, u, s, "python"))
        assert _shown(got) == _shown(fresh), f"version {version}"
        reader.text_document_did_close(t.DidCloseTextDocumentParams(
            text_document=t.TextDocumentIdentifier(uri=fresh_uri)))
        if _parses(text):  # kept: the next edits start from it (and take the incremental path)
            last_good = list(lines)
            smells += len(got) == 3
    assert smells > 10  # versions that parse, with all three god classes to compare
