"""The outbox key: found, created only when safe, never in a file in production."""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
import sys
import time
import uuid
from pathlib import Path

import pytest
from keyring.backend import KeyringBackend

from app.domain.kinds import ItemKind
from app.services.outbox.keys import (
    PRODUCTION_USER,
    SERVICE,
    TRAINING_USER,
    CorruptKey,
    KeyMissing,
    KeyringFailure,
    KeyringStoreLocked,
    KeyringTimeout,
    KeyStore,
    NoKeyringBackend,
    OutboxError,
    machine_name,
)
from app.services.outbox.store import OutgoingItem, open_outbox
from tests.keyring_backend import (
    ForgetfulKeyring,
    HangingKeyring,
    LockedKeyring,
    MemoryKeyring,
    PlaintextLikeKeyring,
    Snapshot,
    UseKeyring,
    no_keyring,
)

NOW = dt.datetime(2026, 12, 6, 3, 0, tzinfo=dt.UTC)

pytest_plugins = ["tests.outbox_fixtures"]


def test_creates_stores_and_returns_the_same_key(memory_keyring: MemoryKeyring) -> None:
    store = KeyStore(training=False)
    key = store.get_or_create(db_exists=False)
    assert len(key) == 32
    assert memory_keyring.passwords == {(SERVICE, store.username): key.hex()}
    assert store.username == f"{PRODUCTION_USER}@{machine_name()}"
    assert store.get_or_create(db_exists=True) == key
    assert store.get() == key
    assert KeyStore(training=False).get_or_create(db_exists=False) == key


def test_training_has_its_own_key(memory_keyring: MemoryKeyring) -> None:
    production = KeyStore(training=False).get_or_create(db_exists=False)
    training = KeyStore(training=True).get_or_create(db_exists=False)
    assert production != training
    assert (
        memory_keyring.passwords[(SERVICE, f"{TRAINING_USER}@{machine_name()}")] == training.hex()
    )


def test_never_a_new_key_over_an_existing_database(memory_keyring: MemoryKeyring) -> None:
    with pytest.raises(KeyMissing) as caught:
        KeyStore(training=False).get_or_create(db_exists=True)
    assert caught.value.code == "key_missing"
    assert memory_keyring.passwords == {}
    assert KeyStore(training=False).get() is None


@pytest.mark.parametrize("stored", ["", "zz" * 32, "ab" * 31, "ab" * 33, " " + "ab" * 32])
def test_corrupt_stored_key(memory_keyring: MemoryKeyring, stored: str) -> None:
    name = KeyStore(training=False).username
    memory_keyring.passwords[(SERVICE, name)] = stored
    with pytest.raises(CorruptKey) as caught:
        KeyStore(training=False).get_or_create(db_exists=True)
    assert caught.value.code == "corrupt_key"
    assert memory_keyring.passwords[(SERVICE, name)] == stored


@pytest.mark.parametrize("backend", [no_keyring(), PlaintextLikeKeyring()])
def test_production_without_keyring_refuses_and_writes_nothing(
    use_keyring: UseKeyring, tmp_path: Path, file_snapshot: Snapshot, backend: KeyringBackend
) -> None:
    use_keyring(backend)
    key_file = tmp_path / "training" / "outbox.key"
    with pytest.raises(NoKeyringBackend) as caught:
        KeyStore(training=False, training_key_file=key_file).get_or_create(db_exists=False)
    assert caught.value.code == "no_keyring"
    assert file_snapshot(tmp_path) == {}


def test_training_without_keyring_uses_a_private_key_file(
    use_keyring: UseKeyring, tmp_path: Path
) -> None:
    use_keyring(no_keyring())
    key_file = tmp_path / "training" / "outbox.key"
    store = KeyStore(training=True, training_key_file=key_file)
    key = store.get_or_create(db_exists=False)
    assert key_file.read_text(encoding="ascii") == key.hex()
    if sys.platform != "win32":
        assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert sorted(os.listdir(key_file.parent)) == ["outbox.key"]  # no temporary left
    assert store.get_or_create(db_exists=True) == key
    # A keyring installed later does not hide the training key already in use.
    use_keyring(MemoryKeyring())
    assert store.get_or_create(db_exists=True) == key


def test_training_key_file_missing_with_a_database(
    use_keyring: UseKeyring, tmp_path: Path, file_snapshot: Snapshot
) -> None:
    use_keyring(no_keyring())
    store = KeyStore(training=True, training_key_file=tmp_path / "outbox.key")
    with pytest.raises(KeyMissing):
        store.get_or_create(db_exists=True)
    assert file_snapshot(tmp_path) == {}


def test_corrupt_training_key_file(use_keyring: UseKeyring, tmp_path: Path) -> None:
    use_keyring(no_keyring())
    key_file = tmp_path / "outbox.key"
    key_file.write_bytes(b"\xff" * 64)
    with pytest.raises(CorruptKey):
        KeyStore(training=True, training_key_file=key_file).get_or_create(db_exists=True)


def test_training_without_key_file_setting_refuses(use_keyring: UseKeyring) -> None:
    use_keyring(no_keyring())
    with pytest.raises(NoKeyringBackend):
        KeyStore(training=True).get_or_create(db_exists=False)


def test_hanging_keyring_times_out(use_keyring: UseKeyring) -> None:
    backend = HangingKeyring()
    use_keyring(backend)
    started = time.monotonic()
    try:
        with pytest.raises(KeyringTimeout) as caught:
            KeyStore(training=False, timeout=0.2).get_or_create(db_exists=False)
    finally:
        backend.release.set()
    assert time.monotonic() - started < 2
    assert caught.value.code == "keyring_timeout"
    assert backend.passwords == {}


def test_locked_keyring(use_keyring: UseKeyring) -> None:
    use_keyring(LockedKeyring())
    with pytest.raises(KeyringStoreLocked) as caught:
        KeyStore(training=False).get_or_create(db_exists=False)
    assert caught.value.code == "keyring_locked"
    assert "collection" not in str(caught.value)  # the backend's own text is not passed on


def test_a_store_that_keeps_nothing_is_caught(use_keyring: UseKeyring) -> None:
    use_keyring(ForgetfulKeyring())
    with pytest.raises(KeyringFailure, match="did not keep"):
        KeyStore(training=False).get_or_create(db_exists=False)


def test_messages_carry_no_key_material(memory_keyring: MemoryKeyring) -> None:
    key = KeyStore(training=False).get_or_create(db_exists=False)
    memory_keyring.passwords[(SERVICE, KeyStore(training=False).username)] = key.hex()[:-1] + "g"
    with pytest.raises(OutboxError) as caught:
        KeyStore(training=False).get()
    assert key.hex()[:16] not in str(caught.value)
    assert key.hex()[:16] not in caught.value.detail


def test_backend_name_for_self_test(memory_keyring: MemoryKeyring) -> None:
    assert KeyStore(training=False).backend_name() == "tests.keyring_backend.MemoryKeyring"


def test_two_machines_sharing_one_credential_store_keep_their_own_keys(
    memory_keyring: MemoryKeyring, tmp_path: Path
) -> None:
    """A roaming profile: one credential store seen by two PCs, each with its own local
    outbox. Under one name the second PC's first use would take (or a later sync would
    overwrite) the other's key, and one outbox would read as a wrong key."""
    pc_a, pc_b = KeyStore(training=False, machine="pc-a"), KeyStore(training=False, machine="pc-b")
    key_a = pc_a.get_or_create(db_exists=False)
    key_b = pc_b.get_or_create(db_exists=False)
    assert key_a != key_b
    assert memory_keyring.passwords == {
        (SERVICE, f"{PRODUCTION_USER}@pc-a"): key_a.hex(),
        (SERVICE, f"{PRODUCTION_USER}@pc-b"): key_b.hex(),
    }
    # Each PC's real outbox opens with its own key after the other PC has been used.
    for store, key in ((pc_a, key_a), (pc_b, key_b)):
        profile = tmp_path / store.machine
        with open_outbox(profile, store) as box:
            box.put(OutgoingItem(uuid.uuid4(), "186", ItemKind.ENTRY, "x", "", b"{}"), NOW)
        assert KeyStore(training=False, machine=store.machine).get() == key
        with open_outbox(profile, KeyStore(training=False, machine=store.machine)) as box:
            assert box.counts().waiting == 1


def test_a_key_kept_under_the_old_name_is_read_and_kept_under_this_machines(
    memory_keyring: MemoryKeyring,
) -> None:
    old = "ab" * 32
    memory_keyring.passwords[(SERVICE, PRODUCTION_USER)] = old
    store = KeyStore(training=False, machine="pc-a")
    assert store.get() == bytes.fromhex(old)
    assert store.get_or_create(db_exists=True) == bytes.fromhex(old)
    assert memory_keyring.passwords == {
        (SERVICE, PRODUCTION_USER): old,  # never deleted: an older version may need it
        (SERVICE, f"{PRODUCTION_USER}@pc-a"): old,
    }


def test_the_machine_name_is_safe_in_a_credential_name() -> None:
    name = machine_name()
    assert name
    assert re.fullmatch(r"[a-z0-9_-]{1,63}", name)
