"""Library shapes that look like Strategy, Command, Bridge or Facade and are not
(tests/fixtures/patterns/library_shapes, checked against their labels by
test_patterns_engine), each beside the one structural change that makes it the pattern: the
detectors decide by that structure, not by blanket exclusions."""

from __future__ import annotations

from pathlib import Path

from agentls.patterns.evaluate import analyse_files

SHAPES = Path(__file__).resolve().parents[1] / "fixtures" / "patterns" / "library_shapes"


def _found(tmp_path: Path, name: str, edits: list[tuple[str, str]]) -> set[tuple[str, str, str]]:
    """The detections (>= 0.5) of the fixture ``name`` with ``edits`` applied."""
    text = (SHAPES / name).read_text("utf-8")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new)
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return {(d.symbol, d.pattern, d.role) for d in analyse_files([path], False)[str(path)] if d.confidence >= 0.5}


def test_a_service_with_a_lifecycle_is_no_command_but_a_bare_close_request_is(tmp_path: Path) -> None:
    assert not {f for f in _found(tmp_path, "resolvers.py", []) if f[1] == "command"}
    # Without the answering `resolve`, `close()` is the whole request and the connector runs it.
    abstract = (
        '    @abstractmethod\n    def resolve(self, host, port):\n        """Return addresses for the host."""\n\n'
    )
    connect = (
        "    def connect(self, host, port):\n        return [a for a in self._resolver.resolve(host, port) if a]\n\n"
    )
    edits = [
        (abstract, ""),
        ("    def resolve(self, host, port):\n        return self._loop.getaddrinfo(host, port)\n\n", ""),
        ("    def resolve(self, host, port):\n        return self._channel.query(host, port)\n\n", ""),
        (connect, ""),
    ]
    assert ("Connector", "command", "invoker") in _found(tmp_path, "resolvers.py", edits)


def test_a_holder_making_one_concrete_class_is_no_strategy_context_but_one_given_it_is(tmp_path: Path) -> None:
    assert _found(tmp_path, "reader.py", []) == set()
    edits = [
        (
            "    def __init__(self):\n        self._inflater: ZlibDecompressor | None = None",
            "    def __init__(self, inflater: Decompressor):\n        self._inflater = inflater",
        ),
    ]
    assert ("FrameReader", "strategy", "context") in _found(tmp_path, "reader.py", edits)


def test_a_few_calls_into_a_wide_interface_are_no_strategy_but_using_most_of_it_is(tmp_path: Path) -> None:
    assert _found(tmp_path, "protocol.py", []) == set()
    edits = [
        (
            "    def pause(self):\n        self._parser.pause_reading()",
            "    def pause(self):\n        self._parser.pause_reading()\n        self._parser.feed_eof()\n"
            "        self._parser.resume_reading()\n        return self._parser.feed_data(b'')",
        ),
    ]
    assert ("Protocol", "strategy", "context") in _found(tmp_path, "protocol.py", edits)


def test_a_test_case_keeping_the_app_is_no_bridge_but_a_client_hierarchy_is(tmp_path: Path) -> None:
    assert _found(tmp_path, "test_app.py", []) == set()
    edits = [
        ("class WebTestCase(unittest.TestCase):", "class WebClient:"),
        (
            "class CookieTest(WebTestCase):\n    def test_cookie(self):\n        self.assertEqual(",
            "class CookieClient(WebClient):\n    def cookie(self):\n        return (",
        ),
        (
            "class ReverseTest(WebTestCase):\n    def test_reverse(self):\n        self.assertEqual(",
            "class ReverseClient(WebClient):\n    def reverse(self):\n        return (",
        ),
    ]
    found = _found(tmp_path, "test_app.py", edits)
    assert {("WebClient", "bridge", "abstraction"), ("CookieClient", "bridge", "refined_abstraction")} <= found


def test_a_subclass_refining_nothing_over_the_implementor_makes_no_bridge(tmp_path: Path) -> None:
    assert not {f for f in _found(tmp_path, "match_info.py", []) if f[1] == "bridge"}
    # A subclass that works through the route is a refined abstraction.
    edits = [("        return self._error\n", "        return self._route.url_for(error=self._error)\n")]
    assert ("MatchInfoError", "bridge", "refined_abstraction") in _found(tmp_path, "match_info.py", edits)


def test_values_built_in_a_method_are_no_facade_subsystems_but_objects_driven_are(tmp_path: Path) -> None:
    assert _found(tmp_path, "values.py", []) == set()
    # `Table.grid()` and `Text.assemble()` that make no new object of their class are operations
    # on a subsystem: `grid` then coordinates two parts.
    edits = [
        ('        return cls("".join(str(p) for p in parts))', "        cls.parts = parts"),
        ("        return cls()", "        cls.count = 0"),
    ]
    assert ("Spinner", "facade", "facade") in _found(tmp_path, "values.py", edits)


def test_a_callback_into_a_stateful_object_is_no_mediator_but_two_colleague_kinds_make_one(tmp_path: Path) -> None:
    assert _found(tmp_path, "callbacks.py", []) == set()
    # A second kind reporting itself to the same object makes it the hub between them.
    edits = [
        (
            "class Cookies:",
            'class Request:\n    def __init__(self, url, cookies: "Cookies"):\n        self.url = url\n'
            "        self.headers = {}\n        self.status = 0\n        self._cookies = cookies\n\n"
            "    def send(self):\n        self._cookies.extract_cookies(self)\n        return self.url\n\n\n"
            "class Cookies:",
        ),
        ("response: Response) -> None:", "response: Response | Request) -> None:"),
    ]
    found = _found(tmp_path, "callbacks.py", edits)
    assert {("Cookies", "mediator", "mediator"), ("Request", "mediator", "colleague")} <= found


def test_an_error_keeping_what_failed_is_no_bridge_but_a_formatter_hierarchy_is(tmp_path: Path) -> None:
    assert _found(tmp_path, "errors.py", []) == set()
    edits = [
        ("BadParameter", "ParameterHelp"),
        ("class ParameterHelp(Exception):", "class ParameterHelp:"),
        ("super().__init__(message)", "self.message = message"),
    ]
    found = _found(tmp_path, "errors.py", edits)
    assert {("ParameterHelp", "bridge", "abstraction"), ("MissingParameter", "bridge", "refined_abstraction")} <= found


def test_pizzas_asking_a_factory_for_ingredients_are_no_bridge_but_pizzas_over_a_cooking_method_are(
    tmp_path: Path,
) -> None:
    assert not {f for f in _found(tmp_path, "pizza.py", []) if f[1] in ("bridge", "strategy")}
    # Ingredient makers that compute a description instead of making products are implementors.
    edits = [
        ("        return ThinCrustDough()", '        return "thin"'),
        ("        return MarinaraSauce()", '        return "marinara"'),
        ("        return ThickCrustDough()", '        return "thick"'),
        ("        return PlumTomatoSauce()", '        return "plum"'),
    ]
    found = _found(tmp_path, "pizza.py", edits)
    assert {("Pizza", "bridge", "abstraction"), ("CheesePizza", "bridge", "refined_abstraction")} <= found


def test_executors_each_client_names_are_no_bridge_but_executors_over_any_client_are(tmp_path: Path) -> None:
    assert _found(tmp_path, "backends.py", []) == set()
    edits = [
        ("    executor_class = BaseExecutor\n\n", ""),
        ("    executor_class = SqliteExecutor\n\n", ""),
        ("    executor_class = PostgresExecutor\n\n", ""),
        ("        return self.executor_class(self)", "        return None"),
    ]
    found = _found(tmp_path, "backends.py", edits)
    assert {("BaseExecutor", "bridge", "abstraction"), ("SqliteExecutor", "bridge", "refined_abstraction")} <= found


def test_a_test_case_driving_what_it_tests_is_no_facade_but_a_car_is(tmp_path: Path) -> None:
    assert _found(tmp_path, "test_drives.py", []) == set()
    edits = [("class CarCheck(unittest.TestCase):", "class Car:"), ("        super().__init__(name)\n", "")]
    assert ("Car", "facade", "facade") in _found(tmp_path, "test_drives.py", edits)


def test_an_adapter_over_several_adaptees_is_no_strategy_context_but_a_class_serving_no_interface_is(
    tmp_path: Path,
) -> None:
    assert not {f for f in _found(tmp_path, "sms_notifier.py", []) if f[1] == "strategy"}
    # A class serving no interface of its own is just configured with a gateway.
    edits = [("class SmsNotifier(Notifier):", "class SmsKeeper:")]
    assert ("SmsKeeper", "strategy", "context") in _found(tmp_path, "sms_notifier.py", edits)


def test_a_formatter_picked_by_a_client_from_a_table_is_no_state_but_one_switched_by_the_machine_is(
    tmp_path: Path,
) -> None:
    assert not {f for f in _found(tmp_path, "formats.py", []) if f[1] == "state"}
    edits = [
        (
            "        print(self.formatter.format(record))",
            '        print(self.formatter.format(record))\n        self.set_format("text" if record else "json")',
        )
    ]
    assert ("Handler", "state", "context") in _found(tmp_path, "formats.py", edits)


def test_a_statement_wrapped_step_by_step_is_no_state_but_one_replaced_by_a_sibling_is(tmp_path: Path) -> None:
    assert not {f for f in _found(tmp_path, "exprs.py", []) if f[1] in ("state", "strategy")}
    # A step answering a new sibling that does not wrap the current one is the next state.
    edits = [("        return Subquery(self)", "        return Subquery(Select(self.table))")]
    assert ("Query", "state", "context") in _found(tmp_path, "exprs.py", edits)


def test_a_port_given_at_construction_is_no_command_but_one_handed_over_later_is(tmp_path: Path) -> None:
    assert not {f for f in _found(tmp_path, "ports.py", []) if f[1] == "command"}
    edits = [
        (
            "        self._flusher = flusher\n",
            "        self._flusher = None\n\n    def use(self, flusher):\n        self._flusher = flusher\n",
        )
    ]
    assert ("ActivateUser", "command", "invoker") in _found(tmp_path, "ports.py", edits)


def test_a_transaction_handed_to_the_caller_is_no_state_but_one_switched_inside_is(tmp_path: Path) -> None:
    assert _found(tmp_path, "txn.py", []) == set()
    # Switched by the connection's own operations and kept to itself: the context's state.
    edits = [("        return self._transaction\n", "")]
    assert ("Connection", "state", "context") in _found(tmp_path, "txn.py", edits)


def test_an_empty_answer_its_siblings_tell_from_none_is_no_null_object_but_a_do_nothing_is(tmp_path: Path) -> None:
    assert _found(tmp_path, "matchers.py", []) == set()
    edits = [("            return None\n", "            return found\n")]
    assert ("AnyMatches", "null_object", "null_object") in _found(tmp_path, "matchers.py", edits)
