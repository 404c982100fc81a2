from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from agentls.patterns.context import Ctx
from agentls.patterns.detector_registry import Detector, register
from agentls.patterns.detectors._closure_commands import closure_commands
from agentls.patterns.detectors._command_families import _Family, command_families
from agentls.patterns.detectors._families import roles_of_kind
from agentls.patterns.model import Detection


@register
class Command(Detector):
    """Turns a request into an object holding everything needed to perform it later: the
    receiver and the arguments, behind a uniform `execute`-style method. Invokers can queue,
    log, retry or undo requests without knowing what they do; the cost is a class per action.
    (A CQRS command, a plain data message handled elsewhere, is `cqrs_command`, not this.)

    ## Roles
    - `command`: the interface with the execute (and optionally undo) method.
    - `concrete_command`: binds a receiver and arguments.
    - `invoker`: stores commands and triggers them.

    ## How it is detected
    - The interface: an abstract class (or a base whose methods raise `NotImplementedError`,
      or a plain base of no base keeping what its constructor is handed beside public
      methods that are all empty, two or more subclasses filling them in: `ScreenCommand`
      holding the screen, `def execute(self): pass`) with one to three abstract public
      methods (and at most two helpers of its own beside them: `snapshot()` over the
      receiver every command keeps), some of which take no
      argument and are carried out by two or more concrete implementations for their effect
      (they return nothing, or a literal saying whether they changed anything after acting
      through what they hold: a strategy computes and answers, a command acts); an abstract
      `__call__` is such a request, run by calling the command. The receiver
      may be bound by the base's constructor, or be a field of a generated one (a dataclass's
      `drawable: Drawable`), or be made by the command's constructor when the request hands it
      the arguments the command was built with (`self.printer.print(self.text)`). Resources
      with `__enter__` (locks, transactions), repositories, units of work and state families
      (implementations replacing one another) are not commands, nor is a service whose
      interface also answers questions (a resolver's `resolve(host, port)` returning addresses
      beside `close()`): its argument-less method is its lifecycle, and the classes closing it
      are not invokers.
    - It is a command only if something triggers it later: an *invoker*, a class outside the
      family that keeps a command it was given (in an attribute set by its constructor or a
      setter, in a list or dict it stores into, or as received and stored, or handed on to an
      object it keeps: `self.history.push(command)`) and calls a trigger on it with no
      argument (or calls it, `command()` over its queue, `self.command()`, for `__call__`); or
      a module-level table of two or more command instances. A holder the implementations
      hand themselves to (`station.register_observer(self)` in their constructor) is no
      invoker: they subscribe to it, as observers do, where commands are handed to an
      invoker by the program that made them. Nor is a holder serving every method (two or
      more) of an interface the program declares, its base or a `Protocol` it matches, by one
      request of the object handed to its constructor, one at least renamed
      (`DuckAdapter(Turkey)`: `gobble()` calling `self.duck.quack()`): it adapts that
      object. A class answering
      the trigger itself is a peer of the commands (a composite or decorator of their kind),
      not an invoker, unless what it runs is kept typed as the interface (a controller whose
      own `execute()` runs its `queue: list[Command]`). A list of commands
      neither typed nor received typed runs only the families its module can see (its own
      module, one importing or imported by it, or one of whose classes it imports, perhaps
      through a package re-exporting it: `from app.commands import NoCommand`).
    - Without an invoker in the code: an interface with two or more such requests that every
      implementation carries out on the receiver it was built with (`invoke()` deposits into
      `self.account`, `undo()` withdraws), even with one implementation (0.75 / 0.7); macro
      commands running the same requests over the commands they hold count with them. Not
      when every implementation is what the bridge analysis finds a refined abstraction,
      holding a member of an implementor family (`BasicRemote(device)` turning `volume_up()`
      / `volume_down()` into operations on whichever of `Radio` / `TV` it was handed). An
      implementation whose every request only calls the same-named method of what it holds
      (`commit()` -> `self.session.commit()`, `rollback()` -> `self.session.rollback()`)
      passes that object's API through: a transaction port, not requests it turns into a
      receiver's actions.
    - One implementation is enough when it binds a receiver its request acts on
      (`process()` calling `self.receiver.perform_action()`) and an invoker is handed it after
      it is built (a setter, a list it fills): a port given to a service's constructor with its
      one adapter (`flusher.flush()`) is dependency injection, not a command.
    - Implementations acting on their own, held by a class that calls two or more of the
      interface's methods on the one object it keeps (`self.client.turn_on()`,
      `self.client.turn_off()`), are a device it operates, not commands it was handed.
    - Without an interface: a class holding an object typed as a union of unrelated classes
      that all answer the methods it calls, each of which records in one method what it takes
      back in another (do / undo); or a class keeping an untyped container of requests
      filled by one method (`bind(name, request)`) that runs one method on them, when the
      program (outside tests) hands that method objects of two or more classes (sharing no
      base defining it) answering it by acting through a receiver they hold
      (`self._lamp.on()`). Registered objects acting on their own are no commands, nor is a
      shared method name with nothing registered.
    - Closures: a module function returning an inner function of its own while calling a
      method of, or setting an attribute on, an argument it binds (`switch_on(lamp)` returning
      `run`, which calls `lamp.on()`), when the program hands what two or more such functions
      return (through locals bound to their calls: `light = switch_on(lamp);
      queue.push(light)`) to a class keeping what it is handed (in a list, or an attribute)
      and calling it later with no argument. The functions (and those written the same way
      beside them) are concrete commands, the class an invoker; plain functions handed so are
      callbacks.
    - The implementations are concrete commands; the holders are invokers.
    """

    id = "command"
    category = "behavioural"
    roles: ClassVar[dict[str, str]] = {
        "command": "execute interface",
        "concrete_command": "binds receiver and arguments",
        "invoker": "stores and triggers commands",
    }

    def detect(self, ctx: Ctx) -> Iterator[Detection]:
        yield from self._closures(ctx)
        fams = [f for f in command_families(ctx) if f.invokers or f.table or (f.reversible and not _bridged(ctx, f))]
        if not fams:
            return
        for ref in ctx.classes():
            done: set[str] = set()
            for f in fams:
                trigger = sorted(f.triggers)[0]
                how = (
                    f"`{f.invokers[0][0].cls.name}.{f.invokers[0][1].name}` triggers it"
                    if f.invokers
                    else f"`{f.table}` keeps instances to run"
                    if f.table
                    else f"each implementation does and undoes ({', '.join(sorted(f.triggers))}) via its receiver"
                )
                # Without an invoker or a table in the code the request objects alone say less.
                sure = 0.0 if f.invokers or f.table else 0.1
                if f.iface == ref and "command" not in done:
                    done.add("command")
                    yield ctx.det(
                        ref,
                        self.id,
                        "command",
                        0.85 - sure,
                        [
                            # The trigger may be inherited only (two sources sharing class names).
                            (
                                (ref.cls.methods.get(trigger) or ref.cls).selection.line,
                                f"`{trigger}()` runs the request",
                            ),
                            (ref.cls.selection.line, how),
                        ],
                        [(i, "concrete_command") for i in f.impls] + [(r, "invoker") for r, _, _ in f.invokers],
                    )
                if ref in f.impls and "concrete_command" not in done:
                    done.add("concrete_command")
                    m = ref.cls.methods.get(trigger) or next(
                        (ref.cls.methods[t] for t in sorted(f.triggers) if t in ref.cls.methods), None
                    )
                    parts = [(f.iface, "command")] if f.iface else []
                    yield ctx.det(
                        ref,
                        self.id,
                        "concrete_command",
                        0.8 - sure,
                        [((m or ref.cls).selection.line, f"`{(m or ref.cls).name}` carries out the request")],
                        parts + [(r, "invoker") for r, _, _ in f.invokers],
                    )
                for r, m, t in f.invokers:
                    if r == ref and "invoker" not in done:
                        done.add("invoker")
                        yield ctx.det(
                            ref,
                            self.id,
                            "invoker",
                            0.8,
                            [(m.selection.line, f"`{m.name}` runs `{t}()` on a command it keeps")],
                            [(f.iface, "command")] if f.iface else [(i, "concrete_command") for i in f.impls],
                        )
                        break

    def _closures(self, ctx: Ctx) -> Iterator[Detection]:
        """Commands made as closures (`turn_on(lamp)` returning what runs `lamp.on()`), and the
        invokers keeping and calling them."""
        found = closure_commands(ctx)
        if not found.makers:
            return
        for m, f in found.makers:
            if m is ctx.index:
                yield ctx.det(
                    f,
                    self.id,
                    "concrete_command",
                    0.7,
                    [(f.selection.line, f"`{f.name}` returns a request bound to the receiver it is handed")],
                    [(r, "invoker") for r, _ in found.invokers],
                )
        mine = set(ctx.classes())
        for r, run in found.invokers:
            if r in mine:
                yield ctx.det(
                    r,
                    self.id,
                    "invoker",
                    0.7,
                    [(run.selection.line, f"`{run.name}` calls the requests it keeps")],
                    [(f, "concrete_command") for m, f in found.makers if m is ctx.index],
                )


def _bridged(ctx: Ctx, f: _Family) -> bool:
    """Every implementation holds a member of an implementor family the bridge analysis finds
    (`BasicRemote(device)` turning `volume_up()` into `self.device.volume += 1`, the device one
    of two or more implementations of `Device`): a refined abstraction operating whichever
    implementation it was handed, not requests bound to one receiver."""
    return bool(f.impls) and all(any(role == "holder" for role, _ in roles_of_kind(ctx, i, "bridge")) for i in f.impls)
