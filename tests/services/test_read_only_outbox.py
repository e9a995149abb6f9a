"""An outbox that cannot be written is refused at open, by name, with nothing changed.

Before: SQLite opened a 0444 file, created its WAL and shared-memory files 0444 (which
kept the outbox read-only after the file's mode was fixed), saving failed as "disk
full" and ``outbox flush`` died with a traceback.
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from pathlib import Path

import pytest

from app.domain.kinds import ItemKind
from app.services.outbox.file import ReadOnly
from app.services.outbox.profile import TRAINING_KEY_FILE
from app.services.outbox.store import Outbox, OutgoingItem
from app.ui.outbox.messages import open_failure
from tests.helpers import profile_env, run_app
from tests.keyring_backend import Snapshot

pytest_plugins = ["tests.outbox_fixtures"]
pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
NOW = dt.datetime(2026, 11, 27, 1, 0, tzinfo=dt.UTC)


def one_item() -> OutgoingItem:
    return OutgoingItem(
        key=uuid.uuid4(),
        municipality="186",
        kind=ItemKind.ENTRY,
        client="x",
        label="A. B. 1.1.2000",
        payload=b"{}",
    )


@pytest.fixture
def saved(path: Path, key: bytes) -> Path:
    """An outbox with one item waiting, closed."""
    with Outbox.open(path, key) as box:
        box.put(one_item(), NOW)
    return path


@pytest.mark.parametrize("target", ["file", "directory"])
def test_a_read_only_outbox_is_refused_untouched(
    saved: Path, key: bytes, file_snapshot: Snapshot, target: str
) -> None:
    chosen = saved if target == "file" else saved.parent
    chosen.chmod(0o444 if target == "file" else 0o555)
    try:
        before = file_snapshot(saved.parent)
        with pytest.raises(ReadOnly) as refused:
            Outbox.open(saved, key)
        assert refused.value.code == "read_only"
        assert str(chosen) in str(refused.value)
        assert file_snapshot(saved.parent) == before  # no WAL or shm made 0444
    finally:
        chosen.chmod(0o600 if target == "file" else 0o700)
    with Outbox.open(saved, key) as box:
        assert len(box.items()) == 1


def test_a_leftover_read_only_shm_is_named(saved: Path, key: bytes) -> None:
    shm = saved.with_name(saved.name + "-shm")
    shm.write_bytes(b"")
    shm.chmod(0o444)
    with pytest.raises(ReadOnly) as refused:
        Outbox.open(saved, key)
    assert str(shm) in str(refused.value)
    shm.chmod(0o600)
    with Outbox.open(saved, key) as box:
        assert len(box.items()) == 1


def test_the_window_says_it_cannot_write_not_disk_full() -> None:
    text = open_failure(ReadOnly("outbox.db cannot be written"))
    assert "ei voi kirjoittaa" in text
    assert "vain luku" in text
    assert "levy täynnä" not in text


def test_helpdesk_commands_report_it_without_a_traceback(tmp_path: Path) -> None:
    env = profile_env(tmp_path)
    first = run_app("outbox", "status", "--training", env=env, profile=tmp_path)
    assert first.returncode == 0, first.stdout + first.stderr
    [outbox_file] = (tmp_path / "data").rglob("outbox.db")
    assert (outbox_file.parent / TRAINING_KEY_FILE).exists()
    outbox_file.chmod(0o444)
    for action in ("status", "flush"):
        done = run_app("outbox", action, "--training", "--lang", "en", env=env, profile=tmp_path)
        assert done.returncode == 4, done.stdout + done.stderr
        assert "NOT OPENED (read_only)" in done.stdout
        assert "Traceback" not in done.stderr
