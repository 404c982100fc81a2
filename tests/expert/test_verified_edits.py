"""Every edit is checked before it is offered: the cases of issue 11, each over real HTTP
against the fake Messages API (the SDK's base_url), through ``service.ask``."""

from __future__ import annotations

import ast
import asyncio
import json
import stat
from pathlib import Path
from typing import Any

from tests.expert.fake_anthropic import FakeAnthropic

from agentls.expert import cache, edits, experts, prompts, review, service
from agentls.expert.answer import apply_all

MODULE = '''import os


class Repo:
    def __init__(self, url):
        self.url = url

    def load(self, key):
        return os.environ.get(key)

    def save(self, key, value):
        print(key, value)


DATABASE_URL = "postgres://admin:hunter2secret@db/prod"
PRIVATE = """-----BEGIN RSA PRIVATE KEY-----
MIIEpAIBAAKCAQEAsecretsecretsecret
-----END RSA PRIVATE KEY-----"""
'''
LOAD = "    def load(self, key):\n        return os.environ.get(key)\n"  # lines 8-9
SAVE = "    def save(self, key, value):\n        print(key, value)\n"  # lines 11-12


def item(title: str, start: int, end: int, original: str | None, replacement: str | None,
         severity: str = "info") -> dict[str, Any]:
    out: dict[str, Any] = {"title": title, "rationale": f"because {title}", "severity": severity,
                           "start_line": start, "end_line": end}
    if original is not None:
        out["original"] = original
    if replacement is not None:
        out["replacement"] = replacement
    return out


def ask(fake: FakeAnthropic, tmp_path: Path, suggestions: list[dict[str, Any]],
        selection: tuple[int, int] | None = None, mode: str = "tool", use_cache: bool = True) -> service.Outcome:
    fake.mode = mode
    fake.tool_input = {"summary": "s", "suggestions": suggestions}
    path = tmp_path / "repo.py"
    path.write_text(MODULE)
    expert = experts.choose(experts.discover(None, include_user=False), None)
    assert expert is not None
    req = prompts.build(expert, "claude-sonnet-5-5", MODULE, str(path), tmp_path, selection)
    s = service.ExpertSettings(api_key="k", base_url=fake.url, max_retries=0, timeout=5.0)
    return asyncio.run(service.ask(req, s, use_cache=use_cache))


def test_a_good_edit_is_offered_and_says_it_was_verified(fake: FakeAnthropic, tmp_path: Path) -> None:
    good = "    def load(self, key, default=None):\n        return os.environ.get(key, default)\n"
    (s,) = ask(fake, tmp_path, [item("Default", 8, 9, LOAD, good)]).answer.suggestions
    assert s.replacement == good and s.verified == edits.VERIFIED and s.note is None


def test_unclosed_paren_is_withheld_and_the_advice_stays(fake: FakeAnthropic, tmp_path: Path) -> None:
    broken = "    def load(self, key):\n        return os.environ.get(key\n"
    out = ask(fake, tmp_path, [item("Broken", 8, 9, LOAD, broken)])
    (s,) = out.answer.suggestions
    assert s.replacement is None and s.verified is None and s.rationale == "because Broken"
    assert "would not parse" in (s.note or "")
    assert review.diff(out.answer, out.request) == ""  # nothing to apply


def test_lines_seven_off_are_reanchored_to_where_the_quoted_text_is(fake: FakeAnthropic, tmp_path: Path) -> None:
    new = "    def save(self, key, value):\n        print(f'{key}={value}')\n"
    out = ask(fake, tmp_path, [item("Format", 11 - 7, 12 - 7, SAVE, new)])
    (s,) = out.answer.suggestions
    assert (s.start_line, s.end_line) == (11, 12) and s.verified == edits.VERIFIED
    assert "moved from lines 4-5" in (s.note or "")
    after, taken = apply_all(MODULE, out.answer.suggestions)
    assert taken == [s] and after == MODULE.replace(SAVE, new)  # no neighbour deleted or duplicated


def test_quoted_text_that_is_nowhere_near_is_withheld(fake: FakeAnthropic, tmp_path: Path) -> None:
    ghost = "    def delete(self, key):\n        pass\n"
    (s,) = ask(fake, tmp_path, [item("Ghost", 8, 9, ghost, ghost)]).answer.suggestions
    assert s.replacement is None and "are not at lines 8-9" in (s.note or "")
    (t,) = ask(fake, tmp_path, [item("Unquoted", 8, 9, None, LOAD)], use_cache=False).answer.suggestions
    assert t.replacement is None and "did not quote the lines" in (t.note or "")


def test_overlapping_pair_are_alternatives_left_out_of_apply_all(fake: FakeAnthropic, tmp_path: Path) -> None:
    one = "    def load(self, key):\n        return os.getenv(key)\n"
    body = "        return os.environ.get(key)\n"
    two = "        value = os.environ.get(key)\n        return value\n"
    out = ask(fake, tmp_path, [item("Getenv", 8, 9, LOAD, one), item("Name it", 9, 9, body, two)])
    a, b = out.answer.suggestions
    assert a.verified and b.verified and a.group == b.group != 0
    assert apply_all(MODULE, out.answer.suggestions) == (MODULE, [])
    text = review.text(out.answer, out.request)
    assert text.count("alternatives, apply one (not in --format diff)") == 2 and "“Name it” (line 9)" in text


def test_rewriting_a_masked_line_is_withheld(fake: FakeAnthropic, tmp_path: Path) -> None:
    seen = 'DATABASE_URL = "postgres://admin:***MASKED***@db/prod"\n'
    out = ask(fake, tmp_path, [item("From env", 15, 15, seen, 'DATABASE_URL = os.environ["DATABASE_URL"]\n')])
    (s,) = out.answer.suggestions
    assert s.replacement is None and "masked secret" in (s.note or "")
    key_block = ask(fake, tmp_path, [item("Key", 16, 18, "PRIVATE = \"\"\"***MASKED***\n\n\"\"\"\n", "PRIVATE = ''\n")])
    assert key_block.answer.suggestions[0].replacement is None


def test_suggestion_outside_the_selection_is_withheld(fake: FakeAnthropic, tmp_path: Path) -> None:
    new = "import os\nimport sys\n"
    out = ask(fake, tmp_path, [item("Import sys", 1, 1, "import os\n", new)], selection=(8, 12))
    (s,) = out.answer.suggestions
    assert s.replacement is None and "outside the selected lines 8-12" in (s.note or "")


def test_undefined_and_removed_names_are_withheld(fake: FakeAnthropic, tmp_path: Path) -> None:
    undefined = "    def load(self, key):\n        return json.loads(os.environ.get(key))\n"
    renamed = "class Repository:\n"
    out = ask(fake, tmp_path, [item("Json", 8, 9, LOAD, undefined), item("Rename", 4, 4, "class Repo:\n", renamed)])
    a, b = out.answer.suggestions
    assert a.replacement is None and "defined nowhere: json" in (a.note or "")
    assert b.replacement is None and "removes top-level names other modules may import: Repo" in (b.note or "")


def test_ruff_f821_agrees_when_installed() -> None:
    found = edits.ruff_undefined("def f():\n    return json\n")
    assert found is None or found == {"json"}


def test_truncated_stream_keeps_what_is_complete_and_is_not_cached(fake: FakeAnthropic, tmp_path: Path) -> None:
    good = "    def load(self, key, default=None):\n        return os.environ.get(key, default)\n"
    cut = "    def save(self, key, value):\n        print(key, value, sep='=')\n"
    out = ask(fake, tmp_path, [item("Default", 8, 9, LOAD, good), item("Sep", 11, 12, SAVE, cut)], mode="truncated")
    assert out.answer.truncated and [s.title for s in out.answer.suggestions] == ["Default"]
    assert out.answer.suggestions[0].verified and "cut off at max_tokens" in out.answer.dropped[0]
    assert "raise expert.maxTokens" in out.answer.dropped[0]
    assert fake.messages()[-1].body["max_tokens"] == 16_384  # the Sonnet family's default
    assert cache.get(service.cache_key(out.request)) is None
    again = ask(fake, tmp_path, [item("Default", 8, 9, LOAD, good)])
    assert not again.cached and len(fake.messages()) == 2


def test_unknown_severity_drops_that_suggestion_alone(fake: FakeAnthropic, tmp_path: Path) -> None:
    out = ask(fake, tmp_path, [item("Odd", 8, 9, None, None, severity="catastrophic"),
                               item("Fine", 11, 12, None, None, severity="hint")])
    assert [s.title for s in out.answer.suggestions] == ["Fine"]
    (note,) = out.answer.dropped
    assert "“Odd”" in note and "'catastrophic'" in note and "dropped" in note


def test_cache_holds_masked_text_only_in_private_files(fake: FakeAnthropic, tmp_path: Path) -> None:
    url = 'DATABASE_URL = "postgres://admin:***MASKED***@db/prod"\n'
    out = ask(fake, tmp_path, [item("About the URL", 15, 18, url, None), item("Load", 8, 9, LOAD, LOAD)])
    written = review.write(out.answer, out.request)
    root = tmp_path / "cache" / "agentls"
    files = [p for p in root.rglob("*") if p.is_file()]
    assert {p.parent.name for p in files} == {"answers", "reviews"} and written in files
    for p in files:
        text = p.read_text()
        assert "hunter2secret" not in text and "secretsecret" not in text, p
        assert stat.S_IMODE(p.stat().st_mode) == 0o600, p
    for d in [root, *(p for p in root.rglob("*") if p.is_dir())]:
        assert stat.S_IMODE(d.stat().st_mode) == 0o700, d
    cached = json.loads(next(root.glob("answers/*.json")).read_text())
    assert cached["suggestions"][0]["anchor"].startswith('DATABASE_URL = "postgres://admin:***MASKED***@db')
    # The masked anchor still finds its lines in the real (unmasked) text, from the cache.
    hit = ask(fake, tmp_path, [item("About the URL", 15, 18, url, None), item("Load", 8, 9, LOAD, LOAD)])
    assert hit.cached
    from agentls.expert.answer import reanchor
    kept, dropped = reanchor(hit.answer.suggestions, "\n\n" + MODULE)
    assert dropped == [] and [s.start_line for s in kept] == [17, 10]


def test_every_offered_edit_leaves_a_module_that_parses(fake: FakeAnthropic, tmp_path: Path) -> None:
    cases = [item("Default", 8, 9, LOAD, "    def load(self, key):\n        return os.getenv(key)\n"),
             item("Broken", 11, 12, SAVE, "    def save(self, key, value:\n        pass\n")]
    out = ask(fake, tmp_path, cases)
    for s in out.answer.suggestions:
        if s.replacement is not None:
            ast.parse(edits.apply_one(MODULE, s))
    assert [s.replacement is not None for s in out.answer.suggestions] == [True, False]


def test_the_quoted_original_is_compared_whitespace_tolerant() -> None:
    shown = [edits._norm(ln) for ln in MODULE.splitlines()]
    tabs = "\tdef load(self,   key):  \n\t\treturn os.environ.get(key)\n\n"
    assert edits.locate(tabs, shown, 8, 9) == (8, 9)
    assert edits.locate(tabs, shown, 30, 31) == (8, 9)  # within the search radius
    assert edits.locate("    def load(self, key):\n        return os.environ[key]\n", shown, 8, 9) is None


def test_line_numbers_copied_from_the_request_are_taken_off(fake: FakeAnthropic, tmp_path: Path) -> None:
    numbered = " 8 |     def load(self, key):\n 9 |         return os.environ.get(key)\n"
    new = " 8>|     def load(self, key):\n 9>|         return os.getenv(key)\n"
    (s,) = ask(fake, tmp_path, [item("Getenv", 8, 9, numbered, new)]).answer.suggestions
    assert s.verified and s.replacement == "    def load(self, key):\n        return os.getenv(key)\n"


def test_overlap_groups_join_through_a_bridging_edit() -> None:
    from agentls.expert.answer import Suggestion

    spans = [(1, 2), (5, 6), (1, 1), (6, 6), (2, 5), (9, 9)]  # (2, 5) joins {1-2, 1} and {5-6, 6}
    out = edits.group_overlaps(
        [Suggestion(str(i), "r", "info", a, b, replacement="x") for i, (a, b) in enumerate(spans)])
    groups = [s.group for s in out]
    assert len(set(groups[:5])) == 1 and groups[0] != 0 and groups[5] == 0
    assert edits.alternatives(out, 0) == [2, 3, 4, 5]
