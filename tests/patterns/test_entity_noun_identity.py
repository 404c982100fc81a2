"""An entity identified by the noun its class name ends with (`benchmark_id` in
`ComparativeBenchmark`), in a domain package. The near misses: the same class keeping another
object's id (`report_id`, naming no word of the class) has no identity of its own, and in a
`value_objects` module the id it keeps refers to another object (`AuthorBook.book_id`)."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

MODEL = """\
class NightlyBenchmark:
    def __init__(self, {ident}, started, results):
        self.{ident} = {ident}
        self.started = started
        self.results = results

    def record(self, result):
        self.results.append(result)
"""


def _entities(tmp_path: Path, ident: str, module: str = "entities") -> set[str]:
    write_tree(tmp_path, {f"shop/domain/{module}.py": MODEL.format(ident=ident)})
    return {r["symbol"] for r in patterns_rows(tmp_path, "shop") if r["pattern"] == "entity"}


def test_the_id_of_the_noun_the_class_name_ends_with_is_its_identity(tmp_path: Path) -> None:
    assert _entities(tmp_path, "benchmark_id") == {"NightlyBenchmark"}


def test_the_id_of_another_noun_is_a_reference(tmp_path: Path) -> None:
    assert _entities(tmp_path, "report_id") == set()


def test_in_a_value_objects_module_it_is_a_reference(tmp_path: Path) -> None:
    assert _entities(tmp_path, "benchmark_id", "value_objects") == set()
