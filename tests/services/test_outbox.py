"""The encrypted outbox on real SQLCipher files: order, durability, failing closed."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
import subprocess
import sys
import threading
import uuid
from pathlib import Path

import pytest

from app.domain.hetu import make_hetu
from app.domain.kinds import ItemKind
from app.domain.model import ContactChannel, DutyEntry, TaskType
from app.services.outbox import file as outbox_file
from app.services.outbox import schema as outbox_schema
from app.services.outbox import store as outbox_module
from app.services.outbox.codec import entry_label, entry_to_payload
from app.services.outbox.delivery import FAR_FUTURE
from app.services.outbox.keys import KeyMissing, KeyStore, NoKeyringBackend
from app.services.outbox.locking import SenderBusy, SenderLock
from app.services.outbox.store import (
    Corrupt,
    ItemNotFound,
    ItemState,
    NewerSchema,
    NotAnOutbox,
    Outbox,
    OutboxIOError,
    OutgoingItem,
    StateConflict,
    WrongKey,
    open_outbox,
)
from tests.helpers import run_child
from tests.keyring_backend import MemoryKeyring, Snapshot, UseKeyring, no_keyring

pytest_plugins = ["tests.outbox_fixtures"]

ROOT = Path(__file__).resolve().parents[2]
T0 = dt.datetime(2026, 11, 26, 21, 15, tzinfo=dt.UTC)
MINUTE = dt.timedelta(minutes=1)
A = make_hetu(dt.date(2017, 3, 14), 931).value
B = make_hetu(dt.date(2012, 7, 1), 944).value


def item(client: str = A, municipality: str = "186", payload: bytes = b"{}") -> OutgoingItem:
    return OutgoingItem(uuid.uuid4(), municipality, ItemKind.ENTRY, client, "label", payload)


def ids(items: list[outbox_module.StoredItem]) -> list[int]:
    return [stored.id for stored in items]


def claim(box: Outbox, *item_ids: int) -> None:
    """Mark items sending as the deliverer does; each of them was waiting."""
    assert box.mark_sending_many(item_ids) == set(item_ids)


# -- the queue -------------------------------------------------------------


def test_put_saves_a_waiting_item(box: Outbox) -> None:
    stored = box.put(item(payload=b"\x00payload"), T0)
    assert stored.state is ItemState.WAITING
    assert (stored.attempts, stored.last_error, stored.payload) == (0, None, b"\x00payload")
    assert stored.next_attempt == stored.created == T0
    assert stored.next_attempt.tzinfo is dt.UTC
    assert box.get(stored.id) == stored
    assert box.due("186", T0) == [stored]
    assert box.due("186", T0 - MINUTE) == []


def test_put_is_idempotent(box: Outbox) -> None:
    first = box.put(item(payload=b"first"), T0)
    again = OutgoingItem(first.key, "186", ItemKind.ENTRY, A, "other", b"second")
    assert box.put(again, T0 + MINUTE) == first
    assert box.items() == [first]


def test_a_clients_items_go_in_the_order_saved(box: Outbox) -> None:
    a1, b1, a2, b2 = (box.put(item(client), T0) for client in (A, B, A, B))
    assert ids(box.due("186", T0)) == [a1.id, b1.id]
    claim(box, a1.id)
    assert ids(box.due("186", T0)) == [b1.id]  # a2 waits while a1 is being sent
    box.retry_later(a1.id, "ConnectionRefused", T0 + 10 * MINUTE)
    assert ids(box.due("186", T0)) == [b1.id]  # a failed a1 still holds a2 back
    assert ids(box.due("186", T0 + 10 * MINUTE)) == [a1.id, b1.id]
    claim(box, a1.id)
    box.mark_attention(a1.id, "Rejected: narrative too long")
    assert ids(box.due("186", T0)) == [b1.id, a2.id]  # attention holds nobody back
    claim(box, b1.id)
    box.mark_delivered([b1], T0)
    assert ids(box.due("186", T0)) == [a2.id, b2.id]
    assert ids(box.due("186", T0, limit=1)) == [a2.id]


def lines(box: Outbox, now: dt.datetime, limit: int = 200) -> list[list[int]]:
    return [ids(line) for line in box.lines("186", now, limit)]


def test_lines_give_each_clients_due_items_in_the_order_saved(box: Outbox) -> None:
    a1, b1, a2, b2, a3 = (box.put(item(client), T0) for client in (A, B, A, B, A))
    box.put(item(A, "245"), T0)  # another municipality's
    assert lines(box, T0) == [[a1.id, a2.id, a3.id], [b1.id, b2.id]]
    assert lines(box, T0, limit=3) == [[a1.id, a2.id], [b1.id]]
    claim(box, b1.id)
    assert lines(box, T0) == [[a1.id, a2.id, a3.id]]  # b2 waits while b1 is being sent
    box.retry_later(b1.id, "timeout", T0 + MINUTE)
    assert lines(box, T0) == [[a1.id, a2.id, a3.id]]  # a failed b1 holds b2 back
    assert lines(box, T0 + MINUTE) == [[a1.id, a2.id, a3.id], [b1.id, b2.id]]
    claim(box, a2.id)
    box.mark_attention(a2.id, "Rejected")
    assert lines(box, T0) == [[a1.id, a3.id]]  # attention holds nobody back
    fax = box.put(item(B), T0, ItemState.MANUAL)
    assert fax.id not in [i for line in lines(box, FAR_FUTURE) for i in line]  # manual: never
    assert box.mark_sending_many([a1.id, a3.id, fax.id, a2.id]) == {a1.id, a3.id}
    assert lines(box, FAR_FUTURE) == [[b1.id, b2.id]]
    box.release([a3.id])
    assert lines(box, FAR_FUTURE) == [[b1.id, b2.id]]  # a1 is still sending: a3 waits
    box.mark_delivered([box.get(a1.id)], T0)  # type: ignore[list-item]
    assert lines(box, FAR_FUTURE) == [[b1.id, b2.id], [a3.id]]  # by their first items
    assert box.last_delivery() == {"186": T0}


def test_mark_delivered_is_all_or_nothing(box: Outbox) -> None:
    first, second = box.put(item(A), T0), box.put(item(B), T0)
    box.mark_sending_many([first.id])
    with pytest.raises(StateConflict):
        box.mark_delivered([box.get(first.id), second], T0)  # type: ignore[list-item]
    assert ids(box.items()) == [first.id, second.id]
    assert box.get(first.id).state is ItemState.SENDING  # type: ignore[union-attr]
    assert box.last_delivery() == {}


def test_order_is_per_municipality(box: Outbox) -> None:
    first = box.put(item(A, "186"), T0)
    elsewhere = box.put(item(A, "245"), T0)
    claim(box, first.id)
    box.retry_later(first.id, "timeout", T0 + MINUTE)
    assert box.due("245", T0) == [elsewhere]
    assert box.municipalities_with_due(T0) == ["245"]
    assert box.municipalities_with_due(T0 + MINUTE) == ["186", "245"]


def test_next_due_time(box: Outbox) -> None:
    assert box.next_due_time() is None
    first = box.put(item(A), T0)
    box.put(item(A), T0)  # held back by first: its time does not count
    claim(box, first.id)
    box.retry_later(first.id, "timeout", T0 + 5 * MINUTE)
    assert box.next_due_time() == T0 + 5 * MINUTE
    box.put(item(B), T0 + 2 * MINUTE)
    assert box.next_due_time() == T0 + 2 * MINUTE
    claim(box, first.id)
    box.mark_attention(first.id, "rejected")
    assert box.next_due_time() == T0


def test_recover_puts_sending_items_back(box: Outbox) -> None:
    a, b, c = (box.put(item(client), T0) for client in (A, B, "other"))
    claim(box, a.id)
    claim(box, b.id)
    assert box.recover() == 2
    assert [stored.state for stored in box.items()] == [ItemState.WAITING] * 3
    assert box.recover() == 0
    assert ids(box.due("186", T0)) == [a.id, b.id, c.id]


def test_mark_delivered_deletes_and_notes_the_time(box: Outbox) -> None:
    stored = box.put(item(municipality="245"), T0)
    with pytest.raises(StateConflict):
        box.mark_delivered([stored], T0)  # never without marking it sending first
    claim(box, stored.id)
    box.mark_delivered([stored], T0 + MINUTE)
    assert box.get(stored.id) is None
    assert box.items() == []
    assert box.last_delivery() == {"245": T0 + MINUTE}
    with pytest.raises(ItemNotFound):
        box.mark_delivered([stored], T0 + 2 * MINUTE)
    assert box.last_delivery() == {"245": T0 + MINUTE}


def test_counts(box: Outbox) -> None:
    places = [(A, "186"), (B, "186"), (A, "245"), (B, "245")]
    stored = [box.put(item(client, code), T0) for client, code in places]
    claim(box, stored[0].id)
    claim(box, stored[1].id)
    box.mark_attention(stored[1].id, "rejected")
    counts = box.counts()
    assert (counts.waiting, counts.sending, counts.attention) == (2, 1, 1)
    assert counts.per_municipality == {"186": 2, "245": 2}


def test_retry_and_attention_count_attempts(box: Outbox) -> None:
    stored = box.put(item(), T0)
    claim(box, stored.id)
    box.retry_later(stored.id, "x" * 10_000, T0 + MINUTE)
    claim(box, stored.id)
    box.mark_attention(stored.id, "rejected")
    after = box.get(stored.id)
    assert after is not None
    assert (after.state, after.attempts, after.last_error) == (ItemState.ATTENTION, 2, "rejected")


def test_correct_puts_an_attention_item_back_in_line(box: Outbox) -> None:
    stored = box.put(item(), T0)
    with pytest.raises(StateConflict):
        box.correct(stored.id, b"new", "new label", T0)
    claim(box, stored.id)
    box.mark_attention(stored.id, "rejected")
    corrected = box.correct(stored.id, b"new", "new label", T0 + MINUTE)
    assert (corrected.id, corrected.key) == (stored.id, stored.key)
    assert (corrected.payload, corrected.label) == (b"new", "new label")
    assert corrected.state is ItemState.WAITING
    assert (corrected.attempts, corrected.last_error) == (0, None)
    assert corrected.next_attempt == T0 + MINUTE
    assert box.due("186", T0 + MINUTE) == [corrected]


def test_discard(box: Outbox) -> None:
    stored = box.put(item(), T0)
    claim(box, stored.id)
    with pytest.raises(StateConflict):
        box.discard(stored.id)  # it may be arriving at the system right now
    box.mark_attention(stored.id, "rejected")
    discarded = box.discard(stored.id)
    assert discarded.key == stored.key
    assert box.items() == []
    with pytest.raises(ItemNotFound):
        box.discard(stored.id)


def test_repr_shows_no_client_data(box: Outbox) -> None:
    stored = box.put(
        OutgoingItem(uuid.uuid4(), "186", ItemKind.ENTRY, A, "M. A.", b"narrative"), T0
    )
    for text in (repr(stored), str(stored), repr(item(A))):
        assert A not in text
        assert "M. A." not in text
        assert "narrative" not in text


def test_the_kind_is_stored_as_its_string_and_read_back_as_a_member(box: Outbox) -> None:
    stored = box.put(item(), T0)
    assert box._query("SELECT kind FROM items") == [("entry",)]
    read = box.get(stored.id)
    assert read is not None
    assert type(read.kind) is ItemKind
    assert read.kind is ItemKind.ENTRY
    plain = OutgoingItem(uuid.uuid4(), "186", "entry", A, "label", b"{}")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="ItemKind"):
        box.put(plain, T0)


def test_an_unknown_kind_in_the_file_is_refused_as_damage(box: Outbox) -> None:
    stored = box.put(item(), T0)
    with box._write() as db:
        db.execute("UPDATE items SET kind = 'letter' WHERE id = ?", (stored.id,))
    with pytest.raises(Corrupt, match=f"item {stored.id} "):
        box.get(stored.id)
    with pytest.raises(Corrupt):
        box.items()


def test_times_must_be_aware(box: Outbox) -> None:
    with pytest.raises(ValueError, match="time zone"):
        box.put(item(), dt.datetime(2026, 11, 26, 23, 15))


def test_threads_share_one_outbox(box: Outbox) -> None:
    def save(client: str) -> None:
        for _ in range(20):
            box.put(item(client), T0)

    workers = [threading.Thread(target=save, args=(f"client-{n}",)) for n in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert len(box.items()) == 80
    assert box.integrity_check() == []


def test_two_connections_share_the_file(box: Outbox, path: Path, key: bytes) -> None:
    with Outbox.open(path, key) as other:
        stored = other.put(item(), T0)
        assert box.get(stored.id) == stored


CHILD_WRITER = """
import datetime as dt, sys, uuid
from pathlib import Path
from app.domain.kinds import ItemKind
from app.services.outbox.store import Outbox, OutgoingItem
with Outbox.open(Path(sys.argv[1]), bytes.fromhex(sys.argv[2])) as box:
    print("open", flush=True)
    sys.stdin.readline()
    for n in range(40):
        item = OutgoingItem(uuid.uuid4(), "186", ItemKind.ENTRY, f"child-{n}", "l", b"p")
        stored = box.put(item, dt.datetime.now(dt.UTC))
        if n % 4 == 0:
            box.mark_sending_many([stored.id])
print("done", flush=True)
"""


def test_two_processes_write_at_once(box: Outbox, path: Path, key: bytes) -> None:
    with subprocess.Popen(
        [sys.executable, "-c", CHILD_WRITER, str(path), key.hex()],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as child:
        assert child.stdin is not None
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "open"
        child.stdin.write("go\n")
        child.stdin.flush()
        for _ in range(40):
            box.put(item("parent"), T0)
        assert child.stdout.readline().strip() == "done"
    assert child.returncode == 0
    clients = [stored.client.split("-")[0] for stored in box.items()]
    assert (clients.count("parent"), clients.count("child")) == (40, 40)
    assert box.counts().sending == 10
    assert box.integrity_check() == []


# -- durability --------------------------------------------------------------


def test_survives_close_and_reopen(path: Path, key: bytes) -> None:
    with Outbox.open(path, key) as box:
        stored = box.put(item(), T0)
        claim(box, box.put(item(municipality="245"), T0).id)
    with Outbox.open(path, key) as box:
        assert box.items()[0] == stored
        assert box.counts().sending == 1
        assert box.integrity_check() == []


CHILD_PUT = """
import datetime as dt, sys, time, uuid
from pathlib import Path
from app.domain.kinds import ItemKind
from app.services.outbox.store import Outbox, OutgoingItem
box = Outbox.open(Path(sys.argv[1]), bytes.fromhex(sys.argv[2]))
item = OutgoingItem(uuid.UUID(sys.argv[3]), "186", ItemKind.ENTRY, "c", "l", b"p")
box.put(item, dt.datetime.now(dt.UTC))
print("saved", flush=True)
time.sleep(60)
"""


def kill_after_put(path: Path, key: bytes, item_key: uuid.UUID) -> None:
    with run_child(CHILD_PUT, str(path), key.hex(), str(item_key)) as child:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "saved"
        child.kill()


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_survives_kill_9_right_after_put(path: Path, key: bytes) -> None:
    Outbox.open(path, key).close()
    item_key = uuid.uuid4()
    kill_after_put(path, key, item_key)
    assert Path(f"{path}-wal").exists()  # not checkpointed: recovery reads the WAL
    with Outbox.open(path, key) as box:
        assert [stored.key for stored in box.items()] == [item_key]
        assert box.integrity_check() == []


CHILD_FILL = """
import datetime as dt, os, resource, signal, sys, uuid
from pathlib import Path
from app.domain.kinds import ItemKind
from app.services.outbox.store import Outbox, OutboxIOError, OutgoingItem
box = Outbox.open(Path(sys.argv[1]), bytes.fromhex(sys.argv[2]))
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # writes past the limit fail with EFBIG
limit = int(sys.argv[3])
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
now = dt.datetime.now(dt.UTC)
for n in range(10_000):
    key = uuid.uuid4()
    try:
        box.put(OutgoingItem(key, "186", ItemKind.ENTRY, str(n % 3), "l", os.urandom(3000)), now)
    except OutboxIOError as error:
        print("failed", key, error.code, box.get(n + 1) is None, len(box.items()), flush=True)
        break
    print("saved", key, flush=True)
os._exit(0)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
def test_disk_full_on_put_writes_nothing_half(path: Path, key: bytes) -> None:
    Outbox.open(path, key).close()
    child = run_child(CHILD_FILL, str(path), key.hex(), "200000")
    output, _ = child.communicate(timeout=60)
    lines = [line.split() for line in output.splitlines()]
    saved = [uuid.UUID(line[1]) for line in lines if line[0] == "saved"]
    assert len(saved) > 5
    assert lines[-1][0] == "failed"
    assert lines[-1][2:] == ["io_error", "True", str(len(saved))]
    with Outbox.open(path, key) as box:
        assert box.integrity_check() == []
        assert [stored.key for stored in box.items()] == saved
        box.put(item(), T0)  # and it takes new items again


# -- failing closed ----------------------------------------------------------


def test_wrong_key_changes_nothing(
    path: Path, key: bytes, file_snapshot: Snapshot, capfd: pytest.CaptureFixture[str]
) -> None:
    with Outbox.open(path, key) as box:
        box.put(item(), T0)
    before = file_snapshot(path.parent)
    with pytest.raises(WrongKey) as caught:
        Outbox.open(path, os.urandom(32))
    assert caught.value.code == "wrong_key"
    assert file_snapshot(path.parent) == before
    assert capfd.readouterr() == ("", "")  # no "hmac check failed"


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_wrong_key_leaves_a_crashed_outbox_byte_identical(
    path: Path, key: bytes, file_snapshot: Snapshot
) -> None:
    Outbox.open(path, key).close()
    kill_after_put(path, key, uuid.uuid4())
    before = file_snapshot(path.parent)
    assert {"outbox.db-wal", "outbox.db-shm"} <= before.keys()
    with pytest.raises(WrongKey):
        Outbox.open(path, os.urandom(32))
    assert file_snapshot(path.parent) == before


def replace_with_plain_sqlite(path: Path) -> None:
    path.unlink()
    with sqlite3.connect(path) as plain:
        plain.execute("CREATE TABLE items (x)")
    plain.close()


@pytest.mark.parametrize(
    ("damage", "error"),
    [
        (lambda path: path.write_bytes(os.urandom(3000)), Corrupt),
        (lambda path: path.write_bytes(b""), Corrupt),
        (lambda path: path.write_bytes(path.read_bytes()[:6000]), Corrupt),
        (lambda path: path.write_bytes(path.read_bytes()[:4096]), Corrupt),
        (lambda path: path.write_bytes(os.urandom(8192)), WrongKey),  # alike without the key
        (replace_with_plain_sqlite, NotAnOutbox),
    ],
)
def test_damaged_or_foreign_file_is_refused_untouched(
    path: Path, key: bytes, file_snapshot: Snapshot, damage: object, error: type[Exception]
) -> None:
    with Outbox.open(path, key) as box:
        for _ in range(20):
            box.put(item(payload=os.urandom(1000)), T0)
    assert callable(damage)
    damage(path)
    before = file_snapshot(path.parent)
    with pytest.raises(error):
        Outbox.open(path, key)
    assert file_snapshot(path.parent) == before


def test_another_sqlcipher_database_is_not_an_outbox(
    path: Path, key: bytes, file_snapshot: Snapshot
) -> None:
    path.parent.mkdir()
    foreign = outbox_file._connect(path, "mode=rwc", key.hex())
    foreign.execute("CREATE TABLE notes (x)")
    foreign.close()
    before = file_snapshot(path.parent)
    with pytest.raises(NotAnOutbox):
        Outbox.open(path, key)
    assert file_snapshot(path.parent) == before


NEWER = outbox_schema.SCHEMA_VERSION + 1


def test_newer_schema_is_refused_untouched(
    path: Path, key: bytes, file_snapshot: Snapshot, monkeypatch: pytest.MonkeyPatch
) -> None:
    Outbox.open(path, key).close()
    monkeypatch.setattr(outbox_schema, "SCHEMA_VERSION", NEWER)
    monkeypatch.setitem(
        outbox_schema.MIGRATIONS,
        NEWER,
        lambda db: db.execute("ALTER TABLE items ADD COLUMN n INTEGER"),
    )
    with Outbox.open(path, key) as box:
        stored = box.put(item(), T0)
        assert box._query("SELECT value FROM meta") == [(NEWER,)]
    monkeypatch.undo()
    before = file_snapshot(path.parent)
    with pytest.raises(NewerSchema) as caught:
        Outbox.open(path, key)
    assert caught.value.code == "newer_schema"
    assert file_snapshot(path.parent) == before
    monkeypatch.setattr(outbox_schema, "SCHEMA_VERSION", NEWER)
    with Outbox.open(path, key) as box:
        assert box.items() == [stored]


def test_journal_without_database_is_refused(
    path: Path, key: bytes, file_snapshot: Snapshot
) -> None:
    path.parent.mkdir()
    Path(f"{path}-wal").write_bytes(b"wal")
    before = file_snapshot(path.parent)
    with pytest.raises(Corrupt):
        Outbox.open(path, key)
    assert file_snapshot(path.parent) == before


# -- keys and profile ----------------------------------------------------------


def test_open_outbox_creates_key_and_file(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    profile = tmp_path / "profile-data"
    with open_outbox(profile, KeyStore(training=False)) as box:
        stored = box.put(item(), T0)
        assert box.lock_path == profile / "outbox.lock"
    assert sorted(os.listdir(profile)) == ["outbox.db", "outbox.lock"]
    with open_outbox(profile, KeyStore(training=False)) as box:
        assert box.items() == [stored]


def test_no_keyring_in_production_creates_nothing(
    tmp_path: Path, use_keyring: UseKeyring, file_snapshot: Snapshot
) -> None:
    use_keyring(no_keyring())
    store = KeyStore(training=False, training_key_file=tmp_path / "outbox.key")
    with pytest.raises(NoKeyringBackend):
        open_outbox(tmp_path / "profile-data", store)
    assert file_snapshot(tmp_path) == {}


def test_key_missing_for_an_existing_outbox(
    tmp_path: Path, use_keyring: UseKeyring, file_snapshot: Snapshot
) -> None:
    profile = tmp_path / "profile-data"
    use_keyring(MemoryKeyring())
    open_outbox(profile, KeyStore(training=False)).close()
    before = file_snapshot(tmp_path)
    use_keyring(MemoryKeyring())  # the credential store lost the key
    with pytest.raises(KeyMissing):
        open_outbox(profile, KeyStore(training=False))
    assert file_snapshot(tmp_path) == before


def test_training_without_keyring_keeps_its_key_in_a_private_file(
    tmp_path: Path, use_keyring: UseKeyring
) -> None:
    use_keyring(no_keyring())
    profile = tmp_path / "training"
    store = KeyStore(training=True, training_key_file=profile / "outbox.key")
    with open_outbox(profile, store) as box:
        stored = box.put(item(), T0)
    assert (profile / "outbox.key").stat().st_mode & 0o777 == 0o600
    with open_outbox(profile, store) as box:
        assert box.items() == [stored]


# -- no plaintext ------------------------------------------------------------

NARRATIVE = "Lapsi kertoi kanariatestin aikana, että Čuoŋžá Máret haki hänet yöllä."
SAMI_NAME = "Čuoŋžá Máret"
CLIENT = make_hetu(dt.date(2015, 6, 9), 977)


def canary_entry() -> DutyEntry:
    return DutyEntry(
        hetu=CLIENT,
        contact_time=dt.datetime(2026, 11, 26, 23, 15, tzinfo=dt.timezone(dt.timedelta(hours=2))),
        contact_channel=ContactChannel.EMERGENCY_112,
        task_type=TaskType.CHILD_PROTECTION,
        narrative=NARRATIVE,
        measures="Sijoitus sukulaisperheeseen.",
        follow_up_needed=True,
        author="Testi Päivystäjä",
    )


def found_canaries(directory: Path) -> list[str]:
    found = []
    for file in sorted(directory.iterdir()):
        data = file.read_bytes()
        for canary in (CLIENT.value, SAMI_NAME, NARRATIVE[:30], "kanariatestin"):
            for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
                if canary.encode(encoding) in data:
                    found.append(f"{file.name}: {canary} ({encoding})")
    return found


def test_no_plaintext_on_disk(path: Path, key: bytes) -> None:
    entry = canary_entry()
    label = entry_label(entry, first_names="Máret", last_name="Čuoŋžá")
    lock = SenderLock(path.parent / "outbox.lock")
    with Outbox.open(path, key) as box:
        lock.try_acquire()
        payload = entry_to_payload(entry)
        stored = box.put(
            OutgoingItem(uuid.uuid4(), "186", ItemKind.ENTRY, CLIENT.value, label, payload), T0
        )
        other = OutgoingItem(
            uuid.uuid4(), "186", ItemKind.ENTRY, CLIENT.value, SAMI_NAME, NARRATIVE.encode()
        )
        delivered = box.put(other, T0)
        box.mark_sending_many([delivered.id])
        box.mark_delivered([delivered], T0)
        assert {"outbox.db-wal", "outbox.db-shm"} <= set(os.listdir(path.parent))
        assert found_canaries(path.parent) == []  # while open: WAL and shared memory too
    lock.release()
    assert found_canaries(path.parent) == []
    with Outbox.open(path, key) as box:
        assert box.items() == [stored]


def test_the_canary_scan_would_find_plaintext(tmp_path: Path) -> None:
    plain = tmp_path / "plain.db"
    with sqlite3.connect(plain) as db:
        db.execute("CREATE TABLE t (x)")
        db.execute("INSERT INTO t VALUES (?)", (NARRATIVE.encode("utf-16-le"),))
    db.close()
    assert found_canaries(tmp_path) != []


def test_an_independent_reader_sees_sqlcipher(path: Path, key: bytes, tmp_path: Path) -> None:
    apsw = pytest.importorskip("apsw", reason="apsw-sqlite3mc (pip) is the independent reader")
    if not hasattr(apsw, "mc_version"):
        pytest.skip("plain apsw without SQLite3 Multiple Ciphers is installed")
    with Outbox.open(path, key) as box:
        stored = box.put(item(payload=entry_to_payload(canary_entry())), T0)
    copy = tmp_path / "copy" / "outbox.db"  # the reader may add -wal/-shm: not beside ours
    copy.parent.mkdir()
    shutil.copy(path, copy)
    reader = apsw.Connection(str(copy), flags=apsw.SQLITE_OPEN_READONLY)
    reader.execute("PRAGMA cipher='sqlcipher'").fetchall()
    reader.execute("PRAGMA legacy=4").fetchall()
    # The outbox's profile: 1 KiB pages, HMAC-SHA256 (SQLite3MC numbers it 1).
    assert (outbox_file.CIPHER.page_size, outbox_file.CIPHER.hmac) == (1024, "HMAC_SHA256")
    reader.execute("PRAGMA legacy_page_size=1024").fetchall()
    reader.execute("PRAGMA hmac_algorithm=1").fetchall()
    reader.execute(f"PRAGMA key=\"x'{key.hex()}'\"").fetchall()
    rows = reader.execute("SELECT key, client, payload FROM items").fetchall()
    assert rows == [(str(stored.key), A, stored.payload)]
    reader.close()


# -- the sender lock -----------------------------------------------------------

CHILD_LOCK = """
import sys, time
from pathlib import Path
from app.services.outbox.locking import SenderLock
lock = SenderLock(Path(sys.argv[1]))
print(lock.try_acquire(), flush=True)
if sys.argv[2] == "hold":
    time.sleep(60)
"""


def lock_in_child(lock_path: Path) -> str:
    child = run_child(CHILD_LOCK, str(lock_path), "try")
    output, _ = child.communicate(timeout=30)
    return output.strip()


def test_sender_lock_excludes_another_process(tmp_path: Path) -> None:
    lock = SenderLock(tmp_path / "outbox.lock")
    assert lock.try_acquire()
    assert lock_in_child(lock.path) == "False"
    assert not SenderLock(lock.path).try_acquire()  # nor another object in this process
    lock.release()
    assert lock_in_child(lock.path) == "True"


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_killed_sender_leaves_the_lock_free(tmp_path: Path) -> None:
    lock_path = tmp_path / "outbox.lock"
    lock = SenderLock(lock_path)
    with run_child(CHILD_LOCK, str(lock_path), "hold") as child:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "True"
        assert not lock.try_acquire()
        with pytest.raises(SenderBusy):
            lock.__enter__()
        child.kill()
    with lock:
        assert lock.held
    assert not lock.held


def test_outbox_io_error_is_an_outbox_error() -> None:
    assert OutboxIOError("disk full").code == "io_error"
