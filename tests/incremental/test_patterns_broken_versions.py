"""Versions that do not parse, while typing in a large module: the incremental index gives what
``index_source`` (the whole text's recovery) gives, without parsing the whole text.

Half of the keystrokes of a statement typed in a method leave the module broken (``x =``,
``self.``, a bracket not yet closed). The recovery (``parse.parse_module``) then drops the
statement the edit is in; the incremental index proves that from the edited lines alone and
drops that unit from the last version that parsed. Where it cannot prove it (a string or a
backslash left open, a decorator or an ``else:`` that would join the code around, a column-0
line) it takes the full path; either way the result must equal a fresh index.
"""

from __future__ import annotations

import pytest

from agentls.patterns.analysis import index_source
from agentls.patterns.incremental import IncrementalIndex

METHOD = "    def m{0}(self, x):\n        y = x + {0}\n        return self.h.run(y)\n"
# A string statement whose closing quotes sit at column 0: the recovery cuts it in two chunks
# and joins them again (SQLAlchemy's orm/session.py has one), which must not stop the fast path.
HEAD = 'import os\n\n_cache = {}\n"""The cache.\n"""\n\n\n'
TAIL = '\n\ndef tail():\n    return Big()\n\n\nx = tail()\n'


def _module(n: int = 150) -> str:
    return HEAD + "class Big:\n    '''doc'''\n\n" + "\n".join(METHOD.format(i) for i in range(n)) + TAIL


def _type(inc: IncrementalIndex, text: str, at: str, typed: str) -> list[tuple[str, int, bool]]:
    """Enter after ``at`` (a new line at its indentation), then ``typed`` one character at a
    time; after each keystroke the index must equal a fresh one. (text typed, lines parsed
    again, whether the version parsed) per keystroke."""
    out = []
    cut = text.index(at) + len(at)
    indent = at.rsplit("\n", 1)[-1]
    indent = indent[: len(indent) - len(indent.lstrip())]
    typed = "\n" + indent + typed
    for i in [*range(len(indent) + 1, len(typed) + 1), len(typed) - 1, len(typed) - 2]:
        version = text[:cut] + typed[:i] + text[cut:]
        got, got_problems = inc.update(version)
        want, want_problems = index_source(version, "big.py", "big")
        assert got == want, f"after {typed[:i]!r}"
        assert got_problems == want_problems, f"after {typed[:i]!r}"
        out.append((typed[:i], inc.reindexed_lines, not want_problems))
    return out


def test_broken_versions_inside_a_method_parse_only_that_method() -> None:
    text = _module()
    inc = IncrementalIndex("big.py", "big")
    inc.update(text)
    typed = _type(inc, text, "        y = x + 100", "merged = self._merge(state, load=load,\n")
    broken = [n for _, n, parses in typed if not parses]
    assert len(broken) >= 10  # `merged =`, `self.`, the open bracket, ...
    # The method (3 lines, the new one, the line Enter added inside the bracket), never the
    # 600-line class.
    assert max(broken) <= 6
    # The class is what the recovery loses while the statement is broken; back once it parses.
    assert "Big" not in inc.update(text.replace("y = x + 100\n", "y = x + 100\n        z =\n"))[0].classes
    assert "Big" in inc.update(text)[0].classes


def test_broken_top_level_function_parses_only_that_function() -> None:
    text = _module(40)
    inc = IncrementalIndex("big.py", "big")
    inc.update(text)
    typed = _type(inc, text, "\n    return Big()", "value = compute(1, [2,\n")
    assert max(n for _, n, parses in typed if not parses) <= 6  # the function and blank lines below


@pytest.mark.parametrize("typed", [
    "    @property\n",  # a decorator at the end: it would decorate the method below
    "    x = '''\n",  # a string left open: text below could close it
    "    x = 1 + \\\n",  # a backslash: the line below continues it
    "x = (\n",  # a statement at column 0: the recovery cuts the class there
])
def test_what_text_around_could_complete_takes_the_full_path(typed: str) -> None:
    text = _module(30)
    inc = IncrementalIndex("big.py", "big")
    inc.update(text)
    at = "return self.h.run(y)\n"
    cut = text.index(at) + len(at)
    version = text[:cut] + typed + text[cut:]
    got, problems = inc.update(version)
    assert (got, problems) == index_source(version, "big.py", "big")
    assert inc.reindexed_lines > 100  # the whole module: nothing here proves the recovery's result


def test_else_at_the_start_of_a_member_joins_the_statement_above() -> None:
    # `else:` at the members' column continues an `if` member above in the whole text.
    text = "class C:\n    if X:\n        a = 1\n\n    def f(self):\n        return 1\n"
    inc = IncrementalIndex("c.py", "c")
    inc.update(text)
    for version in [text.replace("    def f(self):\n", "    else:\n        b = 2\n    def f(self):\n"),
                    text.replace("    def f(self):\n        return 1\n", "    else:\n        return 1\n")]:
        assert inc.update(version) == index_source(version, "c.py", "c")


def test_a_class_the_recovery_cuts_takes_the_full_path() -> None:
    # The first unit is a class (after comments) whose docstring has a line at column 0: the
    # recovery cuts the class there and joins it back; broken, it is not one chunk any more.
    methods = "\n".join(METHOD.format(i) for i in range(40))
    text = f'# header\n\nclass Big:\n    """Doc.\nat column 0\n    """\n\n{methods}\n\nx = Big()\n'
    inc = IncrementalIndex("big.py", "big")
    inc.update(text)
    version = text.replace("y = x + 20\n", "y = x + 20\n        z = (\n")
    assert inc.update(version) == index_source(version, "big.py", "big")
    assert inc.reindexed_lines > 100
