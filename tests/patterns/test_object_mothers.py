"""Test-data mothers hand out objects they make, through one another (`random()` returning
`cls.create(...)`): no facade drives them as subsystems. Beside the near miss where the
part mothers hand out samples they keep instead of making them. Through `agentls patterns`
run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows

VALUES = """\
class Name:
    def __init__(self, value: str) -> None:
        self.value = value


class Age:
    def __init__(self, value: int) -> None:
        self.value = value


class Email:
    def __init__(self, value: str) -> None:
        self.value = value


class Person:
    _people: dict = {{}}

    def __init__(self, name: Name, age: Age, email: Email) -> None:
        self.name = name
        self.age = age
        self.email = email

    @classmethod
    def create(cls, name: str, age: int, email: str) -> "Person":
{person_create}
"""

MAKES_PERSON = """\
        person = cls(Name(name), Age(age), Email(email))
        return person
"""

LOOKS_UP_PERSON = """\
        return cls._people[name]
"""

PART = """\
class {kind}Mother:
    _samples = [{sample}]

    @staticmethod
    def create(value):
        return {kind}(value)

    @classmethod
    def pick(cls):
        return cls._samples[0]

    @classmethod
    def random(cls):
        return cls.{step}()

    @classmethod
    def invalid(cls):
        return cls.{step}()
"""

PERSON = """\
class PersonMother:
    @staticmethod
    def create(name, age, email):
        return Person.create(name, age, email)

    @classmethod
    def random(cls):
        return cls.create(NameMother.random(), AgeMother.random(), EmailMother.random())

    @classmethod
    def with_bad_name(cls):
        return cls.create(NameMother.invalid(), AgeMother.random(), EmailMother.random())

    @classmethod
    def with_bad_age(cls):
        return cls.create(NameMother.random(), AgeMother.invalid(), EmailMother.random())

    @classmethod
    def with_bad_email(cls):
        return cls.create(NameMother.random(), AgeMother.random(), EmailMother.invalid())
"""


def _facades(tmp_path: Path, person_create: str, step: str) -> set[str]:
    parts = [PART.format(kind=k, sample=s, step=step) for k, s in (("Name", '"Ann"'), ("Age", "30"), ("Email", '"x"'))]
    header = "from values import Age, Email, Name, Person\n\n\n"
    (tmp_path / "values.py").write_text(VALUES.format(person_create=person_create))
    (tmp_path / "mothers.py").write_text(header + "\n\n".join([*parts, PERSON]))
    rows = patterns_rows(tmp_path, ".")
    return {str(r["symbol"]) for r in rows if r["pattern"] == "facade"}


def test_mothers_making_their_objects_through_one_another_are_no_facade(tmp_path: Path) -> None:
    # `random()` returns `cls.create(...)`, which makes the value; `PersonMother.create`
    # returns `Person.create(...)`, which makes the person.
    assert not _facades(tmp_path, MAKES_PERSON, "create")


def test_mothers_handing_out_kept_objects_are_still_driven_parts(tmp_path: Path) -> None:
    # The same chain ending in objects the classes keep (`cls._samples[0]`, `cls._people[name]`):
    # nothing shows that PersonMother asks for products, so its parts stay subsystems.
    assert "PersonMother" in _facades(tmp_path, LOOKS_UP_PERSON, "pick")
