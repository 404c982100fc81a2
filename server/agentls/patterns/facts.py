"""The facts the index records about a module: plain strings and line numbers, no AST.

Detectors read only these facts, so a workspace of thousands of modules can keep every
module's index in memory after its tree has been dropped, and the CLI parses each file once.

Value renderings (``Value``) are short strings: ``self``, ``none``, ``const``, ``list``,
``dict``, ``set``, ``tuple``, ``lambda``, ``param:NAME``, ``name:NAME``, ``call:DOTTED``,
``attr:DOTTED``, ``sub:DOTTED`` and ``other``; and, only among a method's ``self_writes``,
``pick:VALUE``: one branch of a conditional expression choosing what the attribute keeps
(`self._route = Fast() if hurry else Slow()`), a value it may keep but no replacement of
what it kept.
"""

from __future__ import annotations

from dataclasses import MISSING, dataclass, field, fields
from functools import cached_property

from agentls.patterns.model import Range
from agentls.patterns.receivers import held_receiver as held_receiver  # moved there; kept importable from here

Value = str


@dataclass(frozen=True)
class Param:
    name: str
    annotation: str | None
    has_default: bool

    def __reduce__(self) -> tuple[object, ...]:
        return (make_param, (self.name, self.annotation, self.has_default))


def make_param(name: str, annotation: str | None, has_default: bool) -> Param:
    """``Param(...)`` without the frozen ``__init__`` (see ``make_call``)."""
    p = object.__new__(Param)
    d = p.__dict__
    d["name"] = name
    d["annotation"] = annotation
    d["has_default"] = has_default
    return p


@dataclass(frozen=True)
class Call:
    func: str  # dotted callee as written; "type()" stands for the result of a call
    line: int  # 0-based
    args: tuple[Value, ...]
    # Derived from ``func`` (``func.rpartition(".")``), stored because detectors ask millions
    # of times; not part of equality.
    receiver: str = field(default="", compare=False, repr=False)
    method: str = field(default="", compare=False, repr=False)

    def __reduce__(self) -> tuple[object, ...]:
        # Workers send every module's facts back pickled: a tuple, not a dict of field names.
        return (make_call, (self.func, self.line, self.args, self.receiver, self.method))


_new = object.__new__


def make_call(func: str, line: int, args: tuple[Value, ...], receiver: str, method: str) -> Call:
    """``Call(func, line, args, receiver, method)`` without the frozen ``__init__``'s five
    ``object.__setattr__`` calls (the index makes one per call site)."""
    c = _new(Call)
    d = c.__dict__
    d["func"] = func
    d["line"] = line
    d["args"] = args
    d["receiver"] = receiver
    d["method"] = method
    return c


@dataclass(frozen=True)
class BodyCall:
    """A call in a class body's statement (not in a method): the name it is assigned to ("" for
    none), the call as recorded elsewhere (positional then keyword argument values) and the
    names of its keyword arguments, the last ``len(keywords)`` of ``call.args`` (`**kw`: "")."""

    target: str
    call: Call
    keywords: tuple[str, ...]

    def keyword(self, name: str) -> Value | None:
        if name not in self.keywords:
            return None
        args = self.call.args
        return args[len(args) - len(self.keywords) + self.keywords.index(name)]


@dataclass(frozen=True)
class ContainerOp:
    container: str  # "self._items", "self._subs[]" for a keyed bucket, "_REGISTRY"
    op: str  # append, add, setitem, pop, remove, ...
    arg: Value
    line: int
    key: Value = ""


@dataclass(frozen=True)
class Loop:
    iter: str  # dotted of the iterable, "self._obs", "self._subs[]" or "" if not dotted
    target: str  # the loop variable when it is a plain name
    line: int


@dataclass(frozen=True)
class AttrStore:
    receiver: str  # not "self": "context", "item", "obj"
    attr: str
    value: Value
    line: int


@dataclass
class FunctionFacts:
    name: str
    qualname: str
    range: Range
    selection: Range
    kind: str  # function | method | classmethod | staticmethod | property
    params: list[Param] = field(default_factory=list)
    returns_annotation: str | None = None
    decorators: list[str] = field(default_factory=list)
    abstract: bool = False
    body_kind: str = "real"  # stub | not_implemented | trivial | constant | real
    statements: int = 0
    calls: list[Call] = field(default_factory=list)
    self_reads: set[str] = field(default_factory=set)
    self_writes: dict[str, list[Value]] = field(default_factory=dict)
    self_calls: set[str] = field(default_factory=set)
    returns: list[Value] = field(default_factory=list)
    yields: bool = False
    loops: list[Loop] = field(default_factory=list)
    container_ops: list[ContainerOp] = field(default_factory=list)
    subscripts: list[tuple[str, Value]] = field(default_factory=list)  # (container, key)
    none_checks: set[str] = field(default_factory=set)
    in_checks: set[str] = field(default_factory=set)  # containers tested with `in`
    raises: list[str] = field(default_factory=list)
    complexity: int = 1
    foreign_reads: set[str] = field(default_factory=set)
    sql: set[str] = field(default_factory=set)  # select / insert / update / delete
    with_items: list[str] = field(default_factory=list)
    globals: set[str] = field(default_factory=set)
    dynamic_getattr: list[str] = field(default_factory=list)  # string prefixes
    type_dispatch: bool = False
    attr_stores: list[AttrStore] = field(default_factory=list)
    names: set[str] = field(default_factory=set)
    dict_writes: set[str] = field(default_factory=set)  # "self.__dict__", "obj.__dict__"
    # local name -> the method of its own class it holds the answer of (`real = self._real()`),
    # or `self.<attr>` for a local naming an attribute (`ls = self.strategy`); "" once rebound
    getter_locals: dict[str, str] = field(default_factory=dict)
    # local name -> the dotted callee of the one call it is bound to (`factory = NYFactory()`);
    # locals bound to anything else, or to two different things, are left out
    call_locals: dict[str, str] = field(default_factory=dict)

    def __getstate__(self) -> dict[str, object]:
        # Pickled by the index workers: most of the ~17 containers are empty, and an empty
        # container is cheaper to make again than to pickle and unpickle.
        return {k: v for k, v in self.__dict__.items() if v or k not in _FN_CONTAINERS}

    def __setstate__(self, state: dict[str, object]) -> None:
        d = self.__dict__
        for name, make in _FN_CONTAINERS.items():
            if name not in state:
                d[name] = make()
        d.update(state)

    @property
    def param_names(self) -> list[str]:
        return [p.name for p in self.params]

    def param(self, name: str) -> Param | None:
        for p in self.params:
            if p.name == name:
                return p
        return None

    @property
    def is_stub(self) -> bool:
        return self.body_kind in ("stub", "not_implemented")

    @property
    def is_public(self) -> bool:
        return not self.name.startswith("_")


# The container fields of ``FunctionFacts`` and how to make each empty.
_FN_CONTAINERS: dict[str, type] = {
    f.name: f.default_factory  # type: ignore[misc]
    for f in fields(FunctionFacts)
    if f.default_factory is not MISSING
}


def new_function_facts(
    name: str,
    qualname: str,
    range: Range,
    selection: Range,
    kind: str,
    params: list[Param],
    returns_annotation: str | None,
    decorators: list[str],
    abstract: bool,
    body_kind: str,
    statements: int,
) -> FunctionFacts:
    """``FunctionFacts(...)`` with its defaults, in one dict display rather than the generated
    ``__init__``'s thirty assignments and seventeen factory calls (one per function indexed)."""
    f = _new(FunctionFacts)
    f.__dict__ = {
        "name": name,
        "qualname": qualname,
        "range": range,
        "selection": selection,
        "kind": kind,
        "params": params,
        "returns_annotation": returns_annotation,
        "decorators": decorators,
        "abstract": abstract,
        "body_kind": body_kind,
        "statements": statements,
        "calls": [],
        "self_reads": set(),
        "self_writes": {},
        "self_calls": set(),
        "returns": [],
        "yields": False,
        "loops": [],
        "container_ops": [],
        "subscripts": [],
        "none_checks": set(),
        "in_checks": set(),
        "raises": [],
        "complexity": 1,
        "foreign_reads": set(),
        "sql": set(),
        "with_items": [],
        "globals": set(),
        "dynamic_getattr": [],
        "type_dispatch": False,
        "attr_stores": [],
        "names": set(),
        "dict_writes": set(),
        "getter_locals": {},
        "call_locals": {},
    }
    return f


@dataclass
class ClassFacts:
    name: str
    qualname: str
    range: Range
    selection: Range
    bases: list[str] = field(default_factory=list)
    base_args: list[str] = field(default_factory=list)
    metaclass: str | None = None
    decorators: list[str] = field(default_factory=list)
    dataclass: bool = False
    frozen: bool = False
    class_attrs: dict[str, Value] = field(default_factory=dict)
    fields: dict[str, str | None] = field(default_factory=dict)  # annotated class names
    methods: dict[str, FunctionFacts] = field(default_factory=dict)
    docstring: bool = False
    # Calls made by the class body's own statements, in order: what a dependency-injection
    # container declares (`repo = providers.Factory(SqlRepo, session)`, `x = provide(Impl,
    # provides=Port)`); ``class_attrs`` keeps only the callee.
    body_calls: list[BodyCall] = field(default_factory=list)

    # Asked tens of thousands of times over a large workspace, and the bases do not change
    # once indexed (a moved class computes these again: ``shift._CACHED``).
    @cached_property
    def declares_abstract(self) -> bool:
        # A generic base is recorded as `Protocol[]` (`class Port(Protocol[D, I])`).
        tails = {b.rpartition(".")[2].removesuffix("[]") for b in self.bases}
        # Python 2's `__metaclass__ = abc.ABCMeta` (a class attribute, value `attr:abc.ABCMeta`).
        meta = (self.metaclass or self.class_attrs.get("__metaclass__", "").partition(":")[2]).rpartition(".")[2]
        return bool(tails & {"ABC", "Protocol"}) or meta == "ABCMeta"

    @cached_property
    def is_protocol(self) -> bool:
        return any(b.rpartition(".")[2].removesuffix("[]") == "Protocol" for b in self.bases)

    @cached_property
    def abstract_methods(self) -> set[str]:
        out: set[str] = set()
        protocol: bool | None = None  # asked once, and only about a stub
        for n, m in self.methods.items():
            kind = m.body_kind
            if m.abstract or kind == "not_implemented":
                out.add(n)
            elif kind == "stub":
                if protocol is None:
                    protocol = self.is_protocol or self.is_plain_interface
                if protocol:
                    out.add(n)
        return out

    @cached_property
    def is_plain_interface(self) -> bool:
        """An interface written as a plain class, as code ported from Java has it: no base (no
        `ABC`), every public method a stub (`pass`, `...`, a docstring) and no state. A base
        holding state beside empty hooks is an abstract class, not this."""
        if self.declares_abstract or any(b.rpartition(".")[2] != "object" for b in self.bases):
            return False  # a stub-only subclass is a null object or a default, not an interface
        public = [m for n, m in self.methods.items() if not n.startswith("_")]
        if not public or not all(m.body_kind in ("stub", "not_implemented") for m in public):
            return False
        return not self.instance_attrs() and not any(
            m.body_kind not in ("stub", "not_implemented") for n, m in self.methods.items() if n != "__init__"
        )

    @cached_property
    def is_interface(self) -> bool:
        """Abstract by declaration, or every public method raises NotImplementedError."""
        if self.abstract_methods and (self.declares_abstract or self.is_protocol):
            return True
        if not self.bases and sum(1 for m in self.methods.values() if m.abstract) >= 2:
            # A class of no base declaring two or more `@abstractmethod`s is abstract even
            # without the ABC Python needs to enforce them (`class ComponentFactory:` declaring
            # its creation methods so, beside a static `create` choosing the concrete factory).
            return True
        public = [m for n, m in self.methods.items() if not n.startswith("_")]
        if not public:
            return False
        if all(m.body_kind == "not_implemented" or m.abstract for m in public):
            return True  # raising NotImplementedError, or @abstractmethod without ABCMeta
        # An ABC whose public methods are all empty (`pass`, `...`): an interface written
        # without @abstractmethod, common in tutorials and older code; or the same without
        # the ABC (`is_plain_interface`).
        stubs = all(m.body_kind in ("stub", "not_implemented") for m in public)
        return stubs and (self.declares_abstract or self.is_plain_interface)

    @property
    def public_methods(self) -> dict[str, FunctionFacts]:
        return {n: m for n, m in self.methods.items() if not n.startswith("_") and m.kind in ("method", "classmethod")}

    def instance_attrs(self) -> set[str]:
        out: set[str] = set()
        for m in self.methods.values():
            out.update(m.self_writes)
        return out


@dataclass(frozen=True)
class Import:
    module: str  # resolved absolute module when relative imports could be resolved
    name: str | None  # None for `import x`
    alias: str
    line: int

    def __reduce__(self) -> tuple[object, ...]:
        return (Import, (self.module, self.name, self.alias, self.line))


@dataclass(frozen=True)
class DictEntry:
    key: str  # dotted of the key expression, or "const"
    values: tuple[str, ...]  # dotted names of the value (one, or a list/tuple of them)
    is_list: bool


@dataclass
class ModuleIndex:
    path: str
    module: str
    classes: dict[str, ClassFacts] = field(default_factory=dict)
    functions: dict[str, FunctionFacts] = field(default_factory=dict)
    imports: list[Import] = field(default_factory=list)
    import_map: dict[str, str] = field(default_factory=dict)  # local name -> qualified
    assigns: dict[str, Value] = field(default_factory=dict)
    dicts: dict[str, list[DictEntry]] = field(default_factory=dict)
    toplevel: FunctionFacts | None = None  # module-level statements outside defs
    line_count: int = 0
    has_main_guard: bool = False

    def all_functions(self) -> list[FunctionFacts]:
        out = list(self.functions.values())
        for cls in self.classes.values():
            out.extend(cls.methods.values())
        return out

    def units(self) -> list[FunctionFacts]:
        """Every function, method and then the main block (``toplevel``), in that order."""
        return [*self.all_functions(), *([self.toplevel] if self.toplevel else [])]
