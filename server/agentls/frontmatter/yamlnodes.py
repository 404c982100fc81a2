"""A YAML 1.2 reader tuned to agree with Claude Code's parser (Bun's YAML), with positions.

PyYAML (libyaml when present) only tokenises and parses into events here; composing and
resolving are ours, so that:

* plain scalars resolve by the YAML 1.2 core schema (``yes`` and ``2026-01-01`` are strings);
* duplicate keys keep the last value;
* tags never raise (``!!str`` is honoured, any tag on a quoted scalar gives a string, custom
  tags are dropped);
* a tab used as the separator after ``key:`` or ``- `` or before ``#`` is accepted;
* a trailing block scalar keeps its final newline;
* several documents are a list, so "not a mapping";
* aliases are shared, never copied: an alias bomb costs one node per anchor, and no walk
  here recurses, so deep nesting cannot overflow the stack.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Union

import yaml

# libyaml's event parser is several times faster; both report code-point positions.
_Parser: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

STR = "tag:yaml.org,2002:str"
_STANDARD = "tag:yaml.org,2002:"

_NULL = re.compile(r"(?:~|null|Null|NULL|)\Z")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT10 = re.compile(r"[-+]?[0-9]+\Z")
_INT16 = re.compile(r"([-+]?)0x([0-9a-fA-F]+)\Z")
_INT8 = re.compile(r"([-+]?)0o([0-7]+)\Z")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?\Z")
_INF = re.compile(r"([-+]?)\.(?:inf|Inf|INF)\Z")
_NAN = re.compile(r"\.(?:nan|NaN|NAN)\Z")
_NON_STRING_STARTS = frozenset("0123456789+-.~nNtTfF")  # first characters of the above

# A tab separating "key:" or "- " from the value, or a tab before a comment.
_TAB_SEPARATOR = re.compile(r"(?<=:)\t|(?<=^-)\t|(?<=[\n\s]-)\t|\t(?=#)", re.M)


def resolve_plain(text: str) -> Any:
    """Resolve a plain scalar by the YAML 1.2 core schema."""
    if text and text[0] not in _NON_STRING_STARTS:  # most values: no pattern can match
        return text
    if _NULL.match(text):
        return None
    if text in _BOOL:
        return _BOOL[text]
    if _INT10.match(text):
        return int(text)
    hexa = _INT16.match(text)
    if hexa:
        return int(hexa.group(1) + hexa.group(2), 16)
    octal = _INT8.match(text)
    if octal:
        return int(octal.group(1) + octal.group(2), 8)
    if _FLOAT.match(text):
        return float(text)
    inf = _INF.match(text)
    if inf:
        return float(inf.group(1) + "inf")
    if _NAN.match(text):
        return float("nan")
    return text


@dataclass(eq=False)
class Node:
    """A composed node. ``start``/``end`` are offsets in the text given to ``parse``."""

    start: int
    end: int
    value: Any = None
    anchor: str | None = None
    tag: str | None = None


@dataclass(eq=False)
class Scalar(Node):
    raw: str = ""
    style: str | None = None  # None plain, "'" '"' "|" ">"


@dataclass(eq=False)
class Sequence(Node):
    items: list[AnyNode] = field(default_factory=list)
    flow: bool = False


@dataclass(eq=False)
class Mapping(Node):
    pairs: list[tuple[AnyNode, AnyNode]] = field(default_factory=list)
    flow: bool = False

    _last: dict[str, tuple[AnyNode, AnyNode]] | None = field(default=None, repr=False)

    def get(self, key: str) -> tuple[AnyNode, AnyNode] | None:
        """The pair for ``key``; the last one wins, as in Claude Code."""
        if self._last is None:  # built on first use, after composing: rules ask ~50 times
            self._last = {k.value: (k, v) for k, v in self.pairs if isinstance(k.value, str)}
        return self._last.get(key)


@dataclass(eq=False)
class Alias(Node):
    name: str = ""
    target: AnyNode | None = None


AnyNode = Union[Scalar, Sequence, Mapping, Alias]  # noqa: UP007 - a runtime alias on 3.10


@dataclass(frozen=True)
class Marker:
    """A YAML feature worth reporting: an anchor, alias or tag, at an offset."""

    kind: str  # "anchor" | "alias" | "tag"
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class YamlError(Exception):
    message: str
    offset: int | None
    # How far the parser had read when it gave up (the offset may point back at a cause).
    read_to: int | None = field(default=None, compare=False)

    def __str__(self) -> str:
        return self.message


@dataclass
class Parsed:
    documents: list[AnyNode | None]
    markers: list[Marker]

    @property
    def root(self) -> AnyNode | None:
        """The single document's root; ``None`` for several documents or none."""
        return self.documents[0] if len(self.documents) == 1 else None


def normalise_tabs(text: str) -> str:
    """Turn separator tabs into spaces; offsets stay the same (one character for one)."""
    if "\t" not in text:
        return text
    return _TAB_SEPARATOR.sub(" ", text)


_DOCUMENT_END = re.compile(r"^\.\.\.[ \t]*\r?$", re.M)


def parse(text: str, max_depth: int = 64, failures: ParseFailures | None = None) -> Parsed:
    """Parse ``text`` like Bun's YAML. Raises ``YamlError`` with an offset when it can.

    ``failures`` (an editor session's) answers again what a recent failed parse said, without
    parsing; without it every call parses."""
    if failures is not None:
        known = failures.known(text, max_depth)
        if known is not None:
            raise YamlError(*known)  # a new one: a kept exception would keep its frames
    try:
        return _parse(text, max_depth)
    except YamlError as error:
        if failures is not None:
            failures.remember(text, max_depth, error)
        raise


class ParseFailures:
    """Recent failures, by the text the parser had read when it gave up (through the line after
    the error, to cover its look-ahead). The parser reads strictly left to right, so any text
    that starts the same way fails the same way: an edit below a rescued one-line description
    (Claude Code's retry parses the block a second time anyway) does not repeat the failed
    parse. A failure on the last two lines is kept for that exact text only (AG005 parses each
    rescued line alone, and the line is the same from one keystroke to the next)."""

    def __init__(self, size: int = 8) -> None:
        self._size = size
        self._entries: dict[tuple[int, str, bool], tuple[str, int | None]] = {}

    def known(self, text: str, max_depth: int) -> tuple[str, int | None] | None:
        for (depth, prefix, exact), outcome in self._entries.items():
            if depth == max_depth and (text == prefix if exact else text.startswith(prefix)):
                return outcome
        return None

    def remember(self, text: str, max_depth: int, error: YamlError) -> None:
        read_to = error.offset if error.read_to is None else error.read_to
        if read_to is None:
            return
        end = text.find("\n", read_to) if read_to < len(text) else -1
        end = text.find("\n", end + 1) if end >= 0 else -1
        if end < 0 and len(text) > 16384:
            return  # kept for this exact text only: worth it for a line, not a whole file
        # The error is on the last two lines: nothing after it to spare, so only this text.
        key = (max_depth, text, True) if end < 0 else (max_depth, text[: end + 1], False)
        if key not in self._entries and len(self._entries) >= self._size:
            self._entries.pop(next(iter(self._entries)))
        self._entries[key] = (error.message, error.offset)

    def __len__(self) -> int:
        return len(self._entries)


def _parse(text: str, max_depth: int) -> Parsed:
    end_marker = _DOCUMENT_END.search(text)
    if end_marker is not None:
        # Bun starts a second document after "..."; PyYAML wants "---" there and raises.
        # Either way the result is not one mapping, which is all that matters downstream.
        first = _parse(text[: end_marker.start()], max_depth)
        first.documents.append(None)
        return first
    prepared = normalise_tabs(text) + "\n"
    try:
        return _compose(prepared, len(text), max_depth)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        if (exc.context_mark is not None and mark is not None and mark.index >= len(text)
                and exc.context == "while scanning a quoted scalar"):
            # "found unexpected end of stream" at the end of the block says nothing about
            # where the trouble is: the unterminated quote is.
            mark = exc.context_mark
            problem = f"{problem} {exc.context}"
        offset = min(mark.index, len(text)) if mark is not None else None
        read_to = exc.problem_mark.index if exc.problem_mark is not None else None
        raise YamlError(problem, offset, read_to) from None
    except yaml.YAMLError as exc:
        raise YamlError(str(exc).splitlines()[0] if str(exc) else "invalid YAML", None) from None
    except (RecursionError, MemoryError):
        raise YamlError("the YAML is nested too deeply to analyse", None) from None
    except (UnicodeError, ValueError) as exc:
        raise YamlError(f"unreadable characters: {exc}", None) from None


def _compose(text: str, limit: int, max_depth: int) -> Parsed:
    documents: list[AnyNode | None] = []
    markers: list[Marker] = []
    anchors: dict[str, AnyNode] = {}
    stack: list[Sequence | Mapping] = []
    pending_key: list[AnyNode | None] = []
    root: list[AnyNode | None] = [None]

    def attach(node: AnyNode) -> None:
        if not stack:
            root[0] = node
            return
        parent = stack[-1]
        if isinstance(parent, Sequence):
            parent.items.append(node)
        elif pending_key[-1] is None:
            pending_key[-1] = node
        else:
            key = pending_key[-1]
            assert key is not None
            parent.pairs.append((key, node))
            pending_key[-1] = None

    def remember(node: AnyNode, event: Any) -> None:
        anchor = getattr(event, "anchor", None)
        if anchor:
            node.anchor = anchor
            anchors[anchor] = node
            markers.append(Marker("anchor", anchor, node.start, node.start + len(anchor) + 1))
        tag = getattr(event, "tag", None)
        if tag and tag != "!" and not (isinstance(event, yaml.ScalarEvent) and event.implicit[0]):
            markers.append(Marker("tag", tag, node.start, node.start))

    parser = _Parser(text)
    get_event = parser.get_event
    try:
        while True:
            event = get_event()
            kind = type(event)
            if event is None or kind is yaml.StreamEndEvent:
                break
            start = min(event.start_mark.index, limit)
            end = min(event.end_mark.index, limit)
            if kind is yaml.ScalarEvent:  # the common case first, by exact type
                node: AnyNode = Scalar(start, end, raw=event.value, style=event.style or None)
                node.tag = event.tag
                node.value = _scalar_value(event)
                if event.anchor or event.tag:
                    remember(node, event)
                attach(node)
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                if len(stack) >= max_depth:
                    raise YamlError(f"the YAML is nested more than {max_depth} levels deep", start)
                collection: Sequence | Mapping
                if kind is yaml.SequenceStartEvent:
                    collection = Sequence(start, end, flow=bool(event.flow_style))
                else:
                    collection = Mapping(start, end, flow=bool(event.flow_style))
                remember(collection, event)
                stack.append(collection)
                pending_key.append(None)
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                done = stack.pop()
                pending_key.pop()
                done.end = max(done.start, end)
                if isinstance(done, Sequence):
                    done.value = [item.value for item in done.items]
                else:
                    done.value = _mapping_value(done)
                attach(done)
            elif kind is yaml.AliasEvent:
                name = event.anchor or ""
                target = anchors.get(name)
                if target is None:
                    raise YamlError(f"unknown alias '*{name}'", start)
                alias = Alias(start, end, value=target.value, name=name, target=target)
                markers.append(Marker("alias", name, start, end))
                attach(alias)
            elif kind is yaml.DocumentStartEvent:
                root[0] = None
            elif kind is yaml.DocumentEndEvent:
                documents.append(root[0])
    finally:
        dispose: Callable[[], None] | None = getattr(parser, "dispose", None)
        if dispose is not None:
            dispose()
    return Parsed(documents, markers)


def _scalar_value(event: yaml.ScalarEvent) -> Any:
    text: str = event.value
    if event.style:  # quoted or block: always a string, whatever the tag
        return text
    tag = event.tag
    if event.implicit[0] or tag is None or tag == "!":
        return resolve_plain(text)
    if tag == STR:
        return text
    if tag.startswith(_STANDARD):
        return resolve_plain(text)
    return text  # custom tags are dropped; the scalar stays a string


def _mapping_value(node: Mapping) -> dict[Any, Any]:
    out: dict[Any, Any] = {}
    for key, value in node.pairs:
        k = key.value
        try:
            hash(k)
        except TypeError:
            k = repr(k)
        out[k] = value.value  # later duplicates overwrite: last wins
    return out
