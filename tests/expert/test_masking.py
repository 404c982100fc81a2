"""Secrets never reach the request; line numbers survive the masking."""

from __future__ import annotations

import pytest

from agentls.expert.masking import MASK, mask

SECRETS = {
    "aws-access-key-id": ('key_id = "AKIAIOSFODNN7EXAMPLE"\n', "AKIAIOSFODNN7EXAMPLE"),
    "aws-secret-key": ("aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n",
                       "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
    "gcp-api-key": ('maps = "AIzaSyD-1234567890abcdefghijklmnopqrstu"\n', "AIzaSyD-1234567890abcdefghijklmnopqrstu"),
    "azure-storage-key": ('conn = "DefaultEndpointsProtocol=https;AccountName=a;'
                          'AccountKey=QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9w==;'
                          'EndpointSuffix=core.windows.net"\n',
                          "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9w=="),
    "anthropic-key": ('client = Anthropic(api_key="sk-ant-api03-AbCdEfGhIjKlMnOpQrStUv-123")\n',
                      "sk-ant-api03-AbCdEfGhIjKlMnOpQrStUv-123"),
    "github-token": ('GH = "ghp_abcdefghijklmnopqrstuvwxyz0123456789"\n', "ghp_abcdefghijklmnopqrstuvwxyz0123456789"),
    "jwt": ('auth = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"\n',
            "dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"),
    "assigned-secret": ('db_password = "correct horse battery"\n', "correct horse battery"),
    "keyword-argument": ('connect(host="db", password="hunter2!")\n', "hunter2!"),
    "dict-entry": ('CONFIG = {"api_token": "tok-1234567890"}\n', "tok-1234567890"),
    "env-line": ("STRIPE_SECRET=abc123def456\n", "abc123def456"),
    "url-password": ('DSN = "postgres://app:s3cr3t-pw@db:5432/app"\n', "s3cr3t-pw"),
}


@pytest.mark.parametrize("kind", sorted(SECRETS))
def test_each_kind_of_secret_is_masked(kind: str) -> None:
    text, secret = SECRETS[kind]
    out = mask(text)
    assert secret not in out.text
    assert MASK in out.text
    assert out.count >= 1


def test_private_key_block_keeps_the_line_count() -> None:
    text = ('KEY = """-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\nAAAABG5vbmUAAAAEbm9uZQ==\n'
            '-----END OPENSSH PRIVATE KEY-----"""\nx = 1\n')
    out = mask(text)
    assert "b3BlbnNzaC1rZXktdjEAAAAA" not in out.text
    assert out.text.count("\n") == text.count("\n")
    assert out.text.splitlines()[-1] == "x = 1"
    assert out.kinds["private-key"] == 1


def test_gcp_service_account_json_private_key_is_masked() -> None:
    text = ('{"type": "service_account", '
            '"private_key": "-----BEGIN PRIVATE KEY-----\\nMIIEvQ\\n-----END PRIVATE KEY-----\\n"}')
    assert "MIIEvQ" not in mask(text).text


@pytest.mark.parametrize("code", [
    'token = os.environ["API_TOKEN"]\n',
    "API_TOKEN = get_token()\n",
    'password = ""\n',
    "SECRET_KEY = settings.SECRET_KEY\n",
    'password_field = "<password>"\n',
    "def check_password(password: str) -> bool:\n    return bool(password)\n",
])
def test_code_that_only_names_secrets_is_left_alone(code: str) -> None:
    assert mask(code).text == code
