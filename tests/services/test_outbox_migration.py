"""Schema migrations on real outbox files: the golden outbox of each old version.

``tests/golden/outbox-v5.db`` was made by the version 5 code (before authors), keyed
with ``outbox-v5.key`` (the v4 key): the v4 file opened by it (so migrated to 5, its
five items unbound) and one more entry saved, item 7: to 505, client 140317A931V,
bound to a destination, at T0 + 7 min.

``tests/golden/outbox-v4.db`` is the v3 file migrated by the version 4 code, with a
draft.

``tests/golden/outbox-v3.db`` was made by the version 3 code (before drafts), keyed
with ``outbox-v3.key``, through the outbox's own API: six items saved a minute apart
from T0 (1 and 2: one client of 186, 1 waiting after a failed attempt; 3: mail to
106 needing attention; 4: a notification to 858 left 'sending' by a crash; 5: a
manual fax of 186; 6: an entry to 505, delivered at T0 + 6 min).

``tests/golden/outbox-v2.db`` was made by the version 2 code (with the outbox's
own cipher profile: 1 KiB pages, HMAC-SHA256), keyed with ``outbox-v2.key``: six
items saved a minute apart from T0, of which item 1 waits after a failed attempt,
2 waits behind it, 3 needs attention, 4 was left 'sending' by a crash, 5 is a
manual fax and 6 was delivered.

``tests/golden/outbox-v1.db`` was made by the version 1 code (before 'manual'
existed), keyed with the raw key in ``outbox-v1.key`` (hex). It holds five items of
three municipalities in every v1 state (waiting after a failed attempt, waiting,
needing attention, left 'sending' by a crash, an event) and one delivery; the
AUTOINCREMENT counter stands at 6 (item 6 was delivered). The test opens a copy:
the golden file itself is never written.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import secrets
import shutil
import uuid
from pathlib import Path

import pytest
from sqlcipher3 import dbapi2

from app.domain.author import SignInMethod
from app.domain.kinds import ItemKind
from app.services.outbox import file as outbox_file
from app.services.outbox import schema as outbox_schema
from app.services.outbox.codec import entry_from_payload, event_from_payload
from app.services.outbox.delivery import FAR_FUTURE
from app.services.outbox.store import (
    Corrupt,
    Draft,
    ItemState,
    Outbox,
    OutgoingItem,
    StateConflict,
    StoredItem,
)
from tests.helpers import author

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
T0 = dt.datetime(2026, 11, 26, 21, 15, tzinfo=dt.UTC)
MINUTE = dt.timedelta(minutes=1)

# What the v1 golden file holds: id, key, municipality, kind, state, attempts.
GOLDEN_V1 = [
    (1, "6f1c0a4e-9a53-4c55-b0a4-0e0e6c1d2b7f", "186", "entry", "waiting", 1),
    (2, "0b4ad7f2-3c1e-4f6a-8d2b-5e9c7a1f3d40", "186", "entry", "waiting", 0),
    (3, "9d2e4c61-7b3a-4e58-a1f0-c6b8d5e2f917", "106", "entry", "attention", 1),
    (4, "a7c3e9b1-2d4f-4a6e-9b8c-1f3e5d7a9c20", "858", "entry", "sending", 0),
    (5, "c5e1a2b3-4d6f-4e8a-9c0b-2d4f6a8c0e13", "106", "event", "waiting", 0),
]


def golden_copy(tmp_path: Path, version: int) -> tuple[Path, bytes]:
    """A copy of the golden outbox of ``version`` (the golden file is never written) and its key."""
    copy = tmp_path / "outbox.db"
    shutil.copyfile(GOLDEN / f"outbox-v{version}.db", copy)
    key = bytes.fromhex((GOLDEN / f"outbox-v{version}.key").read_text().strip())
    return copy, key


@pytest.fixture
def golden_v1(tmp_path: Path) -> tuple[Path, bytes]:
    return golden_copy(tmp_path, 1)


def raw_schema_version(box: Outbox) -> int:
    version: int = box._query("SELECT value FROM meta WHERE name = 'schema_version'")[0][0]
    return version


def test_the_golden_file_is_version_1_and_untouched(golden_v1: tuple[Path, bytes]) -> None:
    path, key = golden_v1
    assert outbox_schema.SCHEMA_VERSION == 6
    original = (GOLDEN / "outbox-v1.db").read_bytes()
    assert hashlib.sha256(path.read_bytes()).digest() == hashlib.sha256(original).digest()
    # Read the copy at version 1 without the app's open (which would migrate it).
    with contextlib.closing(
        outbox_file._connect(path, "immutable=1", key.hex(), outbox_file.CIPHER_SQLCIPHER4)
    ) as db:
        assert db.execute("SELECT value FROM meta").fetchone() == (1,)
        (sql,) = db.execute("SELECT sql FROM sqlite_schema WHERE name = 'items'").fetchone()
        assert "'manual'" not in sql


def test_an_outbox_of_the_first_cipher_profile_opens_and_keeps_it(
    golden_v1: tuple[Path, bytes],
) -> None:
    """Made with SQLCipher 4's defaults (4 KiB pages, HMAC-SHA512), before the
    outbox's own profile: it opens with the fallback and is never re-encrypted."""
    path, key = golden_v1
    assert outbox_file.CIPHER != outbox_file.CIPHER_SQLCIPHER4
    with (
        contextlib.closing(outbox_file._connect(path, "immutable=1", key.hex())) as db,
        pytest.raises(dbapi2.DatabaseError),  # the new profile does not read it
    ):
        db.execute("SELECT count(*) FROM sqlite_schema").fetchone()
    with Outbox.open(path, key) as box:
        box.put(OutgoingItem(uuid.uuid4(), "186", ItemKind.ENTRY, "x", "", b"{}"), T0)
        assert box.integrity_check() == []
        assert box.file_format() == {
            "schema": outbox_schema.SCHEMA_VERSION,
            "cipher": "v1",
            "page_size": 4096,
            "hmac": "HMAC_SHA512",
        }
    with contextlib.closing(
        outbox_file._connect(path, "mode=ro", key.hex(), outbox_file.CIPHER_SQLCIPHER4)
    ) as db:
        assert db.execute("SELECT count(*) FROM items").fetchone() == (6,)
        assert db.execute("PRAGMA cipher_page_size").fetchone() == ("4096",)


def test_a_wrong_key_fails_every_cipher_profile_untouched(
    golden_v1: tuple[Path, bytes],
) -> None:
    path, _ = golden_v1
    before = path.read_bytes()
    with pytest.raises(outbox_file.WrongKey):
        Outbox.open(path, secrets.token_bytes(32))
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["outbox.db"]


def test_v1_outbox_is_migrated_with_its_items_intact(golden_v1: tuple[Path, bytes]) -> None:
    path, key = golden_v1
    with Outbox.open(path, key) as box:
        assert raw_schema_version(box) == outbox_schema.SCHEMA_VERSION
        assert box.integrity_check() == []
        items = box.items()
        assert [
            (i.id, str(i.key), i.municipality, i.kind, i.state.value, i.attempts) for i in items
        ] == GOLDEN_V1
        assert all(type(i.kind) is ItemKind for i in items)  # the stored strings, as members
        # Payloads, labels, errors and times came across byte for byte.
        first = entry_from_payload(items[0].payload)
        assert first.idempotency_key == items[0].key
        assert "Čuoŋžá Đ Ŧ" in first.narrative
        assert items[0].label.startswith("N. Š. 14.3.2017 · kirjaus")
        assert items[0].last_error == "Unreachable: connection refused"
        assert items[0].next_attempt == T0 + 10 * MINUTE
        assert items[2].last_error is not None
        assert items[2].last_error.startswith("Rejected: ")
        assert event_from_payload(items[4].payload).refers_to is not None
        assert [i.created for i in items] == [
            T0,
            T0 + MINUTE,
            T0 + 2 * MINUTE,
            T0 + 3 * MINUTE,
            T0 + 4 * MINUTE,
        ]
        assert box.last_delivery() == {"505": T0 + 5 * MINUTE}
        counts = box.counts()
        assert (counts.waiting, counts.sending, counts.attention, counts.manual) == (3, 1, 1, 0)
        # Version 3's one queue index replaced version 1's two.
        indexes = {
            row[0] for row in box._query("SELECT name FROM sqlite_schema WHERE type = 'index'")
        }
        assert "items_queue" in indexes
        assert not {"items_line", "items_due"} & indexes


def test_migrated_outbox_never_reuses_an_id(golden_v1: tuple[Path, bytes]) -> None:
    """Item 6 was delivered before the migration: its id must not come back."""
    path, key = golden_v1
    with Outbox.open(path, key) as box:
        stored = box.put(
            OutgoingItem(uuid.uuid4(), "186", ItemKind.FAX, "x", "label", b"{}"),
            T0 + 10 * MINUTE,
            ItemState.MANUAL,
        )
        assert stored.id == 7


def test_migrated_outbox_keeps_manual_items_and_works_on(golden_v1: tuple[Path, bytes]) -> None:
    path, key = golden_v1
    with Outbox.open(path, key) as box:
        assert box.recover() == 1
        manual = box.put(
            OutgoingItem(uuid.uuid4(), "186", ItemKind.FAX, "x", "label", b"{}"),
            T0 + 10 * MINUTE,
            ItemState.MANUAL,
        )
        assert manual.state is ItemState.MANUAL
    with Outbox.open(path, key) as box:  # opening a current outbox migrates nothing
        assert raw_schema_version(box) == outbox_schema.SCHEMA_VERSION
        assert box.get(manual.id) == manual
        assert manual.id not in [i.id for i in box.due("186", FAR_FUTURE)]
        with pytest.raises(StateConflict):
            box.mark_done(1)
        assert box.mark_done(manual.id) == manual
        assert box.get(manual.id) is None
        assert len(box.items()) == 5
        assert box.integrity_check() == []


def test_a_failed_migration_leaves_the_file_at_version_1(
    golden_v1: tuple[Path, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, key = golden_v1

    def fail_midway(db: dbapi2.Connection) -> None:
        outbox_schema._add_manual_state(db)
        raise OSError("power cut")

    monkeypatch.setitem(outbox_schema.MIGRATIONS, 2, fail_midway)
    with pytest.raises(OSError, match="power cut"):
        Outbox.open(path, key)
    monkeypatch.undo()
    with contextlib.closing(
        outbox_file._connect(path, "mode=ro", key.hex(), outbox_file.CIPHER_SQLCIPHER4)
    ) as db:
        assert db.execute("SELECT value FROM meta").fetchone() == (1,)
        assert db.execute("SELECT count(*) FROM items").fetchone() == (5,)
        names = {row[0] for row in db.execute("SELECT name FROM sqlite_schema")}
        assert "items_new" not in names
    with Outbox.open(path, key) as box:
        assert raw_schema_version(box) == outbox_schema.SCHEMA_VERSION
        assert len(box.items()) == 5


def test_a_new_outbox_goes_through_every_migration(tmp_path: Path) -> None:
    with Outbox.open(tmp_path / "outbox.db", secrets.token_bytes(32)) as box:
        assert raw_schema_version(box) == outbox_schema.SCHEMA_VERSION
        (sql,) = box._query("SELECT sql FROM sqlite_schema WHERE name = 'items'")[0]
        assert "'manual'" in sql
        assert box.integrity_check() == []


def test_manual_items_are_never_due_and_hold_nobody_back(tmp_path: Path) -> None:
    """Version 2's 'manual' state: a fax the worker sends by hand."""
    with Outbox.open(tmp_path / "outbox.db", secrets.token_bytes(32)) as box:
        fax = box.put(
            OutgoingItem(uuid.uuid4(), "186", ItemKind.FAX, "A", "label", b"{}"),
            T0,
            ItemState.MANUAL,
        )
        assert (fax.state, box.put(replace_key(fax), T0 + MINUTE)) == (ItemState.MANUAL, fax)
        assert box.due("186", FAR_FUTURE) == []
        assert box.municipalities_with_due(FAR_FUTURE) == []
        assert box.next_due_time() is None
        assert box.recover() == 0
        counts = box.counts()
        assert (counts.waiting, counts.sending, counts.attention, counts.manual) == (0, 0, 0, 1)
        assert counts.per_municipality == {"186": 1}
        # A later waiting item of the same client is not held back by the fax.
        entry = box.put(OutgoingItem(uuid.uuid4(), "186", ItemKind.ENTRY, "A", "label", b"{}"), T0)
        assert [item.id for item in box.due("186", T0)] == [entry.id]
        assert box.next_due_time() == T0
        assert box.mark_sending_many([fax.id]) == set()  # the sender never claims it
        with pytest.raises(StateConflict):
            box.discard(fax.id)
        with pytest.raises(StateConflict):
            box.mark_done(entry.id)
        with pytest.raises(ValueError, match="waiting or manual"):
            box.put(
                OutgoingItem(uuid.uuid4(), "186", ItemKind.FAX, "A", "label", b"{}"),
                T0,
                ItemState.ATTENTION,
            )
        assert box.mark_done(fax.id) == fax
        assert [item.id for item in box.items()] == [entry.id]
        assert box.counts().manual == 0


def replace_key(item: StoredItem) -> OutgoingItem:
    """The same key again (with other content): put returns the stored row unchanged."""
    return OutgoingItem(item.key, item.municipality, ItemKind.ENTRY, item.client, "other", b"[]")


# What the v2 golden file holds: id, key, municipality, kind, state, attempts.
GOLDEN_V2 = [
    (1, "3e9a1c57-0d2b-4f68-9a31-7c5e2b8d4f10", "186", "entry", "waiting", 1),
    (2, "c41f7e2a-9b6d-4c3e-8a15-2f7d9e0b6c83", "186", "entry", "waiting", 0),
    (3, "7b2d9e41-5c8a-4f36-b0e7-1a9c3d5f8e26", "106", "mail", "attention", 1),
    (4, "e8c5a3f1-2b7d-4e94-a6c0-9d1f4b7e3a58", "858", "notification", "sending", 0),
    (5, "14d7b9e3-8f2a-4c61-9e5b-3a0c7d2f6b95", "186", "fax", "manual", 0),
]


@pytest.fixture
def golden_v2(tmp_path: Path) -> tuple[Path, bytes]:
    return golden_copy(tmp_path, 2)


def test_the_golden_v2_file_is_version_2_in_the_current_cipher_profile(
    golden_v2: tuple[Path, bytes],
) -> None:
    path, key = golden_v2
    with contextlib.closing(outbox_file._connect(path, "immutable=1", key.hex())) as db:
        assert db.execute("SELECT value FROM meta").fetchone() == (2,)
        indexes = {r[0] for r in db.execute("SELECT name FROM sqlite_schema WHERE type='index'")}
        assert {"items_line", "items_due"} <= indexes


def test_v2_outbox_is_migrated_to_one_queue_index_with_its_items_intact(
    golden_v2: tuple[Path, bytes],
) -> None:
    path, key = golden_v2
    with Outbox.open(path, key) as box:
        assert raw_schema_version(box) == outbox_schema.SCHEMA_VERSION == 6
        assert box.integrity_check() == []
        items = box.items()
        assert [
            (i.id, str(i.key), i.municipality, i.kind, i.state.value, i.attempts) for i in items
        ] == GOLDEN_V2
        assert all(type(i.kind) is ItemKind for i in items)  # the stored strings, as members
        assert [i.created for i in items] == [T0 + n * MINUTE for n in range(5)]
        assert items[0].next_attempt == T0 + 10 * MINUTE
        assert items[0].last_error == "Unreachable: connection refused"
        assert "Čuoŋžá Đ Ŧ" in items[4].payload.decode()
        indexes = {r[0] for r in box._query("SELECT name FROM sqlite_schema WHERE type='index'")}
        assert "items_queue" in indexes
        assert not {"items_line", "items_due"} & indexes
        # The queries the indexes served before answer as they did.
        assert box.due("186", T0 + 9 * MINUTE) == []  # item 1 waits for its backoff; 2 behind it
        assert [i.id for i in box.due("186", T0 + 10 * MINUTE)] == [1]
        assert box.next_due_time() == T0 + 10 * MINUTE  # 4 is sending: nobody's first waiting
        assert box.municipalities_with_due(T0 + 10 * MINUTE) == ["186"]
        assert [[i.id for i in line] for line in box.lines("186", FAR_FUTURE)] == [[1, 2]]
        assert box.recover() == 1
        assert box.municipalities_with_due(T0 + 10 * MINUTE) == ["186", "858"]
        counts = box.counts()
        assert (counts.waiting, counts.sending, counts.attention, counts.manual) == (3, 0, 1, 1)
        assert box.last_delivery() == {"505": T0 + 6 * MINUTE}
        new = box.put(OutgoingItem(uuid.uuid4(), "505", ItemKind.ENTRY, "x", "", b"{}"), T0)
        assert new.id == 7  # item 6 was delivered: its id never comes back


# What the v3 golden file holds: id, key, municipality, kind, state, attempts.
GOLDEN_V3 = [
    (1, "5a0e8c31-7d4b-4e92-b1f6-2c9a8d3e7f01", "186", "entry", "waiting", 1),
    (2, "b7d24f96-1e3a-4c58-9f0b-6a2e4d8c1b37", "186", "entry", "waiting", 0),
    (3, "e1c9a5d7-3f6b-4a20-8e4c-9b7d1f5a3c62", "106", "mail", "attention", 1),
    (4, "2f8b6d1e-9c4a-4b73-a5e0-7d3f1c9b5e84", "858", "notification", "sending", 0),
    (5, "9c3e7a15-4b8d-4f26-b9a1-5e2c8f4d6a07", "186", "fax", "manual", 0),
]


@pytest.fixture
def golden_v3(tmp_path: Path) -> tuple[Path, bytes]:
    return golden_copy(tmp_path, 3)


def table_names(db: dbapi2.Connection) -> set[str]:
    return {row[0] for row in db.execute("SELECT name FROM sqlite_schema WHERE type = 'table'")}


def test_the_golden_v3_file_is_version_3_without_drafts(golden_v3: tuple[Path, bytes]) -> None:
    path, key = golden_v3
    assert path.read_bytes() == (GOLDEN / "outbox-v3.db").read_bytes()
    with contextlib.closing(outbox_file._connect(path, "immutable=1", key.hex())) as db:
        assert db.execute("SELECT value FROM meta").fetchone() == (3,)
        assert "drafts" not in table_names(db)
        indexes = {r[0] for r in db.execute("SELECT name FROM sqlite_schema WHERE type='index'")}
        assert "items_queue" in indexes


def test_v3_outbox_gets_drafts_with_its_items_intact(golden_v3: tuple[Path, bytes]) -> None:
    path, key = golden_v3
    with Outbox.open(path, key) as box:
        assert raw_schema_version(box) == outbox_schema.SCHEMA_VERSION == 6
        assert box.integrity_check() == []
        items = box.items()
        assert [
            (i.id, str(i.key), i.municipality, i.kind, i.state.value, i.attempts) for i in items
        ] == GOLDEN_V3
        assert all(type(i.kind) is ItemKind for i in items)  # the stored strings, as members
        assert [i.created for i in items] == [T0 + n * MINUTE for n in range(5)]
        assert items[0].next_attempt == T0 + 10 * MINUTE
        assert items[0].last_error == "Unreachable: connection refused"
        assert items[2].last_error == "Rejected: recipient unknown"
        child, mother = "140317A931V", "020688-954L"
        assert [i.client for i in items] == [child, child, mother, mother, child]
        assert "Čuoŋžá Đ Ŧ" in items[4].payload.decode()
        assert box.last_delivery() == {"505": T0 + 6 * MINUTE}
        counts = box.counts()
        assert (counts.waiting, counts.sending, counts.attention, counts.manual) == (2, 1, 1, 1)
        assert counts.drafts == 0
        assert box.drafts() == []
        (sql,) = box._query("SELECT sql FROM sqlite_schema WHERE name = 'drafts'")[0]
        assert sql.rstrip().endswith("STRICT")
        # The new table works, and the sender's queries answer as before.
        draft = Draft(uuid.uuid4(), "entry", "186", "140317A931V", b'{"n": "x"}', T0)
        box.save_draft(draft)
        assert box.drafts() == [draft]
        assert [i.id for i in box.due("186", T0 + 10 * MINUTE)] == [1]
        assert box.recover() == 1
        assert box.municipalities_with_due(T0 + 10 * MINUTE) == ["186", "858"]
        new = box.put(OutgoingItem(uuid.uuid4(), "505", ItemKind.ENTRY, "x", "", b"{}"), T0)
        assert new.id == 7  # item 6 was delivered: its id never comes back
    with Outbox.open(path, key) as box:
        assert box.drafts() == [draft]
        assert box.integrity_check() == []


def test_a_failed_migration_to_drafts_leaves_the_file_at_version_3(
    golden_v3: tuple[Path, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, key = golden_v3

    def fail_midway(db: dbapi2.Connection) -> None:
        outbox_schema._add_drafts(db)
        raise OSError("power cut")

    monkeypatch.setitem(outbox_schema.MIGRATIONS, 4, fail_midway)
    with pytest.raises(OSError, match="power cut"):
        Outbox.open(path, key)
    monkeypatch.undo()
    with contextlib.closing(outbox_file._connect(path, "mode=ro", key.hex())) as db:
        assert db.execute("SELECT value FROM meta").fetchone() == (3,)
        assert "drafts" not in table_names(db)
        assert db.execute("SELECT count(*) FROM items").fetchone() == (5,)
    with Outbox.open(path, key) as box:
        assert raw_schema_version(box) == 6
        assert box.counts().drafts == 0
        assert len(box.items()) == 5


@pytest.fixture
def golden_v4(tmp_path: Path) -> tuple[Path, bytes]:
    return golden_copy(tmp_path, 4)


def test_the_golden_v4_file_is_version_4_without_destinations(
    golden_v4: tuple[Path, bytes],
) -> None:
    path, key = golden_v4
    assert path.read_bytes() == (GOLDEN / "outbox-v4.db").read_bytes()
    with contextlib.closing(outbox_file._connect(path, "immutable=1", key.hex())) as db:
        assert db.execute("SELECT value FROM meta").fetchone() == (4,)
        columns = {row[1] for row in db.execute("PRAGMA table_info(items)")}
        assert "destination" not in columns
        assert db.execute("SELECT count(*) FROM drafts").fetchone() == (1,)


def test_v4_outbox_gets_destinations_with_its_items_and_draft_intact(
    golden_v4: tuple[Path, bytes],
) -> None:
    """Items saved before version 5 are unbound (''): nobody recorded where they went."""
    path, key = golden_v4
    with Outbox.open(path, key) as box:
        assert raw_schema_version(box) == outbox_schema.SCHEMA_VERSION == 6
        assert box.integrity_check() == []
        items = box.items()
        assert [
            (i.id, str(i.key), i.municipality, i.kind, i.state.value, i.attempts) for i in items
        ] == GOLDEN_V3
        assert [i.destination for i in items] == [""] * 5
        (draft,) = box.drafts()
        assert "Áilu Čuoŋžá Đ Ŧ" in draft.payload.decode()
        bound = OutgoingItem(
            uuid.uuid4(), "505", ItemKind.ENTRY, "x", "", b"{}", destination="keusote/effica/x"
        )
        new = box.put(bound, T0)
        assert new.id == 7
        assert new.destination == "keusote/effica/x"
    with Outbox.open(path, key) as box:
        stored = box.get(7)
        assert stored is not None
        assert stored.destination == "keusote/effica/x"
        assert box.integrity_check() == []


def test_a_failed_migration_to_destinations_leaves_the_file_at_version_4(
    golden_v4: tuple[Path, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, key = golden_v4

    def fail_midway(db: dbapi2.Connection) -> None:
        outbox_schema._add_destination(db)
        raise OSError("power cut")

    monkeypatch.setitem(outbox_schema.MIGRATIONS, 5, fail_midway)
    with pytest.raises(OSError, match="power cut"):
        Outbox.open(path, key)
    monkeypatch.undo()
    with contextlib.closing(outbox_file._connect(path, "mode=ro", key.hex())) as db:
        assert db.execute("SELECT value FROM meta").fetchone() == (4,)
        columns = {row[1] for row in db.execute("PRAGMA table_info(items)")}
        assert "destination" not in columns
    with Outbox.open(path, key) as box:
        assert raw_schema_version(box) == 6
        assert len(box.items()) == 5


@pytest.fixture
def golden_v5(tmp_path: Path) -> tuple[Path, bytes]:
    return golden_copy(tmp_path, 5)


GOLDEN_V5_DESTINATION = "keusote/effica/https://effica.keusote.example/api"


def test_the_golden_v5_file_is_version_5_without_authors(golden_v5: tuple[Path, bytes]) -> None:
    path, key = golden_v5
    assert path.read_bytes() == (GOLDEN / "outbox-v5.db").read_bytes()
    with contextlib.closing(outbox_file._connect(path, "immutable=1", key.hex())) as db:
        assert db.execute("SELECT value FROM meta").fetchone() == (5,)
        for table in ("items", "drafts"):
            columns = {row[1] for row in db.execute(f"PRAGMA table_info({table})")}
            assert "destination" in columns or table == "drafts"
            assert not set(outbox_schema.AUTHOR_COLUMNS) & columns
        assert db.execute("SELECT count(*) FROM items").fetchone() == (6,)
        assert db.execute("SELECT count(*) FROM drafts").fetchone() == (1,)


def test_v5_outbox_gets_authors_unknown_never_made_up(golden_v5: tuple[Path, bytes]) -> None:
    """Items and drafts saved before version 6 have no author: all NULL, read as None
    (the view says "tekijä ei tiedossa"); an item saved now keeps its author."""
    path, key = golden_v5
    with Outbox.open(path, key) as box:
        assert raw_schema_version(box) == outbox_schema.SCHEMA_VERSION == 6
        assert box.integrity_check() == []
        items = box.items()
        assert [
            (i.id, str(i.key), i.municipality, i.kind, i.state.value, i.attempts) for i in items
        ] == [*GOLDEN_V3, (7, "4b1e9d27-6a3c-4f85-9e02-8c7d5a1f3b69", "505", "entry", "waiting", 0)]
        assert [i.author for i in items] == [None] * 6
        assert [i.destination for i in items] == [""] * 5 + [GOLDEN_V5_DESTINATION]
        assert items[5].created == T0 + 7 * MINUTE
        assert items[5].payload == b'{"golden": "v5"}'
        assert items[0].last_error == "Unreachable: connection refused"
        assert "Čuoŋžá Đ Ŧ" in items[4].payload.decode()
        (draft,) = box.drafts()
        assert draft.author is None
        assert "Áilu Čuoŋžá Đ Ŧ" in draft.payload.decode()
        assert box.last_delivery() == {"505": T0 + 6 * MINUTE}
        # The sender's queries answer as before.
        assert [i.id for i in box.due("186", T0 + 10 * MINUTE)] == [1]
        assert box.recover() == 1
        signed_in = author("Áilu Čuoŋžá", "ailu-901")
        new = box.put(
            OutgoingItem(uuid.uuid4(), "505", ItemKind.ENTRY, "x", "", b"{}", author=signed_in), T0
        )
        assert (new.id, new.author) == (8, signed_in)
        kept = Draft(uuid.uuid4(), "entry", "186", "x", b'{"n": 1}', T0, author=signed_in)
        box.save_draft(kept)
    with Outbox.open(path, key) as box:
        assert box.get(8) == new
        stored = box.get(8)
        assert stored is not None
        assert stored.author == signed_in
        assert stored.author.method is SignInMethod.OIDC
        assert stored.author.signed_in_at == signed_in.signed_in_at
        assert {d.key: d.author for d in box.drafts()} == {draft.key: None, kept.key: signed_in}
        assert box.integrity_check() == []


def test_a_failed_migration_to_authors_leaves_the_file_at_version_5(
    golden_v5: tuple[Path, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, key = golden_v5
    before = path.read_bytes()

    def fail_midway(db: dbapi2.Connection) -> None:
        outbox_schema._add_authors(db)
        raise OSError("power cut")

    monkeypatch.setitem(outbox_schema.MIGRATIONS, 6, fail_midway)
    with pytest.raises(OSError, match="power cut"):
        Outbox.open(path, key)
    monkeypatch.undo()
    with contextlib.closing(outbox_file._connect(path, "mode=ro", key.hex())) as db:
        assert db.execute("SELECT value FROM meta").fetchone() == (5,)
        for table in ("items", "drafts"):
            columns = {row[1] for row in db.execute(f"PRAGMA table_info({table})")}
            assert not set(outbox_schema.AUTHOR_COLUMNS) & columns
        assert db.execute("SELECT count(*) FROM items").fetchone() == (6,)
    if not (path.parent / "outbox.db-wal").exists():
        assert path.read_bytes() == before
    with Outbox.open(path, key) as box:
        assert raw_schema_version(box) == 6
        assert [i.author for i in box.items()] == [None] * 6


@pytest.mark.parametrize(
    "damage",
    [
        "author_id = 'w-901'",  # partly given
        "author_id = 'w', author_name = 'n', author_organisation = 'o',"
        " author_method = 'telepathy', author_signed_in = 0",  # no such method
        "author_id = '', author_name = 'n', author_organisation = 'o',"
        " author_method = 'oidc', author_signed_in = 0",  # no worker id
    ],
)
def test_author_columns_that_hold_no_author_are_a_damaged_file(
    golden_v5: tuple[Path, bytes], damage: str
) -> None:
    path, key = golden_v5
    with Outbox.open(path, key) as box:
        box._query(f"UPDATE items SET {damage} WHERE id = 7")
        with pytest.raises(Corrupt, match="item 7"):
            box.get(7)
        with pytest.raises(Corrupt):
            box.items()
        assert box.get(1) is not None  # the others read as before
