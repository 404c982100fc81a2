"""A bus handed an untyped message (`dispatch(self, order)`) that looks the handler up by the
message's type in a table its own `register` fills and asks it to handle the message
(`handler.handle(order)`) routes by type: a `message_bus`, and so is the port it implements.
The same lookup whose found object is asked something no handler answers
(`renderer.render(value)`, a view picked by a value's type) is no bus. Through `agentls
patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

BUS = """\
class OrderBus:
    def dispatch(self, order):
        raise NotImplementedError


class LocalOrderBus(OrderBus):
    def __init__(self):
        self._handlers = {}

    def register(self, order_type, handler):
        self._handlers[order_type] = handler

    def dispatch(self, order):
        handler = self._handlers.get(type(order))
        if handler is None:
            return None
        return handler.handle(order)
"""

VIEWS = """\
class Views:
    def __init__(self):
        self._renderers = {}

    def register(self, value_type, renderer):
        self._renderers[value_type] = renderer

    def show(self, value):
        renderer = self._renderers.get(type(value))
        if renderer is None:
            return repr(value)
        return renderer.render(value)
"""


def test_an_untyped_order_routed_to_its_handler_is_a_bus(tmp_path: Path) -> None:
    write_tree(tmp_path, {"app/__init__.py": "", "app/bus.py": BUS})
    roles = roles_of(patterns_rows(tmp_path, "app"), "message_bus")
    assert roles.get("LocalOrderBus") == "message_bus"
    assert roles.get("OrderBus") == "message_bus"


def test_a_renderer_picked_by_a_value_type_is_no_bus(tmp_path: Path) -> None:
    write_tree(tmp_path, {"app/__init__.py": "", "app/views.py": VIEWS})
    assert roles_of(patterns_rows(tmp_path, "app"), "message_bus") == {}
