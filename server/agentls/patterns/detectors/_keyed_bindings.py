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
