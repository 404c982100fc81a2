"""Messages the program sends to a bus or publisher: made in the call
(`bus.dispatch(CreateOrder(...))`) or made into a local first and then handed over
(`event = UserCreated(...); self.publisher.publish_event(event)`)."""

from __future__ import annotations

from collections.abc import Iterator

from agentls.patterns.context import Ctx
from agentls.patterns.detectors._domain_model import module_in_domain
from agentls.patterns.detectors._message_kinds import is_message_like
from agentls.patterns.facts import FunctionFacts, ModuleIndex
from agentls.patterns.workspace import ClassRef

_DISPATCH_VERBS = frozenset(
    {
        "dispatch",
        "execute",
        "handle",
        "send",
        "publish",
        "ask",
        "emit",
        "raise_event",
        "post",
        "put",
        "submit",
        "query",
        "command",
        "notify",
        "fire",
        "trigger",
        "record",
        "register_event",
        "record_event",
        "add_event",
        "_record",
        "push",
        "append",
    }
)
# Verbs that only ever send, so a local handed to them is sent as well: a local handed to
# `append`/`put` is as often a part stored in a collection, and one handed to
# `execute`/`handle` a use case's input rather than a message.
_SENDING = frozenset({"dispatch", "send", "publish", "emit", "fire", "raise_event", "record_event", "add_event"})
# A sending verb may name what it sends (`publish_event`, `dispatch_command`); "message" is
# left out: `send_message` is as often a chat client's text.
_SENT_WORDS = frozenset({"event", "events", "command", "domain_event", "integration_event"})


def _names_sending(method: str) -> bool:
    verb, _, what = method.partition("_")
    return method in _SENDING or (verb in _SENDING and what in _SENT_WORDS)


def _local(fn: FunctionFacts, module: ModuleIndex, name: str) -> bool:
    """``name`` is a plain name the function binds itself (not a parameter, not global), in a
    module outside a domain package (where a decider may return the events it made)."""
    if "." in name or name in {*fn.param_names, *module.assigns, *module.import_map, *fn.globals}:
        return False
    return not module_in_domain(module)


def sent_messages(ctx: Ctx) -> Iterator[tuple[ClassRef, str]]:
    """(message class, why) for each message-like class handed to a sending call on another
    object: made in the call, or bound to a local the function made from it alone
    (``FunctionFacts.call_locals``) when the verb only sends."""
    for module in ctx.ws.modules():
        for fn in module.all_functions():
            for call in fn.calls:
                if not call.receiver or call.receiver == "self":
                    continue
                listed = call.method in _DISPATCH_VERBS
                sending = _names_sending(call.method)
                if not listed and not sending:
                    continue
                # Outside a domain package, a list the function made itself (not a parameter nor
                # a module-level queue) collects results for its caller: no send.
                if call.method in ("append", "push") and _local(fn, module, call.receiver):
                    continue
                for arg in call.args:
                    if arg.startswith("call:") and listed:
                        made = arg[5:]
                    elif arg.startswith("name:") and sending:
                        made = fn.call_locals.get(arg[5:], "")
                    else:
                        continue
                    r = ctx.ws.resolve(module, made) if made else None
                    if r is not None and is_message_like(ctx, r):
                        yield r, f"sent with `{call.func}` in {module.module}"
