"""The outbox file: creating, verifying and opening it, failing closed.

Split from :mod:`app.services.outbox.store` (which re-exports the errors): this is
everything that happens before an :class:`~app.services.outbox.store.Outbox` holds a
verified connection. With a wrong key, a damaged or foreign file or a newer
schema nothing is created, deleted or rewritten: the key is verified through a
read-only connection before anything writes. A write-ahead log with committed
transactions beyond damage (:mod:`app.services.outbox.wal`) is refused before any
connection at all, since SQLite would drop them and its last close delete the log.

The file is created 0600 in a 0700 directory whatever the umask (SQLite gives the
log and shared-memory files the database's mode); a file or directory found open
to others is made private on opening and reported (:attr:`Opened.mode_fixes`).
"""

from __future__ import annotations

import contextlib
import logging
import os
import secrets
import stat
import time
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import NamedTuple

from sqlcipher3 import dbapi2

from app.services.files import PRIVATE, ModeFix, fsync_directory, make_private, private_directory
from app.services.outbox import schema, wal
from app.services.outbox.keys import OutboxError, OutboxIOError
from app.services.outbox.schema import (
    SCHEMA_V1,
    Corrupt,
    NotAnOutbox,
    migrate,
    refuse_newer,
    schema_version,
)

log = logging.getLogger(__name__)

APPLICATION_ID = 0x50564F42  # "PVOB": tells our outbox from any other SQLCipher file


@dataclass(frozen=True)
class CipherProfile:
    """SQLCipher's page parameters for one generation of outbox files.

    They are not stored in the (wholly encrypted) file, so an outbox is opened
    with each profile in turn, newest first: the right one passes page 1's
    HMAC, a wrong one fails it exactly as a wrong key does. A raw key needs
    no key derivation, so a try costs a fraction of a millisecond.
    """

    name: str
    page_size: int
    hmac: str

    def pragmas(self) -> tuple[str, ...]:
        return (
            # SQLCipher 4's parameters pinned first: a later default must not
            # make old files unreadable.
            "PRAGMA cipher_compatibility = 4",
            f"PRAGMA cipher_page_size = {self.page_size}",
            f"PRAGMA cipher_hmac_algorithm = {self.hmac}",
        )


# New outboxes: 1 KiB pages and HMAC-SHA256 (AES-256-CBC as always). A saved
# entry's commit writes several small pages (the row, three indexes, the id
# counter), each encrypted and authenticated on its own: small pages and a MAC
# the CPU computes in hardware (SHA-NI) cut a save's cipher cost by about half
# (docs/performance.md). HMAC-SHA256 with a 256-bit key is a sound MAC;
# SQLCipher 3 used 1 KiB pages and SHA-1.
CIPHER = CipherProfile("v2", page_size=1024, hmac="HMAC_SHA256")
# Outboxes created before: SQLCipher 4's defaults. They are opened as they are
# and never rewritten to the new profile (tests/golden/outbox-v1.db is one).
CIPHER_SQLCIPHER4 = CipherProfile("v1", page_size=4096, hmac="HMAC_SHA512")
CIPHER_PROFILES = (CIPHER, CIPHER_SQLCIPHER4)


BUSY_TIMEOUT_MS = 5000


VERIFY_ATTEMPTS = 3


_PLAIN_SQLITE = b"SQLite format 3\x00"


class WrongKey(OutboxError):
    code = "wrong_key"


class ReadOnly(OutboxError):
    """The outbox's file or directory cannot be written: refused before anything opens it."""

    code = "read_only"


class OutboxBusy(OutboxError):
    code = "busy"


class Damaged(Corrupt):
    """Committed transactions lie intact beyond damage in the write-ahead log.

    Refused before any connection is made: SQLite would read the log only up to the
    damage, and its last close would checkpoint and delete the log, dropping them for
    good. ``check`` says where (no client data).
    """

    code = "damaged"

    def __init__(self, detail: str, check: wal.WalCheck) -> None:
        super().__init__(detail)
        self.check = check


class Opened(NamedTuple):
    """An open outbox file: what :func:`open_connection` returns."""

    path: Path
    connection: dbapi2.Connection
    cipher: CipherProfile
    mode_fixes: tuple[ModeFix, ...]


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
        private_directory(path.parent)
        # Made 0600 before SQLite opens it (an empty file is a new database): SQLite
        # would make it 0644 less the umask, and gives its journals the file's mode.
        os.close(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE))
        if os.name == "posix":
            os.chmod(temporary, PRIVATE)
        with (
            contextlib.closing(_connect(temporary, "mode=rwc", key_hex, CIPHER)) as db,
            transaction(db),
        ):
            db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            for statement in SCHEMA_V1:
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


def _verify(path: Path, key_hex: str) -> CipherProfile:
    """Check key, format, version and integrity without writing a byte anywhere.

    Returns the cipher profile that opens the file.
    """
    try:
        size = path.stat().st_size
        with path.open("rb") as stream:
            head = stream.read(len(_PLAIN_SQLITE))
    except OSError as error:
        raise OutboxIOError(f"outbox unreadable ({error.strerror})") from None
    if head == _PLAIN_SQLITE:
        raise NotAnOutbox("the file is an unencrypted SQLite database")
    if size == 0 or size % min(profile.page_size for profile in CIPHER_PROFILES):
        raise Corrupt("the file is not a whole number of database pages")
    profile = _probe(path, key_hex, size)
    if not sibling(path, "-wal").exists():
        return profile
    # Committed items may live only in the WAL: read them the normal way.
    with contextlib.closing(_connect(path, "mode=ro", key_hex, profile)) as reader:
        _check_content(reader)
    return profile


def _probe(path: Path, key_hex: str, size: int) -> CipherProfile:
    """The profile whose key and parameters open page 1; its content checked when no WAL.

    immutable=1 reads the main file alone and creates no -wal or -shm; its
    first page is always complete (see _create), so it proves the key. A
    mode=ro reader would first rebuild the WAL index in -shm, wrong key or not.
    """
    for profile in CIPHER_PROFILES:
        if size % profile.page_size:
            continue
        with contextlib.closing(_connect(path, "immutable=1", key_hex, profile)) as probe:
            try:
                probe.execute("SELECT count(*) FROM sqlite_schema").fetchone()
            except dbapi2.DatabaseError as error:
                if getattr(error, "sqlite_errorcode", None) == 26:  # NOTADB: HMAC failed
                    continue
                raise translate(error) from None
            if not sibling(path, "-wal").exists():
                _check_content(probe)
            return profile
    raise WrongKey("the key does not open the outbox (or page 1 is damaged)")


def _check_content(db: dbapi2.Connection) -> None:
    try:
        if db.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            raise NotAnOutbox("an SQLCipher database, but not an outbox")
        refuse_newer(schema_version(db))
        if [row[0] for row in db.execute("PRAGMA quick_check")] != ["ok"]:
            raise Corrupt("the outbox failed its integrity check")
    except dbapi2.Error as error:
        problem = translate(error)
        if isinstance(problem, OutboxBusy | OutboxIOError):
            raise problem from None
        raise Corrupt(f"the outbox could not be checked ({type(error).__name__})") from None


def _open_read_write(path: Path, key_hex: str, profile: CipherProfile) -> dbapi2.Connection:
    # mode=rw, not rwc: a file removed since the check must not come back empty.
    db = _connect(path, "mode=rw", key_hex, profile, shared=True)
    try:
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if db.execute("PRAGMA journal_mode = WAL").fetchone()[0] != "wal":
            raise OutboxIOError("the outbox's file system does not support WAL")
        db.execute("PRAGMA synchronous = FULL")
        db.execute("PRAGMA secure_delete = ON")
        db.execute("PRAGMA foreign_keys = ON")
        if schema_version(db) < schema.SCHEMA_VERSION:
            with transaction(db):
                migrate(db)
    except dbapi2.Error as error:
        db.close()
        raise translate(error) from None
    except BaseException:
        db.close()
        raise
    return db


def _connect(
    path: Path, mode: str, key_hex: str, profile: CipherProfile = CIPHER, shared: bool = False
) -> dbapi2.Connection:
    uri = f"{path.absolute().as_uri()}?{mode}"
    db = dbapi2.connect(uri, uri=True, isolation_level=None, check_same_thread=not shared)
    try:
        # Before the key: a wrong key must not print "hmac check failed" on stderr.
        db.execute("PRAGMA cipher_log_level = NONE")
        db.execute(f"PRAGMA key = \"x'{key_hex}'\"")
        for pragma in profile.pragmas():
            db.execute(pragma)
        # Sorts and temporary tables stay in memory, never in unencrypted temp files.
        db.execute("PRAGMA temp_store = MEMORY")
    except BaseException:
        db.close()
        raise
    return db


def transaction(db: dbapi2.Connection) -> Transaction:
    """``with transaction(db):`` a write transaction (``BEGIN IMMEDIATE``), committed on leaving."""
    return Transaction(db)


class Transaction:
    """``BEGIN IMMEDIATE`` on entering; ``COMMIT`` on leaving normally, else ``ROLLBACK``.

    A class rather than a generator: cheaper to enter and leave, and every save
    enters one (docs/performance.md, measurement 1: put against a bare commit).
    """

    __slots__ = ("db",)

    def __init__(self, db: dbapi2.Connection) -> None:
        self.db = db

    def __enter__(self) -> dbapi2.Connection:
        self.db.execute("BEGIN IMMEDIATE")
        return self.db

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if kind is None:
            try:
                self.db.execute("COMMIT")
            except BaseException:
                self._roll_back()
                raise
            return
        self._roll_back()

    def _roll_back(self) -> None:
        # After a failed COMMIT (disk full) SQLite may or may not have rolled
        # back already; either way nothing of this transaction remains.
        if self.db.in_transaction:
            with contextlib.suppress(dbapi2.Error):
                self.db.execute("ROLLBACK")


def sibling(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def any_outbox_file(path: Path) -> bool:
    return any(sibling(path, suffix).exists() for suffix in ("", "-wal", "-journal"))


def refuse_read_only(path: Path) -> None:
    """ReadOnly when the outbox's directory or any of its files cannot be written.

    Checked before any connection: SQLite would otherwise open a read-only file, create
    its WAL and shared-memory files with the same mode (which then keep the outbox
    read-only after the file's mode is fixed) and fail each save as if the disk were
    full. The owner's write bit counts as well as access, so the answer is the same
    for root, who may write anything.
    """
    for target in (path.parent, path, sibling(path, "-wal"), sibling(path, "-shm")):
        try:
            mode = target.stat().st_mode
        except FileNotFoundError:
            continue
        except OSError as error:
            raise OutboxIOError(f"outbox not reachable ({error.strerror})") from None
        if not mode & stat.S_IWUSR or not os.access(target, os.W_OK):
            raise ReadOnly(
                f"{target} cannot be written (mode {stat.S_IMODE(mode):o}); nothing was "
                "opened or changed. Make the directory 0700 and the outbox files 0600, "
                "owned by the worker."
            )


def refuse_damaged(path: Path) -> None:
    """Damaged when committed transactions lie beyond damage in the outbox's log.

    Checked before any connection, from the bytes alone (no key): nothing is written,
    checkpointed or deleted, so the three files stay exactly as they are for
    ``paivystys outbox salvage``. A torn tail (a crash's last, uncommitted frames)
    is normal and passes.
    """
    try:
        found = wal.check_file(sibling(path, "-wal"))
    except OSError as error:
        raise OutboxIOError(f"outbox log unreadable ({error.strerror})") from None
    if found is not None and found[0].damaged:
        check = found[0]
        log.error("outbox not opened: %s", check.describe())
        # What helpdesk does about it (copy the files aside, salvage) is worded by the
        # helpdesk commands and the window, which know which outbox this is.
        raise Damaged(f"{check.describe()}; nothing was opened or changed", check)


def private_modes(path: Path) -> tuple[ModeFix, ...]:
    """Make the outbox's directory and files private if others could read them; each fix
    is logged and returned, for helpdesk's reports."""
    fixes: list[ModeFix] = []
    for target in (path.parent, path, sibling(path, "-wal"), sibling(path, "-shm")):
        try:
            fix = make_private(target)
        except OSError as error:
            log.warning("outbox file %s: mode not checked (%s)", target.name, error.strerror)
            continue
        if fix is not None:
            # The name and the modes only: a path names the worker's account.
            log.warning(
                "outbox file mode: %s was %s, others could read it; now %s",
                target.name if target != path.parent else "directory",
                f"{fix.was:04o}",
                "unchanged (not the owner)" if fix.now is None else f"{fix.now:04o}",
            )
            fixes.append(fix)
    return tuple(fixes)


def open_connection(path: Path, key: bytes) -> Opened:
    """Open (or, when no file exists, create) the outbox at ``path``; fail closed.

    Returns the absolute path, a connection whose key has been verified, the cipher
    profile the file was made with and the modes found open to others (now fixed).
    """
    if len(key) != 32:
        raise ValueError("the outbox key must be 32 bytes")
    key_hex = key.hex()
    path = path.absolute()
    try:
        exists = path.exists()
    except OSError as error:
        raise OutboxIOError(f"outbox not reachable ({error.strerror})") from None
    refuse_read_only(path)
    if exists:
        refuse_damaged(path)
    else:
        if sibling(path, "-wal").exists() or sibling(path, "-journal").exists():
            raise Corrupt("a journal exists without its database")
        _create(path, key_hex)
    for attempt in range(VERIFY_ATTEMPTS):
        try:
            profile = _verify(path, key_hex)
            break
        except (WrongKey, Corrupt):
            # Another process checkpointing right now can make the main
            # file read torn for a moment; only possible while a WAL exists.
            if attempt + 1 == VERIFY_ATTEMPTS or not sibling(path, "-wal").exists():
                raise
            time.sleep(0.05)
    connection = _open_read_write(path, key_hex, profile)
    return Opened(path, connection, profile, private_modes(path))
