"""The read side of a table's collection: a class with no store, every public method of which
finds or lists rows of the storage it reaches (`ReviewQueryRepo.get_reviews_by(member_id)`
over `Review.objects.filter(...)`), the query half of a repository split for CQRS."""

from __future__ import annotations

from agentls.patterns.context import Ctx, Ev
from agentls.patterns.detectors._basics import memo
from agentls.patterns.detectors._domain_model import entity_evidence, module_in_domain
from agentls.patterns.detectors._gateways import _FIND_WORDS, _find, _storage_heads, _word, storage_handles
from agentls.patterns.facts import FunctionFacts
from agentls.patterns.workspace import ClassRef

# Bases a plain class of the program's may name: none of them is a framework's (a Django or
# Flask view's `get(self, request, pk)` queries a manager too, and is no collection).
_PLAIN_BASES = frozenset({"object", "ABC", "Generic", "Protocol"})
# Methods listing the whole collection beside the finders (`all()`, `list_active()`).
_LIST_WORDS = frozenset({"list", "all", "count", "exists"})
# Words of a receiver reaching a database (a mapped class's manager, a session, a collection,
# a cursor): an HTTP or message client's `get` answers a request, not a row.
_ROW_WORDS = ("objects", "query", "session", "collection", "cursor", "conn", "db", "database", "table")


def _plain(ctx: Ctx, ref: ClassRef) -> bool:
    """The class and its ancestors derive only the program's classes or `object`, `ABC`,
    `Generic[...]`."""
    for r in (ref, *ctx.ancestors(ref)):
        for b in r.cls.bases:
            name = b.split("[")[0]
            if name.rpartition(".")[2] not in _PLAIN_BASES and ctx.ws.resolve(r.module, name) is None:
                return False
    return True


def _domain_rows(ctx: Ctx, ref: ClassRef, public: list[FunctionFacts], heads: dict[str, set[str]]) -> bool:
    """What it finds is the domain's: a mapped class it queries kept in a domain package
    (`Context.review.domain.Review.objects`), or an entity its methods are annotated to answer.
    A reader of bare rows (`session.query(UserRow)` beside `count()`) reads a table, no
    collection of the domain's objects."""
    for m in public:
        found = [ctx.ws.resolve(ref.module, h.split(".")[0]) for h in heads[m.name]]
        found += ctx.annotation_refs(m.returns_annotation, ref.module)
        if any(r is not None and r != ref and (module_in_domain(r.module) or entity_evidence(ctx, r)) for r in found):
            return True
    return False


def reaches_rows(ctx: Ctx, ref: ClassRef, m: FunctionFacts) -> bool:
    """`m`, a method of ``ref``'s, asks a database for what it answers (a mapped class's
    manager, a session, a collection, a cursor), not an HTTP or message client."""
    return any(w in h.lower() for h in _storage_heads(ctx, ref, m, storage_handles(ctx, ref)) for w in _ROW_WORDS)


def row_reader_evidence(ctx: Ctx, ref: ClassRef) -> list[Ev]:
    """A class with no store whose every public method (at most ten) is named to find or list,
    answers something and reaches a database, one of them a keyed look-up (``_find``); a plain
    class of the program's, no framework view."""

    def compute() -> list[Ev]:
        cls = ref.cls
        if cls.is_interface or cls.is_protocol or cls.declares_abstract:
            return []
        public = [
            m
            for n, m in cls.methods.items()
            if not n.startswith("_") and m.kind in ("method", "staticmethod", "classmethod") and not m.is_stub
        ]
        if not public or len(public) > 10:
            return []
        if any(
            _word(m.name) not in _FIND_WORDS | _LIST_WORDS or not m.returns or m.returns == ["none"] for m in public
        ):
            return []
        if not _plain(ctx, ref):
            return []
        attrs = storage_handles(ctx, ref)
        heads = {m.name: _storage_heads(ctx, ref, m, attrs) for m in public}
        if not all(heads.values()):
            return []
        if not any(w in h.lower() for found in heads.values() for h in found for w in _ROW_WORDS):
            return []
        find = next((m for m in public if _find(ctx, ref, m, heads[m.name])), None)
        if find is None or not _domain_rows(ctx, ref, public, heads):
            return []
        return [
            (find.selection.line, f"`{find.name}` looks rows up by key in the storage"),
            (cls.selection.line, "its every public method finds or lists what the storage holds, storing nothing"),
        ]

    return memo(ctx, "row reader", ref, compute)
