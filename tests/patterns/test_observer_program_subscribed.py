"""A class with no observer interface above it is a concrete observer when the program makes an
object of it and subscribes that to a subject (`feed.attach(screen)`, `screen = Screen()`) and
it answers what the subject calls on each; beside it, an object subscribed whose class answers
something else is reported as nothing. Through `agentls patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

FEED = """\
class Feed:
    def __init__(self):
        self.watchers = []

    def attach(self, watcher):
        self.watchers.append(watcher)

    def publish(self, text):
        for watcher in self.watchers:
            watcher.refresh(text)


class Screen:
    def __init__(self, name):
        self.name = name

    def {answer}(self, text):
        print(self.name, text)


if __name__ == "__main__":
    screen = Screen("hall")
    feed = Feed()
    feed.attach(screen)
    feed.publish("hello")
"""


def test_an_object_the_program_subscribes_observes(tmp_path: Path) -> None:
    write_tree(tmp_path, {"feed.py": FEED.format(answer="refresh")})
    roles = roles_of(patterns_rows(tmp_path), "observer")
    assert roles.get("Feed") == "subject"
    assert roles.get("Screen") == "concrete_observer"


def test_an_object_answering_something_else_is_no_observer(tmp_path: Path) -> None:
    write_tree(tmp_path, {"feed.py": FEED.format(answer="show")})
    assert "Screen" not in roles_of(patterns_rows(tmp_path), "observer")
