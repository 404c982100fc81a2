"""Secrets people leave in text: one catalog, read by two consumers with different aims.

- ``agentindex/secrets.py`` warns about a secret pasted into an agent file's prompt. A warning
  must not cry wolf, so its patterns (``find``) are stricter: longer minimum lengths (an
  Anthropic key needs 20 characters after ``sk-ant-``, not 16; a GitHub token 36, not 30; a
  JWT segment 10, not 8), live Stripe keys only, the two AWS key-id prefixes people paste, and
  a private key's header line is enough. It matches only where a literal trigger occurs.
- ``expert/masking.py`` hides secrets before code leaves the machine. It errs on masking, so
  its patterns (``mask``) are looser and it knows more kinds (AWS secret keys, Azure, URL
  passwords, assignments to secret-sounding names).

Each kind is written once with both consumers' patterns side by side (``None`` where a
consumer does not look for it), so a new kind is added in one place and a difference in
thresholds is a visible choice, not drift. Data only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class SecretKind:
    kind: str  # stable id, counted in the masking report
    label: str  # how a warning names it
    mask: re.Pattern[str] | None = None  # masking: every match of ``mask_group`` is hidden
    mask_group: int = 0  # 0 = the whole match
    find: re.Pattern[str] | None = None  # the agent-file scan: matched where a trigger occurs
    triggers: tuple[str, ...] = ()  # literal starts of a ``find`` match


# Words that make an assignment's value a secret (``db_password = "…"``, ``"token": "…"``).
_SECRET_WORDS = (r"passw(?:or)?d|passwd|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|"
                 r"private[_-]?key|client[_-]?secret|credentials?|auth[_-]?key|signing[_-]?key|"
                 r"bearer|authorization|session[_-]?key|conn(?:ection)?[_-]?str(?:ing)?|dsn")
# What joins the name to its value: `=`, `:` (dicts, YAML), `:=`, or an annotated assignment
# (`password: str = "…"`, as in pydantic settings and dataclasses).
_JOIN = r"['\"]?\s*(?::[ \t]*[\w.\[\], |]+?[ \t]*=(?!=)|:=|:|=)\s*"

ASSIGNED = "assigned-secret"
ENV = "env-secret"

# Order matters to masking: whole blocks first (a private key's body holds look-alikes).
SECRETS: tuple[SecretKind, ...] = (
    SecretKind(
        "private-key", "a private key",
        mask=re.compile(r"-----BEGIN[A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----.*?"
                        r"-----END[A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----", re.S),
        find=re.compile(r"-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----"), triggers=("-----BEGIN ",)),
    SecretKind(
        "anthropic-key", "an Anthropic API key",
        mask=re.compile(r"sk-ant-[A-Za-z0-9_\-]{16,}"),
        find=re.compile(r"sk-ant-[A-Za-z0-9_-]{20,}"), triggers=("sk-ant-",)),
    SecretKind(
        "openai-key", "an OpenAI API key",
        mask=re.compile(r"\bsk-(?:proj-)?[A-Za-z0-9_\-]{20,}"),
        find=re.compile(r"sk-(?!ant-)(?:proj-)?[A-Za-z0-9]{32,}"), triggers=("sk-",)),
    SecretKind(
        "github-token", "a GitHub token",
        mask=re.compile(r"\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{22,})"),
        find=re.compile(r"gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{40,}"),
        triggers=("ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_")),
    SecretKind(
        "aws-access-key-id", "an AWS access key id",
        mask=re.compile(r"\b(?:AKIA|ASIA|ABIA|ACCA|AIDA|AROA)[0-9A-Z]{16}\b"),
        find=re.compile(r"(?:AKIA|ASIA)[0-9A-Z]{16}(?![0-9A-Za-z])"), triggers=("AKIA", "ASIA")),
    SecretKind(
        "aws-secret-key", "an AWS secret access key",
        mask=re.compile(r"(?i)aws[_\-.]?secret[_\-.]?(?:access[_\-.]?)?key\W{0,6}([A-Za-z0-9/+=]{40})\b"),
        mask_group=1),
    SecretKind(
        "gcp-api-key", "a Google API key",
        mask=re.compile(r"\bAIza[0-9A-Za-z_\-]{35}"),
        find=re.compile(r"AIza[0-9A-Za-z_-]{35}"), triggers=("AIza",)),
    SecretKind("gcp-oauth-token", "a Google OAuth token", mask=re.compile(r"\bya29\.[0-9A-Za-z_\-]{20,}")),
    SecretKind(
        "azure-storage-key", "an Azure storage key",
        mask=re.compile(r"(?i)(?:AccountKey|SharedAccessKey)=([A-Za-z0-9+/=]{20,})"), mask_group=1),
    SecretKind("azure-sas", "an Azure SAS signature",
               mask=re.compile(r"(?i)[?&]sig=([A-Za-z0-9%+/=]{20,})"), mask_group=1),
    SecretKind(
        "slack-token", "a Slack token",
        mask=re.compile(r"\bxox[abposr]-[A-Za-z0-9\-]{10,}"),
        find=re.compile(r"xox[abposr]-[A-Za-z0-9-]{10,}"), triggers=("xox",)),
    SecretKind(
        "stripe-key", "a Stripe secret key",
        mask=re.compile(r"\b[rs]k_(?:live|test)_[A-Za-z0-9]{16,}"),
        find=re.compile(r"[sr]k_live_[0-9A-Za-z]{20,}"), triggers=("sk_live_", "rk_live_")),
    SecretKind(
        "jwt", "a JSON Web Token",
        mask=re.compile(r"\beyJ[A-Za-z0-9_\-]{8,}\.eyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}"),
        find=re.compile(r"eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}"),
        triggers=("eyJ",)),
    SecretKind("url-password", "a password in a URL",
               mask=re.compile(r"\b[a-z][a-z0-9+.\-]*://[^\s:/@'\"]+:([^\s@/'\"]+)@"), mask_group=1),
    # name = """value""" (triple quotes: the value may span lines; line breaks are kept)
    SecretKind(
        ASSIGNED, "a password or token assignment",
        mask=re.compile(r"(?is)\b[\w.\-]*(?:" + _SECRET_WORDS + r")[\w\-]*" + _JOIN +
                        r"[rbuf]{0,2}(\"\"\"|\'\'\')(.+?)\1"), mask_group=2),
    # name = "value" / name: 'value' / "name": "value" / name="value" (keyword argument)
    SecretKind(
        ASSIGNED, "a password or token assignment",
        mask=re.compile(r"(?i)\b[\w.\-]*(?:" + _SECRET_WORDS + r")[\w\-]*" + _JOIN +
                        r"[rbuf]{0,2}(['\"])((?:\\.|(?!\1).){1,}?)\1"), mask_group=2),
    # .env style: KEY=value on its own line, unquoted (quoted values are caught above)
    SecretKind(
        ENV, "a secret in an environment file",
        mask=re.compile(
            r"(?m)^[ \t]*(?:export[ \t]+)?[A-Z0-9_]*(?:PASSWORD|PASSWD|PWD|SECRET|TOKEN|API_?KEY|"
            r"ACCESS_?KEY|PRIVATE_?KEY|CREDENTIALS?|AUTH)[A-Z0-9_]*[ \t]*=[ \t]*"
            r"([^\s'\"#][^\r\n#]*?)[ \t]*$"), mask_group=1),
)

# The agent-file scan's assignments: ``api_key = "…"``-style, the keyword found
# case-insensitively, and the value must mix letters and digits (so ``token: your-token-here``
# passes). Stricter than masking's ASSIGNED kinds: 16+ characters, unquoted values too.
ASSIGNMENT_LABEL = "a password or token assignment"
ASSIGNMENT_WORDS = ("api_key", "api-key", "apikey", "secret", "token", "password", "passwd")
ASSIGNMENT = re.compile(
    r"(?:api[_-]?key|apikey|secret|token|passw(?:or)?d)[\"']?[ \t]*[:=][ \t]*[\"']?"
    r"(?=[A-Za-z0-9_\-/+]*\d)(?=[A-Za-z0-9_\-/+]*[A-Za-z])[A-Za-z0-9_\-/+]{16,}", re.I)
