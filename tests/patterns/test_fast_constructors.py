"""The index's fast constructors build the same objects as the dataclasses' ``__init__``."""

from __future__ import annotations

import pickle

from agentls.patterns.facts import Call, FunctionFacts, Param, make_call, make_param, new_function_facts
from agentls.patterns.model import Range, make_range


def test_new_function_facts_matches_the_dataclass() -> None:
    r = Range(1, 2, 3, 4)
    args = ("f", "m.f", r, r, "method", [Param("x", None, False)], "int", ["staticmethod"], False, "real", 2)
    fast = new_function_facts(*args)
    slow = FunctionFacts(*args)
    assert fast == slow
    assert list(fast.__dict__) == list(slow.__dict__)
    assert all(type(fast.__dict__[k]) is type(v) for k, v in slow.__dict__.items())


def test_frozen_makers_match_and_round_trip() -> None:
    assert make_range(1, 2, 3, 4) == Range(1, 2, 3, 4)
    assert make_param("x", "int", True) == Param("x", "int", True)
    c = make_call("self.a.b", 3, ("const",), "self.a", "b")
    assert c == Call("self.a.b", 3, ("const",), "self.a", "b")
    back = pickle.loads(pickle.dumps(c))
    assert back == c and (back.receiver, back.method) == ("self.a", "b")


def test_function_facts_pickle_round_trip() -> None:
    r = Range(0, 0, 1, 0)
    f = new_function_facts("g", "g", r, r, "function", [], None, [], False, "real", 1)
    f.calls.append(make_call("h", 0, (), "", "h"))
    f.self_reads.add("x")
    back = pickle.loads(pickle.dumps(f))
    assert back == f
    assert back.loops == [] and back.loops is not f.loops
    back.loops.append(None)  # type: ignore[arg-type]
    assert pickle.loads(pickle.dumps(f)).loops == []
