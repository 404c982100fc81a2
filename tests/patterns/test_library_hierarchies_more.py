"""More library class hierarchies that look like a pattern and are not (a document handing
out its sections, a namespace asking the one it inherits from, a metaclass skipping the base
that declares no key, a group of commands asking each for its help), each beside the one
structural change that makes it the pattern. The shapes are written for these tests, after
what click and mako do."""

from __future__ import annotations

from pathlib import Path

from agentls.patterns.evaluate import analyse_files


def _found(tmp_path: Path, source: str) -> set[tuple[str, str, str]]:
    path = tmp_path / "shapes.py"
    path.write_text(source, "utf-8")
    return {(d.symbol, d.pattern, d.role) for d in analyse_files([path], False)[str(path)] if d.confidence >= 0.5}


RULES = """\
class Rule:
    def __init__(self, words):
        self.words = words

    def accepts(self, text):
        return all(w in text for w in self.words)

    def COMBINE(self, other):
        return Both(self, other)


class Both(Rule):
    def __init__(self, first, second):
        self.first = first
        self.second = second

    def accepts(self, text):
        return self.first.CALLED(text) and self.second.CALLED(text)
"""


def test_a_method_handing_out_a_family_member_is_no_predicate(tmp_path: Path) -> None:
    # Both holds two rules and asks each the question: `accepts` is the predicate.
    combined = RULES.replace("COMBINE", "both").replace("CALLED", "accepts")
    found = _found(tmp_path, combined)
    assert ("Rule", "specification", "specification") in found
    assert ("Both", "specification", "composite_specification") in found
    # Both asks what it holds for another member (`both`), the way a template's def asks its
    # parent template for another def: building, not testing.
    handed_out = RULES.replace("COMBINE", "both").replace("CALLED", "both")
    assert not {f for f in _found(tmp_path, handed_out) if f[1] == "specification"}


TAGS = """\
class TagMeta(type):
    classes = {}

    def __init__(cls, name, bases, body):
        if getattr(cls, "keyword", None) is not None:
            cls.classes[cls.keyword] = cls
        super().__init__(name, bases, body)

    def __call__(cls, keyword, *args):
        return type.__call__(TagMeta.classes[keyword], keyword, *args)


class Tag(metaclass=TagMeta):
    keyword = BASE_KEY

    def __init__(self, keyword, *args):
        self.args = args


class IfTag(Tag):
    keyword = "if"


class NestedTag(Tag):
    def __init__(self, keyword, *args):
        self.parts = keyword.split(":")
"""


def test_a_metaclass_filing_by_a_key_skips_the_classes_declaring_none(tmp_path: Path) -> None:
    keyed = _found(tmp_path, TAGS.replace("BASE_KEY", '"tag"'))
    assert {("Tag", "registry", "registered"), ("IfTag", "registry", "registered")} <= keyed
    assert ("NestedTag", "registry", "registered") in keyed  # inherits the base's key
    unkeyed = _found(tmp_path, TAGS.replace("BASE_KEY", "None"))
    assert ("IfTag", "registry", "registered") in unkeyed
    assert ("TagMeta", "registry", "registry") in unkeyed
    assert ("Tag", "registry", "registered") not in unkeyed
    assert ("NestedTag", "registry", "registered") not in unkeyed


ROUTES = """\
class Routes:
    def __init__(self):
        self.entries = {}

    def mount(self, path, controller_class, **options):
        LOOKUP
        self.entries[path] = made = controller_class(**options)
        return made

    def find(self, path):
        return self.entries[path]
"""


def test_storing_what_a_received_class_builds_only_on_a_miss_is_a_cache(tmp_path: Path) -> None:
    assert ("Routes", "registry", "registry") in _found(tmp_path, ROUTES.replace("        LOOKUP\n", ""))
    memo = ROUTES.replace("LOOKUP", "if path in self.entries:\n            return self.entries[path]")
    assert not {f for f in _found(tmp_path, memo) if f[1] == "registry"}


SCOPE = """\
class Scope:
    def __init__(self, names, parent):
        self.names = names
        self.parent = parent

    def __getattr__(self, key):
        if key in self.names:
            ANSWER
        if not self.parent:
            raise AttributeError(key)
        return getattr(self.parent, key)
"""


def test_a_namespace_answering_from_its_own_table_first_refuses_nothing(tmp_path: Path) -> None:
    # The names listed are refused: a protection proxy over the object it forwards to.
    refusing = _found(tmp_path, SCOPE.replace("ANSWER", "raise AttributeError(key)"))
    assert ("Scope", "proxy", "proxy") in refusing
    # The names listed are answered from its own table; only the others go to the parent,
    # and the error is for a name nobody has.
    answering = _found(tmp_path, SCOPE.replace("ANSWER", "return self.names[key]"))
    assert not {f for f in answering if f[1] in ("proxy", "decorator", "adapter")}


BOARD = """\
class Board:
    def __init__(self):
        self.pins = []

    def pin(self, note):
        self.pins.append(note)

    def announce(self, text):
        pins = LIST
        for p in pins:
            p.show(text)


class Note:
    def show(self, text):
        print(text)
"""


def test_a_local_list_named_like_the_kept_one_is_not_notified(tmp_path: Path) -> None:
    # A copy of the kept list, then each pinned note told: a subject.
    assert ("Board", "observer", "subject") in _found(tmp_path, BOARD.replace("LIST", "list(self.pins)"))
    # A list built on the spot under the same name (a group's rows of its commands for the
    # help page): the pinned notes are never told.
    built = BOARD.replace("LIST", "[self.draft(text)]")
    assert not {f for f in _found(tmp_path, built) if f[1] == "observer"}
