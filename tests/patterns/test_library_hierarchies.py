"""Library class hierarchies that look like Factory, Chain of responsibility, Mediator or
Decorator and are not (a parser's productions, a tree node and a writer, a plug-in handed its
caller, a scope asking its parent), each beside the one structural change that makes it the
pattern. The shapes are written for these tests, after what alembic and jinja2 do."""

from __future__ import annotations

from pathlib import Path

from agentls.patterns.evaluate import analyse_files


def _found(tmp_path: Path, source: str) -> set[tuple[str, str, str]]:
    path = tmp_path / "shapes.py"
    path.write_text(source, "utf-8")
    return {(d.symbol, d.pattern, d.role) for d in analyse_files([path], False)[str(path)] if d.confidence >= 0.5}


UNARY = """\
class Expr:
    def evaluate(self):
        raise NotImplementedError


class Minus(Expr):
    def __init__(self, operand):
        self.operand = operand

    def evaluate(self):
        return -self.operand.evaluate()


class Plus(Expr):
    def __init__(self, operand):
        self.operand = operand

    def evaluate(self):
        return self.operand.evaluate()


class Reader:
    def __init__(self, tokens):
        self.tokens = tokens

    def unary(SIGNATURE):
        SIGN
        if sign == "-":
            return Minus(operand)
        return Plus(operand)
"""


def test_a_parser_reading_its_tokens_is_no_factory_but_one_told_the_kind_is(tmp_path: Path) -> None:
    told = UNARY.replace("SIGNATURE", "self, sign, operand").replace("        SIGN\n", "")
    assert ("Reader.unary", "factory", "factory") in _found(tmp_path, told)
    reading = UNARY.replace("SIGNATURE", "self").replace(
        "SIGN", "sign = next(self.tokens)\n        operand = next(self.tokens)"
    )
    assert not {f for f in _found(tmp_path, reading) if f[1] == "factory"}


COND = """\
from typing import Optional


class Node:
    def value(self):
        raise NotImplementedError


class Const(Node):
    def __init__(self, v):
        self.v = v

    def value(self):
        return self.v


class Choice(Node):
    FIELDS

    def value(self):
        if TEST:
            return self.first.value()
        if self.other is None:
            return None
        return self.other.value()
"""


def test_a_node_choosing_among_its_children_is_no_chain_but_a_handler_with_one_successor_is(tmp_path: Path) -> None:
    linked = COND.replace(
        "    FIELDS\n",
        "    def __init__(self, first, other: Optional[Node] = None):\n"
        "        self.first = first\n        self.other = other\n",
    ).replace("TEST", "self.first")
    found = {f[0] for f in _found(tmp_path, linked) if f[1] == "chain_of_responsibility"}
    assert "Choice" in found
    tree = COND.replace("    FIELDS\n", "    test: Node\n    first: Node\n    other: Optional[Node]\n").replace(
        "TEST", "self.test.value()"
    )
    assert not {f for f in _found(tmp_path, tree) if f[1] == "chain_of_responsibility"}


WRITER = """\
from typing import Optional, TextIO


class Emitter:
    def __init__(self, out: ANNOTATION = None):
        self.out = out

    def write(self, text):
        if self.out is None:
            return
        self.out.write(text)


class Silent(Emitter):
    def write(self, text):
        pass
"""


def test_a_writer_forwarding_to_its_stream_is_no_chain_but_one_forwarding_to_its_kind_is(tmp_path: Path) -> None:
    own = _found(tmp_path, WRITER.replace("ANNOTATION", 'Optional["Emitter"]'))
    assert ("Emitter", "chain_of_responsibility", "handler") in own
    stream = _found(tmp_path, WRITER.replace("ANNOTATION", "Optional[TextIO]"))
    assert not {f for f in stream if f[1] == "chain_of_responsibility"}


LOADERS = """\
class Loader:
    def load(self, env: "Env", name):
        env.count += 1
        return name


class FileLoader(Loader):
    OVERRIDE


class DictLoader(Loader):
    OVERRIDE


class Env:
    def __init__(self, loader: Loader):
        self.loader = loader
        self.count = 0

    def get(self, name):
        return self.loader.load(self, name)
"""


def test_a_plugin_family_handed_its_caller_is_no_mediator_but_a_lone_hub_is(tmp_path: Path) -> None:
    lone = _found(tmp_path, LOADERS.replace("OVERRIDE", "pass"))
    assert ("Loader", "mediator", "mediator") in lone
    own = "def load(self, env, name):\n        return name.upper()"
    family = _found(tmp_path, LOADERS.replace("OVERRIDE", own))
    assert not {f for f in family if f[1] == "mediator"}


SCOPES = """\
from typing import Optional


class Scope:
    def __init__(self, parent: Optional["Scope"]):
        self.parent = parent
        self.names = {}

    def find(self, name):
        if name in self.names:
            return self.names[name]
        CHECK
        return self.parent.find(name)

    def declare(self, name, value):
        self.names[name] = value
        return self.parent.declare(name, value)
"""


def test_a_scope_asking_its_optional_parent_is_no_decorator_but_a_wrapper_always_given_one_is(
    tmp_path: Path,
) -> None:
    wrapper = _found(tmp_path, SCOPES.replace("        CHECK\n", ""))
    assert ("Scope", "decorator", "decorator") in wrapper
    scope = _found(tmp_path, SCOPES.replace("CHECK", "if self.parent is None:\n            return None"))
    assert not {f for f in scope if f[1] == "decorator"}


DISPATCH = """\
class Reader:
    def __init__(self, tokens):
        self.tokens = tokens
        self.current = tokens[0]

    def statement(self):
        return getattr(self, "parse_" + self.current.kind.lower())(ARG)

    def parse_if(SIG):
        return ("if", WHAT)

    def parse_for(SIG):
        return ("for", WHAT)

    def parse_set(SIG):
        return ("set", WHAT)
"""


def test_handlers_reading_the_dispatcher_s_state_are_no_visitor_but_handlers_given_the_element_are(
    tmp_path: Path,
) -> None:
    given = DISPATCH.replace("ARG", "self.current").replace("SIG", "self, token").replace("WHAT", "token")
    assert ("Reader", "visitor", "visitor") in _found(tmp_path, given)
    reading = DISPATCH.replace("ARG", "").replace("SIG", "self").replace("WHAT", "self.current")
    assert not {f for f in _found(tmp_path, reading) if f[1] == "visitor"}


OPS = """\
class Op:
    def reverse(self):
        raise NotImplementedError


class AddColumn(Op):
    def __init__(self, name):
        self.name = name

    def INVERSE(self):
        return DropColumn(self.name)


class DropColumn(Op):
    def __init__(self, name):
        self.name = name

    def INVERSE(self):
        return AddColumn(self.name)


class AlterColumn(Op):
    def __init__(self, name, old, new):
        self.name = name
        self.old = old
        self.new = new

    def reverse(self):
        return self.__class__(self.name, self.new, self.old)
"""


def test_an_inverse_among_inverses_is_no_prototype_but_a_lone_copy_of_itself_is(tmp_path: Path) -> None:
    alone = _found(tmp_path, OPS.replace("INVERSE", "undo"))
    assert ("AlterColumn", "prototype", "prototype") in alone
    among = _found(tmp_path, OPS.replace("INVERSE", "reverse"))
    assert not {f for f in among if f[1] == "prototype"}


SITE = """\
from typing import Optional


class Index:
    def __init__(self):
        self.rows = {}

    def add(self, key, row):
        self.rows[key] = row

    def names(self):
        return sorted(self.rows)


class Hooks:
    def __init__(self):
        self.done = []

    def run(self, path):
        self.done.append(path)
        return len(self.done)


class Page:
    def __init__(self, path):
        self.path = path

    @staticmethod
    def check(name):
        if not name.isidentifier():
            raise ValueError(name)

    def render(self):
        return self.path.upper()


class Site:
    def __init__(self):
        self.index = Index()
        self.hooks = Hooks()

    def publish(self, name) -> RESULT:
        Page.check(name)
        page = Page(name + ".html")
        self.index.add(name, page)
        self.hooks.run(page.path)
        return ANSWER
"""


def test_a_class_the_entry_point_hands_back_is_no_subsystem_but_one_it_keeps_hidden_is(tmp_path: Path) -> None:
    hidden = _found(tmp_path, SITE.replace("RESULT", "bool").replace("ANSWER", "True"))
    assert ("Page", "facade", "subsystem") in hidden
    handed = _found(tmp_path, SITE.replace("RESULT", "Optional[Page]").replace("ANSWER", "page"))
    assert ("Site", "facade", "facade") in handed
    assert ("Page", "facade", "subsystem") not in handed


DIALECTS = """\
_impls = {}


class ImplMeta(type):
    def __init__(cls, classname, bases, ns):
        type.__init__(cls, classname, bases, ns)
        if "dialect" in ns:
            _impls[ns["dialect"]] = STORED


class Impl(metaclass=ImplMeta):
    dialect = "default"


class LiteImpl(Impl):
    dialect = "lite"


def impl_for(name):
    return _impls[name]
"""


def test_a_metaclass_keeping_each_class_in_a_module_dict_is_a_registry_but_one_keeping_names_is_not(
    tmp_path: Path,
) -> None:
    classes = _found(tmp_path, DIALECTS.replace("STORED", "cls"))
    assert {("ImplMeta", "registry", "registry"), ("LiteImpl", "registry", "registered")} <= classes
    names = _found(tmp_path, DIALECTS.replace("STORED", "classname"))
    assert not {f for f in names if f[1] == "registry"}
