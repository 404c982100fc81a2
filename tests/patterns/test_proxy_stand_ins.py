"""Proxies told from decorators and plain delegation by what they are handed and what they do
around the forwarding, through `agentls patterns` run as a subprocess: each form beside its
one-change near miss."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.patterns.cli import patterns_rows

# A stand-in deriving the interface, handed one concrete sibling implementation.
METERS = """\
from typing import Protocol


class Meter(Protocol):
    def read(self) -> int: ...


class GasMeter(Meter):
    def read(self) -> int:
        return 42


class AuditedMeter(Meter):
    def __init__(self, inner: {held}) -> None:
        self._inner = inner

    def read(self) -> int:
        print("reading the meter")
        value = self._inner.read()
        print("meter read")
        return value
"""

# No base at all: handed the real object typed as its class.
QUOTES = """\
class QuoteService:
    def quote(self, symbol: str) -> float:
        return 101.5


class QuoteStandIn:
    def __init__(self, service: QuoteService) -> None:
        self._service = service
        self._seen: dict[str, float] = {{}}

    def quote(self, symbol: str) -> float:
{body}
"""

CACHED = """\
        if symbol not in self._seen:
            self._seen[symbol] = self._service.quote(symbol)
        return self._seen[symbol]"""

PLAIN = """\
        return self._service.quote(symbol)"""

# The real object reached through a property of the stand-in.
ARCHIVE = """\
class Archive:
    def __init__(self) -> None:
        print("unpacking")

    def lookup(self, key: str) -> str:
        return key.upper()


class ArchiveHandle:
    def __init__(self) -> None:
        self._archive = {init}

    @property
    def archive(self) -> Archive:
{getter}
        return self._archive

    def lookup(self, key: str) -> str:
        return self.archive.lookup(key)
"""

LAZY = """\
        if self._archive is None:
            self._archive = Archive()"""

# The check around the forwarding written as a decorator of the class's own.
VAULT = """\
class Vault:
    def open(self) -> str:
        return "gold"


class VaultDoor:
    def __init__(self, badge: str) -> None:
        self._badge = badge
        self._vault = Vault()

    def staff_only(func):
        def wrapper(self, *args):
            if self._badge != "staff":
                return "denied"
            return func(self, *args)
        return wrapper

{decorator}
    def open(self) -> str:
        return self._vault.open()
"""


def _rows(tmp_path: Path, files: dict[str, str]) -> dict[tuple[str, str], dict[str, Any]]:
    for name, text in files.items():
        (tmp_path / "app").mkdir(exist_ok=True)
        (tmp_path / "app" / name).write_text(text)
    rows = patterns_rows(tmp_path, "app")
    return {(str(r["symbol"]), str(r["pattern"])): r for r in rows}


def test_handed_one_concrete_sibling_it_stands_in_for_it(tmp_path: Path) -> None:
    rows = _rows(tmp_path, {"meters.py": METERS.replace("{held}", "GasMeter")})
    roles = {key[0]: r["role"] for key, r in rows.items() if key[1] == "proxy"}
    assert roles == {"AuditedMeter": "proxy", "Meter": "subject", "GasMeter": "real_subject"}
    assert ("AuditedMeter", "decorator") not in rows


def test_handed_the_interface_it_decorates(tmp_path: Path) -> None:
    # The near miss: typed as the interface, it can wrap any meter, another wrapper included.
    rows = _rows(tmp_path, {"meters.py": METERS.replace("{held}", "Meter")})
    assert rows[("AuditedMeter", "decorator")]["role"] == "decorator"
    assert ("AuditedMeter", "proxy") not in rows


def test_a_baseless_stand_in_caching_what_it_is_handed(tmp_path: Path) -> None:
    rows = _rows(tmp_path, {"quotes.py": QUOTES.format(body=CACHED)})
    assert rows[("QuoteStandIn", "proxy")]["role"] == "proxy"
    assert rows[("QuoteService", "proxy")]["role"] == "real_subject"


def test_a_baseless_class_only_passing_calls_on(tmp_path: Path) -> None:
    # The near miss: no check, no record of its own: plain delegation.
    rows = _rows(tmp_path, {"quotes.py": QUOTES.format(body=PLAIN)})
    assert not [key for key in rows if key[1] in ("proxy", "decorator")]


def test_a_virtual_proxy_making_its_subject_in_a_property(tmp_path: Path) -> None:
    rows = _rows(tmp_path, {"archive.py": ARCHIVE.format(init="None", getter=LAZY)})
    assert rows[("ArchiveHandle", "proxy")]["role"] == "proxy"
    assert rows[("Archive", "proxy")]["role"] == "real_subject"


def test_a_property_over_an_object_made_at_once(tmp_path: Path) -> None:
    # The near miss: made in the constructor, read through the property, forwarded as is.
    rows = _rows(tmp_path, {"archive.py": ARCHIVE.format(init="Archive()", getter="")})
    assert ("ArchiveHandle", "proxy") not in rows


def test_forwarding_guarded_by_a_decorator_of_its_own(tmp_path: Path) -> None:
    rows = _rows(tmp_path, {"vault.py": VAULT.format(decorator="    @staff_only")})
    assert rows[("VaultDoor", "proxy")]["role"] == "proxy"
    assert rows[("Vault", "proxy")]["role"] == "real_subject"


def test_the_same_forwarding_without_the_decorator(tmp_path: Path) -> None:
    rows = _rows(tmp_path, {"vault.py": VAULT.format(decorator="")})
    assert ("VaultDoor", "proxy") not in rows
