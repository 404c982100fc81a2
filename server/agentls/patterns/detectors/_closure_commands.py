"""Commands written as closures: a module function binding the receiver it is handed into an
inner function it returns (`def turn_on(lamp): def run(): lamp.on(); return run`), whose
results the program hands, through a local bound to the call, to an invoker that keeps what it
is handed and later calls it with no argument (`for command in self.queue: command()`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from agentls.patterns.context import Ctx, per_workspace
from agentls.patterns.detectors._command_interfaces import PUSH_OPS
from agentls.patterns.detectors._passed import made_class
from agentls.patterns.facts import FunctionFacts, ModuleIndex
from agentls.patterns.workspace import ClassRef


@dataclass
class ClosureCommands:
    """The functions making commands and the invokers running what they make."""

    makers: list[tuple[ModuleIndex, FunctionFacts]] = field(default_factory=list)
    invokers: list[tuple[ClassRef, FunctionFacts]] = field(default_factory=list)  # (class, runner)


def _maker(module: ModuleIndex, fn: FunctionFacts) -> bool:
    """Returns a function of its own (not a module function, not an argument) and acts on an
    argument it binds: calls a method of it or sets one of its attributes."""
    params = set(fn.param_names)
    own = any(v[:5] == "name:" and v[5:] not in module.functions and v[5:] not in params for v in fn.returns)
    acts = any(c.receiver in params for c in fn.calls) or any(s.receiver in params for s in fn.attr_stores)
    return bool(params) and own and acts


def _runner(ref: ClassRef) -> tuple[FunctionFacts, FunctionFacts] | None:
    """(adder, runner): a method keeping the argument it is handed (in a container of the
    object's, or an attribute) and another calling what it keeps with no argument."""
    methods = ref.cls.methods
    for add in methods.values():
        if add.name == "__init__":
            continue
        kept = {op.container[5:] for op in add.container_ops if op.op in PUSH_OPS and op.arg[:6] == "param:"}
        kept |= {a for a, vs in add.self_writes.items() if any(v[:6] == "param:" for v in vs)}
        kept = {k for k in kept if k.isidentifier() and k not in methods}
        if not kept:
            # nothing kept, nothing to run: every pair of a class's methods was tried otherwise
            continue
        for run in methods.values():
            looped = {
                loop.target for loop in run.loops if loop.target and loop.iter[:5] == "self." and loop.iter[5:] in kept
            }
            if run is not add and any(
                not c.args and (c.func in looped or (c.func[:5] == "self." and c.func[5:] in kept)) for c in run.calls
            ):
                return add, run
    return None


@per_workspace
def closure_commands(ctx: Ctx) -> ClosureCommands:
    """Every closure command of the workspace, with its invokers (cached): two or more maker
    functions whose results are handed to invokers, and the makers beside them."""
    runners = {r.key: (r, pair) for r in ctx.ws.all_classes() if (pair := _runner(r)) is not None}
    makers: dict[str, tuple[ModuleIndex, FunctionFacts]] = {}
    invokers: dict[str, tuple[ClassRef, FunctionFacts]] = {}
    for module in ctx.ws.modules() if runners else []:
        for fn in module.units():
            for c in fn.calls:
                target = made_class(ctx, module, fn, c.receiver)
                if target is None or target.key not in runners or c.method != runners[target.key][1][0].name:
                    continue
                for arg in c.args:
                    maker = fn.call_locals.get(arg[5:], "") if arg[:5] == "name:" else ""
                    found = ctx.ws.function(module, maker) if maker else None
                    if found is not None and _maker(*found):
                        makers.setdefault(f"{found[0].module}.{found[1].qualname}", found)
                        invokers.setdefault(target.key, (target, runners[target.key][1][1]))
    out = ClosureCommands()
    if len(makers) >= 2:
        # The makers beside one that is handed over, written the same way, are the family too.
        for module in {m.module: m for m, _ in makers.values()}.values():
            for f in module.functions.values():
                if _maker(module, f):
                    makers.setdefault(f"{module.module}.{f.qualname}", (module, f))
        out = ClosureCommands(list(makers.values()), list(invokers.values()))
    return out
