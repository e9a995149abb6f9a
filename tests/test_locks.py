"""The locks in requirements/ agree with pyproject.toml (offline: reads the files only).

CI installs requirements/test.lock with --require-hashes and the project with --no-deps, so a
dependency added to pyproject.toml but not to the locks would be missing there, and one whose
range moved past its pin would be tested at a version the project no longer accepts.
`./dev lock` rewrites the locks.
"""

import re
import tomllib
from pathlib import Path
from typing import Any

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
LOCKS = ROOT / "requirements"
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)")


def pyproject() -> dict[str, Any]:
    with (ROOT / "pyproject.toml").open("rb") as file:
        return tomllib.load(file)


def pins(lock: str) -> dict[str, Version]:
    """The lock's pins by canonical name; every pin must carry a hash."""
    lines = (LOCKS / lock).read_text(encoding="utf-8").splitlines()
    found: dict[str, Version] = {}
    for index, line in enumerate(lines):
        match = PIN.match(line)
        if match is None:
            continue
        follow = lines[index + 1] if index + 1 < len(lines) else ""
        assert follow.strip().startswith("--hash=sha256:"), f"{lock}: {line} has no hash"
        found[canonicalize_name(match.group(1))] = Version(match.group(2))
    return found


def requirements(section: str) -> list[Requirement]:
    project = pyproject()["project"]
    if section == "dependencies":
        return [Requirement(text) for text in project["dependencies"]]
    return [Requirement(text) for text in project["optional-dependencies"][section]]


def unpinned(wanted: list[Requirement], pinned: dict[str, Version]) -> list[str]:
    """The requirements the lock leaves out or pins outside their range."""
    problems = []
    for requirement in wanted:
        version = pinned.get(canonicalize_name(requirement.name))
        if version is None:
            problems.append(f"{requirement} is not in the lock")
        elif not requirement.specifier.contains(version, prereleases=True):
            problems.append(f"{requirement} is pinned at {version}")
    return problems


@pytest.mark.parametrize(
    ("lock", "sections"),
    [
        ("runtime.lock", ["dependencies"]),
        ("test.lock", ["dependencies", "test", "kerberos"]),
    ],
)
def test_every_dependency_is_pinned_within_its_range(lock: str, sections: list[str]) -> None:
    wanted = [requirement for section in sections for requirement in requirements(section)]
    assert unpinned(wanted, pins(lock)) == [], "pyproject.toml changed: run ./dev lock"


def test_build_requirements_are_pinned() -> None:
    wanted = [Requirement(text) for text in pyproject()["build-system"]["requires"]]
    assert unpinned(wanted, pins("build.lock")) == [], "build-system changed: run ./dev lock"


def test_tests_run_on_the_versions_the_installers_ship() -> None:
    runtime, test = pins("runtime.lock"), pins("test.lock")
    differ = {name: (version, test.get(name)) for name, version in runtime.items()}
    assert {name: pair for name, pair in differ.items() if pair[0] != pair[1]} == {}


def test_a_requirement_missing_from_a_lock_is_found() -> None:
    pinned: dict[str, Version] = {canonicalize_name("keyring"): Version("25.7.0")}
    wanted = [Requirement("keyring>=26"), Requirement("Some_New.Package>=1")]
    assert unpinned(wanted, pinned) == [
        "keyring>=26 is pinned at 25.7.0",
        "Some_New.Package>=1 is not in the lock",
    ]
