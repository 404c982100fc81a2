"""The message bases a DDD seedwork or skeleton declares before anything derives from them:
`class Command(ABC): pass` in `application/command.py`, `class DomainEvent(ABC): pass` in
`domain/domain_event.py`. Its applications' commands and events will derive from them; in the
seedwork itself nothing does yet, so no handler, bus or sibling says "message"."""

from __future__ import annotations

import re
from collections.abc import Iterator

from agentls.patterns.context import Ctx
from agentls.patterns.detectors._message_kinds import is_exception
from agentls.patterns.workspace import ClassRef

# The class spells the kind alone, with at most a base/abstract/domain/integration qualifier
# (`BaseCommand`, `CommandBase`, `DomainEvent`); `ClickEvent` or `CommandLine` do not.
_BASE_NAME = re.compile(r"^(Base|Abstract|Domain|Integration)?(Command|Query|Event)(Base)?$")


def _converter(name: str) -> bool:
    # A seed base may offer one conversion of what its subclasses carry (`as_dict`).
    return name.startswith(("as_", "to_"))


def seed_message_bases(ctx: Ctx) -> Iterator[tuple[ClassRef, str]]:
    """(class, kind) for each field-less class named as a message base, with no method but a
    conversion, in a module named for its kind (`command.py`, `events.py`,
    `domain_event.py`), that no class of the workspace derives from."""
    for ref in ctx.ws.all_classes():
        found = _BASE_NAME.match(ref.cls.name)
        if found is None:
            continue
        kind = found.group(2).lower()
        stem = ref.module.module.rpartition(".")[2].lower()
        if kind not in stem and not (kind == "query" and "queries" in stem):
            continue
        cls = ref.cls
        if cls.fields or cls.instance_attrs() or not all(_converter(n) for n in cls.methods):
            continue
        if is_exception(ctx, ref) or bool(ctx.descendants(ref)):
            continue
        yield ref, kind
