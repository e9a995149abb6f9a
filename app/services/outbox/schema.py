"""The outbox's tables: the first version's statements and every migration since.

Split from :mod:`app.services.outbox.file`, which creates, verifies and opens the
file and calls :func:`migrate` inside the transaction that records the new version.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlcipher3 import dbapi2

from app.services.outbox.keys import OutboxError

SCHEMA_VERSION = 6


class Corrupt(OutboxError):
    code = "corrupt"


class NotAnOutbox(Corrupt):
    code = "not_an_outbox"


class NewerSchema(OutboxError):
    code = "newer_schema"


# Each statement of version 1. AUTOINCREMENT: an id is never reused, so a stale
# id held by the UI can never act on another item. Times are integer
# microseconds since the epoch, UTC.
SCHEMA_V1 = (
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


# Version 2: state 'manual', an item the worker completes by hand (a fax handoff):
# the sender never sends it; it stays until the worker marks it sent. SQLite cannot
# change a CHECK constraint in place, so the items table is rebuilt.
_ITEMS_V2 = """CREATE TABLE items_new (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    key TEXT NOT NULL UNIQUE,
    municipality TEXT NOT NULL,
    kind TEXT NOT NULL,
    client TEXT NOT NULL,
    label TEXT NOT NULL,
    payload BLOB NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('waiting', 'sending', 'attention', 'manual')),
    attempts INTEGER NOT NULL,
    next_attempt INTEGER NOT NULL,
    last_error TEXT,
    created INTEGER NOT NULL) STRICT"""
_ITEM_COLUMNS = (
    "id, key, municipality, kind, client, label, payload, state, attempts, "
    "next_attempt, last_error, created"
)


def _add_manual_state(db: dbapi2.Connection) -> None:
    """Version 2: rebuild ``items`` with 'manual' allowed, inside the migration's transaction.

    Ids stay as they were and the AUTOINCREMENT counter is carried over, so an id
    is never reused, not even that of an item deleted before the migration.
    """
    row = db.execute("SELECT seq FROM sqlite_sequence WHERE name = 'items'").fetchone()
    highest = int(row[0]) if row is not None else 0
    count = db.execute("SELECT count(*) FROM items").fetchone()[0]
    db.execute(_ITEMS_V2)
    db.execute(
        f"INSERT INTO items_new ({_ITEM_COLUMNS}) SELECT {_ITEM_COLUMNS} FROM items ORDER BY id"  # noqa: S608 - constants only
    )
    if db.execute("SELECT count(*) FROM items_new").fetchone()[0] != count:
        raise Corrupt("the outbox's items did not copy completely")
    db.execute("DROP TABLE items")
    db.execute("ALTER TABLE items_new RENAME TO items")
    db.execute("CREATE INDEX items_line ON items (municipality, client, id)")
    db.execute("CREATE INDEX items_due ON items (state, next_attempt)")
    db.execute("DELETE FROM sqlite_sequence WHERE name = 'items'")
    # The copy set the counter to the highest id left; the old one may be higher.
    db.execute(
        "INSERT INTO sqlite_sequence (name, seq) SELECT 'items', max(?, coalesce(max(id), 0))"
        " FROM items",
        (highest,),
    )


def _one_queue_index(db: dbapi2.Connection) -> None:
    """Version 3: one index for the sender's queries instead of two.

    ``items_queue`` (municipality, state, client, id) answers "each client's
    first open item" and "a municipality's open items in saved order" from the
    index alone, without reading rows (payloads) of items that are not due:
    with 100,000 items waiting, the sender's queries took seconds before. A save
    now updates two indexes, not three.
    """
    db.execute("DROP INDEX items_line")
    db.execute("DROP INDEX items_due")
    db.execute("CREATE INDEX items_queue ON items (municipality, state, client, id)")


def _add_drafts(db: dbapi2.Connection) -> None:
    """Version 4: ``drafts``, the unsaved text of open forms (its own table: never sent).

    One row per form, replaced in place on every save (about once a second while
    the worker types), so no index beyond the key: the few drafts there are are
    read whole at start-up. ``payload`` is the UI's encoding of the form's fields.
    """
    db.execute(
        """CREATE TABLE drafts (
        key TEXT PRIMARY KEY,
        form TEXT NOT NULL,
        municipality TEXT NOT NULL,
        client TEXT NOT NULL,
        payload BLOB NOT NULL,
        updated INTEGER NOT NULL) STRICT"""
    )


def _add_destination(db: dbapi2.Connection) -> None:
    """Version 5: ``items.destination``, where each item is bound to go.

    The registrar, system type and endpoint its municipality had in the policy when
    the item was saved (:func:`app.services.workstation.Workstation.destination`).
    A policy that later points the municipality elsewhere holds the item until a
    person confirms the new address. Items saved before this version are unbound
    (''): the outbox never recorded where they were meant to go.
    """
    db.execute("ALTER TABLE items ADD COLUMN destination TEXT NOT NULL DEFAULT ''")


# Who saved an item or a draft (app.domain.author.Author): all five NULL = not known.
AUTHOR_COLUMNS = (
    "author_id",
    "author_name",
    "author_organisation",
    "author_method",
    "author_signed_in",
)


def _add_authors(db: dbapi2.Connection) -> None:
    """Version 6: each item's and draft's author, the worker as signed in when it was saved.

    The worker id, name and organisation, the sign-in method and the sign-in time
    (integer microseconds, UTC). Items and drafts saved before this version have
    none (all NULL): the outbox never recorded who saved them, and no worker is
    made up for them; the sender treats them as anyone's signed in to their
    organisation, and the outbox view says the author is not known.
    """
    for table in ("items", "drafts"):
        for column in AUTHOR_COLUMNS:
            kind = "INTEGER" if column == "author_signed_in" else "TEXT"
            db.execute(f"ALTER TABLE {table} ADD COLUMN {column} {kind}")


# MIGRATIONS[n] turns a version n-1 outbox into version n, inside the
# transaction that records n. Every new outbox starts at version 1 and goes
# through them, so each migration runs in every test; tests/golden holds an
# outbox of each old version (tests/services/test_outbox_migration.py).
MIGRATIONS: dict[int, Callable[[dbapi2.Connection], None]] = {
    2: _add_manual_state,
    3: _one_queue_index,
    4: _add_drafts,
    5: _add_destination,
    6: _add_authors,
}


def refuse_newer(version: int) -> None:
    """NewerSchema when a later app version wrote the outbox: never touch it then."""
    if version > SCHEMA_VERSION:
        raise NewerSchema(f"schema version {version}; this app knows up to {SCHEMA_VERSION}")


def migrate(db: dbapi2.Connection) -> None:
    version = schema_version(db)  # again: another process may have migrated meanwhile
    refuse_newer(version)
    for target in range(version + 1, SCHEMA_VERSION + 1):
        MIGRATIONS[target](db)
        db.execute("UPDATE meta SET value = ? WHERE name = 'schema_version'", (target,))


def schema_version(db: dbapi2.Connection) -> int:
    try:
        row = db.execute("SELECT value FROM meta WHERE name = 'schema_version'").fetchone()
    except dbapi2.OperationalError:
        raise NotAnOutbox("no schema version") from None
    if row is None or type(row[0]) is not int or row[0] < 1:
        raise Corrupt("invalid schema version")
    return row[0]
