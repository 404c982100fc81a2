"""A class keeping the objects it is handed and calling one public method on each is a subject
when that method tells them something (every implementation answers nothing); when the
method is a predicate (`is_plugin`) every implementation of which answers (`return matched`),
the loop asks each for a verdict (plug-in file analyzers asked whether a file is a plug-in)
and nothing is an observer. The same locator with the two kinds of analyzer, through `agentls
patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

LOCATOR = """\
class Analyzer:
    def is_plugin(self, filename: str):
        raise NotImplementedError


class SuffixAnalyzer(Analyzer):
    def __init__(self, suffix: str) -> None:
        self.suffix = suffix
        self.hits: list[str] = []

    def is_plugin(self, filename: str):
        {suffix_body}


class PrefixAnalyzer(Analyzer):
    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self.hits: list[str] = []

    def is_plugin(self, filename: str):
        {prefix_body}


class Locator:
    def __init__(self) -> None:
        self._analyzers: list[Analyzer] = []
        self.found: list[str] = []

    def append_analyzer(self, analyzer: Analyzer) -> None:
        self._analyzers.append(analyzer)

    def scan(self, names: list[str]) -> None:
        for name in names:
            for analyzer in self._analyzers:
                if analyzer.is_plugin(name):
                    self.found.append(name)
"""


def _observer_roles(tmp_path: Path, suffix_body: str, prefix_body: str) -> dict[str, str]:
    text = LOCATOR.replace("{suffix_body}", suffix_body).replace("{prefix_body}", prefix_body)
    write_tree(tmp_path, {"plugins/locate.py": text})
    return roles_of(patterns_rows(tmp_path, "plugins"), "observer")


def test_analyzers_told_of_each_file_are_observers(tmp_path: Path) -> None:
    roles = _observer_roles(
        tmp_path,
        "if filename.endswith(self.suffix):\n            self.hits.append(filename)",
        "if filename.startswith(self.prefix):\n            self.hits.append(filename)",
    )
    assert roles.get("Locator") == "subject"
    assert roles.get("SuffixAnalyzer") == "concrete_observer"


def test_analyzers_asked_for_a_verdict_are_not_observers(tmp_path: Path) -> None:
    roles = _observer_roles(
        tmp_path,
        "return filename.endswith(self.suffix)",
        "matched = filename.startswith(self.prefix)\n        return matched",
    )
    assert roles == {}
