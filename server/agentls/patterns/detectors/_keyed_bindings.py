"""Bindings written into a container keyed by the abstraction: `di[ClientRepositoryPort] =
SqlClientRepository(get_db())` (kink), `container[Port] = Impl` (lagom). The key is a class of
the program and what is filed under it implements that class, which is what a binding is; a
table of handlers keyed by the message they handle files classes unrelated to the key."""

from __future__ import annotations

from agentls.patterns.context import Ctx, Ev
from agentls.patterns.facts import FunctionFacts, ModuleIndex


def keyed_bindings(ctx: Ctx, fn: FunctionFacts, module: ModuleIndex) -> list[Ev]:
    """Evidence that ``fn`` binds an implementation to its abstraction by key, or []."""
    out: list[Ev] = []
    for op in fn.container_ops:
        if op.op != "setitem" or not op.key.startswith("name:") or not op.arg.startswith(("call:", "name:")):
            continue
        port = ctx.ws.resolve(module, op.key[5:])
        made = ctx.ws.resolve(module, op.arg[5:])
        if port is None or made is None or made == port or port not in ctx.ancestors(made):
            continue
        out.append((op.line, f"binds `{made.cls.name}` to `{port.cls.name}` in `{op.container}`"))
    return out


# What a DI container's registration call is named (punq's `register`, a binder's `bind`).
_REGISTER = frozenset({"register", "bind"})


def container_registrations(ctx: Ctx, fn: FunctionFacts, module: ModuleIndex) -> list[Ev]:
    """Evidence that ``fn`` registers two or more of the program's classes on a container it
    is handed (`def register(container: punq.Container): container.register(UserRepository);
    container.register(UserService)`), or []. The parameter must be typed as a container: a
    registry of plugins or handlers is handed something else."""
    held = {
        p.name for p in fn.params if (p.annotation or "").partition("[")[0].rpartition(".")[2].endswith("Container")
    }
    if not held:
        return []
    out: list[Ev] = []
    for c in fn.calls:
        if c.receiver not in held or c.method not in _REGISTER or not c.args or not c.args[0].startswith("name:"):
            continue
        registered = ctx.ws.resolve(module, c.args[0][5:])
        if registered is not None:
            out.append((c.line, f"registers `{registered.cls.name}` on the container `{c.receiver}`"))
    return out if len(out) >= 2 else []


def bindings(ctx: Ctx, fn: FunctionFacts, module: ModuleIndex) -> list[Ev]:
    """Keyed bindings, else registrations on a container ``fn`` is handed."""
    return keyed_bindings(ctx, fn, module) or container_registrations(ctx, fn, module)
