"""The expert section: which expert answers and how it is reached (``ExpertSettings``, the
expert service's input), the expert while editing (``AutoSettings``), and the test command.

From the editor only: project files never choose where code is sent or what program runs.
In an untrusted workspace (the editor sends ``workspaceTrusted: false``) ``expert.baseUrl`` is
dropped here; ``expert.auto`` ``onSave`` and ``expert.verifyCommand`` are kept but refused where
they are used (``trusted`` says so), since the user is told there.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

log = logging.getLogger(__name__)

LEVELS = ("off", "local", "onSave")
DEFAULT_DEBOUNCE_MS = 600
DEFAULT_BUDGET_DOLLARS = 0.50  # per hour: about 40 symbol reviews on Sonnet

_KEYS = {"default": "default", "model": "model", "localOnly": "local_only", "remoteEnabled": "remote_enabled",
         "baseUrl": "base_url", "apiKey": "api_key", "includeUserAgents": "include_user_agents",
         "timeout": "timeout", "maxRetries": "max_retries", "maxTokens": "max_tokens"}
_NUMBERS = ("timeout", "max_retries", "max_tokens")


@dataclass(frozen=True)
class ExpertSettings:
    default: str | None = None
    model: str | None = None
    local_only: bool = False
    remote_enabled: bool = True
    base_url: str | None = None
    api_key: str | None = field(default=None, repr=False)  # never in a repr, so never in a log
    include_user_agents: bool = True
    timeout: float | None = None
    max_retries: int | None = None
    max_tokens: int | None = None


@dataclass(frozen=True)
class Budget:
    tokens: int | None = None  # per hour
    dollars: float | None = None  # per hour

    def describe(self) -> str:
        return f"{self.tokens:,} tokens per hour" if self.tokens is not None else f"${self.dollars:.2f} per hour"


@dataclass(frozen=True)
class AutoSettings:
    level: str = "off"
    budget: Budget = field(default_factory=lambda: Budget(dollars=DEFAULT_BUDGET_DOLLARS))
    debounce_ms: int = DEFAULT_DEBOUNCE_MS


def parse_budget(value: Any) -> Budget | None:
    """``50000`` or ``"50k tokens"``: tokens per hour; ``"$0.50"`` or ``{"dollars": 0.5}``:
    dollars per hour; ``{"tokens": N}``. Anything else: None (the default stands)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return Budget(tokens=int(value)) if value >= 0 else None
    if isinstance(value, Mapping):
        if isinstance(value.get("tokens"), (int, float)) and not isinstance(value["tokens"], bool):
            return parse_budget(value["tokens"])
        dollars = value.get("dollars")
        if isinstance(dollars, (int, float)) and not isinstance(dollars, bool) and dollars >= 0:
            return Budget(dollars=float(dollars))
        return None
    if not isinstance(value, str):
        return None
    text = value.strip().lower().replace(",", "").replace("/h", "").replace("per hour", "").strip()
    money = text.startswith("$") or text.endswith(("$", "usd", "dollars"))
    number = text.strip("$").removesuffix("usd").removesuffix("dollars").removesuffix("tokens").strip().rstrip("$")
    scale = 1
    if number.endswith(("k", "m")) and not money:
        scale = 1_000 if number.endswith("k") else 1_000_000
        number = number[:-1]
    try:
        amount = float(number)
    except ValueError:
        return None
    if amount < 0:
        return None
    return Budget(dollars=amount) if money else Budget(tokens=int(amount * scale))


@dataclass(frozen=True)
class ExpertConfig:
    service: ExpertSettings = field(default_factory=ExpertSettings)
    auto: AutoSettings = field(default_factory=AutoSettings)
    verify_command: str | None = None  # refused where it is used when the workspace is untrusted
    trusted: bool = True


def _service(values: Mapping[str, Any]) -> ExpertSettings:
    """Values of the wrong type are ignored (the default stands)."""
    kwargs: dict[str, Any] = {}
    defaults = ExpertSettings()
    for key, attr in _KEYS.items():
        if key not in values or values[key] is None:
            continue
        value, default = values[key], getattr(defaults, attr)
        if isinstance(default, bool):
            if isinstance(value, bool):
                kwargs[attr] = value
        elif attr in _NUMBERS:
            if isinstance(value, (int, float)) and not isinstance(value, bool) and value >= 0:
                kwargs[attr] = float(value) if attr == "timeout" else int(value)
        elif isinstance(value, str) and value.strip():
            kwargs[attr] = value.strip()
    return ExpertSettings(**kwargs)


def _auto(values: Mapping[str, Any]) -> AutoSettings:
    level = values.get("auto")
    level = {"onsave": "onSave", "on_save": "onSave"}.get(str(level).lower(), level) if isinstance(level, str) else None
    debounce = values.get("autoDebounce")
    defaults = AutoSettings()
    return AutoSettings(
        level=level if level in LEVELS else defaults.level,
        budget=parse_budget(values.get("autoBudget")) or defaults.budget,
        debounce_ms=int(debounce) if isinstance(debounce, (int, float)) and not isinstance(debounce, bool)
        and 0 <= debounce <= 60_000 else defaults.debounce_ms)


def from_editor(values: Mapping[str, Any], trusted: bool) -> ExpertConfig:
    """The editor's ``expert`` keys (``config.shape.subtable``)."""
    service = _service(values)
    if not trusted and service.base_url is not None:
        log.info("untrusted workspace: expert.baseUrl ignored")
        service = replace(service, base_url=None)
    command = values.get("verifyCommand")
    return ExpertConfig(service, _auto(values),
                        command.strip() if isinstance(command, str) and command.strip() else None, trusted)
