"""The app's files are 0600 in 0700 directories whatever the umask; a mode found open to
others at opening is made private and reported (log, ``outbox status``, ``doctor``)."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import os
import stat
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.domain.kinds import ItemKind
from app.services import helpdesk
from app.services.files import private_directory
from app.services.outbox.keys import KeyStore
from app.services.outbox.profile import OutboxSetup
from app.services.outbox.store import Outbox, OutgoingItem
from app.services.settings import SettingsStore, UserSettings
from app.training.server import TrainingServer
from tests.helpers import run_app

pytest_plugins = ["tests.outbox_fixtures"]
pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
NOW = dt.datetime(2026, 11, 27, 1, 0, tzinfo=dt.UTC)
OUTBOX_FILES = ("outbox.db", "outbox.db-wal", "outbox.db-shm")


@pytest.fixture
def open_umask() -> Iterator[None]:
    """A desktop session's usual umask (not the app's 077): files 0644, directories 0755
    unless made otherwise."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def one_item() -> OutgoingItem:
    return OutgoingItem(
        key=uuid.uuid4(),
        municipality="186",
        kind=ItemKind.ENTRY,
        client="x",
        label="A. B.",
        payload=b"{}",
    )


@pytest.mark.usefixtures("open_umask")
def test_a_new_outbox_is_private_whatever_the_umask(tmp_path: Path, key: bytes) -> None:
    path = tmp_path / "home" / "profile" / "outbox.db"
    with Outbox.open(path, key) as outbox:
        outbox.put(one_item(), NOW)
        assert outbox.mode_fixes == ()
        for name in OUTBOX_FILES:
            assert mode(path.with_name(name)) == 0o600, name
        assert mode(path.parent) == 0o700
        assert mode(path.parent.parent) == 0o700
        with outbox.sender_lock("186"):
            assert mode(path.with_name("outbox.186.lock")) == 0o600


@pytest.mark.usefixtures("open_umask")
def test_settings_and_the_training_key_are_private_whatever_the_umask(tmp_path: Path) -> None:
    settings = tmp_path / "config" / "paivystys" / "settings.json"
    SettingsStore(settings).save(UserSettings())
    assert mode(settings) == 0o600
    assert mode(settings.parent) == 0o700
    key_file = tmp_path / "data" / "training" / "outbox-training.key"
    assert KeyStore(training=True, training_key_file=key_file).get_or_create(db_exists=False)
    assert mode(key_file) == 0o600
    assert mode(key_file.parent) == 0o700


@pytest.mark.usefixtures("open_umask")
def test_private_directory_leaves_an_existing_directory_to_the_check(tmp_path: Path) -> None:
    existing = tmp_path / "existing"
    existing.mkdir()
    existing.chmod(0o755)
    private_directory(existing / "a" / "b")
    assert mode(existing) == 0o755
    assert mode(existing / "a") == mode(existing / "a" / "b") == 0o700


def test_modes_open_to_others_are_fixed_and_named_at_opening(
    tmp_path: Path, key: bytes, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "profile" / "outbox.db"
    with Outbox.open(path, key) as first:
        first.put(one_item(), NOW)  # the log and shared memory exist while it is open
        path.parent.chmod(0o755)
        for name in OUTBOX_FILES:
            path.with_name(name).chmod(0o644)
        with caplog.at_level(logging.WARNING), Outbox.open(path, key) as second:
            fixes = {fix.path.name: (fix.was, fix.now) for fix in second.mode_fixes}
    assert fixes == {
        "profile": (0o755, 0o700),
        "outbox.db": (0o644, 0o600),
        "outbox.db-wal": (0o644, 0o600),
        "outbox.db-shm": (0o644, 0o600),
    }
    assert mode(path.parent) == 0o700
    assert mode(path) == 0o600
    assert sum("others could read it" in record.getMessage() for record in caplog.records) == 4
    with Outbox.open(path, key) as third:
        assert third.mode_fixes == ()


def test_outbox_status_reports_a_fixed_mode_once(tmp_path: Path, key: bytes) -> None:
    profile_dir = tmp_path / "profile"
    key_file = profile_dir / "outbox-training.key"
    setup = OutboxSetup(profile_dir, KeyStore(training=True, training_key_file=key_file))
    with contextlib.closing(Outbox.open(profile_dir / "outbox.db", key)):
        pass
    key_file.write_text(key.hex(), encoding="ascii")
    (profile_dir / "outbox.db").chmod(0o640)
    report = helpdesk.outbox_status(setup)
    assert report.exit_code == helpdesk.EXIT_OK
    # SQLite gives the log and shared memory the database's mode: all three are named.
    assert report.document["outbox"]["modes_fixed"] == [
        {"path": str(profile_dir / name), "was": "0640", "now": "0600"} for name in OUTBOX_FILES
    ]
    # (The lines in Finnish, the command line's language by default.)
    assert sum(line.startswith("  oikeudet: ") and "0640" in line for line in report.lines) == 3
    again = helpdesk.outbox_status(setup)
    assert again.document["outbox"]["modes_fixed"] == []
    assert not any("oikeudet:" in line for line in again.lines)


def test_doctor_names_a_fixed_mode(training: TrainingServer, profile: Path) -> None:
    setup = OutboxSetup.for_mode(training=True)
    setup.open().close()
    setup.profile_dir.chmod(0o755)
    done = run_app(
        "doctor", "--json", "--training-server", training.url, env=dict(os.environ), profile=profile
    )
    assert done.returncode == 0, done.stdout + done.stderr
    [fixed] = json.loads(done.stdout)["outbox"]["modes_fixed"]
    assert fixed["path"] == str(setup.profile_dir)
    assert (fixed["was"], fixed["now"]) == ("0755", "0700")
    assert "others could read it" in done.stderr  # and logged
