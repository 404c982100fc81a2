"""The read side of a table's collection, the query half of a repository split for CQRS,
through `agentls patterns` run as a subprocess: a plain class storing nothing whose every public
method finds or lists rows through a model's manager, one by a key it is handed
(`get_reviews_by(member_id)`), is a repository. The near misses: a framework view whose `get`
queries the same manager, and a reader whose look-ups go to an HTTP client, are none."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

MODELS = """\
from django.db import models


class Review(models.Model):
    member_id = models.IntegerField()
    kind = models.CharField(max_length=20)
    text = models.TextField()
"""

QUERY_REPO = """\
from app.domain.models import Review


class ReviewReader:
    def get_reviews_by(self, member_id: int, kind: str) -> list[Review]:
        return list(Review.objects.filter(member_id=member_id, kind=kind))

    def get_all_reviews(self) -> list[Review]:
        return list(Review.objects.all())
"""

VIEW = """\
from rest_framework.views import APIView

from app.domain.models import Review


class ReviewView(APIView):
    def get(self, request, member_id: int):
        return list(Review.objects.filter(member_id=member_id))
"""

HTTP = """\
class ReviewFeed:
    def __init__(self, http_client) -> None:
        self.client = http_client

    def get_reviews_by(self, member_id: int) -> list[dict]:
        return self.client.get(f"/members/{member_id}/reviews").json()

    def get_all_reviews(self) -> list[dict]:
        return self.client.get("/reviews").json()
"""


def _roles(tmp_path: Path, text: str) -> dict[str, str]:
    write_tree(tmp_path, {"app/domain/models.py": MODELS, "app/queries/reviews.py": text})
    return roles_of(patterns_rows(tmp_path, "."), "repository")


def test_a_query_repository_over_a_model_manager_is_a_repository(tmp_path: Path) -> None:
    assert _roles(tmp_path, QUERY_REPO).get("ReviewReader") == "repository"


def test_a_framework_view_querying_the_manager_is_no_repository(tmp_path: Path) -> None:
    assert "ReviewView" not in _roles(tmp_path, VIEW)


def test_a_reader_over_an_http_client_is_no_repository(tmp_path: Path) -> None:
    assert "ReviewFeed" not in _roles(tmp_path, HTTP)
