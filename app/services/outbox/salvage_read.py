"""Reading one rebuilt copy of a damaged outbox row by row, for :mod:`app.services.outbox.salvage`.

Split from it: the copy is read query by query (a query stops at the first page that
fails its HMAC), every table by rowid, with the columns the file has. A column a later
schema version added (the item's destination, version 5; the item's and draft's
author, version 6) is read where the file's table has it; a file older than it gives
what its migration would (unbound, author not known), never a value made up for a row.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlcipher3 import dbapi2

from app.services.outbox.file import CIPHER_PROFILES, _connect
from app.services.outbox.keys import OutboxError
from app.services.outbox.schema import (
    AUTHOR_COLUMNS,
    SCHEMA_VERSION,
    Corrupt,
    NewerSchema,
    NotAnOutbox,
    schema_version,
)

_ITEM_COLUMNS = (
    "id",
    "key",
    "municipality",
    "kind",
    "client",
    "label",
    "payload",
    "state",
    "attempts",
    "next_attempt",
    "last_error",
    "created",
)
_DRAFT_COLUMNS = ("key", "form", "municipality", "client", "payload", "updated")
# Columns later versions added, each with what a file older than it gives (what its
# migration gives): unbound, author not known.
_NO_AUTHOR = tuple((column, "NULL") for column in AUTHOR_COLUMNS)
_ITEM_LATER = (("destination", "''"), *_NO_AUTHOR)  # versions 5 and 6
_DRAFT_LATER = _NO_AUTHOR  # version 6
_LATER_SINCE = {"destination": 5} | dict.fromkeys(AUTHOR_COLUMNS, 6)
ITEM_ROW = _ITEM_COLUMNS + tuple(column for column, _ in _ITEM_LATER)
DRAFT_ROW = _DRAFT_COLUMNS + tuple(column for column, _ in _DRAFT_LATER)
ITEM_AUTHOR = slice(ITEM_ROW.index(AUTHOR_COLUMNS[0]), len(ITEM_ROW))
DRAFT_AUTHOR = slice(DRAFT_ROW.index(AUTHOR_COLUMNS[0]), len(DRAFT_ROW))
_MAX_PROBES = 10_000  # ids looked up one by one between two scans' ends


@dataclass
class View:
    """What one rebuilt copy of the outbox gave: its rows, by key, and what failed."""

    name: str
    items: dict[str, tuple[Any, ...]] = field(default_factory=dict)
    drafts: dict[str, tuple[Any, ...]] = field(default_factory=dict)
    deliveries: dict[str, int] = field(default_factory=dict)
    sequence: int = 0
    listed: set[str] = field(default_factory=set)  # idempotency keys the key index holds
    unread_ids: set[int] = field(default_factory=set)  # items known to exist, unreadable
    unreadable: int = 0  # rows an index or scan names that could not be read
    error: str | None = None  # the view could not be opened at all

    def document(self) -> dict[str, object]:
        return {
            "view": self.name,
            "items": len(self.items),
            "drafts": len(self.drafts),
            "unreadable_rows": self.unreadable,
            "error": self.error,
        }


class _Copy:
    """A private copy of the outbox, read query by query.

    Once a page has failed its HMAC, SQLCipher fails every later read of an uncached
    page on that connection: after each failed query the copy is opened anew.
    """

    def __init__(self, path: Path, key_hex: str) -> None:
        self.path = path
        self.key_hex = key_hex
        self.db = self.open()

    def open(self) -> dbapi2.Connection:
        """The first cipher profile that reads the copy's schema."""
        for profile in CIPHER_PROFILES:
            db = _connect(self.path, "mode=rw", self.key_hex, profile)
            try:
                db.execute("SELECT count(*) FROM sqlite_schema").fetchone()
            except dbapi2.DatabaseError:
                db.close()
                continue
            return db
        raise Corrupt("no cipher profile reads the schema (wrong key, or its pages damaged)")

    def rows(
        self, sql: str, parameters: tuple[Any, ...] = ()
    ) -> tuple[list[tuple[Any, ...]], bool]:
        """The rows ``sql`` yields up to the first error; whether it ran to its end."""
        found: list[tuple[Any, ...]] = []
        try:
            for row in self.db.execute(sql, parameters):
                found.append(tuple(row))
        except dbapi2.Error:
            self.db.close()
            self.db = self.open()
            return found, False
        return found, True

    def close(self) -> None:
        self.db.close()


def read_view(name: str, path: Path, key_hex: str) -> View:
    view = View(name)
    try:
        copy = _Copy(path, key_hex)
    except (OutboxError, dbapi2.Error) as error:
        view.error = str(error)
        return view
    try:
        _read_tables(copy, view)
    except (OutboxError, dbapi2.Error) as error:
        if isinstance(error, NewerSchema):
            raise
        view.error = str(error)
    finally:
        copy.close()
    return view


def _read_tables(copy: _Copy, view: View) -> None:
    version: int | None = None
    try:
        version = schema_version(copy.db)
    except (OutboxError, dbapi2.Error):
        # The meta page itself damaged: the tables are read by their names all the same.
        copy.close()
        copy.db = copy.open()
    else:
        if version > SCHEMA_VERSION:
            raise NewerSchema(f"schema version {version}: salvage it with the newer version")
    tables = {str(row[0]) for row in copy.rows("SELECT name FROM sqlite_schema")[0]}
    if "items" not in tables:
        raise NotAnOutbox("no items table")
    selected = _selected(copy, "items", _ITEM_COLUMNS, _ITEM_LATER, version)
    rows, view.unread_ids = _readable(copy, "items", selected)
    view.unreadable = len(view.unread_ids)
    view.items = {str(row[1]): row for row in rows}
    if "drafts" in tables:
        selected = _selected(copy, "drafts", _DRAFT_COLUMNS, _DRAFT_LATER, version)
        rows, unreadable = _readable(copy, "drafts", selected)
        view.unreadable += len(unreadable)
        view.drafts = {str(row[0]): row for row in rows}
    deliveries, _ = _readable(copy, "deliveries", ("municipality", "delivered"))
    view.deliveries = {str(code): int(stamp) for code, stamp in deliveries}
    sequence = copy.rows("SELECT seq FROM sqlite_sequence WHERE name = 'items'")[0]
    view.sequence = int(sequence[0][0]) if sequence else 0
    keys = copy.rows("SELECT key FROM items INDEXED BY sqlite_autoindex_items_1 ORDER BY key")[0]
    view.listed = {str(row[0]) for row in keys}


def _selected(
    copy: _Copy,
    table: str,
    first: Sequence[str],
    later: Sequence[tuple[str, str]],
    version: int | None,
) -> list[str]:
    """What to select from ``table``: ``first``, then each ``later`` column where the file
    has it, else what a file older than it gives (never a value made up for a row).

    The columns are the table's own; a file whose version says it has a column its
    table lacks is damaged where no row tells, so the view is refused, not read short.
    """
    present = {str(row[1]) for row in copy.rows(f"PRAGMA table_info({table})")[0]}
    if not present:
        raise Corrupt(f"the {table} table's columns could not be read")
    selected = list(first)
    for column, older in later:
        if column in present:
            selected.append(column)
        elif version is not None and version >= _LATER_SINCE[column]:
            raise Corrupt(f"schema version {version} without {table}.{column}")
        else:
            selected.append(f"{older} AS {column}")
    return selected


def _readable(
    copy: _Copy, table: str, columns: Sequence[str]
) -> tuple[list[tuple[Any, ...]], set[int]]:
    """Every row of ``table`` that can be read, and the rowids of known rows that could not be.

    A table scan stops at the first page that fails its HMAC; the rows after it are
    found by a scan backwards, through the table's indexes (which hold rowids of
    their own) and, between the two scans' ends, by looking ids up one by one.
    """
    scan = f"SELECT rowid FROM {table} NOT INDEXED ORDER BY rowid"  # noqa: S608 - constants only
    forward, complete = copy.rows(scan)
    known = {int(row[0]) for row in forward}
    probed: set[int] = set()
    if not complete:
        backward = {int(row[0]) for row in copy.rows(scan + " DESC")[0]}
        known |= backward
        for sql in _index_scans(copy, table):
            known |= {int(row[0]) for row in copy.rows(sql)[0]}
        low = max((int(row[0]) for row in forward), default=0) + 1
        high = min(backward, default=low)
        probed = set(range(low, min(high, low + _MAX_PROBES))) - known
    rows: list[tuple[Any, ...]] = []
    unreadable: set[int] = set()
    select = f"SELECT {', '.join(columns)} FROM {table} WHERE rowid = ?"  # noqa: S608 - constants only
    for rowid in sorted(known | probed):
        found, complete = copy.rows(select, (rowid,))
        rows += found
        if not complete and rowid in known:  # a probed id may name no row at all
            unreadable.add(rowid)
    return rows, unreadable


def _index_scans(copy: _Copy, table: str) -> Iterable[str]:
    for (index,) in (row[1:2] for row in copy.rows(f"PRAGMA index_list({table})")[0]):
        names = [str(row[2]) for row in copy.rows(f"PRAGMA index_info({index})")[0]]
        if names:
            order = ", ".join(names)
            scan = f"SELECT rowid FROM {table} INDEXED BY {index} ORDER BY {order}"  # noqa: S608
            yield scan
            yield scan + " DESC"
