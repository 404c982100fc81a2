from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from agentls.patterns.context import Ctx
from agentls.patterns.detector_registry import Detector, register
from agentls.patterns.detectors._message_detections import (
    forwards_message,
    function_handler_detections,
    handler_detections,
    message_detections,
)
from agentls.patterns.detectors._messages import (
    handlers_by_module,
    message_roles,
)
from agentls.patterns.model import Detection


@register
class CqrsCommand(Detector):
    """In Command-Query Responsibility Segregation, a command is a plain message asking the
    system to change state (`Allocate`, `ChangeBatchQuantity`), handled by exactly one handler
    that returns nothing of substance. Separating writes from reads lets each side be modelled
    and scaled for its job; the cost is more types and, with separate read models, eventual
    consistency. Not to be confused with the GoF Command, which carries its own `execute`.

    ## Roles
    - `command`: the data-only message.
    - `command_handler`: the single function that carries it out.

    ## How it is detected
    A data-only class that is a key of a dict mapping message classes to *single* handlers,
    or the annotated first parameter of a handler function, where the handler changes state
    (commits, adds, or writes SQL) or works through a unit of work (a `with` block over what it
    is given or holds, `with uow:`; a `with open(...)` block is no unit of work).

    More generally (see `detectors/_messages.py`), a message is a data-only class taken by the
    typed entry method (`__call__`, `handle`, `execute`) of a handler class, named in its
    generic base (`CommandHandler[CreateProject]`), or sent to a bus
    (`bus.dispatch(CreateProject(...))`, or made into a local first and handed to a call that
    only sends: `command = CreateProject(...); bus.dispatch(command)`, `publish_event(event)`;
    a local handed to `put` or `send_message` is not sent); its kind comes from the names of the class and its
    bases, then from what the handler does (changes state: a command; only answers: a query;
    adding to a list, set or dict of its own, `self.owned.add(item)`, is bookkeeping, not a
    change of state),
    then from its module. A base class taken by the entry method counts when one of its
    subclasses carries data only (a GoF command hierarchy, each subclass doing its work in
    `execute()`, has none: its invoker handles no message). The base class of such messages
    is a command too, and the handler class is the `command_handler`, and so is the abstract
    base declaring its entry method (`handle(self, command: CT)` over a type variable, or
    untyped). Kinds taken from names
    alone are reported at 0.65. A bus is no handler: a class with a method looking handlers up
    by the message's type, whether it calls what it found or hands the message to each of a
    local list of them (`handlers = self.commands_map.get(kind); for h in handlers:
    h.handle(command)`), or asking a container for the handler under a key made from the
    message's class name (`container.get(handler_id).handle(command)`), and so is its port.
    Nor is a pipeline behaviour: an entry taking the next handler beside the message and calling
    it with the message or nothing (`result = await next_handler()`), or, abstract, declaring
    it callable (`next_handler: Callable[[], Awaitable[T]]`) or implemented only so.

    A use-case class's one public method is its entry too (`invoke(command: NewAuthorCommand)`)
    when it works on storage or the message's name says what it is. A type that several
    unrelated handlers take (`execute(todo_id: TodoId)`), or that a domain class keeps as a
    field, is an argument, not a message; context managers and callables never carry data.
    A marker base of a single command (no fields, at most one method) is a command too. A
    function handing the command it takes, as it is or converted by its own method, to a
    collaborator it was given or got from one (a web route calling `await interactor(request)`,
    or `use_case = container.register(); use_case.execute(payload.to_input())`) passes it on to
    its handler; it is no handler itself, nor its parameter a message, unless it adds it to
    storage (`orders.add(command.to_order())`). An
    abstract handler base that nothing implements handles nothing yet. An exception is raised,
    never sent: no class whose ancestry reaches an exception (a base, its own or a workspace
    ancestor's, named `...Error`, `...Exception` or `...Warning`, or a builtin exception) is a
    message, even mapped to what it answers (`{NotFoundError: HTTPStatus.NOT_FOUND}`).
    """

    id = "cqrs_command"
    category = "architecture"
    roles: ClassVar[dict[str, str]] = {"command": "a request to change state", "command_handler": "carries it out"}

    def detect(self, ctx: Ctx) -> Iterator[Detection]:
        yield from message_detections(ctx, "command", self.id, "command")
        yield from handler_detections(ctx, "command", self.id, "command_handler")
        yield from function_handler_detections(ctx, "command", self.id, "command_handler")
        for fn, ref, name, is_list in handlers_by_module(ctx).get(ctx.index.path, []):
            if not is_list and "command" in message_roles(ctx, ref):
                found = (ctx.index, fn)
                if found:
                    yield ctx.det(
                        found[1],
                        self.id,
                        "command_handler",
                        0.8,
                        [(found[1].selection.line, f"the handler for `{ref.cls.name}` in `{name}`")],
                        [(ref, "command")],
                    )
        for fn in ctx.index.functions.values():
            if forwards_message(fn):
                continue  # an entrypoint handing the command to its handler
            for r in ctx.annotation_refs(fn.params[0].annotation if fn.params else None, ctx.index):
                if "command" in message_roles(ctx, r) and len(fn.params) >= 2:
                    yield ctx.det(
                        fn,
                        self.id,
                        "command_handler",
                        0.8,
                        [(fn.selection.line, f"handles the command `{r.cls.name}`")],
                        [(r, "command")],
                    )
