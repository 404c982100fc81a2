"""Class-body calls (``ClassFacts.body_calls``): edits inside and above a container's body
give exactly what a fresh index of the new text gives (lines moved, members re-parsed)."""

from __future__ import annotations

from tests.incremental.test_patterns_incremental import _run

from agentls.patterns.analysis import index_source
from agentls.patterns.incremental import IncrementalIndex

CONTAINER = '''from lib import providers, provide, Provider, Scope


class Wiring(Provider):
    scope = Scope.APP
    store = provide(SqlStore, provides=Store)
    clock = provide(source=make_clock(tz="UTC"), provides=Clock)

    @provide
    def mailer(self) -> Mailer:
        return SmtpMailer()


class Container(DeclarativeContainer):
    config = providers.Configuration()
    store = providers.Singleton(SqlStore, config.dsn)
    handler: Factory[Handler] = providers.Factory(Handler, store=store, clock=providers.Object(now))
    providers.Callable(print, "ready")
'''


def test_edits_in_and_above_a_container_equal_a_fresh_index() -> None:
    for seed in range(6):
        _run(CONTAINER * 3, "pkg/wiring.py", "pkg.wiring", seed=seed, steps=25)


def test_a_line_added_above_moves_the_body_calls() -> None:
    inc = IncrementalIndex("w.py", "w")
    inc.update(CONTAINER)
    edited = CONTAINER.replace("class Wiring", "# wiring\nclass Wiring").replace(
        "    config = ", "    extra = providers.Object(1)\n    config = ")
    got, _ = inc.update(edited)
    want, _ = index_source(edited, "w.py", "w")
    assert got == want
    calls = [(b.target, b.call.func, b.call.line, b.keywords) for b in want.classes["Container"].body_calls]
    assert calls[0] == ("extra", "providers.Object", 15, ())
    wiring = want.classes["Wiring"]
    store = next(b for b in wiring.body_calls if b.target == "store")
    assert store.call.args == ("name:SqlStore", "name:Store") and store.keyword("provides") == "name:Store"
