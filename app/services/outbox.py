"""The encrypted outbox: everything saved on this workstation and not yet delivered.

A duty entry may be the only record of a night's decision about a child, so
an item is committed durably (WAL, ``synchronous=FULL``) before ``put``
returns, is deleted only once its municipality's system has confirmed it, and
carries one idempotency key through every attempt. The file is SQLCipher,
keyed with the raw key from :mod:`app.services.keys`.

Opening fails closed: with a wrong key, a damaged or foreign file or a newer
schema nothing is created, deleted or rewritten, so helpdesk finds the files
exactly as they were. Every method is thread-safe (one connection behind a
lock); writes take the database write lock first (``BEGIN IMMEDIATE``) so two
processes sharing the file behave. Only the holder of the sender lock
(:mod:`app.services.locking`) may call :meth:`Outbox.recover` and send.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import secrets
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from types import TracebackType
from typing import Any

from sqlcipher3 import dbapi2

from app.services.keys import KeyStore, OutboxError, OutboxIOError, fsync_directory
from app.services.locking import SenderLock

# The errors' base classes come from keys and are part of this module's API.
__all__ = ["Corrupt", "ItemNotFound", "ItemState", "NewerSchema", "NotAnOutbox", "Outbox"]
__all__ += ["OutboxBusy", "OutboxClosed", "OutboxCounts", "OutboxError", "OutboxIOError"]
__all__ += ["OutgoingItem", "StateConflict", "StoredItem", "WrongKey", "open_outbox"]

OUTBOX_FILE = "outbox.db"
LOCK_FILE = "outbox.lock"
SCHEMA_VERSION = 1
APPLICATION_ID = 0x50564F42  # "PVOB": tells our outbox from any other SQLCipher file
PAGE_SIZE = 4096
BUSY_TIMEOUT_MS = 5000
VERIFY_ATTEMPTS = 3
MAX_ERROR_CHARS = 500
_PLAIN_SQLITE = b"SQLite format 3\x00"
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


class WrongKey(OutboxError):
    code = "wrong_key"


class Corrupt(OutboxError):
    code = "corrupt"


class NotAnOutbox(Corrupt):
    code = "not_an_outbox"


class NewerSchema(OutboxError):
    code = "newer_schema"


class OutboxBusy(OutboxError):
    code = "busy"


class ItemNotFound(OutboxError):
    code = "not_found"


class StateConflict(OutboxError):
    code = "state_conflict"


class OutboxClosed(OutboxError):
    code = "closed"


class ItemState(StrEnum):
    WAITING = "waiting"
    SENDING = "sending"
    ATTENTION = "attention"


@dataclass(frozen=True, repr=False)
class OutgoingItem:
    """What the caller saves. ``client`` (the identity code) orders a client's items."""

    key: uuid.UUID
    municipality: str
    kind: str
    client: str
    label: str
    payload: bytes

    def __repr__(self) -> str:
        return f"OutgoingItem(key={self.key}, kind={self.kind}, <redacted>)"


@dataclass(frozen=True, repr=False)
class StoredItem:
    id: int
    key: uuid.UUID
    municipality: str
    kind: str
    client: str
    label: str
    payload: bytes
    state: ItemState
    attempts: int
    next_attempt: dt.datetime
    last_error: str | None
    created: dt.datetime

    def __repr__(self) -> str:
        return (
            f"StoredItem(id={self.id}, key={self.key}, municipality={self.municipality}, "
            f"kind={self.kind}, state={self.state.value}, attempts={self.attempts}, <redacted>)"
        )


@dataclass(frozen=True)
class OutboxCounts:
    waiting: int
    sending: int
    attention: int
    per_municipality: dict[str, int]  # every item not yet delivered, per municipality code


# Each statement of version 1. AUTOINCREMENT: an id is never reused, so a stale
# id held by the UI can never act on another item. Times are integer
# microseconds since the epoch, UTC.
_SCHEMA_V1 = (
    "CREATE TABLE meta (name TEXT PRIMARY KEY, value INTEGER NOT NULL) STRICT",
    """CREATE TABLE items (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        key TEXT NOT NULL UNIQUE,
        municipality TEXT NOT NULL,
        kind TEXT NOT NULL,
        client TEXT NOT NULL,
        label TEXT NOT NULL,
        payload BLOB NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('waiting', 'sending', 'attention')),
        attempts INTEGER NOT NULL,
        next_attempt INTEGER NOT NULL,
        last_error TEXT,
        created INTEGER NOT NULL) STRICT""",
    "CREATE INDEX items_line ON items (municipality, client, id)",
    "CREATE INDEX items_due ON items (state, next_attempt)",
    "CREATE TABLE deliveries (municipality TEXT PRIMARY KEY, delivered INTEGER NOT NULL) STRICT",
    "INSERT INTO meta (name, value) VALUES ('schema_version', 1)",
)
# MIGRATIONS[n] turns a version n-1 outbox into version n, inside the
# transaction that records n. Every new outbox starts at version 1 and goes
# through them, so each migration runs in every test. Add golden files of the
# old versions to the tests with the first one.
MIGRATIONS: dict[int, Callable[[dbapi2.Connection], None]] = {}

_COLUMNS = (
    "id, key, municipality, kind, client, label, payload, state, attempts, "
    "next_attempt, last_error, created"
)
# First in line: no earlier-saved item of the same client and municipality is
# waiting or sending. Items needing attention do not hold others back.
_FIRST_IN_LINE = """i.state = 'waiting' AND NOT EXISTS (
    SELECT 1 FROM items AS e WHERE e.municipality = i.municipality
    AND e.client = i.client AND e.id < i.id AND e.state IN ('waiting', 'sending'))"""
_SELECT = f"SELECT {_COLUMNS} FROM items AS i"  # noqa: S608 - constants only


class Outbox:
    def __init__(self, path: Path, connection: dbapi2.Connection) -> None:
        """Use :meth:`open`; this takes an already verified connection."""
        self.path = path
        self._connection: dbapi2.Connection | None = connection
        self._lock = threading.RLock()

    @classmethod
    def open(cls, path: Path, key: bytes) -> Outbox:
        """Open (or, when no file exists, create) the outbox at ``path``; fail closed."""
        if len(key) != 32:
            raise ValueError("the outbox key must be 32 bytes")
        key_hex = key.hex()
        path = path.absolute()
        try:
            exists = path.exists()
        except OSError as error:
            raise OutboxIOError(f"outbox not reachable ({error.strerror})") from None
        if not exists:
            if _sibling(path, "-wal").exists() or _sibling(path, "-journal").exists():
                raise Corrupt("a journal exists without its database")
            _create(path, key_hex)
        for attempt in range(VERIFY_ATTEMPTS):
            try:
                _verify(path, key_hex)
                break
            except (WrongKey, Corrupt):
                # Another process checkpointing right now can make the main
                # file read torn for a moment; only possible while a WAL exists.
                if attempt + 1 == VERIFY_ATTEMPTS or not _sibling(path, "-wal").exists():
                    raise
                time.sleep(0.05)
        return cls(path, _open_read_write(path, key_hex))

    @property
    def lock_path(self) -> Path:
        """``outbox.lock`` beside ``outbox.db``: the sender lock's file."""
        return self.path.with_suffix(".lock")

    def sender_lock(self) -> SenderLock:
        return SenderLock(self.lock_path)

    def put(self, item: OutgoingItem, now: dt.datetime) -> StoredItem:
        """Save durably; the same key again returns the existing row unchanged."""
        _check_item(item)
        stamp = _stamp(now)
        with self._write() as db:
            db.execute(
                "INSERT INTO items (key, municipality, kind, client, label, payload, state,"
                " attempts, next_attempt, created) VALUES (?, ?, ?, ?, ?, ?, 'waiting', 0, ?, ?)"
                " ON CONFLICT (key) DO NOTHING",
                (
                    str(item.key),
                    item.municipality,
                    item.kind,
                    item.client,
                    item.label,
                    bytes(item.payload),
                    stamp,
                    stamp,
                ),
            )
            row = db.execute(_SELECT + " WHERE key = ?", (str(item.key),)).fetchone()
        return _stored(row)

    def recover(self) -> int:
        """Put every 'sending' item back in line (only under the sender lock)."""
        with self._write() as db:
            return int(
                db.execute("UPDATE items SET state = 'waiting' WHERE state = 'sending'").rowcount
            )

    def due(self, municipality: str, now: dt.datetime, limit: int = 50) -> list[StoredItem]:
        rows = self._query(
            _SELECT
            + " WHERE i.municipality = ? AND i.next_attempt <= ? AND "
            + _FIRST_IN_LINE
            + " ORDER BY i.id LIMIT ?",
            (municipality, _stamp(now), limit),
        )
        return [_stored(row) for row in rows]

    def municipalities_with_due(self, now: dt.datetime) -> list[str]:
        rows = self._query(
            "SELECT DISTINCT municipality FROM items AS i WHERE i.next_attempt <= ? AND "  # noqa: S608
            + _FIRST_IN_LINE
            + " ORDER BY municipality",
            (_stamp(now),),
        )
        return [str(row[0]) for row in rows]

    def next_due_time(self) -> dt.datetime | None:
        """Earliest next attempt among waiting items that are first in line.

        An item held back by its client's earlier one is left out: its own
        time may be long past, and a scheduler waking for it would find
        nothing due and wake again at once.
        """
        query = "SELECT min(next_attempt) FROM items AS i WHERE " + _FIRST_IN_LINE  # noqa: S608
        rows = self._query(query)
        return None if rows[0][0] is None else _moment(rows[0][0])

    def mark_sending(self, item_id: int) -> None:
        with self._write() as db:
            _require(db, item_id, ItemState.WAITING)
            db.execute("UPDATE items SET state = 'sending' WHERE id = ?", (item_id,))

    def delivered(self, item_id: int, now: dt.datetime | None = None) -> None:
        """The system confirmed the item: delete it (securely) and note the time."""
        stamp = _stamp(now or dt.datetime.now(dt.UTC))
        with self._write() as db:
            row = _require(db, item_id, ItemState.SENDING)
            db.execute("DELETE FROM items WHERE id = ?", (item_id,))
            db.execute(
                "INSERT INTO deliveries (municipality, delivered) VALUES (?, ?)"
                " ON CONFLICT (municipality) DO UPDATE SET delivered = excluded.delivered",
                (row.municipality, stamp),
            )

    def retry_later(self, item_id: int, error: str, next_attempt: dt.datetime) -> None:
        """``error`` is English for helpdesk and must carry no client data."""
        stamp = _stamp(next_attempt)
        with self._write() as db:
            _require(db, item_id, ItemState.SENDING, ItemState.WAITING)
            db.execute(
                "UPDATE items SET state = 'waiting', attempts = attempts + 1, last_error = ?,"
                " next_attempt = ? WHERE id = ?",
                (error[:MAX_ERROR_CHARS], stamp, item_id),
            )

    def needs_attention(self, item_id: int, error: str) -> None:
        with self._write() as db:
            _require(db, item_id, ItemState.SENDING, ItemState.WAITING)
            db.execute(
                "UPDATE items SET state = 'attention', attempts = attempts + 1, last_error = ?"
                " WHERE id = ?",
                (error[:MAX_ERROR_CHARS], item_id),
            )

    def correct(self, item_id: int, payload: bytes, label: str, now: dt.datetime) -> StoredItem:
        """The worker corrected an item needing attention: back in line, same key."""
        stamp = _stamp(now)
        with self._write() as db:
            _require(db, item_id, ItemState.ATTENTION)
            db.execute(
                "UPDATE items SET payload = ?, label = ?, state = 'waiting', attempts = 0,"
                " last_error = NULL, next_attempt = ? WHERE id = ?",
                (bytes(payload), label, stamp, item_id),
            )
            return _require(db, item_id, ItemState.WAITING)

    def discard(self, item_id: int) -> StoredItem:
        """Delete an item not being sent; the caller records a "discard" item."""
        with self._write() as db:
            row = _require(db, item_id, ItemState.WAITING, ItemState.ATTENTION)
            db.execute("DELETE FROM items WHERE id = ?", (item_id,))
        return row

    def get(self, item_id: int) -> StoredItem | None:
        rows = self._query(_SELECT + " WHERE id = ?", (item_id,))
        return _stored(rows[0]) if rows else None

    def items(self) -> list[StoredItem]:
        return [_stored(row) for row in self._query(_SELECT + " ORDER BY id")]

    def counts(self) -> OutboxCounts:
        states = dict(self._query("SELECT state, count(*) FROM items GROUP BY state"))
        places = self._query("SELECT municipality, count(*) FROM items GROUP BY municipality")
        return OutboxCounts(
            waiting=int(states.get("waiting", 0)),
            sending=int(states.get("sending", 0)),
            attention=int(states.get("attention", 0)),
            per_municipality={str(code): int(count) for code, count in places},
        )

    def last_delivery(self) -> dict[str, dt.datetime]:
        rows = self._query("SELECT municipality, delivered FROM deliveries")
        return {str(code): _moment(stamp) for code, stamp in rows}

    def integrity_check(self) -> list[str]:
        """Problems found by SQLite's and SQLCipher's (per-page HMAC) checks."""
        problems = [str(row[0]) for row in self._query("PRAGMA integrity_check")]
        problems = [problem for problem in problems if problem != "ok"]
        return problems + [str(row[0]) for row in self._query("PRAGMA cipher_integrity_check")]

    def close(self) -> None:
        with self._lock:
            connection, self._connection = self._connection, None
            if connection is not None:
                connection.close()

    def __enter__(self) -> Outbox:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def _db(self) -> dbapi2.Connection:
        if self._connection is None:
            raise OutboxClosed("the outbox is closed")
        return self._connection

    def _query(self, sql: str, parameters: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            try:
                return list(self._db().execute(sql, parameters).fetchall())
            except dbapi2.Error as error:
                raise translate(error) from None

    @contextlib.contextmanager
    def _write(self) -> Iterator[dbapi2.Connection]:
        with self._lock:
            try:
                with _transaction(self._db()) as db:
                    yield db
            except dbapi2.Error as error:
                raise translate(error) from None


def open_outbox(profile_dir: Path, keystore: KeyStore, lock_timeout: float = 10.0) -> Outbox:
    """The profile's outbox (``outbox.db``), its key from ``keystore``.

    A key is created only together with a new outbox, under the outbox lock,
    so two instances starting for the first time at once cannot each store a
    key and leave one outbox unreadable.
    """
    path = profile_dir / OUTBOX_FILE
    if _any_outbox_file(path):
        return Outbox.open(path, keystore.get_or_create(db_exists=True))
    # Looked up before anything is created: without a credential store the
    # profile stays untouched.
    key = keystore.get()
    if key is not None:
        return Outbox.open(path, key)
    try:
        profile_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutboxIOError(f"profile directory not created ({error.strerror})") from None
    lock = SenderLock(profile_dir / LOCK_FILE)
    if not lock.acquire(lock_timeout):
        raise OutboxBusy("another instance held the outbox lock while creating the outbox")
    try:
        return Outbox.open(path, keystore.get_or_create(db_exists=_any_outbox_file(path)))
    finally:
        lock.release()


def translate(error: dbapi2.Error) -> OutboxError:
    """An SQLite error as an outbox error, by its result code, never its text."""
    code = getattr(error, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    name = getattr(error, "sqlite_errorname", None) or type(error).__name__
    if primary in (5, 6):  # BUSY, LOCKED
        return OutboxBusy(f"the outbox stayed locked by another process ({name})")
    if primary in (3, 8, 10, 13, 14):  # PERM, READONLY, IOERR, FULL, CANTOPEN
        return OutboxIOError(f"the outbox could not be read or written ({name})")
    if primary in (11, 26):  # CORRUPT, NOTADB
        return Corrupt(f"the outbox is damaged ({name})")
    return OutboxError(f"database error ({name})")


def _create(path: Path, key_hex: str) -> None:
    """Build the empty outbox under a temporary name, then link it into place.

    A crash midway leaves no half-made ``outbox.db`` that would later read as
    damaged; the link, unlike a rename, never replaces a file another
    instance created meanwhile (whether our key opens that one is verified).
    """
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.new")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with (
            contextlib.closing(_connect(temporary, "mode=rwc", key_hex)) as db,
            _transaction(db),
        ):
            db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            for statement in _SCHEMA_V1:
                db.execute(statement)
        fd = os.open(temporary, os.O_RDWR)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        with contextlib.suppress(FileExistsError):
            os.link(temporary, path)
        fsync_directory(path.parent)
    except dbapi2.Error as error:
        raise translate(error) from None
    except OSError as error:
        raise OutboxIOError(f"outbox not created ({error.strerror})") from None
    finally:
        temporary.unlink(missing_ok=True)


def _verify(path: Path, key_hex: str) -> None:
    """Check key, format, version and integrity without writing a byte anywhere."""
    try:
        size = path.stat().st_size
        with path.open("rb") as stream:
            head = stream.read(len(_PLAIN_SQLITE))
    except OSError as error:
        raise OutboxIOError(f"outbox unreadable ({error.strerror})") from None
    if head == _PLAIN_SQLITE:
        raise NotAnOutbox("the file is an unencrypted SQLite database")
    if size == 0 or size % PAGE_SIZE:
        raise Corrupt("the file is not a whole number of database pages")
    # immutable=1 reads the main file alone and creates no -wal or -shm; its
    # first page is always complete (see _create), so it proves the key. A
    # mode=ro reader would first rebuild the WAL index in -shm, wrong key or not.
    with contextlib.closing(_connect(path, "immutable=1", key_hex)) as probe:
        try:
            probe.execute("SELECT count(*) FROM sqlite_schema").fetchone()
        except dbapi2.DatabaseError as error:
            if getattr(error, "sqlite_errorcode", None) == 26:  # NOTADB: HMAC failed
                raise WrongKey("the key does not open the outbox (or page 1 is damaged)") from None
            raise translate(error) from None
        if not _sibling(path, "-wal").exists():
            _check_content(probe)
            return
    # Committed items may live only in the WAL: read them the normal way.
    with contextlib.closing(_connect(path, "mode=ro", key_hex)) as reader:
        _check_content(reader)


def _check_content(db: dbapi2.Connection) -> None:
    try:
        if db.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            raise NotAnOutbox("an SQLCipher database, but not an outbox")
        version = _schema_version(db)
        if version > SCHEMA_VERSION:
            raise NewerSchema(f"schema version {version}; this app knows up to {SCHEMA_VERSION}")
        if [row[0] for row in db.execute("PRAGMA quick_check")] != ["ok"]:
            raise Corrupt("the outbox failed its integrity check")
    except dbapi2.Error as error:
        problem = translate(error)
        if isinstance(problem, OutboxBusy | OutboxIOError):
            raise problem from None
        raise Corrupt(f"the outbox could not be checked ({type(error).__name__})") from None


def _open_read_write(path: Path, key_hex: str) -> dbapi2.Connection:
    # mode=rw, not rwc: a file removed since the check must not come back empty.
    db = _connect(path, "mode=rw", key_hex, shared=True)
    try:
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if db.execute("PRAGMA journal_mode = WAL").fetchone()[0] != "wal":
            raise OutboxIOError("the outbox's file system does not support WAL")
        db.execute("PRAGMA synchronous = FULL")
        db.execute("PRAGMA secure_delete = ON")
        db.execute("PRAGMA foreign_keys = ON")
        if _schema_version(db) < SCHEMA_VERSION:
            with _transaction(db):
                _migrate(db)
    except dbapi2.Error as error:
        db.close()
        raise translate(error) from None
    except BaseException:
        db.close()
        raise
    return db


def _migrate(db: dbapi2.Connection) -> None:
    version = _schema_version(db)  # again: another process may have migrated meanwhile
    if version > SCHEMA_VERSION:
        raise NewerSchema(f"schema version {version}; this app knows up to {SCHEMA_VERSION}")
    for target in range(version + 1, SCHEMA_VERSION + 1):
        MIGRATIONS[target](db)
        db.execute("UPDATE meta SET value = ? WHERE name = 'schema_version'", (target,))


def _schema_version(db: dbapi2.Connection) -> int:
    try:
        row = db.execute("SELECT value FROM meta WHERE name = 'schema_version'").fetchone()
    except dbapi2.OperationalError:
        raise NotAnOutbox("no schema version") from None
    if row is None or type(row[0]) is not int or row[0] < 1:
        raise Corrupt("invalid schema version")
    return row[0]


def _connect(path: Path, mode: str, key_hex: str, shared: bool = False) -> dbapi2.Connection:
    uri = f"{path.absolute().as_uri()}?{mode}"
    db = dbapi2.connect(uri, uri=True, isolation_level=None, check_same_thread=not shared)
    try:
        # Before the key: a wrong key must not print "hmac check failed" on stderr.
        db.execute("PRAGMA cipher_log_level = NONE")
        db.execute(f"PRAGMA key = \"x'{key_hex}'\"")
        # SQLCipher 4's parameters pinned: a later default must not make old files unreadable.
        db.execute("PRAGMA cipher_compatibility = 4")
        # Sorts and temporary tables stay in memory, never in unencrypted temp files.
        db.execute("PRAGMA temp_store = MEMORY")
    except BaseException:
        db.close()
        raise
    return db


@contextlib.contextmanager
def _transaction(db: dbapi2.Connection) -> Iterator[dbapi2.Connection]:
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
        db.execute("COMMIT")
    except BaseException:
        # After a failed COMMIT (disk full) SQLite may or may not have rolled
        # back already; either way nothing of this transaction remains.
        if db.in_transaction:
            with contextlib.suppress(dbapi2.Error):
                db.execute("ROLLBACK")
        raise


def _require(db: dbapi2.Connection, item_id: int, *states: ItemState) -> StoredItem:
    row = db.execute(_SELECT + " WHERE id = ?", (item_id,)).fetchone()
    if row is None:
        raise ItemNotFound(f"no outbox item {item_id}")
    item = _stored(row)
    if item.state not in states:
        raise StateConflict(f"outbox item {item_id} is {item.state.value}")
    return item


def _stored(row: tuple[Any, ...]) -> StoredItem:
    return StoredItem(
        id=row[0],
        key=uuid.UUID(row[1]),
        municipality=row[2],
        kind=row[3],
        client=row[4],
        label=row[5],
        payload=bytes(row[6]),
        state=ItemState(row[7]),
        attempts=row[8],
        next_attempt=_moment(row[9]),
        last_error=row[10],
        created=_moment(row[11]),
    )


def _check_item(item: OutgoingItem) -> None:
    if not isinstance(item.key, uuid.UUID):
        raise TypeError("key must be a UUID")
    for name in ("municipality", "kind"):
        if not isinstance(getattr(item, name), str) or not getattr(item, name):
            raise ValueError(f"{name} must be a non-empty string")
    if not isinstance(item.client, str) or not isinstance(item.label, str):
        raise TypeError("client and label must be strings")
    if not isinstance(item.payload, bytes | bytearray):
        raise TypeError("payload must be bytes")


def _stamp(moment: dt.datetime) -> int:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("outbox times must carry their time zone")
    return (moment - _EPOCH) // dt.timedelta(microseconds=1)


def _moment(stamp: int) -> dt.datetime:
    return _EPOCH + dt.timedelta(microseconds=stamp)


def _sibling(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def _any_outbox_file(path: Path) -> bool:
    return any(_sibling(path, suffix).exists() for suffix in ("", "-wal", "-journal"))
