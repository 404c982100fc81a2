from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from agentls.patterns.context import Ctx
from agentls.patterns.detector_registry import Detector, register
from agentls.patterns.detectors._wrapper_roles import emit
from agentls.patterns.model import Detection


@register
class Adapter(Detector):
    """Converts the interface of an existing class (the adaptee) into the interface clients
    expect (the target), so classes with incompatible interfaces work together without changing
    either. It keeps third-party or legacy code at the edge; each adapter is one more layer
    to maintain, and mismatched semantics can hide behind matching signatures.

    ## Roles
    - `adapter`: implements the target and translates calls to the adaptee.
    - `target`: the interface clients use.
    - `adaptee`: the wrapped class with the foreign interface, when known.

    ## How it is detected
    The whole program is read once for wrappers; the adapter, its target and its adaptees are
    each reported.
    - Object adapter: a class that implements an interface (a base class with methods) and
      holds one collaborator, set in its constructor and never replaced, that is *not* of
      that interface: annotated, created there, or known from the objects handed to its
      constructor elsewhere in the program (also through a local of a main guard or of a
      plain function outside tests: `adaptee = Adaptee()`, then `Adapter(adaptee)`). Its
      overriding methods are short and loop-free and
      call one *differently named*, public method of the collaborator each (or a same-named
      one taking other parameters, `play(kind, name)` served by `self.engine.play(name)`,
      handing it nothing of itself), and not all of
      them are private hooks of its base (`_resolve_nested_field` served by
      `self.filter.resolve` is how an expression node works). A wrapper that
      keeps other collaborators or storage of its own that it fills after construction (a
      service, a mediator, a repository; a constant table set up once, or a value kept from
      an answer, is none; nor is a helper it makes handing itself, `Events(self)`, which is
      part of the object) is not one, nor is one wrapping a repository or unit of work or
      an immutable value (a frozen dataclass, `color: Color` read by `to_hex()`: state) or
      the class that makes it handing it itself and keeps or registers it
      (`register(FootnotePostprocessor(self))`: a part of its owner; one the held class
      returns, `as_duck()` answering `TurkeyAdapter(self)`, is still its adapter), nor
      one holding an abstraction with implementations (a strategy or bridge) unless it serves
      every abstract method, two or more, of its interface through it, beside an
      implementation of that interface holding nothing of that kind (`TurkeyAdapter(Duck)`
      over a `Turkey`, beside `MallardDuck`: the adaptee is then the abstraction), nor one
      reported as a bridge's abstraction, its siblings each handed another implementation of
      one implementor interface (`Linux(LinuxDriver())`, `Windows(WindowsDriver())`), nor one
      of two or more implementations of a command interface an invoker keeps and runs
      (`SandwichOrder.execute` calling its receiver's `make_sandwich`; the only one, too, when
      its requests take nothing, pass nothing on and answer nothing: `process()` doing
      `self.receiver.perform_action()`), nor one registering itself with the object it
      holds (`subject.attach(self)`: an observer pulling its subject's state), nor one whose
      methods
      each take nothing and hand the held object what the class stored itself (`execute()`
      calling `self.light.set_brightness(self.brightness)`: a command's captured request),
      nor one of several implementations of its interface each calling the same class,
      commands over one receiver, unless they serve the methods they share (two or more)
      by the same calls (`process_data` -> `process_legacy_data` in both: two adapters of
      one legacy class), nor one only filling an
      object it made (`self.content.append(text)`: collecting), nor one handing out the
      object it made and filled (`get_result()` returning `self.product`: a builder).
      When nothing shows the held object's class (untyped, handed over in a local), it is
      the one concrete class nearby answering every call made on it and none of the
      interface's methods it translates (a name passed on as it came, `fly` to `fly`, may be
      shared), provided the class translates two or more of the interface's methods, or
      serves every abstract one (two or more) through it with one at least renamed (one
      `execute` over a receiver is a command, one `draw` over an API a bridge).
    - Class adapter: a class with two base classes, one of whose methods it serves by calling
      a differently named, concrete method inherited from the other (not one it defines),
      or by reading differently named properties inherited from it (`address` from
      `self.number` and `self.street`); a repository saving through a storage base's step
      (`save` → inherited `persist`) is none.
    - A class with no base that serves every public method by one differently named method of
      the one object handed to its constructor (or some by two or more, `encender` running
      `conectar()` then `activar()`, when a class of its module already offers what it
      presents: its target, below), whose class lacks those names (and whose base
      does not declare them abstract: `send` calling `self.cipher.encrypt`, declared by
      `Cipher`, uses an interface, a strategy's context); or of the one
      object it creates there, when several of its requests become fewer operations of it
      (`move_forwards`/`stop` both served by `change_speed`). A method working with what it
      gets back (`lamp = self.factory.create_lamp(kind)`, then two or more calls on `lamp`)
      is a client of the held object, not a translation, and one taking nothing that hands
      the held object what the class stored itself (`execute()` calling
      `self.client.post(self.query)`, or a local it built from its own state: `info =
      Goal(self.name)`, then `self.game.fire(info)`) carries out its own request. An object
      registering itself with what it holds (a controller) and a message handler turning a
      message into a call (`uc.invoke(command)`) are not adapters. When nothing shows the handed object's class
      (untyped, built in a function's local variable), it is the one concrete class of the
      wrapper's module or its imports (or else of its script folder) answering every call
      made on it and none of the wrapper's own names, and the adapter is reported (0.65) only
      when a class of its module already offers the interface it presents: that class is its
      `target` (the legacy `OldPaymentSystem.make_payment` that `PaymentAdapter.make_payment`
      serves with `gateway.execute_payment`). In a script folder (no `__init__.py`, one class
      per file) the target may sit in a sibling file when code of the folder makes both (its
      `main.py`): another script beside it offering the same method is no target.
      A repository or unit of work is never guessed so.
    - A class whose constructor installs the adapted methods it is given on the instance
      (`self.__dict__.update(methods)`) beside the one object it keeps (not a name or number:
      a record keeping its keyword arguments is no adapter): forwarding the rest through
      `__getattr__`, or with no public method of its own. Its adaptees are the classes whose
      methods the code making it hands over to install (`Voice(owl, sound=owl.hoot)`, or in a
      `dict(...)` handed to it), when one class of that module or its imports defines the
      method.
    - Port over a service: a class implementing every method of an abstract interface (a
      port) by calling the method of that name on the one object it is handed, annotated as
      a concrete class outside the interface's family that offers more than the port (0.75:
      `IdentityProvider.get_current_user_id` over an `AuthService` that also issues and
      revokes sessions). The port narrows the service; a class keeping anything else is not
      one.
    A concrete adaptee's interface declaring abstract every method the adapter calls on it
    (`ITurkey` above `WildTurkey`) is an `adaptee` too.
    Same-named forwarding to the same interface is a decorator or a proxy instead.
    """

    id = "adapter"
    category = "structural"
    roles: ClassVar[dict[str, str]] = {
        "adapter": "translates the target interface to the adaptee",
        "target": "expected interface",
        "adaptee": "wrapped foreign class",
    }

    def detect(self, ctx: Ctx) -> Iterator[Detection]:
        yield from emit(ctx, self.id)
