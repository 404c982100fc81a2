"""QA regressions: secrets the masking let through."""

from __future__ import annotations

import pytest

from agentls.expert.masking import MASK, mask

LEAKS = {
    "annotated": ('class Settings(BaseSettings):\n    db_password: str = "hunter2-prod"\n', "hunter2-prod"),
    "annotated-generic": ('API_KEY: Final[str] = "abcd1234efgh5678"\n', "abcd1234efgh5678"),
    "annotated-default": ('def connect(password: str = "s3cret!"): ...\n', "s3cret!"),
    "triple-quoted": ('PASSWORD = """hunter2-prod"""\n', "hunter2-prod"),
    "triple-quoted-multiline": ("token = '''first-half\nsecond-half'''\nx = 1\n", "second-half"),
    "escaped-quote": ('password = "abc\\"def-tail"\n', "def-tail"),
    "authorization-header": ('headers = {"Authorization": "Bearer abcdef1234567890"}\n', "abcdef1234567890"),
}


@pytest.mark.parametrize("kind", sorted(LEAKS))
def test_secret_is_masked(kind: str) -> None:
    text, secret = LEAKS[kind]
    out = mask(text)
    assert secret not in out.text, out.text
    assert MASK in out.text
    assert out.text.count("\n") == text.count("\n")  # line numbers survive


@pytest.mark.parametrize("text", [
    'token_count: int = 5\n',
    'if password == "x":\n    pass\n',
    'headers = {"Authorization": f"Bearer {token}"}\n',
    'def get_token(self) -> str:\n    """Return the token."""\n',
    'secret = ""\n',
])
def test_code_that_holds_no_secret_is_kept(text: str) -> None:
    assert mask(text).text == text
