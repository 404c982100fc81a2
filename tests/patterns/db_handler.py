"""The small SQLAlchemy connection handler (a context manager opening a session per use) that
repository and service-layer fixtures put beside their stores."""

from __future__ import annotations

DB_HANDLER = """\
class DBConnectionHandler:
    def __enter__(self):
        self.session = Session(create_engine("sqlite://"))
        return self

    def __exit__(self, *exc):
        self.session.close()
"""

DB = (
    """\
from sqlalchemy import create_engine
from sqlalchemy.orm import Session


"""
    + DB_HANDLER
)
