"""Use cases that build their repositories over the transaction they work in.

`repo = ArticleRepository(uow.session); await repo.add(article)` inside a function handed its
unit of work (by a `@transactional()` decorator, by the caller) or a session: the repository is
not received, it is made over what was received, so the holder and parameter rules of the
service-layer detector see neither a repository nor a commit.
"""

from __future__ import annotations

from agentls.patterns.context import Ctx, Ev
from agentls.patterns.detectors._shared import is_repository, is_uow
from agentls.patterns.detectors._use_case_steps import acted_on, changes
from agentls.patterns.facts import Call, FunctionFacts
from agentls.patterns.workspace import ClassRef

# The words the transaction-script rule reads a session parameter by (`session: AsyncSession`,
# `conn`): what a repository is commonly built over when no unit of work wraps it.
_SESSION_WORDS = ("session", "connection", "conn")


def _head(arg: str) -> str:
    """The dotted name an argument value renders (`attr:uow.session` -> `uow.session`)."""
    kind, _, rest = arg.partition(":")
    return rest if kind in ("param", "name", "attr") else ""


def _sources(ctx: Ctx, fn: FunctionFacts, held: list[str]) -> dict[str, str]:
    """What a repository may be built over, with how the function came by it: a parameter typed
    as a unit of work, a session parameter, or a unit of work the class holds (`self.uow`)."""
    out: dict[str, str] = {}
    for p in fn.params:
        if p.name in ("self", "cls"):
            continue
        if any(is_uow(ctx, r) for r in ctx.annotation_refs(p.annotation, ctx.index)):
            out[p.name] = f"receives the unit of work `{p.name}`"
        elif any(w in f"{p.name} {p.annotation or ''}".lower() for w in _SESSION_WORDS):
            out[p.name] = f"receives the session `{p.name}`"
    for attr in held:
        out[f"self.{attr}"] = f"works in the unit of work it holds, `self.{attr}`"
    return out


def _entered(ctx: Ctx, fn: FunctionFacts, sources: dict[str, str]) -> str:
    """How the function enters a unit of work whose block binds a local to it: one of the
    program's it creates (`async with AsyncUnitOfWork() as uow:`, its exit commits) or one it
    was handed or holds (`with self.uow as uow:`). The name bound is not recorded, so any local
    a repository is built over stands for it."""
    for w in fn.with_items:
        if w in sources:
            return sources[w]
        if w.endswith("()"):
            made = ctx.resolve(w[:-2])
            if made is not None and is_uow(ctx, made):
                return f"enters a new `{w[:-2]}`"
            # a factory function of the program's handing out the unit of work, named so
            # (`async with make_unit_of_work() as uow:`, chosen by environment at import; a
            # library's `transaction.atomic()` opens a transaction, no unit of work)
            if made is None and "." not in w and any(word in w.lower() for word in _UOW_WORDS):
                return f"enters the unit of work `{w[:-2]}()` makes"
    return ""


# Words naming a unit of work in the factory a `with` block calls for one.
_UOW_WORDS = ("unit_of_work", "uow")


def _repository_factories(ctx: Ctx, fn: FunctionFacts) -> list[tuple[Call, ClassRef]]:
    """Calls of module functions that hand out a repository, told by their return annotation
    (`def account_repository(uow) -> AccountRepository:` picking the implementation for the
    unit of work it is given): built over what they are handed, as a constructor call is."""
    out: list[tuple[Call, ClassRef]] = []
    for call in fn.calls:
        if not call.func or "." in call.func or not call.args:
            continue
        found = ctx.ws.function(ctx.index, call.func)
        if found is None or not found[1].returns_annotation:
            continue
        answers = ctx.annotation_refs(found[1].returns_annotation, found[0])
        made = next((r for r in answers if is_repository(ctx, r)), None)
        if made is not None:
            out.append((call, made))
    return out


def built_repository_service(ctx: Ctx, fn: FunctionFacts, held: list[str]) -> list[Ev]:
    """A use case building a repository over the unit of work or session it works in and
    changing state through that repository: `repo = UserRepository(uow.session);
    repo.add(user)`, or a method of the repository that itself stores (`follow_user`
    forwarding to `add_relationship`)."""
    sources = _sources(ctx, fn, held)
    entered = _entered(ctx, fn, sources)
    if not sources and not entered:
        return []
    params = set(fn.param_names)
    imported = ctx.index.import_map
    local = params | {"self", "cls"}

    def over(arg: str) -> str:
        head = _head(arg)
        if not head:
            return ""
        for src, how in sources.items():
            if head == src or head.startswith(f"{src}."):
                return how
        first = head.split(".")[0]
        if entered and first not in local and first not in imported:
            return entered
        return ""

    built: list[tuple[Call, ClassRef, str]] = []
    for call, made in [*ctx.instantiations(fn), *_repository_factories(ctx, fn)]:
        if not is_repository(ctx, made) or is_uow(ctx, made):
            continue
        how = next((h for h in map(over, call.args) if h), "")
        if how:
            built.append((call, made, how))
    if not built:
        return []
    for c in fn.calls:
        # a call on a local (the repository it built), never on what it received or imported
        if not c.receiver or "." in c.receiver or c.receiver in local or c.receiver in imported:
            continue
        if c.receiver in ctx.index.classes:
            continue
        for call, made, how in built:
            m = ctx.all_methods(made).get(c.method)
            if m is not None and (changes(c.method) or _stores(ctx, m)):
                return [
                    (fn.selection.line, how),
                    (call.line, f"builds `{made.cls.name}` over it"),
                    (c.line, f"changes state through `{c.func}()`"),
                ]

    # Loaded through the repository handed out by a factory (`account =
    # account_repository(uow).find_by_id(id)`) and asked to act (`account.deposit(...)`): the
    # unit of work it entered stores what it tracked. (The unit of work itself, a name a
    # repository is built over, is no loaded object.)
    made_over = {a[5:] for call, _, _ in built for a in call.args if a.startswith("name:")}
    factories = {f"{call.func}()" for call, _, _ in built}
    loads = [c for c in fn.calls if c.receiver in factories and not changes(c.method)]
    acted = [c for c in acted_on(ctx, fn) if c.receiver not in made_over and "(" not in c.receiver]
    if loads and acted and entered:
        call, made, how = built[0]
        return [
            (fn.selection.line, how),
            (loads[0].line, f"loads through the `{made.cls.name}` `{call.func}()` hands out"),
            (acted[0].line, f"asks `{acted[0].receiver}` to `{acted[0].method}`"),
        ]

    # What it loaded is tracked by the session: assigning to it (`user.bio = bio`,
    # `setattr(user, key, value)`) is a change the unit of work commits.
    def loaded(name: str) -> bool:
        return bool(name) and "." not in name and name not in local and name not in imported

    stored = next((st.line for st in fn.attr_stores if loaded(st.receiver)), None)
    if stored is None:
        setters = (c for c in fn.calls if c.func == "setattr" and c.args[:1] and loaded(_head(c.args[0])))
        stored = next((c.line for c in setters), None)
    answered = any(loaded(c.receiver) and c.method in ctx.all_methods(made) for c in fn.calls for _, made, _ in built)
    if stored is not None and answered:
        call, made, how = built[0]
        return [
            (fn.selection.line, how),
            (call.line, f"builds `{made.cls.name}` over it"),
            (stored, "changes what it loaded, which the unit of work commits"),
        ]
    return []


# What a local set, list or dict answers: a repository method calling `seen.add(tag)` on a
# collection of its own stores nothing.
_CONTAINER_METHODS = frozenset(
    {"add", "append", "appendleft", "extend", "insert", "update", "setdefault", "pop", "popitem", "remove", "discard"}
    | {"clear"}
)


def _stores(ctx: Ctx, m: FunctionFacts) -> bool:
    """A repository method that stores: it changes its own storage (`self.session.add(x)`,
    `self.session.flush()`), or forwards to a storing method of another repository it builds
    (`follower_repo.add_relationship(...)`), told by a method name no built-in collection has
    and some repository of the program defines."""
    for x in m.calls:
        if not changes(x.method) and x.method != "flush":
            continue
        if x.receiver.split(".")[0] == "self":
            return True
        local = bool(x.receiver) and "." not in x.receiver and x.method not in _CONTAINER_METHODS
        if local and any(is_repository(ctx, r) for r in ctx.by_method(False).get(x.method, [])):
            return True
    return False
