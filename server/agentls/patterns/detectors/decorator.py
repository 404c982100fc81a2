from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from agentls.patterns.context import Ctx
from agentls.patterns.detector_registry import Detector, register
from agentls.patterns.detectors._wrapper_roles import emit
from agentls.patterns.model import Detection


@register
class Decorator(Detector):
    """Attaches responsibilities to an object dynamically by wrapping it in another object
    with the same interface that forwards each call and adds behaviour before or after. Wrappers
    stack freely and replace subclass explosions; the price is many small objects, and code that
    checks concrete types or identity sees the wrapper instead. (This is the GoF structural
    pattern, not Python's `@decorator` syntax.)

    ## Roles
    - `decorator`: implements the component interface and wraps another component.
    - `component`: the shared interface.

    ## How it is detected
    The whole program is read once for wrappers; each decorator and its component interface
    are reported (the component is the top of the hierarchy offering every method the
    decorator forwards: what the wrapped object must be).
    - A class that implements an interface (a base class with methods) and receives, in its
      constructor, an object of that same interface (by annotation, by the objects handed to
      its constructor elsewhere in the program, or by calling two of the interface's methods
      on it), keeps it for its life and overrides interface methods that always call the
      *same* method on the wrapped object. A field of a generated constructor (a dataclass's
      or attrs class's `inner: Text`, a pydantic model's) is received in the constructor too.
      A `__str__` (or `__repr__`) answering an f-string of the held object (`f"[{self.shape}]"`)
      calls its `__str__`: forwarding, when the interface defines `__str__` (the object then
      known from the classes handed to the constructor).
    - The interface may be a base above the nearest one, when the object handed in is
      declared as it: Head First's `Mocha(CondimentDecorator)` is handed a `beverage:
      Beverage`, and `CondimentDecorator`, the abstract class between them (declaring the
      wrapped field its subclasses set), is the abstract decorator.
    - A subclass of such a decorator whose own overrides forward through the inherited
      wrapped object (directly, through a property returning it, or by calling the base's
      own forwarding method: `return super().get_data(user, key)` after a check of its
      own). A marker base with no
      methods between the component and its wrappers (`class Extra(Drink): pass`, every
      class under it a wrapper) is the abstract decorator.
    - An abstract decorator: a subclass of an interface that keeps the one object its
      constructor is handed (never checked for `None`, which would make it a chain's
      optional successor) and forwards nothing itself, or only under the same names (Head
      First's sized `CondimentDecorator.get_size()` answering `self.beverage.get_size()`);
      each subclass whose overrides call, without branching, the same-named methods of that
      object is a decorator, and the abstract class is one too. An override may branch on
      what it asks the object first when it forwards on its last line, its one return
      (`Mocha.cost()` choosing its price by the wrapped beverage's size, then `return
      self.beverage.cost() + price`), unless the base may be handed nothing
      (`next_step=None`: a chain's optional successor). With no interface above it, a base declaring its methods
      abstract is itself the component, when the program hands its subclasses objects of its
      own family (`Bold(Plain("hi"))` under `Tag(ABC)` keeping `self._inner`).
    - The wrapped object's interface is also known when the class forwards every call it
      makes on it under the same name and another implementation of its own base answers
      them all with a body (`LoggedSource(PriceSource)` over `WarehousePrices`).
    - A class with no base that holds an object of an interface and re-exposes two or more of
      that interface's methods under their own names, forwarding to it, unless exactly one of
      the two is a repository (a service re-exposing its repository's finders), or each of
      its methods only calls its namesake on the object and does nothing else (`turn_on`
      doing `self.device.turn_on()`: adding nothing, a bridge's abstraction or a delegate).
    - A class whose `__getattr__` forwards every attribute to a held object and which
      overrides some of them, calling the same method on it; or whose subclasses (with no
      `__getattr__` of their own) do (`put` computing a key, then `self._store.put(key,
      value)`): the base and each such subclass are decorators, and so is a subclass below
      one of them that refines a hook its forwarding methods call (`_map_key`).
    Not decorators: a node handing the object it holds out as its child (`children()`
    returning `(self.body,)`: a tree), a scope asking its parent, checked for `None`, on a
    miss (a chain of lookups), a node whose operand may be a plain value (`str |
    Expr`), a node holding one object of its interface beside another implementation
    holding two or more (`Unary(operand)` beside `Binary(left, right)`), a base-less mirror
    handing back most answers converted (`legacy_path(self._p.mkdir(name))`: another
    interface, adapting). Wrappers that create their subject,
    initialise it lazily or forward only under a condition are proxies; wrappers that call
    *different* methods on an unrelated object are adapters; a wrapped object set later by a
    setter (`set_next`) is a chain, not a decoration; a class passing each call on unchanged,
    adding nothing, to an object its constructor declares as a library's type (`session:
    Session` behind a transaction port) delegates, it decorates nothing.
    """

    id = "decorator"
    category = "structural"
    roles: ClassVar[dict[str, str]] = {
        "decorator": "wraps a component with the same interface",
        "component": "the shared interface",
    }

    def detect(self, ctx: Ctx) -> Iterator[Detection]:
        yield from emit(ctx, self.id)
