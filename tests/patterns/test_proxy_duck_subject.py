"""A virtual proxy implementing an interface and making, on first use, an object of a class that
never names that interface but offers every one of its methods (duck typing), forwarding each
to the same-named one, through `agentls patterns` run as a subprocess, beside its near miss:
the same class making a helper that offers only part of the interface, or one that another
class makes for itself too (a shared service), which stands in for nothing."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

DUCK = """\
class Storage:
    def load(self, key: str) -> bytes:
        raise NotImplementedError

    def save(self, key: str, data: bytes) -> None:
        raise NotImplementedError


class DiskStorage:
    def load(self, key: str) -> bytes:
        return key.encode()

    def save(self, key: str, data: bytes) -> None:
        print(key, len(data))


class LazyStorage(Storage):
    def __init__(self) -> None:
        self._disk: DiskStorage | None = None

    def _real(self) -> DiskStorage:
        if self._disk is None:
            self._disk = DiskStorage()
        return self._disk

    def load(self, key: str) -> bytes:
        if self._disk is None:
            self._disk = DiskStorage()
        return self._disk.load(key)

    def save(self, key: str, data: bytes) -> None:
        if self._disk is None:
            self._disk = DiskStorage()
        self._disk.save(key, data)
"""

# The helper answers `load` only; `save` is the class's own work: no stand-in.
PARTIAL = DUCK.replace(
    """    def save(self, key: str, data: bytes) -> None:
        print(key, len(data))
""",
    "",
).replace(
    """        if self._disk is None:
            self._disk = DiskStorage()
        self._disk.save(key, data)
""",
    """        print("kept", key, len(data))
""",
)


# A second class making the same object for itself: a shared service both use, no stand-in.
SHARED = (
    DUCK
    + """

class AuditedStorage(Storage):
    def __init__(self) -> None:
        self._disk = DiskStorage()

    def load(self, key: str) -> bytes:
        return self._disk.load(key)

    def save(self, key: str, data: bytes) -> None:
        self._disk.save(key, data)
"""
)


def _proxy(tmp_path: Path, text: str) -> dict[str, str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/storage.py": text})
    return roles_of(patterns_rows(tmp_path, "app"), "proxy")


def test_a_proxy_making_a_duck_typed_subject_is_found(tmp_path: Path) -> None:
    found = _proxy(tmp_path, DUCK)
    assert found.get("LazyStorage") == "proxy"
    assert found.get("Storage") == "subject" and found.get("DiskStorage") == "real_subject"


def test_a_helper_offering_part_of_the_interface_is_no_subject(tmp_path: Path) -> None:
    assert "LazyStorage" not in _proxy(tmp_path, PARTIAL)


def test_a_class_others_make_too_is_no_subject(tmp_path: Path) -> None:
    assert "LazyStorage" not in _proxy(tmp_path, SHARED)
