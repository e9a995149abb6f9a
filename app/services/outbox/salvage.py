"""Salvage a damaged outbox: every readable committed item into a new outbox, nothing lost.

``paivystys outbox salvage`` (:func:`app.services.helpdesk.outbox_salvage`) runs this
when the outbox is refused as damaged (:class:`~app.services.outbox.file.Damaged`: its
write-ahead log has committed transactions beyond damage) or fails its integrity
check. The old files are only read: ``outbox.db``, ``-wal`` and ``-shm`` are copied
into a fresh private (0700) directory, and every view is built from the copies:

* ``last_good``: the log as SQLite itself would use it, up to its last commit before
  the damage (the state before the damaged transaction);
* when the log is damaged, ``rechained``: every frame up to the last intact commit,
  the damaged ones included, each checksum recomputed (SQLCipher's per-page HMAC
  refuses a damaged page, so only what lies on it is unreadable);
* and ``rechained_without_bad``: the same with the damaged frames left out (their
  pages read as they were before).

Each view is read row by row (a scan stops at the first unreadable page; the rows
after it are found by a backward scan, the indexes and lookups by id), and every
readable item and draft goes into a new outbox with the same key, once per
idempotency key, the newest view's version first. An item found only in the state
before the damage may have been delivered or discarded after it: it is kept, but as
needing the worker's attention (:data:`UNCERTAIN`), never sent by itself. Then, when
no process has the outbox open, the old files are moved (never deleted) into
``damaged-YYYYMMDD-HHMMSS/`` (UTC) in the profile and the new outbox takes their place.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlcipher3 import dbapi2

from app.domain.kinds import ItemKind
from app.services.files import ModeFix
from app.services.outbox import wal
from app.services.outbox.file import (
    CIPHER_PROFILES,
    _connect,
    open_connection,
    sibling,
    transaction,
    translate,
)
from app.services.outbox.items import SALVAGED, Failure
from app.services.outbox.keys import OutboxError, OutboxIOError
from app.services.outbox.replace import SUFFIXES, digest, put_in_place
from app.services.outbox.schema import (
    SCHEMA_VERSION,
    Corrupt,
    NewerSchema,
    NotAnOutbox,
    schema_version,
)
from app.services.outbox.store import OUTBOX_FILE, Outbox

SALVAGED_PREFIX = "outbox-salvaged-"
DAMAGED_PREFIX = "damaged-"
UNCERTAIN = Failure(
    SALVAGED,
    "found only in the state before the damage: it may have been delivered or discarded "
    "after it; check the client's record, then resend or discard it",
)
# The kinds a worker resends or discards; an uncertain event or fax keeps its state
# (an event goes again harmlessly by its key; a fax waits to be marked sent).
_WORKER_CHECKS = frozenset({ItemKind.ENTRY, ItemKind.MAIL, ItemKind.NOTIFICATION})
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


@dataclass
class SalvageResult:
    """What the salvage did. No client data: counts, states, paths."""

    damage: wal.WalCheck | None
    views: list[View]
    states: dict[str, int]
    drafts: int
    uncertain: int
    new_outbox: Path
    lost: list[str] = field(default_factory=list)  # idempotency keys indexed but unreadable
    mode_fixes: tuple[ModeFix, ...] = ()
    installed: bool = False
    moved_to: Path | None = None
    not_installed: str | None = None  # why the new outbox was left under its own name

    @property
    def items(self) -> int:
        return sum(self.states.values())


def salvage(profile_dir: Path, key: bytes, now: dt.datetime, install: bool = True) -> SalvageResult:
    """Salvage the profile's outbox into a new one beside it; the old files only read.

    With ``install`` the old files are then moved into ``damaged-<stamp>/`` and the
    new outbox becomes ``outbox.db``, if that is safe
    (:func:`~app.services.outbox.replace.put_in_place`).
    Raises OutboxError when nothing could be read (wrong key, no outbox).
    """
    path = profile_dir.absolute() / OUTBOX_FILE
    if not path.exists():
        raise OutboxIOError(f"no outbox to salvage at {path}")
    stamp = now.astimezone(dt.UTC).strftime("%Y%m%d-%H%M%S")
    new_path = path.with_name(f"{SALVAGED_PREFIX}{stamp}.db")
    if any(sibling(new_path, suffix).exists() for suffix in SUFFIXES):
        raise OutboxIOError(f"{new_path} exists already: try again in a second")
    try:
        work = Path(tempfile.mkdtemp(prefix=".salvage-", dir=path.parent))  # 0700
    except OSError as error:
        raise OutboxIOError(f"no working copy made in {path.parent} ({error.strerror})") from None
    try:
        originals = _copy(path, work / "original")
        views, damage = _views(originals, work, key.hex())
        if not any(view.error is None for view in views):
            raise Corrupt(f"no view of the outbox could be read ({views[0].error})")
        try:
            result = _write(new_path, key, views, damage)
        except BaseException:
            for suffix in SUFFIXES:  # the new outbox, half made: never the old files
                sibling(new_path, suffix).unlink(missing_ok=True)
            raise
    except OSError as error:
        raise OutboxIOError(f"salvage failed ({error.strerror})") from None
    except dbapi2.Error as error:
        raise translate(error) from None
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if not install:
        result.not_installed = "not asked to put it in place"
        return result
    digests = {suffix: digest(data) for suffix, data in originals.items()}
    done = put_in_place(path, new_path, DAMAGED_PREFIX + stamp, digests)
    result.installed, result.moved_to, result.not_installed = done
    if result.installed:
        result.new_outbox = path
    return result


def _copy(path: Path, target: Path) -> dict[str, bytes]:
    """The outbox's files, read once and copied into ``target`` (made 0700)."""
    target.mkdir(mode=0o700)
    found: dict[str, bytes] = {}
    for suffix in SUFFIXES:
        try:
            data = sibling(path, suffix).read_bytes()
        except FileNotFoundError:
            continue
        except OSError as error:
            raise OutboxIOError(f"outbox file unreadable ({error.strerror})") from None
        _write_private(target / f"{OUTBOX_FILE}{suffix}", data)
        found[suffix] = data
    return found


def _write_private(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with open(fd, "wb") as stream:
        stream.write(data)


def _views(
    originals: dict[str, bytes], work: Path, key_hex: str
) -> tuple[list[View], wal.WalCheck | None]:
    """Every view of the copies, the newest first."""
    database = originals[""]
    log = originals.get("-wal")
    damage = None if log is None else wal.check_bytes(log)
    logs: list[tuple[str, bytes | None]] = []
    if log is not None and damage is not None and damage.damaged:
        logs.append(("rechained", wal.rebuild(log, damage, keep_bad=True)))
        logs.append(("rechained_without_bad", wal.rebuild(log, damage, keep_bad=False)))
    logs.append(
        ("last_good", None if log is None or damage is None else wal.truncated(log, damage))
    )
    views = []
    for name, rebuilt in logs:
        directory = work / name
        directory.mkdir(mode=0o700)
        _write_private(directory / OUTBOX_FILE, database)
        if rebuilt:
            _write_private(directory / f"{OUTBOX_FILE}-wal", rebuilt)
        views.append(_read_view(name, directory / OUTBOX_FILE, key_hex))
    return views, damage if damage is not None and damage.damaged else None


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


def _read_view(name: str, path: Path, key_hex: str) -> View:
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
    rows, view.unread_ids = _readable(copy, "items", _ITEM_COLUMNS)
    view.unreadable = len(view.unread_ids)
    view.items = {str(row[1]): row for row in rows}
    if "drafts" in tables:
        rows, unreadable = _readable(copy, "drafts", _DRAFT_COLUMNS)
        view.unreadable += len(unreadable)
        view.drafts = {str(row[0]): row for row in rows}
    deliveries, _ = _readable(copy, "deliveries", ("municipality", "delivered"))
    view.deliveries = {str(code): int(stamp) for code, stamp in deliveries}
    sequence = copy.rows("SELECT seq FROM sqlite_sequence WHERE name = 'items'")[0]
    view.sequence = int(sequence[0][0]) if sequence else 0
    keys = copy.rows("SELECT key FROM items INDEXED BY sqlite_autoindex_items_1 ORDER BY key")[0]
    view.listed = {str(row[0]) for row in keys}


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


def _write(
    new_path: Path, key: bytes, views: list[View], damage: wal.WalCheck | None
) -> SalvageResult:
    """The merged rows into a new outbox at ``new_path`` (which must not exist)."""
    items, uncertain = _merge_items(views, damage is not None)
    drafts: dict[str, tuple[Any, ...]] = {}
    for view in views:
        for draft_key, draft in view.drafts.items():
            if draft_key not in items and (
                draft_key not in drafts or draft[5] > drafts[draft_key][5]
            ):
                drafts[draft_key] = draft  # the newest text; none for a form already saved
    deliveries: dict[str, int] = {}
    for view in views:
        for code, stamp in view.deliveries.items():
            deliveries[code] = max(stamp, deliveries.get(code, stamp))
    sequence = max((view.sequence for view in views), default=0)
    opened = open_connection(new_path, key)
    with contextlib.closing(opened.connection) as db, transaction(db):
        for row in sorted(items.values(), key=lambda row: int(row[0])):
            if db.execute("SELECT 1 FROM items WHERE id = ?", (row[0],)).fetchone() is None:
                db.execute(_insert("items", _ITEM_COLUMNS), row)
            else:  # an id met twice cannot happen with AUTOINCREMENT; never lose the row
                db.execute(_insert("items", _ITEM_COLUMNS[1:]), row[1:])
        for draft in drafts.values():
            db.execute(_insert("drafts", _DRAFT_COLUMNS), draft)
        for code, stamp in sorted(deliveries.items()):
            db.execute(
                "INSERT INTO deliveries (municipality, delivered) VALUES (?, ?)", (code, stamp)
            )
        # New ids go on above every id the old outbox ever gave.
        db.execute("UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = 'items'", (sequence,))
    # Read back through the app's own open: the new file is an outbox like any other.
    with Outbox.open(new_path, key) as check:
        counts = check.counts()
        problems = check.integrity_check()
        mode_fixes = check.mode_fixes
    if problems:
        raise Corrupt(
            f"the salvaged outbox failed its integrity check ({len(problems)} problem(s))"
        )
    states = {"waiting": counts.waiting, "attention": counts.attention, "manual": counts.manual}
    return SalvageResult(
        damage=damage,
        views=views,
        states=states,
        drafts=counts.drafts,
        uncertain=uncertain,
        new_outbox=new_path,
        lost=sorted(set().union(*(view.listed for view in views)) - items.keys()),
        mode_fixes=mode_fixes,
    )


def _insert(table: str, columns: Sequence[str]) -> str:
    marks = ", ".join("?" for _ in columns)
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"  # noqa: S608 - constants only


def _merge_items(views: list[View], damaged: bool) -> tuple[dict[str, tuple[Any, ...]], int]:
    """One row per idempotency key, from the newest view holding it; how many are uncertain.

    'sending' goes back to 'waiting' (nothing is being sent now). When the log was
    damaged, an item that only the state before the damage holds, and that no view of
    the state after it names (by its key in the key index, or its id among the rows it
    could not read), may have been delivered or discarded since: a worker's kind of
    item then needs attention, and never goes by itself.
    """
    after = [view for view in views if view.name != "last_good"]
    named_keys = set().union(*(view.listed for view in after))
    named_ids = set().union(*(view.unread_ids for view in after))
    merged: dict[str, tuple[Any, ...]] = {}
    uncertain = 0
    for view in views:
        before_damage = damaged and view.name == "last_good"
        for item_key, row in view.items.items():
            if item_key in merged:
                continue
            values = list(row)
            if values[7] == "sending":
                values[7] = "waiting"
            named = item_key in named_keys or values[0] in named_ids
            open_state = values[7] in ("waiting", "attention")
            if before_damage and not named and open_state and _checked(values[3]):
                values[7] = "attention"
                values[10] = str(UNCERTAIN)
                uncertain += 1
            merged[item_key] = tuple(values)
    return merged, uncertain


def _checked(kind: object) -> bool:
    try:
        return ItemKind(str(kind)) in _WORKER_CHECKS
    except ValueError:
        return True  # a kind this version does not know: the worker decides
