"""The encrypted outbox: everything saved on this workstation and not yet delivered.

A duty entry may be the only record of a night's decision about a child, so
an item is committed durably (WAL, ``synchronous=FULL``) before ``put``
returns, is deleted only once its municipality's system has confirmed it, and
carries one idempotency key through every attempt. A *manual* item (a fax
handoff) is never sent: it stays until the worker marks it done. A *draft* (the
text of a form not yet saved, rewritten about once a second while the worker
types) lives in a table of its own that the sender never reads; saving the form
deletes its draft in the same transaction. The file is SQLCipher, keyed with
the raw key from :mod:`app.services.outbox.keys`.

Opening fails closed: with a wrong key, a damaged or foreign file or a newer
schema nothing is created, deleted or rewritten, so helpdesk finds the files
exactly as they were. Every method is thread-safe (one connection behind a
lock); writes take the database write lock first (``BEGIN IMMEDIATE``) so two
processes sharing the file behave. Only the holder of a municipality's sender
lock (:mod:`app.services.outbox.locking`, :meth:`Outbox.sender_lock`) may send
that municipality's items and call :meth:`Outbox.recover` for it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
import uuid
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

from sqlcipher3 import dbapi2

from app.connectors.errors import DestinationChanged
from app.domain.author import Author
from app.domain.kinds import ItemKind
from app.services.files import ModeFix, private_directory
from app.services.outbox.file import (
    CIPHER,
    CipherProfile,
    Damaged,
    OutboxBusy,
    ReadOnly,
    WrongKey,
    any_outbox_file,
    open_connection,
    transaction,
    translate,
)
from app.services.outbox.items import (
    Draft,
    ItemState,
    OutboxCounts,
    OutgoingItem,
    StoredItem,
    author_from_row,
    author_row,
    check_draft,
    check_item,
    from_stamp,
    to_stamp,
)
from app.services.outbox.keys import KeyStore, OutboxError, OutboxIOError
from app.services.outbox.locking import SenderLock, municipality_lock_path
from app.services.outbox.schema import AUTHOR_COLUMNS, Corrupt, NewerSchema, NotAnOutbox

# The errors' base classes come from keys and are part of this module's API.
__all__ = ["Corrupt", "Damaged", "Draft", "ItemNotFound", "ItemState", "NewerSchema"]
__all__ += ["NotAnOutbox", "Outbox"]
__all__ += ["OutboxBusy", "OutboxClosed", "OutboxCounts", "OutboxError", "OutboxIOError"]
__all__ += ["OutgoingItem", "ReadOnly", "StateConflict", "StoredItem", "WrongKey", "open_outbox"]

OUTBOX_FILE = "outbox.db"
LOCK_FILE = "outbox.lock"
MAX_ERROR_CHARS = 500


class ItemNotFound(OutboxError):
    code = "not_found"


class StateConflict(OutboxError):
    code = "state_conflict"


class OutboxClosed(OutboxError):
    code = "closed"


_COLUMNS = (
    "id, key, municipality, kind, client, label, payload, state, attempts, "
    "next_attempt, last_error, created, destination, " + ", ".join(AUTHOR_COLUMNS)
)
# First in line: no earlier-saved item of the same client and municipality is
# waiting or sending. Items needing attention do not hold others back. Each
# client's first open item, from the items_queue index alone:
_HEADS = """SELECT min(id) FROM items
    WHERE state IN ('waiting', 'sending') {where} GROUP BY municipality, client"""
_SELECT = f"SELECT {_COLUMNS} FROM items AS i"  # noqa: S608 - constants only
_DRAFT_COLUMNS = "key, form, municipality, client, payload, updated, " + ", ".join(AUTHOR_COLUMNS)
# The statements of a save (put) and of keeping a draft; bench/save.py runs these
# very strings in its baselines, so that they do the same work.
INSERT_ITEM = (
    "INSERT INTO items (key, municipality, kind, client, label, payload, state,"
    " attempts, next_attempt, created, destination, author_id, author_name,"
    " author_organisation, author_method, author_signed_in)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING"
)
DELETE_DRAFT = "DELETE FROM drafts WHERE key = ?"
KEEP_DRAFT = (
    f"INSERT INTO drafts ({_DRAFT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"  # noqa: S608 - constants only
    " ON CONFLICT (key) DO UPDATE SET form = excluded.form,"
    " municipality = excluded.municipality, client = excluded.client,"
    " payload = excluded.payload, updated = excluded.updated,"
    " author_id = excluded.author_id, author_name = excluded.author_name,"
    " author_organisation = excluded.author_organisation,"
    " author_method = excluded.author_method, author_signed_in = excluded.author_signed_in"
)
_LINES = f"""{_SELECT} WHERE i.id IN (SELECT id FROM items WHERE municipality = ?
    AND state IN ('waiting', 'sending') ORDER BY id LIMIT ?) ORDER BY i.id"""  # noqa: S608


class Outbox:
    def __init__(
        self,
        path: Path,
        connection: dbapi2.Connection,
        cipher: CipherProfile = CIPHER,
        mode_fixes: tuple[ModeFix, ...] = (),
    ) -> None:
        """Use :meth:`open`; this takes an already verified connection."""
        self.path = path
        self.cipher = cipher
        # Files or the directory found open to others on opening, now private: helpdesk
        # reports them (`outbox status`, `doctor`).
        self.mode_fixes = mode_fixes
        self._connection: dbapi2.Connection | None = connection
        self._lock = threading.RLock()

    @classmethod
    def open(cls, path: Path, key: bytes) -> Outbox:
        """Open (or, when no file exists, create) the outbox at ``path``; fail closed."""
        return cls(*open_connection(path, key))

    @property
    def lock_path(self) -> Path:
        """``outbox.lock`` beside ``outbox.db``: the outbox's own lock (creating it)."""
        return self.path.with_suffix(".lock")

    def sender_lock(self, municipality: str) -> SenderLock:
        """The sender lock of one municipality's items: ``outbox.<code>.lock`` beside the file.

        Each municipality has its own, so that a system that hangs holds up only its
        own items, and two senders (the window's, a headless flush) can deliver to two
        municipalities at once; never two to the same one. A new object each time: two
        of them exclude each other even within one process.
        """
        return SenderLock(municipality_lock_path(self.path, municipality))

    def put(
        self,
        item: OutgoingItem,
        now: dt.datetime,
        state: ItemState = ItemState.WAITING,
        draft_key: uuid.UUID | None = None,
    ) -> StoredItem:
        """Save durably; the same key again returns the existing row unchanged.

        ``state`` is WAITING (the sender delivers it) or MANUAL (the worker completes
        it by hand and then calls :meth:`mark_done`; the sender never touches it).
        ``draft_key`` names the draft of the form being saved: it is deleted in the
        same transaction, so a crash leaves either the draft or the item, never both
        and never neither. When an earlier save under the same key holds other
        content, that row is returned and the draft is kept: its text is not in the
        outbox.
        """
        check_item(item)
        if state is not ItemState.WAITING and state is not ItemState.MANUAL:
            raise ValueError("an item is saved waiting or manual")
        if draft_key is not None and not isinstance(draft_key, uuid.UUID):
            raise TypeError("draft_key must be a UUID")
        stamp = to_stamp(now)
        moment = from_stamp(stamp)  # the stored time, as reading it back would give it
        key = str(item.key)
        payload = bytes(item.payload)
        kind = item.kind.value
        row = (key, item.municipality, kind, item.client, item.label, payload, state.value)
        # A form's draft is kept under the key its item is saved with: no second str().
        draft = None
        if draft_key is not None:
            draft = (key,) if draft_key == item.key else (str(draft_key),)
        # _write's durable transaction without _write's generator: every save runs
        # this, and in a save's few microseconds of Python (after the fsync, with
        # cold caches) the generator's context manager was a measurable part.
        with self._lock:
            try:
                with transaction(self._db()) as db:
                    cursor = db.execute(
                        INSERT_ITEM,
                        (*row, stamp, stamp, item.destination, *author_row(item.author)),
                    )
                    if cursor.rowcount != 1:  # saved before under this key: that row, unchanged
                        earlier = _stored(db.execute(_SELECT + " WHERE key = ?", (key,)).fetchone())
                        if draft is not None and earlier.payload == payload:
                            db.execute(DELETE_DRAFT, draft)
                        return earlier
                    item_id = cursor.lastrowid
                    if draft is not None:
                        db.execute(DELETE_DRAFT, draft)
            except dbapi2.Error as error:
                raise translate(error) from None
        # What was just committed, without reading it back (RETURNING costs more).
        if not isinstance(item_id, int):
            raise OutboxError("the database did not tell the saved item's id")
        return StoredItem(
            id=item_id,
            key=item.key,
            municipality=item.municipality,
            kind=item.kind,
            client=item.client,
            label=item.label,
            payload=payload,
            state=state,
            attempts=0,
            next_attempt=moment,
            last_error=None,
            created=moment,
            destination=item.destination,
            author=item.author,
        )

    def save_draft(self, draft: Draft) -> None:
        """Keep a form's text, replacing the draft of the same key; durable like :meth:`put`.

        Called about once a second while the worker types: one small commit, one
        write of the row. The caller stops saving drafts of a form once it saves the
        form (``put(..., draft_key=...)``) or discards it (:meth:`delete_draft`); a
        draft saved after that would come back at the next start.
        """
        check_draft(draft)
        row = (draft.form, draft.municipality, draft.client, bytes(draft.payload))
        author = author_row(draft.author)
        with self._write() as db:
            db.execute(KEEP_DRAFT, (str(draft.key), *row, to_stamp(draft.updated), *author))

    def drafts(self) -> list[Draft]:
        """Every draft, the least recently updated first: what start-up offers back."""
        rows = self._query(f"SELECT {_DRAFT_COLUMNS} FROM drafts ORDER BY updated, key")  # noqa: S608 - constants only
        return [_draft(row) for row in rows]

    def delete_draft(self, key: uuid.UUID) -> bool:
        """The worker discarded the form (or it was saved another way): its draft goes.

        True if there was a draft of that key.
        """
        if not isinstance(key, uuid.UUID):
            raise TypeError("key must be a UUID")
        with self._write() as db:
            return bool(db.execute(DELETE_DRAFT, (str(key),)).rowcount)

    def recover(self, municipality: str | None = None) -> int:
        """Put the municipality's 'sending' items back in line (every one's without it).

        Only under that municipality's sender lock (all of them, without one): under
        it nobody else is sending its items, so a 'sending' row is a crash's leftover.
        """
        # The ids from the index: a plain WHERE would read every row.
        parameters: tuple[str, ...] = ()
        if municipality is None:
            ids = "SELECT id FROM items WHERE state = 'sending'"
        else:
            ids = "SELECT id FROM items WHERE municipality = ? AND state = 'sending'"
            parameters = (municipality,)
        with self._write() as db:
            return int(
                db.execute(
                    f"UPDATE items SET state = 'waiting' WHERE id IN ({ids})",  # noqa: S608 - constants only
                    parameters,
                ).rowcount
            )

    def due(self, municipality: str, now: dt.datetime, limit: int = 50) -> list[StoredItem]:
        """Waiting items first in their client's line, due at ``now``, in saved order."""
        heads = _HEADS.format(where="AND municipality = ?")
        rows = self._query(
            f"{_SELECT} WHERE i.id IN ({heads}) AND i.state = 'waiting'"
            " AND i.next_attempt <= ? ORDER BY i.id LIMIT ?",
            (municipality, to_stamp(now), limit),
        )
        return [_stored(row) for row in rows]

    def lines(
        self, municipality: str, now: dt.datetime, limit: int = 500
    ) -> list[list[StoredItem]]:
        """What may be sent now, as each client's line: items in the order saved.

        Of the municipality's first ``limit`` waiting or sending items (by id), each
        client's line runs from its first item up to, not including, the first one
        that is not due at ``now`` or not waiting; the lines come in the order of
        their first items. Items needing attention hold nobody back; manual items
        are never in a line. A line's second item may go once its first has left.
        """
        # The ids from the index first: rows are read only for the items returned.
        rows = self._query(_LINES, (municipality, limit))
        stamp = to_stamp(now)
        lines: dict[str, list[StoredItem]] = {}
        held: set[str] = set()
        for row in rows:
            client = row[4]
            if client in held:
                continue
            if row[7] != ItemState.WAITING.value or row[9] > stamp:
                held.add(client)
                continue
            lines.setdefault(client, []).append(_stored(row))
        return list(lines.values())

    def municipalities_with_due(
        self, now: dt.datetime, among: Sequence[str] | None = None
    ) -> list[str]:
        """Municipalities (of ``among``, if given) with an item first in line due at ``now``."""
        where, parameters = _among(among)
        rows = self._query(
            f"SELECT DISTINCT municipality FROM items WHERE id IN ({_HEADS.format(where=where)})"  # noqa: S608 - constants only
            " AND state = 'waiting' AND next_attempt <= ? ORDER BY municipality",
            (*parameters, to_stamp(now)),
        )
        return [str(row[0]) for row in rows]

    def municipalities_sending(self, among: Sequence[str] | None = None) -> list[str]:
        """Municipalities (of ``among``, if given) with items marked sending."""
        where, parameters = _among(among)
        rows = self._query(
            "SELECT DISTINCT municipality FROM items"  # noqa: S608 - constants only
            f" WHERE state = 'sending' {where} ORDER BY municipality",
            parameters,
        )
        return [str(row[0]) for row in rows]

    def next_due_time(self, municipality: str | None = None) -> dt.datetime | None:
        """Earliest next attempt among waiting items that are first in line (of one
        municipality, if given).

        An item held back by its client's earlier one is left out: its own
        time may be long past, and a scheduler waking for it would find
        nothing due and wake again at once.
        """
        where, parameters = _among(None if municipality is None else [municipality])
        rows = self._query(
            f"SELECT min(next_attempt) FROM items WHERE id IN ({_HEADS.format(where=where)})"  # noqa: S608 - constants only
            " AND state = 'waiting'",
            parameters,
        )
        return None if rows[0][0] is None else from_stamp(rows[0][0])

    def mark_sending_many(self, item_ids: Sequence[int]) -> set[int]:
        """Mark waiting items sending in one commit; the ids that were waiting and now are."""
        marked: set[int] = set()
        with self._write(durable=False) as db:
            for item_id in item_ids:
                if db.execute(
                    "UPDATE items SET state = 'sending' WHERE id = ? AND state = 'waiting'",
                    (item_id,),
                ).rowcount:
                    marked.add(item_id)
        return marked

    def release(self, item_ids: Sequence[int]) -> None:
        """Put items marked sending but never sent back in line, no attempt counted."""
        if not item_ids:
            return
        with self._write(durable=False) as db:
            for item_id in item_ids:
                db.execute(
                    "UPDATE items SET state = 'waiting' WHERE id = ? AND state = 'sending'",
                    (item_id,),
                )

    def mark_delivered(self, items: Sequence[StoredItem], now: dt.datetime) -> None:
        """The system confirmed these items (being sent): delete them (securely) in one
        commit and note the time of the delivery per municipality.

        All or nothing: if one of them is not being sent, nothing is deleted and
        :class:`StateConflict` (or :class:`ItemNotFound`) is raised.
        """
        if not items:
            return
        stamp = to_stamp(now)
        with self._write(durable=False) as db:
            for item in items:
                if not db.execute(
                    "DELETE FROM items WHERE id = ? AND state = 'sending'", (item.id,)
                ).rowcount:
                    _require(db, item.id, ItemState.SENDING)  # raises: gone or not sending
            for municipality in sorted({item.municipality for item in items}):
                db.execute(
                    "INSERT INTO deliveries (municipality, delivered) VALUES (?, ?)"
                    " ON CONFLICT (municipality) DO UPDATE SET delivered = excluded.delivered",
                    (municipality, stamp),
                )

    def retry_later(self, item_id: int, error: str, next_attempt: dt.datetime) -> None:
        """``error`` is English for helpdesk and must carry no client data."""
        stamp = to_stamp(next_attempt)
        with self._write() as db:
            _require(db, item_id, ItemState.SENDING, ItemState.WAITING)
            db.execute(
                "UPDATE items SET state = 'waiting', attempts = attempts + 1, last_error = ?,"
                " next_attempt = ? WHERE id = ?",
                (error[:MAX_ERROR_CHARS], stamp, item_id),
            )

    def mark_attention(self, item_id: int, error: str) -> None:
        """The system refused the item: it waits for the worker to correct or discard it.

        ``error`` is English for helpdesk and must carry no client data.
        """
        with self._write() as db:
            _require(db, item_id, ItemState.SENDING, ItemState.WAITING)
            db.execute(
                "UPDATE items SET state = 'attention', attempts = attempts + 1, last_error = ?"
                " WHERE id = ?",
                (error[:MAX_ERROR_CHARS], item_id),
            )

    def rebind(self, municipality: str, destination: str, now: dt.datetime) -> int:
        """Bind every item of ``municipality`` saved for another destination to
        ``destination``; those held for it (attention, DestinationChanged) wait again,
        due ``now``. Unbound items ('') stay unbound. The number of items rebound."""
        held = f"{DestinationChanged.__name__}: %"
        with self._write() as db:
            db.execute(
                "UPDATE items SET state = 'waiting', last_error = NULL, next_attempt = ?"
                " WHERE municipality = ? AND state = 'attention' AND last_error LIKE ?"
                " AND destination NOT IN ('', ?)",
                (to_stamp(now), municipality, held, destination),
            )
            return int(
                db.execute(
                    "UPDATE items SET destination = ?"
                    " WHERE municipality = ? AND destination NOT IN ('', ?)",
                    (destination, municipality, destination),
                ).rowcount
            )

    def correct(self, item_id: int, payload: bytes, label: str, now: dt.datetime) -> StoredItem:
        """The worker corrected an item needing attention: back in line, same key."""
        stamp = to_stamp(now)
        with self._write() as db:
            _require(db, item_id, ItemState.ATTENTION)
            db.execute(
                "UPDATE items SET payload = ?, label = ?, state = 'waiting', attempts = 0,"
                " last_error = NULL, next_attempt = ? WHERE id = ?",
                (bytes(payload), label, stamp, item_id),
            )
            return _require(db, item_id, ItemState.WAITING)

    def mark_done(self, item_id: int) -> StoredItem:
        """The worker completed a manual item by hand (sent the fax): delete it."""
        with self._write() as db:
            row = _require(db, item_id, ItemState.MANUAL)
            db.execute("DELETE FROM items WHERE id = ?", (item_id,))
        return row

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
        # Access events are the registrar's record, not the worker's work: counted apart.
        work = f"kind != '{ItemKind.ACCESS.value}'"
        states = dict(
            self._query(f"SELECT state, count(*) FROM items WHERE {work} GROUP BY state")  # noqa: S608 - constants only
        )
        places = self._query(
            f"SELECT municipality, count(*) FROM items WHERE {work} GROUP BY municipality"  # noqa: S608 - constants only
        )
        access = self._query("SELECT count(*) FROM items WHERE kind = ?", (ItemKind.ACCESS.value,))[
            0
        ][0]
        drafts = self._query("SELECT count(*) FROM drafts")[0][0]
        held = self._query(
            "SELECT municipality, count(*) FROM items WHERE state = 'attention'"
            " AND last_error LIKE ? GROUP BY municipality",
            (f"{DestinationChanged.__name__}: %",),
        )
        return OutboxCounts(
            waiting=int(states.get("waiting", 0)),
            sending=int(states.get("sending", 0)),
            attention=int(states.get("attention", 0)),
            per_municipality={str(code): int(count) for code, count in places},
            manual=int(states.get("manual", 0)),
            drafts=int(drafts),
            held={str(code): int(count) for code, count in held},
            access=int(access),
        )

    def last_delivery(self) -> dict[str, dt.datetime]:
        rows = self._query("SELECT municipality, delivered FROM deliveries")
        return {str(code): from_stamp(stamp) for code, stamp in rows}

    def file_format(self) -> dict[str, object]:
        """The file's schema version and cipher parameters, for helpdesk (no client data)."""
        rows = self._query("SELECT value FROM meta WHERE name = 'schema_version'")
        return {
            "schema": int(rows[0][0]),
            "cipher": self.cipher.name,
            "page_size": self.cipher.page_size,
            "hmac": self.cipher.hmac,
        }

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
    def _write(self, durable: bool = True) -> Iterator[dbapi2.Connection]:
        """A write transaction; ``durable=False`` commits without waiting for fsync.

        Only for changes whose loss in a crash is harmless because delivery is
        idempotent: "sending" (lost: the item is simply waiting and goes again) and
        "delivered" (lost: the item goes again and the system answers that it
        already has it). In WAL mode such a commit is still atomic, and the next
        durable commit (every ``put``) makes it durable too. Saving an entry is
        never done this way.
        """
        with self._lock:
            db = self._db()
            try:
                if not durable:
                    db.execute("PRAGMA synchronous = NORMAL")
                try:
                    with transaction(db) as connection:
                        yield connection
                finally:
                    if not durable:
                        db.execute("PRAGMA synchronous = FULL")
            except dbapi2.Error as error:
                raise translate(error) from None


def open_outbox(profile_dir: Path, keystore: KeyStore, lock_timeout: float = 10.0) -> Outbox:
    """The profile's outbox (``outbox.db``), its key from ``keystore``.

    A key is created only together with a new outbox, under the outbox lock,
    so two instances starting for the first time at once cannot each store a
    key and leave one outbox unreadable.
    """
    path = profile_dir / OUTBOX_FILE
    if any_outbox_file(path):
        return Outbox.open(path, keystore.get_or_create(db_exists=True))
    # Looked up before anything is created: without a credential store the
    # profile stays untouched.
    key = keystore.get()
    if key is not None:
        return Outbox.open(path, key)
    try:
        private_directory(profile_dir)
    except OSError as error:
        raise OutboxIOError(f"profile directory not created ({error.strerror})") from None
    lock = SenderLock(profile_dir / LOCK_FILE)
    if not lock.acquire(lock_timeout):
        raise OutboxBusy("another instance held the outbox lock while creating the outbox")
    try:
        return Outbox.open(path, keystore.get_or_create(db_exists=any_outbox_file(path)))
    finally:
        lock.release()


def _among(municipalities: Sequence[str] | None) -> tuple[str, tuple[str, ...]]:
    """A condition limiting a query to these municipalities, and its parameters."""
    if municipalities is None:
        return "", ()
    codes = tuple(municipalities)
    if not codes:
        return "AND 0", ()
    return f"AND municipality IN ({', '.join('?' for _ in codes)})", codes


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
        kind=_kind(row[0], row[3]),
        client=row[4],
        label=row[5],
        payload=bytes(row[6]),
        state=ItemState(row[7]),
        attempts=row[8],
        next_attempt=from_stamp(row[9]),
        last_error=row[10],
        created=from_stamp(row[11]),
        destination=row[12],
        author=_author(f"item {row[0]}", row[13:18]),
    )


def _kind(item_id: int, value: str) -> ItemKind:
    """The kind stored with an item; a value that names no kind is a damaged file.

    Refused here, where it is read, so that no caller meets an item it cannot tell.
    """
    try:
        return ItemKind(value)
    except ValueError:
        raise Corrupt(f"outbox item {item_id} is of no known kind") from None


def _author(where: str, values: tuple[Any, ...]) -> Author | None:
    """The author stored with an item or a draft; columns that hold no author are a
    damaged file, refused where read like an unknown kind."""
    try:
        return author_from_row(values)
    except ValueError as error:
        raise Corrupt(f"outbox {where}: {error}") from None


def _draft(row: tuple[Any, ...]) -> Draft:
    return Draft(
        key=uuid.UUID(row[0]),
        form=row[1],
        municipality=row[2],
        client=row[3],
        payload=bytes(row[4]),
        updated=from_stamp(row[5]),
        author=_author("a draft", row[6:11]),
    )
