from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from agentls.patterns.context import Ctx
from agentls.patterns.detector_registry import Detector, register
from agentls.patterns.detectors._built_repositories import _SESSION_WORDS, built_repository_service
from agentls.patterns.detectors._duck_types import holding_repositories
from agentls.patterns.detectors._service_classes import service_class
from agentls.patterns.detectors._shared import is_repository, is_uow
from agentls.patterns.detectors._use_case_steps import CHANGES, acted_on, changes, duck_storage, round_trip
from agentls.patterns.facts import FunctionFacts
from agentls.patterns.model import Detection
from agentls.patterns.test_code import is_test_module
from agentls.patterns.workspace import ClassRef

_ROUTES = frozenset({"route", "get", "post", "put", "patch", "delete", "api_route", "websocket"})
# A chat bot's handler registrations (aiogram's `router.message` / `router.callback_query`,
# pyTelegramBotAPI's `bot.message_handler`, pyrogram's `app.on_message`) and a CLI's
# commands (`cli.command`): entrypoints driving use cases, as web routes are.
_HANDLERS = frozenset(
    {"message", "callback_query", "inline_query", "message_handler", "callback_query_handler", "command"}
    | {"on_message", "on_callback_query"}
)
_REGISTRATIONS = _ROUTES | _HANDLERS  # a routing or handler-registration decorator


def _route(decorator: str) -> bool:
    """A web framework's routing decorator on a router or application object (`bp.route`,
    `app.get`, `router.post`), or a bot's or CLI's handler registration (`router.message`,
    `cli.command`), not a bare function named so."""
    head = decorator.partition("(")[0].strip()
    return "." in head and head.rpartition(".")[2] in _REGISTRATIONS


@register
class ServiceLayer(Detector):
    """Defines the application's use cases as a layer of service functions that orchestrate:
    fetch aggregates through repositories or a unit of work, call domain behaviour, commit.
    Entrypoints stay thin and use cases are testable against fakes; with little domain logic the
    layer can become pass-through boilerplate, or absorb logic that belongs in the domain.

    ## Roles
    - `service`: a use-case function (or a method of a service class).

    ## How it is detected
    A function that receives a unit of work or repository (annotated with a class detected as
    one, unannotated but called only with methods that the program's repositories alone
    answer, or used as `with uow:` and reached through for repositories, `uow.products.get(...)`),
    uses a repository and commits (or adds) within it; or that receives a repository, loads
    through it and asks what it loaded to act (`listing = repo.get(id); listing.place_bid(bid)`).

    A function receiving a session (or connection) that loads through it, asks what it loaded
    to act (a call on a local it neither received nor imported) and commits it is a service too
    (a transaction script: `restaurant = session.query(...).get(id); restaurant.book_table(n);
    session.commit()`).

    A class is a service too when it holds a unit of work or repository (typed as one, or,
    untyped, kept from a parameter of a class the program builds with a new repository or unit
    of work somewhere: `CheckoutService(SqlOrders(session))`, a test's
    `CheckoutService(FakeOrders())`, or, built nowhere the program says, when every class of
    the program answering all the methods called on it is a repository or unit of work: duck
    typing, with built-in containers' methods such as `add` or `get` telling nothing) and one of
    its methods (any but the dunders: a name-mangled private step, `__save_file`, counts)
    changes state through it (`add`, `save`, `insert`, `commit`, and their spelled-out forms,
    `add_or_update_user`, `create_one`, `insert_city`; a method handing its own arguments on to
    the method of the same name, `create_user(n, e)` -> `self.repo.create_user(n, e)`, and
    asking nothing else of it only wraps the repository; one checking first,
    `exists_by_email(user)`, is a use case), or works `with self._uow` and commits, or, inside
    the unit of work it holds (typed as one, whose exit commits), asks another collaborator it
    holds to change state
    (`async with self._uow as tx: await self._posts.create(data, uow=tx)`). A function that
    receives a unit of work (typed as one) and enters it, so that leaving the block commits, is
    a service when a repository reached through it changes state (`async with uow as tx:
    await tx.trainers.add_to_team(...)`, or a repository asked of it, `repo =
    uow.get_repository(Users); await repo.add(user)`); untyped, it is one when the program has a context
    manager holding a repository under every name the block reaches through it (`tx.trainers`).
    Test functions, pytest fixtures (which build a use case for the tests), test classes and
    web endpoints (functions under a router's or application's routing decorator, `@bp.route`,
    `@router.post`: the entrypoints driving the use cases, and so a chat bot's handlers,
    `@router.message(...)`, `@bot.message_handler(...)`, and a CLI's `@cli.command()`) are
    never services.

    Whatever the collaborator's class says of itself (a port of untyped stubs, a binding a
    container makes), a use case shows in its round trip: a function (or a method, making its
    class the service) loads an object through a collaborator it was handed (a parameter,
    `self.<x>`) by a key it was given (`find_by_id(task_id)`, `get(command.order_id)`), asks
    the object to act and hands it back to the same collaborator to store (`task.postpone();
    self.tasks.save(task)`). A key of its own (a compiler's `self.query.chain(klass=Query)`
    then `self.query.add_filter(..., query)`) or an object handed elsewhere is no round trip.

    The unit of work may be reached through a base's property over the attribute it was given
    (`self.uow` reading `self._uow`), and a method that loads through what the class holds and
    asks the loaded aggregate to act (`author = self.uow.repository.find_by_pk(id);
    author.add_book(command)`) is a service method even when a decorator commits. What is
    asked to act must be what it loaded, by a key it was given: a context it made itself
    (`ctx = self.make_context()`), or a list it fills (`rows.append(row)`), is not, nor is a
    call whose answer it loops over (`for x in context.all_registrations(key)`).

    A use case may build its repositories over the transaction it works in rather than receive
    them: a function receiving a unit of work (typed as one) or a session, or entering a unit of
    work (one of the program's it creates, `async with AsyncUnitOfWork() as uow:`, or the one it
    was handed or holds, `with self.uow as uow:`), that builds a repository over it (`repo =
    ArticleRepository(uow.session)`) and then calls a method of that repository which changes
    state (`add`, `delete`, ... by name, or any method whose body stores or flushes through
    `self`, or forwards to a storing method of another repository: `user_repo.follow_user(...)`)
    or loads through it and assigns to a local (`user.bio = bio`, `setattr(user, key, value)`:
    the session tracks what it loaded) is a service, whoever commits (a `@transactional()`
    decorator, the caller). The unit of work may come from a factory function of the program
    named for one (`async with make_unit_of_work() as uow:`), and the repository from a function
    whose return annotation is a repository (`account_repository(uow) -> AccountRepository`,
    picking the implementation for the unit of work): storing through what it hands out, or
    loading through it and asking what it loaded to act (`account = await
    account_repository(uow).find_by_id(id); account.deposit(amount)`; the unit of work itself,
    `uow.emit(event)`, is no loaded object), is a use case too. A method doing so, or building
    its repositories over the unit of work its class holds (typed as one: `self.uow.session`;
    untyped, one it was handed and enters: `with self.uow as uow:`), makes its class the
    service; the method is not reported apart. A module function of a test module (`tests/`,
    `test_*.py`, `conftest.py`) storing rows so through a session it is handed seeds data for
    the tests: no service, and neither does one handed a repository alone, with no request to
    serve (`_seed(customers)`).
    """

    id = "service_layer"
    category = "architecture"
    roles: ClassVar[dict[str, str]] = {"service": "orchestrates one use case"}

    def _service(self, ctx: Ctx, fn: FunctionFacts) -> list[tuple[int, str]]:
        line = fn.selection.line
        # (a parameter no call goes through, `session.commit()`, nor entered: passed over at once)
        heads = {c.func.partition(".")[0] for c in fn.calls if "." in c.func}
        for p in fn.params:
            if p.name not in heads and p.name not in fn.with_items:
                continue
            calls = [c for c in fn.calls if c.func.startswith(f"{p.name}.")]
            # A transaction script over the session it is given: it loads through it, asks
            # what it loaded to act, and commits (`restaurant.book_table(...); session.commit()`).
            what = f"{p.name} {p.annotation or ''}".lower()
            commit = next((c for c in calls if c.method == "commit"), None)
            if commit is not None and any(w in what for w in _SESSION_WORDS):
                acted = acted_on(ctx, fn)
                loads = [c for c in calls if c.method in ("query", "get", "execute", "scalars", "scalar")]
                if acted and loads:
                    return [
                        (line, f"works in the session `{p.name}` it receives"),
                        (acted[0].line, f"asks `{acted[0].receiver}` to `{acted[0].method}`"),
                        (commit.line, f"finishes with `{commit.func}()`"),
                    ]
            refs = ctx.annotation_refs(p.annotation, ctx.index)
            if p.annotation is None and p.name != "self":
                duck = duck_storage(ctx, {c.method for c in calls if c.receiver == p.name})
                refs = [duck] if duck is not None else refs
            entered = self._entered_uow(ctx, fn, p.name, refs)
            if entered:
                return entered
            if any(is_uow(ctx, r) for r in refs) or (
                p.name in fn.with_items and any(c.func.count(".") == 2 for c in calls)
            ):
                commits = [c for c in calls if c.func.count(".") == 1]
                repo_calls = [c for c in calls if c.func.count(".") == 2]
                if commits and repo_calls:
                    return [
                        (line, f"receives the unit of work `{p.name}`"),
                        (repo_calls[0].line, f"loads through `{repo_calls[0].receiver}`"),
                        (commits[-1].line, f"finishes with `{commits[-1].func}()`"),
                    ]
            if any(is_repository(ctx, r) for r in refs):
                # a test module's helper handed the repository alone, no request to serve
                # (`_add_items(db)`: `db.add({...})` twice), seeds data for its tests
                if is_test_module(ctx.index) and [q.name for q in fn.params if q.name not in ("self", "cls")] == [
                    p.name
                ]:
                    continue
                if any(c.method in CHANGES for c in fn.calls):
                    return [(line, f"receives the repository `{p.name}`"), (calls[0].line, f"uses `{calls[0].func}`")]
                # Loads an aggregate and asks it to act: a call on something it did not
                # receive and did not import (`listing = repo.get(id); listing.place_bid(bid)`).
                acted = acted_on(ctx, fn)
                if acted:
                    return [
                        (line, f"receives the repository `{p.name}`"),
                        (calls[0].line, f"loads through `{calls[0].func}`"),
                        (acted[0].line, f"asks `{acted[0].receiver}` to `{acted[0].method}`"),
                    ]
        return []

    def _entered_uow(self, ctx: Ctx, fn: FunctionFacts, name: str, refs: list[ClassRef]) -> list[tuple[int, str]]:
        """`async with uow as tx: await tx.pokemons.create(data)`: the unit of work it receives
        (typed as one) is entered, whose exit commits, and a repository reached through the
        name it is bound to changes state."""
        if name not in fn.with_items:
            return []
        params = set(fn.param_names)
        given = fn.param(name)
        if not refs and given is not None and given.annotation is None:
            # untyped: a context manager of the program holding repositories under every name
            # reached through the block (`tx.pokemon_repo`) is what it enters
            reached = {
                c.receiver.split(".")[1]
                for c in fn.calls
                if c.receiver.count(".") == 1
                and c.receiver.split(".")[0] not in params | {"self", "cls"}
                and c.receiver.split(".")[0] not in ctx.index.import_map
            }
            refs = holding_repositories(ctx, frozenset(reached)) if reached else []
            if not refs:
                return []
        elif not any(is_uow(ctx, r) for r in refs):
            return []
        for c in fn.calls:
            head = c.receiver.split(".")[0]
            through = head == name or (head not in params and head not in ctx.index.import_map and head != "self")
            # or a repository asked of it (`repo = uow.get_repository(Users); repo.add(user)`)
            asked = "." not in c.receiver and fn.call_locals.get(c.receiver, "").startswith(f"{name}.")
            if ((through and c.receiver.count(".") == 1) or asked) and changes(c.method):
                return [
                    (fn.selection.line, f"enters the unit of work `{name}` it receives"),
                    (c.line, f"changes state through `{c.receiver}.{c.method}()`"),
                ]
        return []

    def detect(self, ctx: Ctx) -> Iterator[Detection]:
        for fn in ctx.index.all_functions():
            if fn.name.startswith(("__", "test")) or fn.qualname.startswith("Test"):
                continue
            # a pytest fixture that builds a use case for the tests is not one
            if any(d.partition("(")[0].rpartition(".")[2] == "fixture" for d in fn.decorators):
                continue
            # a web endpoint (`@bp.route(...)`, `@router.post(...)`) is the entrypoint driving
            # use cases, even when it saves through a repository itself
            if any(_route(d) for d in fn.decorators):
                continue
            ev = self._service(ctx, fn)
            if not ev and "." not in fn.qualname and not is_test_module(ctx.index):
                # a method building its repositories makes its class the service (below); a
                # test module's helper storing rows through one seeds data for its tests
                ev = built_repository_service(ctx, fn, [])
                ev = ev or round_trip(fn, tuple(fn.param_names))
            if ev:
                yield ctx.det(fn, self.id, "service", 0.8, ev)
        for ref in ctx.classes():
            if ref.cls.name.startswith("Test") or is_uow(ctx, ref) or is_repository(ctx, ref):
                continue
            ev = service_class(ctx, ref)
            if ev:
                yield ctx.det(ref, self.id, "service", 0.75, ev)
