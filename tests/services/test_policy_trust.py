"""Only the administrators' policy is the machine policy: its place, its owners, helpdesk's
signature and serials (issue 10, finding 4).

The files here belong to the user running the tests, so each location trusts that user
as its owner (``AdminLocation.owner``); a test that needs another owner chowns the file
when it runs as root, and otherwise trusts root alone.
"""

from __future__ import annotations

import os
import socket
import sys
from contextlib import closing
from pathlib import Path

import pytest

import app.main
from app.connectors.base import Credentials
from app.domain.policy import Municipality, Policy
from app.main import build_parser, run_helpdesk
from app.services.outbox.profile import OutboxSetup
from app.services.outbox.sending import SendingService
from app.services.paths import EXAMPLE_POLICY
from app.services.policy import signing
from app.services.policy.load import PolicyError, load_policy
from app.services.policy.location import AdminLocation, platform_location
from app.services.policy.trust import load_trusted_policy
from app.services.workstation import Workstation
from app.training.data import clients_for
from app.training.server import TRAINING_PASSWORD, TRAINING_USERNAME
from tests.helpers import SAVED_BY, admin_location, entry_for, example_data, install, write_toml
from tests.keyring_backend import MemoryKeyring

pytest_plugins = ["tests.outbox_fixtures"]

EXAMPLE = EXAMPLE_POLICY.read_text(encoding="utf-8")
NOBODY = 65534


def serial(number: int, text: str = EXAMPLE) -> str:
    return f"serial = {number}\n{text}"


@pytest.fixture
def location(tmp_path: Path) -> AdminLocation:
    return admin_location(tmp_path / "etc" / "paivystys")


@pytest.fixture
def keys(tmp_path: Path) -> tuple[Path, Path]:
    """Helpdesk's key pair: (private, public)."""
    return signing.generate_keys(tmp_path / "helpdesk")


@pytest.fixture
def signed(location: AdminLocation, keys: tuple[Path, Path]) -> AdminLocation:
    """The location with helpdesk's public key installed."""
    location.public_key.write_bytes(keys[1].read_bytes())
    location.public_key.chmod(0o644)
    return location


def load(location: AdminLocation, tmp_path: Path) -> Policy:
    return load_trusted_policy(location, tmp_path / "user-state").policy


def install_signed(location: AdminLocation, key: Path, name: str, content: str) -> Path:
    path = install(location, name, content)
    signing.sign_file(key, path, path.read_bytes())
    return path


def refused(location: AdminLocation, tmp_path: Path) -> PolicyError:
    with pytest.raises(PolicyError) as caught:
        load_trusted_policy(location, tmp_path / "user-state")
    return caught.value


# -- where it lies and who owns it ---------------------------------------------------


def test_the_installed_policy_is_the_machine_policy(
    location: AdminLocation, tmp_path: Path, example_policy: Policy
) -> None:
    install(location, "10-keski-uusimaa.toml", EXAMPLE)
    loaded = load_trusted_policy(location, tmp_path / "user-state")
    assert loaded.policy == example_policy
    assert not loaded.signed


def test_no_installed_policy_is_refused_by_name(location: AdminLocation, tmp_path: Path) -> None:
    location.policy_dir.rmdir()
    error = refused(location, tmp_path)
    assert error.source == str(location.policy_dir)
    assert "no machine policy is installed" in error.problem


def test_an_empty_policy_directory_is_refused(location: AdminLocation, tmp_path: Path) -> None:
    install(location, "README", "not a policy")
    install(location, ".10-hidden.toml", EXAMPLE)
    error = refused(location, tmp_path)
    assert "no policy file" in error.problem


@pytest.mark.parametrize("mode", [0o664, 0o646, 0o666])
def test_a_file_others_may_write_is_refused(
    location: AdminLocation, tmp_path: Path, mode: int
) -> None:
    path = install(location, "10-keski-uusimaa.toml", EXAMPLE)
    path.chmod(mode)
    error = refused(location, tmp_path)
    assert error.source == str(path)
    assert "writable by others" in error.problem


@pytest.mark.parametrize("which", ["policy.d", "root", "above"])
@pytest.mark.parametrize("mode", [0o777, 0o775, 0o1777])
def test_a_directory_others_may_write_is_refused(
    location: AdminLocation, tmp_path: Path, which: str, mode: int
) -> None:
    install(location, "10-keski-uusimaa.toml", EXAMPLE)
    directory = {
        "policy.d": location.policy_dir,
        "root": location.root,
        "above": location.root.parent,
    }[which]
    directory.chmod(mode)
    if which == "above" and mode == 0o1777:
        # Above the location a sticky directory (like /tmp) is fine: only an entry's
        # owner can rename it there.
        assert load(location, tmp_path).municipalities
        return
    error = refused(location, tmp_path)
    assert error.source == str(directory)
    assert "writable by others" in error.problem


def other_owner(path: Path, location: AdminLocation) -> tuple[AdminLocation, Path]:
    """Make ``path`` someone else's than the trusted owner: chowned to nobody when the
    tests run as root. Otherwise the location trusts root alone, and then the first
    thing checked, the location's own directory, is already someone else's. The location
    and what it is to refuse."""
    if sys.platform != "win32" and os.getuid() == 0:
        os.chown(path, NOBODY, NOBODY)
        return location, path
    return AdminLocation(location.root, location.state_dir, owner=0), location.root


def test_a_file_of_another_owner_is_refused(location: AdminLocation, tmp_path: Path) -> None:
    path = install(location, "10-keski-uusimaa.toml", EXAMPLE)
    changed, culprit = other_owner(path, location)
    error = refused(changed, tmp_path)
    assert error.source == str(culprit)
    assert "not by root" in error.problem


def test_a_directory_of_another_owner_is_refused(location: AdminLocation, tmp_path: Path) -> None:
    install(location, "10-keski-uusimaa.toml", EXAMPLE)
    changed, culprit = other_owner(location.policy_dir, location)
    error = refused(changed, tmp_path)
    assert error.source == str(culprit)
    assert "not by root" in error.problem


def test_a_symbolic_link_to_a_file_others_may_write_is_refused(
    location: AdminLocation, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere.toml"
    elsewhere.write_text(EXAMPLE, encoding="utf-8")
    elsewhere.chmod(0o666)
    (location.policy_dir / "10-keski-uusimaa.toml").symlink_to(elsewhere)
    assert "writable by others" in refused(location, tmp_path).problem


def test_a_symbolic_link_into_a_directory_others_may_write_is_refused(
    location: AdminLocation, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "policy.toml").write_text(EXAMPLE, encoding="utf-8")
    (elsewhere / "policy.toml").chmod(0o644)
    (location.policy_dir / "10-keski-uusimaa.toml").symlink_to(elsewhere / "policy.toml")
    assert load(location, tmp_path).municipalities  # a link to where only root writes: fine
    elsewhere.chmod(0o777)
    error = refused(location, tmp_path)
    assert error.source == str(elsewhere)
    assert "writable by others" in error.problem


def test_a_fifo_is_refused_without_waiting(location: AdminLocation, tmp_path: Path) -> None:
    fifo = location.policy_dir / "10-keski-uusimaa.toml"
    if sys.platform == "win32":
        pytest.skip("no FIFOs on Windows")
    else:
        os.mkfifo(fifo, 0o644)
        error = refused(location, tmp_path)
        assert (error.source, error.problem) == (str(fifo), "is not a regular file")


def test_no_environment_variable_moves_the_machine_policy(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    for name in ("XDG_CONFIG_DIRS", "XDG_CONFIG_HOME", "XDG_DATA_DIRS", "XDG_STATE_HOME"):
        monkeypatch.setenv(name, str(tmp_path / name))
    monkeypatch.setenv("ProgramData", str(tmp_path / "ProgramData"))
    monkeypatch.setenv("PAIVYSTYS_POLICY", str(tmp_path / "evil.toml"))
    location = platform_location()
    assert location == AdminLocation(Path("/etc/paivystys"), Path("/var/lib/paivystys"))
    assert location.policy_dir == Path("/etc/paivystys/policy.d")
    assert location.owner == 0
    assert location.check_ownership


# -- merging -------------------------------------------------------------------------


def test_files_merge_in_name_order_key_by_key(location: AdminLocation, tmp_path: Path) -> None:
    data = example_data()
    data["printing"] = {"default_printer": "Päivystys-A"}
    write_toml(location.policy_dir / "10-base.toml", data).chmod(0o644)
    install(location, "50-printing.toml", "[printing]\nallow_pdf_save = true\n")
    install(location, "20-printer.toml", '[printing]\ndefault_printer = "Päivystys-B"\n')
    install(location, "30-duty.toml", '[duty_unit]\nphone = "+358 9 000 0113"\n')
    policy = load(location, tmp_path)
    assert policy.printing.default_printer == "Päivystys-B"  # 20 over 10
    assert policy.printing.allow_pdf_save  # 50 adds to the merged table
    assert policy.duty_unit.phone == "+358 9 000 0113"
    assert policy.duty_unit.name == "Keski-Uudenmaan sosiaalipäivystys"  # from 10


def test_a_later_array_of_tables_replaces_the_earlier_one(
    location: AdminLocation, tmp_path: Path
) -> None:
    data = example_data()
    install(location, "10-base.toml", EXAMPLE)
    later = {"municipalities": data["municipalities"][4:]}
    write_toml(location.policy_dir / "20-two-municipalities.toml", later).chmod(0o644)
    policy = load(location, tmp_path)
    assert [m.code for m in policy.municipalities] == ["543", "858"]


def test_a_problem_names_the_file_that_set_the_field(
    location: AdminLocation, tmp_path: Path
) -> None:
    install(location, "10-base.toml", EXAMPLE)
    later = install(location, "20-printing.toml", "[printing]\nallow_pdf_save = 'kyllä'\n")
    install(location, "30-vpn.toml", "[vpn]\ncheck_timeout = 5.0\n")
    error = refused(location, tmp_path)
    assert (error.source, error.field) == (str(later), "printing.allow_pdf_save")


# -- signatures and serials ----------------------------------------------------------


def test_a_signed_policy_is_accepted(
    signed: AdminLocation, keys: tuple[Path, Path], tmp_path: Path, example_policy: Policy
) -> None:
    install_signed(signed, keys[0], "10-base.toml", serial(7))
    install_signed(signed, keys[0], "20-printing.toml", "serial = 3\n[printing]\n")
    loaded = load_trusted_policy(signed, tmp_path / "user-state")
    assert loaded.signed
    assert loaded.policy.serial == 7
    assert loaded.policy.municipalities == example_policy.municipalities


def test_a_changed_byte_is_refused(
    signed: AdminLocation, keys: tuple[Path, Path], tmp_path: Path
) -> None:
    path = install_signed(signed, keys[0], "10-base.toml", serial(7))
    data = bytearray(path.read_bytes())
    at = data.index(b"https://consona.hyvinkaa.example")
    data[at + 8] = ord("k")  # https://konsona...: one byte
    path.write_bytes(bytes(data))
    error = refused(signed, tmp_path)
    assert error.source == str(path)
    assert "10-base.toml.sig" in error.problem
    assert "does not match" in error.problem


def test_a_missing_signature_is_refused_when_a_key_is_installed(
    signed: AdminLocation, keys: tuple[Path, Path], tmp_path: Path
) -> None:
    install_signed(signed, keys[0], "10-base.toml", serial(7))
    unsigned = install(signed, "20-printing.toml", "serial = 1\n[printing]\n")
    error = refused(signed, tmp_path)
    assert error.source == str(unsigned)
    assert "is not signed" in error.problem


def test_a_signature_by_another_key_is_refused(signed: AdminLocation, tmp_path: Path) -> None:
    other, _ = signing.generate_keys(tmp_path / "someone")
    path = install_signed(signed, other, "10-base.toml", serial(7))
    error = refused(signed, tmp_path)
    assert error.source == str(path)
    assert "does not match" in error.problem


def test_a_signed_file_counts_only_under_its_own_name(
    signed: AdminLocation, keys: tuple[Path, Path], tmp_path: Path
) -> None:
    path = install_signed(signed, keys[0], "10-base.toml", serial(7))
    copy = install(signed, "90-copy.toml", path.read_bytes())
    install(signed, "90-copy.toml.sig", signing.signature_path(path).read_bytes())
    error = refused(signed, tmp_path)
    assert error.source == str(copy)
    assert "does not match" in error.problem


def test_a_signed_file_needs_a_serial(
    signed: AdminLocation, keys: tuple[Path, Path], tmp_path: Path
) -> None:
    path = install_signed(signed, keys[0], "10-base.toml", EXAMPLE)
    error = refused(signed, tmp_path)
    assert (error.source, error.field) == (str(path), "serial")
    assert "required in a signed policy" in error.problem


def test_a_key_others_may_replace_is_refused(
    signed: AdminLocation, keys: tuple[Path, Path], tmp_path: Path
) -> None:
    install_signed(signed, keys[0], "10-base.toml", serial(7))
    signed.public_key.chmod(0o666)
    error = refused(signed, tmp_path)
    assert error.source == str(signed.public_key)
    assert "writable by others" in error.problem


def test_an_older_serial_is_refused(
    signed: AdminLocation, keys: tuple[Path, Path], tmp_path: Path
) -> None:
    install_signed(signed, keys[0], "10-base.toml", serial(7))
    assert load(signed, tmp_path).serial == 7
    assert signed.state_dir is not None
    record = signed.state_dir / "policy-serials.json"
    assert record.stat().st_mode & 0o777 == 0o644  # every worker's process reads it
    path = install_signed(signed, keys[0], "10-base.toml", serial(6))
    error = refused(signed, tmp_path)
    assert (error.source, error.field) == (str(path), "serial")
    assert "6 is older than serial 7" in error.problem
    assert str(record) in error.problem
    install_signed(signed, keys[0], "10-base.toml", serial(8))
    assert load(signed, tmp_path).serial == 8


def test_the_same_serial_with_other_content_is_refused(
    signed: AdminLocation, keys: tuple[Path, Path], tmp_path: Path
) -> None:
    install_signed(signed, keys[0], "10-base.toml", serial(7))
    load(signed, tmp_path)
    load(signed, tmp_path)  # the same file again: fine
    install_signed(signed, keys[0], "10-base.toml", serial(7, EXAMPLE + "# muutettu\n"))
    error = refused(signed, tmp_path)
    assert "7 was accepted before with other content" in error.problem


def test_without_a_machine_record_the_workers_own_keeps_the_serials(
    location: AdminLocation, keys: tuple[Path, Path], tmp_path: Path
) -> None:
    signed = AdminLocation(location.root, None, owner=location.owner)
    signed.public_key.write_bytes(keys[1].read_bytes())
    signed.public_key.chmod(0o644)
    install_signed(signed, keys[0], "10-base.toml", serial(7))
    load(signed, tmp_path)
    record = tmp_path / "user-state" / "policy-serials.json"
    assert record.stat().st_mode & 0o777 == 0o600
    install_signed(signed, keys[0], "10-base.toml", serial(6))
    assert str(record) in refused(signed, tmp_path).problem
    # The limit: the worker's own record is the worker's to remove.
    record.unlink()
    assert load(signed, tmp_path).serial == 6


def test_the_machine_record_holds_when_the_workers_is_removed(
    signed: AdminLocation, keys: tuple[Path, Path], tmp_path: Path
) -> None:
    install_signed(signed, keys[0], "10-base.toml", serial(7))
    load(signed, tmp_path)
    for record in (tmp_path / "user-state").glob("*"):
        record.unlink()
    install_signed(signed, keys[0], "10-base.toml", serial(6))
    assert "older" in refused(signed, tmp_path).problem


def test_a_machine_record_others_may_write_is_refused(
    signed: AdminLocation, keys: tuple[Path, Path], tmp_path: Path
) -> None:
    install_signed(signed, keys[0], "10-base.toml", serial(7))
    load(signed, tmp_path)
    assert signed.state_dir is not None
    record = signed.state_dir / "policy-serials.json"
    record.chmod(0o666)
    error = refused(signed, tmp_path)
    assert (error.source, error.problem.startswith("is writable by others")) == (
        str(record),
        True,
    )


# -- the finding: a policy of one's own never sends client data ----------------------


def trainee(municipality: Municipality) -> Credentials:
    return Credentials(TRAINING_USERNAME, TRAINING_PASSWORD)


def test_flush_with_a_policy_of_ones_own_delivers_nothing(
    tmp_path: Path, memory_keyring: MemoryKeyring, location: AdminLocation
) -> None:
    """Issue 10, finding 4: ``outbox flush --policy evil.toml`` sent the production
    outbox to the server that file named. Now it is refused before anything is sent."""
    evil = socket.socket()
    evil.bind(("127.0.0.1", 0))
    evil.listen()
    evil.setblocking(False)
    port = evil.getsockname()[1]
    data = example_data()
    for municipality in data["municipalities"]:
        municipality["system"]["endpoint"] = f"https://127.0.0.1:{port}/api"
    evil_policy = write_toml(tmp_path / "evil.toml", data)
    install(location, "10-keski-uusimaa.toml", EXAMPLE)
    setup = OutboxSetup.for_mode(training=False)
    clients = clients_for("106", "Hyvinkää")[:6]
    with (
        setup.open() as outbox,
        closing(Workstation(load_policy(EXAMPLE_POLICY), trainee)) as station,
    ):
        for client in clients:
            SendingService(outbox, station).save_entry(
                "106", entry_for(client.hetu), saved_by=SAVED_BY
            )
        assert outbox.counts().waiting == 6
    previous = app.main.ADMIN_LOCATION
    app.main.ADMIN_LOCATION = location
    try:
        args = build_parser().parse_args(["outbox", "flush", "--policy", str(evil_policy)])
        with pytest.raises(PolicyError) as caught:
            run_helpdesk(args)
    finally:
        app.main.ADMIN_LOCATION = previous
        with pytest.raises(BlockingIOError):
            evil.accept()  # nobody ever connected
        evil.close()
    assert caught.value.field == "--policy"
    assert str(location.policy_dir) in caught.value.problem
    with setup.open() as outbox:
        assert outbox.counts().waiting == 6
