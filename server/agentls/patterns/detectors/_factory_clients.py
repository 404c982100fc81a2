"""Holders of an Abstract Factory's products: a class whose attribute is filled with what a
factory's creation method answers (`self.button = self.factory.create_button()`, a pizza's
`self.dough = self.ingredient_factory.create_dough()`) is that factory's client. The family
it chose is the factory; each product it keeps is a part of that family, not an algorithm it
was configured with, so it is no Strategy context of the products."""

from __future__ import annotations

from agentls.patterns.context import Ctx
from agentls.patterns.detectors._families import Held
from agentls.patterns.detectors.abstract_factory import AbstractFactory


def keeps_factory_products(ctx: Ctx, h: Held) -> bool:
    """The held interface is a product of an abstract factory the program has, and every value
    the holder (or a subclass of it) stores in the attribute is what a call on another object
    answers (`call:self.factory.create_button`), or nothing yet (`None`)."""
    if h.interface.key not in AbstractFactory()._products(ctx):
        return False
    attr = h.collab.attr
    stored = [
        v
        for ref in [h.holder, *ctx.descendants(h.holder)]
        for m in ref.cls.methods.values()
        for v in m.self_writes.get(attr, [])
        if v != "none"
    ]
    # `call:self.factory.create_button` asks an object; `call:WinButton` makes one in place.
    asked = [
        v for v in stored if v.startswith("call:") and "." in v[5:] and ctx.resolve(v[5:], h.holder.module) is None
    ]
    return bool(asked) and len(asked) == len(stored)
