"""The class of an untyped object a wrapper is handed is known from what the program hands its
constructor, also through a local of a main guard or of a plain function (`adaptee =
Adaptee()`, then `Adapter(adaptee)`). Through `agentls patterns` run as a subprocess: an
adapter made so is reported with its adaptee. The near misses, each with the same wiring: an
observer handing itself to the subject it keeps (`subject.attach(self)`) talks both ways; a
client calling on its object a method its base declares abstract uses it through that
interface (a strategy's context); a request taking nothing, passing nothing on and answering
nothing, kept by an invoker that is handed it later, is a command; the same request with no
invoker stays an adapter (the texts of test_adapter_talking_back, wired through locals); and a
test case's locals wire doubles, not the program."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.test_adapter_talking_back import CLIENT, COMMAND, INVOKER, OBSERVER, _adapter

ADAPTER = """\
class Target:
    def rights(self):
        return ""


class Adaptee:
    def specific_rights(self):
        return "a"


class Adapter(Target):
    def __init__(self, adaptee):
        self.adaptee = adaptee

    def rights(self):
        if self.adaptee.specific_rights() == "a":
            return "admin"
        return "user"


def main():
    adaptee = Adaptee()
    print(Adapter(adaptee).rights())


if __name__ == "__main__":
    legacy = Adaptee()
    adapter = Adapter(legacy)
"""


def _through_locals(text: str, direct: str, *lines: str) -> str:
    """``text`` with its wiring ``direct`` (objects handed straight to constructors) written
    instead as ``lines``, the locals of a main guard."""
    assert direct in text
    return text.replace(direct, 'if __name__ == "__main__":\n' + "".join(f"    {line}\n" for line in lines))


def test_an_adaptee_handed_over_in_a_local_is_known(tmp_path: Path) -> None:
    found = _adapter(tmp_path, ADAPTER)
    assert found.get("Adapter") == "adapter"
    assert found.get("Adaptee") == "adaptee"
    assert found.get("Target") == "target"


def test_the_same_wiring_in_a_test_case_says_nothing(tmp_path: Path) -> None:
    wired = ADAPTER.split("def main():")[0] + (
        "import unittest\n\n\nclass AdapterTest(unittest.TestCase):\n"
        "    def test_rights(self):\n        adaptee = Adaptee()\n"
        "        self.assertEqual(Adapter(adaptee).rights(), 'admin')\n"
    )
    assert "Adapter" not in _adapter(tmp_path, wired)


def test_an_observer_handing_itself_to_its_subject_is_no_adapter(tmp_path: Path) -> None:
    observer = OBSERVER.replace("ATTACH", "        subject.attach(self)\n")
    direct = "display = Display(Subject())\n"
    wired = _through_locals(observer, direct, "subject = Subject()", "display = Display(subject)")
    assert "Display" not in _adapter(tmp_path, wired)


def test_a_client_calling_its_objects_interface_is_no_adapter(tmp_path: Path) -> None:
    client = CLIENT.replace("BASE", "Cipher")
    wired = _through_locals(client, "client = Client(Aes())\n", "cipher = Aes()", "client = Client(cipher)")
    assert "Client" not in _adapter(tmp_path, wired)


def test_a_bare_request_an_invoker_runs_is_a_command(tmp_path: Path) -> None:
    invoked = _through_locals(
        COMMAND.replace("INVOKER", INVOKER),
        "invoker = Invoker()\ninvoker.command(Concrete(Receiver()))\n",
        "receiver = Receiver()",
        "cmd = Concrete(receiver)",
        "invoker = Invoker()",
        "invoker.command(cmd)",
    )
    assert "Concrete" not in _adapter(tmp_path, invoked)


def test_the_same_request_with_no_invoker_stays_an_adapter(tmp_path: Path) -> None:
    direct = "cmd = Concrete(Receiver())\n"
    text = COMMAND.replace("INVOKER", "\n\n" + direct)
    found = _adapter(tmp_path, _through_locals(text, direct, "receiver = Receiver()", "cmd = Concrete(receiver)"))
    assert found.get("Concrete") == "adapter"
    assert found.get("Receiver") == "adaptee"
