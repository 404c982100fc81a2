"""The secret scan after an edit re-reads only the lines the edit touched; the hits must be
exactly those of a full scan."""

from __future__ import annotations

import random

import pytest

from agentls.agentindex import secrets

LINES = ["You are a reviewer.", "", "api_key = 'abcd1234efgh5678ijkl'", "token: your-token-here",
         "export AWS_KEY=AKIAABCDEFGHIJKLMNOP", "sk-ant-" + "a" * 30, "ghp_" + "b1" * 20,
         "-----BEGIN RSA PRIVATE KEY-----", "password: hunter2hunter2hunter2x1", "- step: run tests",
         "see https://example.com/sk-notakey", "xoxb-1234567890-abc", "a" * 80,
         "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.abcdefghijklmno", "Näive café token=ab12cd34ef56gh78"]


@pytest.mark.parametrize("seed", range(10))
def test_edited_scans_equal_full_scans(seed: int) -> None:
    rng = random.Random(seed)
    key = f"/ws/.claude/agents/s{seed}.md"
    lines = [rng.choice(LINES) for _ in range(20)]
    head = "---\nname: a\ndescription: d\n---\n"
    hits = 0
    for _ in range(60):
        at = rng.randrange(len(lines))
        op = rng.randrange(4)
        if op == 0:
            lines[at] = rng.choice(LINES)
        elif op == 1:
            lines.insert(at, rng.choice(LINES))
        elif op == 2 and len(lines) > 1:
            del lines[at]
        else:
            cut = rng.randrange(len(lines[at]) + 1)
            lines[at] = lines[at][:cut] + rng.choice(["x", "\n", " ", "_", "9"]) + lines[at][cut:]
        if rng.random() < 0.2:
            head = head.replace("name: a", "name: ab")
        text = head + "\n".join(lines)
        start = len(head)
        got = secrets.in_body(text, start, key)
        assert got == secrets.find_secrets(text, start), text
        hits += len(got)
    assert hits > 0  # the edits kept secrets in view


def test_a_large_body_is_scanned_whole() -> None:
    body = "token = abcd1234efgh5678ijkl\n" + "x" * (secrets._INCREMENTAL_LIMIT + 10)
    assert secrets.in_body(body, 0, "/big.md") == secrets.find_secrets(body, 0)
    assert "/big.md" not in secrets._LAST
