"""Helpdesk's signing key from Group Policy (HKLM\\SOFTWARE\\Policies\\Paivystys,
PolicySigningKey): an equal source beside policy-signing.pub. The registry is replaced by
a reader of the test's own; the policy, signatures and keys are real."""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

import pytest

from app.services.paths import EXAMPLE_POLICY
from app.services.policy import group_policy, signing
from app.services.policy.load import PolicyError
from app.services.policy.location import AdminLocation, platform_location
from app.services.policy.trust import load_trusted_policy
from tests.helpers import admin_location, install

EXAMPLE = "serial = 3\n" + EXAMPLE_POLICY.read_text(encoding="utf-8")


@pytest.fixture
def keys(tmp_path: Path) -> tuple[Path, Path]:
    return signing.generate_keys(tmp_path / "helpdesk")


def with_registry(location: AdminLocation, value: str | None) -> AdminLocation:
    return dataclasses.replace(location, group_policy_key=lambda: value)


def registry_text(public: Path) -> str:
    """The PEM as helpdesk pastes it into Group Policy's one-line text box."""
    return " ".join(public.read_text(encoding="ascii").splitlines())


def signed_policy(location: AdminLocation, private: Path, content: str = EXAMPLE) -> Path:
    path = install(location, "10-keusote.toml", content)
    signing.sign_file(private, path, path.read_bytes())
    return path


def load(location: AdminLocation, tmp_path: Path) -> int | None:
    return load_trusted_policy(location, tmp_path / "user-state").policy.serial


def refused(location: AdminLocation, tmp_path: Path) -> PolicyError:
    with pytest.raises(PolicyError) as caught:
        load_trusted_policy(location, tmp_path / "user-state")
    return caught.value


def test_a_key_from_group_policy_alone_requires_signatures(
    tmp_path: Path, keys: tuple[Path, Path]
) -> None:
    location = with_registry(admin_location(tmp_path / "pd"), registry_text(keys[1]))
    install(location, "10-keusote.toml", EXAMPLE)
    assert "is not signed" in refused(location, tmp_path).problem
    signed_policy(location, keys[0])
    assert load(location, tmp_path) == 3
    assert not location.public_key.exists()


@pytest.mark.parametrize(
    "form",
    ["one line, spaces", "line breaks", "CRLF", "no separators", "the body alone"],
)
def test_the_value_may_hold_the_pem_in_any_line_form(
    tmp_path: Path, keys: tuple[Path, Path], form: str
) -> None:
    pem = keys[1].read_text(encoding="ascii")
    text = {
        "one line, spaces": registry_text(keys[1]),
        "line breaks": pem,
        "CRLF": pem.replace("\n", "\r\n"),
        "no separators": pem.replace("\n", ""),
        "the body alone": pem.splitlines()[1],
    }[form]
    location = with_registry(admin_location(tmp_path / "pd"), text)
    signed_policy(location, keys[0])
    assert load(location, tmp_path) == 3


def test_the_same_key_in_both_places_is_accepted(tmp_path: Path, keys: tuple[Path, Path]) -> None:
    location = with_registry(admin_location(tmp_path / "pd"), registry_text(keys[1]))
    location.public_key.write_bytes(keys[1].read_bytes())
    location.public_key.chmod(0o644)
    signed_policy(location, keys[0])
    assert load(location, tmp_path) == 3


def test_two_different_keys_are_refused_naming_both(
    tmp_path: Path, keys: tuple[Path, Path]
) -> None:
    other = signing.generate_keys(tmp_path / "other")
    location = with_registry(admin_location(tmp_path / "pd"), registry_text(other[1]))
    location.public_key.write_bytes(keys[1].read_bytes())
    location.public_key.chmod(0o644)
    # Signed with either key, the policy is refused: which key helpdesk meant is unknown.
    for private in (keys[0], other[0]):
        signed_policy(location, private)
        error = refused(location, tmp_path)
        assert error.source == str(location.public_key)
        assert "another key than Group Policy's" in error.problem
        assert group_policy.SOURCE in error.problem


def test_a_value_that_is_no_key_is_refused_by_name(tmp_path: Path, keys: tuple[Path, Path]) -> None:
    for text in ("not a key", "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----", "ä"):
        location = with_registry(admin_location(tmp_path / "pd"), text)
        signed_policy(location, keys[0])
        error = refused(location, tmp_path)
        assert error.source == group_policy.SOURCE
        assert "not an Ed25519 public key" in error.problem


def test_an_unreadable_registry_refuses_the_policy(tmp_path: Path, keys: tuple[Path, Path]) -> None:
    def unreadable() -> str | None:
        raise PolicyError(group_policy.SOURCE, "", "cannot be read (Access is denied)")

    location = dataclasses.replace(admin_location(tmp_path / "pd"), group_policy_key=unreadable)
    signed_policy(location, keys[0])
    assert "cannot be read" in refused(location, tmp_path).problem


def test_no_value_and_no_file_leave_the_policy_unsigned(tmp_path: Path) -> None:
    location = with_registry(admin_location(tmp_path / "pd"), None)
    install(location, "10-keusote.toml", EXAMPLE)
    assert load(location, tmp_path) == 3


@pytest.mark.skipif(sys.platform == "win32", reason="off Windows only")
def test_off_windows_there_is_no_registry_source() -> None:
    assert platform_location().group_policy_key is None
    assert group_policy.read_registry() is None
