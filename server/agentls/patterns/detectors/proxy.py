from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from agentls.patterns.context import Ctx
from agentls.patterns.detector_registry import Detector, register
from agentls.patterns.detectors._wrapper_roles import emit
from agentls.patterns.model import Detection


@register
class Proxy(Detector):
    """Stands in for another object with the same interface to control access to it: create
    it lazily (virtual proxy), check permissions (protection proxy), cache results or reach it
    remotely. Clients cannot tell the difference, which is the point and the risk: latency,
    failures or stale caches hide behind an ordinary-looking call.

    ## Roles
    - `proxy`: the stand-in.
    - `subject`: the interface proxy and real subject share.
    - `real_subject`: the object the proxy controls, when known.

    ## How it is detected
    The whole program is read once for wrappers; each proxy, its subject interface and the
    real subject are reported.
    - A class implementing an interface that holds another implementation of it and forwards
      same-named calls (on the attribute, or on a local taken from a method of its own that
      answers the attribute: `real = self._get_real(); real.read()`), while creating that
      object itself (in its constructor or on first use, `if self._real is None`), or
      forwarding under a condition of its own (an access check, a cache; or a helper of its
      own the forwarding method runs first, raising when the check fails:
      `self._authorize(user)`) rather than always.
      A decorator is handed its component and always forwards; a branch only on what the
      held object answers besides the forwarded call (`if self.beverage.get_size() ==
      Size.TALL: cost += .10`), in a method taking nothing, reading nothing else of its own
      and refusing nothing (no raise, no constant answer), adds its share by the component's
      state: decoration, no condition of its own. An object it makes of a class
      naming no base counts as an implementation (duck typing) when that class offers every
      public method of the interface, each forwarded to the same-named one, and no other class
      makes one for itself (`Proxy(ServiceInterface)` making a `Service()` on first use; every
      game making the shared `Leaderboard()` uses a service).
      The real subject is known by annotation, by what is handed to the constructor, or,
      untyped, as the other implementations of the proxy's own base answering every call it
      forwards (`CachedPrices(PriceSource)` handed a source, beside `WarehousePrices`).
    - A class whose `__getattr__` forwards every unknown attribute to a held object and
      refuses some access (raises for some names, or refuses assignment), or makes that object
      on first use (`if self._wrapped is None: self._setup()`, or assigning it there: a lazy
      loader). Forwarding alone is plain delegation, and so is raising only for names the
      held object lacks (`if name in dir(self._obj)`) or for names neither it nor a table of
      the class's own answers (a namespace answering `self.callables[key]` first and asking
      the one it inherits from). One answering only something of its own made from what it
      read there (`return self.FieldClass(...)` after `getattr(self.table.q,
      attr).fieldName`: an alias making its columns) forwards nothing. Passing every
      attribute straight through with nothing else is reported at the lowest confidence
      shown (0.5) only for a class keeping that object alone (or beside it the one it hands
      it back to, `self._pool.cache(self._con)`) and deriving no class of the program: one
      keeping more wraps it for work of its own, one deriving a base of the program is a
      node wrapping another (`Lateral(FromItem)`).
    - A remote proxy: a class whose `__getattr__` answers every attribute with a method
      stand-in of another class of the program, made from the name asked and a bound method
      of its own carrying the call (`return _RemoteMethod(self._invoke, name)`, the
      stand-in's `__call__` sending it); a stand-in answering its own kind for a dotted name
      is that method object, no proxy.
    - A class implementing an interface and handed its subject typed as one concrete
      implementation of that interface which is no base of its own (`AuditedMeter(Meter)`
      taking `inner: GasMeter`): it stands in for that class alone, even when it always
      forwards. A decorator holds the interface, so that it can wrap any implementation.
    - Without a base class: a stand-in that creates the real object itself, offers exactly its
      public methods, each forwarding to the same-named one (directly or through a property
      answering the attribute), and creates it on first use or forwards after a check of its
      own (`CarProxy` letting only drivers of 16+ drive, or a decorator of its own class
      around the forwarding method: `@staff_only`); or one handed the real object typed as its
      class (`service: QuoteService`) or, untyped (duck typing), of the one class the program
      (outside tests) hands its constructor in that place (two classes handed there: a
      wrapper of either, no stand-in for one), offering all its methods and, beside them, only methods
      reporting on itself, that checks, caches or records each call it forwards (plain
      forwarding is delegation); a
      virtual proxy creating it in any method checking for it (`if self.db is None: self.db
      = Database()` in `acquire`, which a forwarding method calls) may have methods of its
      own managing its life, and a
      Protocol of its module both answer is their `subject` (or, in a script folder of one
      class per file, one in a sibling file imported by the module making the proxy). An
      attribute replaced by what its own methods return (`self.step = self.step.submit()`)
      is a state machine's transition, not lazy creation.
    - A unit of work over a session answering `commit`/`rollback` is not a proxy or decorator;
      nor is a class that also drives another object it holds (a capture writing to its own
      temporary file besides the stream it mirrors: its own work with helpers; a cache kept in
      a map, `{}`, `dict()`, `OrderedDict()` or `defaultdict(...)`, is no such object), nor
      one whose constructor parameter may be a plain value or an object (`operand: str |
      Expr`: an expression tree's operand), nor one holding one object of its interface
      beside another implementation holding two or more, typed as it or as a base of it
      (`Unary(operand)` beside `Binary(left, right)`; `Exists(query)` beside `Binary(left:
      Term, right: Term)` under `Criterion(Term)`: an inner node of a tree). Nor is a class handed the one it
      holds and branching before it asks it, beside another implementation handed a list of
      them (a template's `Block(body: Node)` beside `Group(children: list[Node])`); one
      making that object itself stays a virtual proxy there (`ImageProxy` among graphics).
      Nor are handlers each making the next of their interface and handing it the same call,
      answering some requests themselves (`return True` below a threshold: `Clerk` making a
      `Supervisor` making a `Director`): a chain, made link by link. Layers always handing
      the call on (a lazy proxy made by a remote one) are judged by the rules above.
    """

    id = "proxy"
    category = "structural"
    roles: ClassVar[dict[str, str]] = {
        "proxy": "controls access to the real subject",
        "subject": "shared interface",
        "real_subject": "the wrapped object",
    }

    def detect(self, ctx: Ctx) -> Iterator[Detection]:
        yield from emit(ctx, self.id)
