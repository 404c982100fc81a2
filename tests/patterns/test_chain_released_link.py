"""A handler passes the request on to its successor behind a decision and keeps the link for
the next request. The near miss: the same method dropping what it passed the call on to
(`self._inner.close(); self._inner = None`), as a wrapper releasing a connection or cursor it
holds does: no chain."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

LINKS = """\
class Link:
    def __init__(self, inner=None):
        self._inner = inner

    def {method}(self, request):
        if self._inner is not None:
            self._inner.{method}(request)
{drop}

class AuditLink(Link):
    def {method}(self, request):
        print("audit", request)
        super().{method}(request)


class LimitLink(Link):
    def {method}(self, request):
        if request:
            super().{method}(request)
"""


def _chain(tmp_path: Path, method: str, drop: str) -> dict[str, str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/links.py": LINKS.format(method=method, drop=drop)})
    rows = patterns_rows(tmp_path, "app")
    return {str(r["symbol"]): str(r["role"]) for r in rows if r["pattern"] == "chain_of_responsibility"}


def test_a_link_passing_the_request_on_is_a_handler(tmp_path: Path) -> None:
    assert _chain(tmp_path, "handle", "").get("Link") == "handler"


def test_a_link_dropping_what_it_passed_on_releases_it(tmp_path: Path) -> None:
    assert _chain(tmp_path, "handle", "            self._inner = None\n") == {}
