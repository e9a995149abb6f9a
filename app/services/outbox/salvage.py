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
needing the worker's attention (:data:`UNCERTAIN`), never sent by itself.

Each row keeps what later schema versions added where the damaged file has it: the
item's destination (version 5) and the item's and draft's author (version 6). A file
older than them gives what its migration would: unbound (''), author not known. Author
columns that hold no author (partly NULL, invalid), which the outbox itself refuses
as damaged, are never read as a worker: they are left not known, and an item of them
that would go by itself needs the worker's attention (:data:`UNREADABLE_AUTHOR`)
instead, since an item of unknown author may go under whoever signs in. Then, when
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
from app.services.outbox.file import open_connection, sibling, transaction, translate
from app.services.outbox.items import AUTHOR_UNREADABLE, SALVAGED, Failure, author_from_row
from app.services.outbox.keys import OutboxIOError
from app.services.outbox.replace import SUFFIXES, digest, put_in_place
from app.services.outbox.salvage_read import (
    DRAFT_AUTHOR,
    DRAFT_ROW,
    ITEM_AUTHOR,
    ITEM_ROW,
    View,
    read_view,
)
from app.services.outbox.schema import AUTHOR_COLUMNS, Corrupt
from app.services.outbox.store import OUTBOX_FILE, Outbox

SALVAGED_PREFIX = "outbox-salvaged-"
DAMAGED_PREFIX = "damaged-"
UNCERTAIN = Failure(
    SALVAGED,
    "found only in the state before the damage: it may have been delivered or discarded "
    "after it; check the client's record, then resend or discard it",
)
UNREADABLE_AUTHOR = Failure(
    AUTHOR_UNREADABLE,
    "salvaged with author columns that hold no author: who saved it is not known; "
    "check who saved it (and the client's record), then resend or discard it",
)
# The kinds a worker resends or discards; an uncertain event or fax keeps its state
# (an event goes again harmlessly by its key; a fax waits to be marked sent).
_WORKER_CHECKS = frozenset({ItemKind.ENTRY, ItemKind.MAIL, ItemKind.NOTIFICATION})


@dataclass
class SalvageResult:
    """What the salvage did. No client data: counts, states, paths."""

    damage: wal.WalCheck | None
    views: list[View]
    states: dict[str, int]
    drafts: int
    uncertain: int
    new_outbox: Path
    authors_unreadable: int = 0  # items and drafts whose author columns held no author
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
        views.append(read_view(name, directory / OUTBOX_FILE, key_hex))
    return views, damage if damage is not None and damage.damaged else None


def _write(
    new_path: Path, key: bytes, views: list[View], damage: wal.WalCheck | None
) -> SalvageResult:
    """The merged rows into a new outbox at ``new_path`` (which must not exist)."""
    items, uncertain, authors_unreadable = _merge_items(views, damage is not None)
    drafts, unreadable = _merge_drafts(views, items.keys())
    authors_unreadable += unreadable
    deliveries: dict[str, int] = {}
    for view in views:
        for code, stamp in view.deliveries.items():
            deliveries[code] = max(stamp, deliveries.get(code, stamp))
    sequence = max((view.sequence for view in views), default=0)
    opened = open_connection(new_path, key)
    with contextlib.closing(opened.connection) as db, transaction(db):
        for row in sorted(items.values(), key=lambda row: int(row[0])):
            if db.execute("SELECT 1 FROM items WHERE id = ?", (row[0],)).fetchone() is None:
                db.execute(_insert("items", ITEM_ROW), row)
            else:  # an id met twice cannot happen with AUTOINCREMENT; never lose the row
                db.execute(_insert("items", ITEM_ROW[1:]), row[1:])
        for draft in drafts.values():
            db.execute(_insert("drafts", DRAFT_ROW), draft)
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
        authors_unreadable=authors_unreadable,
        lost=sorted(set().union(*(view.listed for view in views)) - items.keys()),
        mode_fixes=mode_fixes,
    )


def _insert(table: str, columns: Sequence[str]) -> str:
    marks = ", ".join("?" for _ in columns)
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"  # noqa: S608 - constants only


def _merge_items(views: list[View], damaged: bool) -> tuple[dict[str, tuple[Any, ...]], int, int]:
    """One row per idempotency key, from the newest view holding it; how many are
    uncertain, and how many had author columns that hold no author.

    'sending' goes back to 'waiting' (nothing is being sent now). When the log was
    damaged, an item that only the state before the damage holds, and that no view of
    the state after it names (by its key in the key index, or its id among the rows it
    could not read), may have been delivered or discarded since: a worker's kind of
    item then needs attention, and never goes by itself.

    Author columns that hold no author are left not known (all NULL), never read as a
    worker; since an item of unknown author may go under whoever signs in, such an item
    that would go by itself (waiting, or needing attention) needs attention instead,
    whatever its kind; a fax stays manual (it is never sent).
    """
    after = [view for view in views if view.name != "last_good"]
    named_keys = set().union(*(view.listed for view in after))
    named_ids = set().union(*(view.unread_ids for view in after))
    merged: dict[str, tuple[Any, ...]] = {}
    uncertain = unreadable = 0
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
            if not _author_readable(values[ITEM_AUTHOR]):
                values[ITEM_AUTHOR] = [None] * len(AUTHOR_COLUMNS)
                if open_state:
                    values[7] = "attention"
                    values[10] = str(UNREADABLE_AUTHOR)
                unreadable += 1
            merged[item_key] = tuple(values)
    return merged, uncertain, unreadable


def _merge_drafts(
    views: list[View], saved: Iterable[str]
) -> tuple[dict[str, tuple[Any, ...]], int]:
    """One draft per form, its newest text (none for a form already saved as an item);
    how many had author columns that hold no author.

    A draft is never sent: one whose author columns hold no author is kept, its author
    not known (as a draft kept before version 6), never read as a worker.
    """
    skip = set(saved)
    drafts: dict[str, tuple[Any, ...]] = {}
    for view in views:
        for draft_key, draft in view.drafts.items():
            if draft_key not in skip and (
                draft_key not in drafts or draft[5] > drafts[draft_key][5]
            ):
                drafts[draft_key] = draft
    unreadable = 0
    for draft_key, draft in drafts.items():
        if not _author_readable(draft[DRAFT_AUTHOR]):
            drafts[draft_key] = draft[: DRAFT_AUTHOR.start] + (None,) * len(AUTHOR_COLUMNS)
            unreadable += 1
    return drafts, unreadable


def _author_readable(values: Sequence[Any]) -> bool:
    """Whether the author columns hold an author, or none at all (not known)."""
    try:
        author_from_row(tuple(values))
    except ValueError:
        return False
    return True


def _checked(kind: object) -> bool:
    try:
        return ItemKind(str(kind)) in _WORKER_CHECKS
    except ValueError:
        return True  # a kind this version does not know: the worker decides
