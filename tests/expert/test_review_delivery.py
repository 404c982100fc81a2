"""``agentls review`` as a user meets it (a subprocess, the fake API over real HTTP): which
expert runs where, flags in messages, --remote, 429 waits, prompt caching across a package,
and --verify running the project's tests with each edit alone."""

from __future__ import annotations

import json
import shutil
import sys
import time
from pathlib import Path

from tests.expert.fake_anthropic import FakeAnthropic
from tests.expert.test_review_cli import MODULE, agentls

from agentls.expert import experts
from agentls.expert.answer import CONTRACT

PROJECT = Path(__file__).parent / "verify_project"


def workspace(tmp_path: Path) -> Path:
    (tmp_path / "ws" / "pkg").mkdir(parents=True)
    (tmp_path / "ws" / "pkg" / "calc.py").write_text(MODULE)
    return tmp_path


def test_first_line_says_which_expert_and_where_and_text_ends_with_usage(fake: FakeAnthropic, tmp_path: Path) -> None:
    r = agentls(workspace(tmp_path), "pkg/calc.py", fake=fake)
    assert r.returncode == 0, r.stderr
    first, second = r.stderr.splitlines()[:2]
    assert first == f"python-architect (bundled) on claude-sonnet-5-5 via {fake.url}"
    assert second.startswith("~") and "in the cacheable prefix, minimum 1,024" in second and "estimated $" in second
    last = r.stdout.rstrip().splitlines()[-1]
    assert "read from the prompt cache" in last and "about $" in last
    assert "edit verified: parses, names resolve (--format diff)" in r.stdout
    local = agentls(tmp_path, "pkg/calc.py", fake=fake, key=False)
    assert local.stderr.splitlines()[0] == ("python-architect: local expert on this machine, no API call "
                                           "(no Anthropic API key (ANTHROPIC_API_KEY))")


def test_remote_without_a_key_is_an_error(fake: FakeAnthropic, tmp_path: Path) -> None:
    r = agentls(workspace(tmp_path), "pkg/calc.py", "--remote", fake=fake, key=False)
    assert r.returncode == 2 and "--remote: no Anthropic API key" in r.stderr and r.stdout == ""
    assert fake.requests == []
    both = agentls(tmp_path, "pkg/calc.py", "--remote", "--local", fake=fake)
    assert both.returncode == 2 and "not allowed with argument" in both.stderr


def test_messages_name_cli_flags_not_editor_settings(fake: FakeAnthropic, tmp_path: Path) -> None:
    workspace(tmp_path)
    fake.mode, fake.slow_seconds = "slow", 3.0
    slow = agentls(tmp_path, "pkg/calc.py", "--timeout", "0.5", "--max-retries", "0", fake=fake)
    assert slow.returncode == 1 and "raise --timeout" in slow.stderr and "expert." not in slow.stderr
    fake.mode = "401"
    denied = agentls(tmp_path, "pkg/calc.py", "--max-retries", "0", fake=fake)
    assert "ANTHROPIC_API_KEY" in denied.stderr and "(--local)" in denied.stderr
    assert "expert." not in denied.stderr


def test_429_waits_as_long_as_retry_after_says(fake: FakeAnthropic, tmp_path: Path) -> None:
    workspace(tmp_path)
    fake.fail_next, fake.retry_after = 1, "2"
    started = time.monotonic()
    r = agentls(tmp_path, "pkg/calc.py", "--max-retries", "0", fake=fake)
    assert r.returncode == 0, r.stderr
    assert "rate limited (429): waiting 2 s, as the API asks (retry-after)" in r.stderr
    assert time.monotonic() - started >= 2 and len(fake.messages()) == 2


def package(tmp_path: Path) -> Path:
    ws = tmp_path / "ws"
    shop = ws / "shop"
    shop.mkdir(parents=True)
    (shop / "__init__.py").write_text("")
    models = ["from dataclasses import dataclass\n"]
    for name in ("Customer", "Order", "Invoice", "Payment", "Shipment", "Refund"):
        models.append(f"\n\n@dataclass\nclass {name}:\n    id: int\n    note: str\n\n"
                      f"    def describe(self, verbose: bool = False) -> str:\n        return self.note\n\n"
                      f"    def merge(self, other: '{name}', keep_note: bool = True) -> '{name}':\n"
                      f"        return self\n")
    (shop / "models.py").write_text("".join(models))
    imports = "from shop.models import Customer, Invoice, Order, Payment\n\n\n"
    (shop / "orders.py").write_text(imports + "def place(order: Order, customer: Customer) -> Invoice:\n"
                                    "    return Invoice(order.id, customer.note)\n")
    (shop / "billing.py").write_text(imports + "def pay(invoice: Invoice) -> Payment:\n"
                                     "    return Payment(invoice.id, invoice.note)\n")
    agents = ws / ".claude" / "agents"
    agents.mkdir(parents=True)
    body = next(e for e in experts.bundled() if e.name == "python-architect").system_prompt
    (agents / "architect.md").write_text("---\nname: architect\ndescription: The seed architect on Opus.\n"
                                         f"model: opus\n---\n{body}\n")
    return tmp_path


def test_opus_agent_sends_opus_5_5_the_contract_a_cached_prefix_and_reads_it_for_the_next_module(
        fake: FakeAnthropic, tmp_path: Path) -> None:
    package(tmp_path)
    first = agentls(tmp_path, "shop/orders.py", "--expert", "architect", fake=fake)
    assert first.returncode == 0, first.stderr
    assert "minimum 512" in first.stderr
    body = fake.messages()[0].body
    assert body["model"] == "claude-opus-5-5" and body["max_tokens"] == 16_384
    assert CONTRACT in body["tools"][0]["description"]
    assert [b["text"] for b in body["system"][1:2]] == [CONTRACT]
    assert body["system"][2]["text"].startswith("## Project context: signatures of the workspace modules")
    assert "class Refund:" in body["system"][2]["text"]
    assert all(b.get("cache_control") == {"type": "ephemeral"} for b in body["system"][1:])
    prefix = len(json.dumps([body["tools"], body["system"]])) // 4
    assert prefix > 512  # the fake's count, as the API would see it: above Opus's minimum
    assert "0 read from the prompt cache" in first.stdout
    second = agentls(tmp_path, "shop/billing.py", "--expert", "architect", fake=fake)
    assert second.returncode == 0, second.stderr
    usage = second.stdout.rstrip().splitlines()[-1]
    read = int(usage.split("(")[1].split(" read")[0].replace(",", ""))
    assert read >= prefix - 5 and "about $" in usage
    assert fake.messages()[1].body["system"] == body["system"]  # the same prefix, byte for byte


def test_verify_runs_the_tests_with_each_edit_alone(fake: FakeAnthropic, tmp_path: Path) -> None:
    shutil.copytree(PROJECT, tmp_path / "ws")
    ops = tmp_path / "ws" / "calc" / "ops.py"
    before = ops.read_text()
    fake.tool_input = {"summary": "Small module.", "suggestions": [
        {"title": "Subtract instead", "rationale": "Breaks add on purpose.", "severity": "info",
         "start_line": 4, "end_line": 5, "original": "def add(a, b):\n    return a + b\n",
         "replacement": "def add(a, b):\n    return a - b\n"},
        {"title": "Use a comprehension", "rationale": "Shorter and clearer.", "severity": "hint",
         "start_line": 8, "end_line": 12,
         "original": "def scale(values, factor):\n    result = []\n    for value in values:\n"
                     "        result.append(value * factor)\n    return result\n",
         "replacement": "def scale(values, factor):\n    return [value * factor for value in values]\n"}]}
    cmd = f"{sys.executable} -m pytest -q -p no:cacheprovider"
    r = agentls(tmp_path, "calc/ops.py", "--verify", cmd, "--format", "json", fake=fake)
    assert r.returncode == 0, r.stderr
    assert "verify: unchanged code: passed" in r.stderr
    assert "verify: #1 Subtract instead: failed" in r.stderr and "assert -1 == 5" in r.stderr
    assert "verify: #2 Use a comprehension: passed" in r.stderr
    data = json.loads(r.stdout)
    assert [s["tests"] for s in data["suggestions"]] == ["failed", "passed"]
    assert ops.read_text() == before  # the user's files are never touched
    review = Path(r.stderr.split("review written to ")[1].strip()).read_text()
    assert "tests with this edit alone: failed" in review and "tests with this edit alone: passed" in review


def test_verify_reports_a_timeout(fake: FakeAnthropic, tmp_path: Path) -> None:
    shutil.copytree(PROJECT, tmp_path / "ws")
    fake.tool_input = {"summary": "s", "suggestions": [
        {"title": "Loop forever", "rationale": "r", "severity": "info", "start_line": 4, "end_line": 5,
         "original": "def add(a, b):\n    return a + b\n",
         "replacement": "def add(a, b):\n    while True:\n        pass\n"}]}
    cmd = f"{sys.executable} -m pytest -q -p no:cacheprovider"
    r = agentls(tmp_path, "calc/ops.py", "--verify", cmd, "--verify-timeout", "4", fake=fake)
    assert r.returncode == 0, r.stderr
    assert "verify: #1 Loop forever: timed out" in r.stderr and "tests with this edit alone: timed out" in r.stdout
