"""How a message bus finds its handlers: by the message's type (shared by the bus detector
and the message analysis, which must not take a bus for a handler)."""

from __future__ import annotations

from agentls.patterns.facts import FunctionFacts


def dispatches(fn: FunctionFacts) -> bool:
    """Looks handlers up by the message's type and calls them."""
    if not fn.type_dispatch:
        return False
    if any(c.func.endswith("[]") or c.func.endswith(".get()") for c in fn.calls):
        return True
    for loop in fn.loops:
        keyed = loop.iter.endswith("[]") or loop.iter.endswith(".get()")
        if keyed and any(c.func == loop.target or c.receiver == loop.target for c in fn.calls):
            return True
    return False


# Builtins a method may call with the message that are no handler it looked up.
_NOT_HANDLERS = frozenset(
    {"type", "isinstance", "print", "repr", "str", "len", "id", "hash", "vars", "getattr", "super"}
)


def calls_found_handler(fn: FunctionFacts) -> str:
    """The parameter whose type keys a lookup (`self.handlers.get(type(command))`,
    `handlers = self.listeners[type(event)]`, or asked of a registry it holds:
    `self._registry.get_query_handler(type(query))`) when the method then calls a local with
    it: the handler it found (`handler(command)`), each one of the list it found (`for handle
    in handlers: handle(event)`) or the pipeline it built around it; "" otherwise."""
    # What a parameter's type is asked of first: most methods ask none (asked of every method
    # of every class and its ancestors by the message roles and the bus).
    typed = {a for c in fn.calls if c.func == "type" for a in c.args if a.startswith("param:")}
    if not typed:
        return ""
    keyed = fn.type_dispatch or any(
        c.args[:1] == ("call:type",) and (c.method == "get" or c.receiver.startswith("self.")) for c in fn.calls
    )
    if not keyed:
        return ""
    params = set(fn.param_names)
    for c in fn.calls:
        local = c.func.isidentifier() and c.func[0].islower() and c.func not in params | _NOT_HANDLERS
        hit = typed.intersection(c.args)
        if local and hit:
            return next(iter(hit))[6:]
    return ""


def hands_found(fn: FunctionFacts) -> bool:
    """Looks a table up by the type of what it is handed (`kind = event.__class__;
    handlers = self.events_map.get(kind)`) and hands a parameter to each item of a local list
    (`for h in handlers: h.handle(event)`): the handlers it found, kept in a local first."""
    if not fn.type_dispatch:
        return False
    given = {f"param:{p}" for p in fn.param_names}
    return any(
        lp.target
        and lp.iter
        and not lp.iter.startswith("self.")
        and any((c.func == lp.target or c.receiver == lp.target) and given.intersection(c.args) for c in fn.calls)
        for lp in fn.loops
    )


def filters_by_type(fn: FunctionFacts) -> bool:
    """Hands a parameter to each handler of a list it holds whose declared type the parameter
    is an instance of (`for s in self.subscribers: if isinstance(event,
    s.subscribed_to_event_type()): s.handle_event(event)`): the lookup by type, spelled as a
    filter over the handlers."""
    for lp in fn.loops:
        if not lp.target or not lp.iter.startswith("self."):
            continue
        declared = (f"call:{lp.target}.", f"attr:{lp.target}.")
        typed = {
            c.args[0]
            for c in fn.calls
            if c.func == "isinstance"
            and len(c.args) == 2
            and c.args[0].startswith("param:")
            and c.args[1].startswith(declared)
        }
        if any((c.func == lp.target or c.receiver == lp.target) and typed.intersection(c.args) for c in fn.calls):
            return True
    return False


# A handler's entry methods (as the message analysis reads them), asked of what a locator found.
_HANDLER_ENTRIES = frozenset(
    {"__call__", "handle", "execute", "handle_command", "handle_query", "handle_event", "notify", "on"}
)


# Builtins and errors taking the message that make no key of it (`str` and `type` may).
def _keys_nothing(func: str) -> bool:
    return func in _NOT_HANDLERS - {"type", "str"} or func.endswith(("Error", "Exception"))


def _made_from(key: str, given: str, fn: FunctionFacts, lines: range, loose: bool, depth: int = 0) -> bool:
    """Whether a key handed to a locator on `lines` is made from the message `given` as a
    whole: its class (`type(command)`, `command.__class__`, `type(command).__name__`), a call
    over it or over its class (`handler_for(command)`, `str(type(command))`), a local bound to
    such a call (`handler_id = handler_key(command)`) or an expression on the locator's lines
    holding one (`f"{type(command).__name__}Handler"`). A constant key, an attribute of `self`
    or a call over something else is none, however else the method uses the message
    (`log.info(command)`). A local bound to an f-string or an expression (`handler_id =
    f"{class_fullname(command)}_handler"`) is kept by the facts as no call: `loose` (some call
    of the method makes something of the message) answers for it."""
    if depth > 2:
        return False
    if key.startswith(f"attr:{given[6:]}.__class__"):
        return True
    if key.startswith("attr:") and "()" in key:
        return _made_from(f"call:{key[5:].partition('()')[0]}", given, fn, lines, loose, depth + 1)
    if key in ("fstring", "call:", "other"):
        # the facts keep no tree of the expression, only the lines of its calls
        return any(
            c.line in lines
            and not _keys_nothing(c.func)
            and any(a == given or _made_from(a, given, fn, lines, loose, depth + 1) for a in c.args)
            for c in fn.calls
        )
    if key.startswith("name:"):
        callee = fn.call_locals.get(key[5:])
        return loose if callee is None else _made_from(f"call:{callee}", given, fn, range(0), loose, depth + 1)
    if not key.startswith("call:") or _keys_nothing(key[5:]):
        return False
    return any(
        c.func == key[5:] and any(a == given or _made_from(a, given, fn, lines, loose, depth + 1) for a in c.args)
        for c in fn.calls
    )


def _key_lines(fn: FunctionFacts, line: int, local: str) -> range:
    """The lines a locator call on `line` may spread its key over (a call split over lines):
    the two after it at most, and none the handler it found is used on."""
    used = [c.line for c in fn.calls if c.line > line and (c.func == local or c.receiver == local)]
    return range(line, min([line + 3, *used]))


def asks_locator(fn: FunctionFacts) -> str:
    """The parameter a method hands, whole, to the handler it asked a locator for under a key
    made from that parameter as a whole, its class or name (`handler_id =
    f"{class_fullname(command)}_handler"; handler = container.get(handler_id);
    handler.handle(command)`): a bus resolving handlers through a container rather than a
    table of its own; "" otherwise. A key read from the message's fields (`order =
    self.orders.get(command.order_id); order.apply(command)`) loads an aggregate instead, and
    a constant key (`mailer = self.container.get("mailer"); mailer.notify(command)`) a
    service the handler uses, however else it uses the message (`log.info(command)`)."""
    names = [n for n in fn.param_names if n not in ("self", "cls")]
    if not names or not fn.call_locals:
        return ""
    given = f"param:{names[0]}"
    for local, callee in fn.call_locals.items():
        if callee.rpartition(".")[2] != "get":
            continue
        lookups = [c for c in fn.calls if c.func == callee]
        keys = [a for c in lookups for a in c.args]
        if not keys or any(a == given or a.startswith(f"attr:{names[0]}.") for a in keys):
            continue
        # called, or asked to handle it (`event_store.append(event)` keeps it: no handler)
        handed = any(
            (c.func == local or (c.receiver == local and c.method in _HANDLER_ENTRIES)) and given in c.args
            for c in fn.calls
        )
        # some call makes something of the message as a whole (`class_fullname(command)`,
        # `type(command)`), an error raised with it aside: enough only for a key the facts
        # cannot follow
        loose = any(
            given in c.args
            and c.receiver != local
            and c.func != local
            and c.func not in _NOT_HANDLERS - {"type"}
            and not c.func.endswith(("Error", "Exception"))
            for c in fn.calls
        )
        # the key itself made from the message, not a constant beside some call taking it
        keyed = loose and any(
            _made_from(a, given, fn, _key_lines(fn, c.line, local), loose) for c in lookups for a in c.args[:1]
        )
        if handed and keyed:
            return names[0]
    return ""


def asks_found_handler(fn: FunctionFacts, tables: set[str]) -> str:
    """The parameter, untyped or typed as no message class (`dispatch(self, order)`,
    `command: Any`), whose type keys a lookup in one of the object's own `tables` (the
    attributes its methods fill: `handler = self._handlers.get(type(order))`) when the handler
    found is then asked through a handler's entry method to handle it (`handler.handle(order)`,
    `handler.execute(command)`); "" otherwise. A found callable called directly (`fmt(value)`)
    is as much a formatter a registry keyed by type picks: without a message class it is no
    routing here."""
    names = [n for n in fn.param_names if n not in ("self", "cls")]
    if not names or not fn.call_locals:
        return ""
    given = f"param:{names[0]}"
    # the lines where the method takes the parameter's type (`type(order)`)
    typed = {c.line for c in fn.calls if c.func == "type" and given in c.args}
    if not typed:
        return ""
    for local, callee in fn.call_locals.items():
        receiver, _, method = callee.rpartition(".")
        if method != "get" or not receiver.startswith("self.") or receiver[5:] not in tables:
            continue
        keyed = any(c.func == callee and c.args[:1] == ("call:type",) and c.line in typed for c in fn.calls)
        if keyed and any(c.receiver == local and c.method in _HANDLER_ENTRIES and given in c.args for c in fn.calls):
            return names[0]
    return ""
