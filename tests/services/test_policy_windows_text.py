"""A policy as Windows tools save it (issue 14): PowerShell 5.1's ``Set-Content -Encoding
UTF8`` and Notepad begin the file with a UTF-8 byte order mark, and write CRLF line ends.

The policy is read past both. A signature covers the file's bytes exactly as they lie, the
mark included: helpdesk signs after the last save, and a file saved again with or without
the mark is another file. The signature file itself may be copied the same way.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from app.domain.policy import Policy
from app.services.policy import commands, signing
from app.services.policy.load import PolicyError, load_policy
from app.services.policy.location import AdminLocation
from app.services.policy.trust import load_trusted_policy
from tests.helpers import admin_location, example_data, install, write_toml

BOM = b"\xef\xbb\xbf"
PRINTING = "serial = 3\n[printing]\nallow_pdf_save = true\n# Tulostus: ä ö å Č\n"


def powershell(text: str) -> bytes:
    """``text`` as ``Set-Content -Encoding UTF8`` writes it on Windows PowerShell 5.1."""
    return BOM + text.replace("\n", "\r\n").encode("utf-8")


@pytest.fixture
def example_text(tmp_path: Path) -> str:
    """The example policy with a serial, as TOML text (also in example.toml as plain UTF-8)."""
    data = {"serial": 7, **example_data()}
    return write_toml(tmp_path / "example.toml", data).read_text(encoding="utf-8")


@pytest.fixture
def keys(tmp_path: Path) -> tuple[Path, Path]:
    """Helpdesk's key pair: (private, public)."""
    return signing.generate_keys(tmp_path / "helpdesk")


@pytest.fixture
def signed(tmp_path: Path, keys: tuple[Path, Path]) -> AdminLocation:
    """The administrators' location with helpdesk's public key installed."""
    location = admin_location(tmp_path / "etc" / "paivystys")
    location.public_key.write_bytes(keys[1].read_bytes())
    location.public_key.chmod(0o644)
    return location


def load(location: AdminLocation, tmp_path: Path) -> Policy:
    return load_trusted_policy(location, tmp_path / "user-state").policy


def test_a_powershell_policy_file_is_read(tmp_path: Path, example_text: str) -> None:
    path = tmp_path / "policy.toml"
    path.write_bytes(powershell(example_text))
    assert load_policy(path) == load_policy(tmp_path / "example.toml")


def test_powershell_files_merge_in_the_administrators_location(
    tmp_path: Path, example_text: str
) -> None:
    location = admin_location(tmp_path / "etc" / "paivystys")
    install(location, "10-base.toml", powershell(example_text))
    install(location, "50-printing.toml", powershell(PRINTING))
    policy = load(location, tmp_path)
    assert policy.printing.allow_pdf_save
    assert policy.municipalities == load_policy(tmp_path / "example.toml").municipalities
    assert policy.serial == 7


def test_a_signed_powershell_file_is_accepted(
    signed: AdminLocation, keys: tuple[Path, Path], tmp_path: Path, example_text: str
) -> None:
    path = install(signed, "10-base.toml", powershell(example_text))
    assert "10-base.toml.sig" in commands.sign(path, keys[0])  # helpdesk's own command
    commands.verify(path, keys[1])
    assert load(signed, tmp_path).serial == 7


@pytest.mark.parametrize("change", ["mark removed", "mark added", "line ends changed"])
def test_the_signature_covers_the_bytes_as_written(
    signed: AdminLocation,
    keys: tuple[Path, Path],
    tmp_path: Path,
    example_text: str,
    change: str,
) -> None:
    """The same TOML saved again another way is another file: refused until signed again."""
    as_signed = powershell(example_text) if change != "mark added" else example_text.encode()
    path = install(signed, "10-base.toml", as_signed)
    signing.sign_file(keys[0], path, as_signed)
    resaved = {
        "mark removed": as_signed.removeprefix(BOM),
        "mark added": BOM + as_signed,
        "line ends changed": as_signed.replace(b"\r\n", b"\n"),
    }[change]
    path.write_bytes(resaved)
    with pytest.raises(PolicyError) as caught:
        load(signed, tmp_path)
    assert caught.value.source == str(path)
    assert "does not match" in caught.value.problem
    with pytest.raises(PolicyError):
        commands.verify(path, keys[1])
    signing.sign_file(keys[0], path, resaved)  # signed again after the last save
    assert load(signed, tmp_path).serial == 7


def test_a_signature_file_copied_through_powershell_still_counts(
    signed: AdminLocation, keys: tuple[Path, Path], tmp_path: Path, example_text: str
) -> None:
    path = install(signed, "10-base.toml", powershell(example_text))
    signature = signing.sign_file(keys[0], path, path.read_bytes())
    signature.write_bytes(powershell(signature.read_text(encoding="ascii")))
    assert signature.read_bytes().startswith(BOM)
    assert load(signed, tmp_path).serial == 7
    commands.verify(path, keys[1])
