"""Putting a salvaged outbox in place of the damaged one: the old files moved, never deleted.

Split from :mod:`app.services.outbox.salvage`. The old ``outbox.db``, ``-wal`` and
``-shm`` go into a folder of their own in the profile (``damaged-YYYYMMDD-HHMMSS/``,
0700) by renames, which never copy or rewrite a byte; the new outbox is then linked in
as ``outbox.db``.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
from pathlib import Path
from typing import NamedTuple

from app.services.files import fsync_directory
from app.services.outbox.file import sibling
from app.services.outbox.locking import SenderLock
from app.services.outbox.store import LOCK_FILE

SUFFIXES = ("", "-wal", "-shm")  # outbox.db first: a log without its database is refused


class Placed(NamedTuple):
    installed: bool
    moved_to: Path | None  # where the old files are now, once moved
    not_installed: str | None  # why the new outbox keeps its own name


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def put_in_place(path: Path, new_outbox: Path, folder_name: str, digests: dict[str, str]) -> Placed:
    """Move the outbox's files into ``folder_name`` beside them, link ``new_outbox`` in.

    Only when it is safe: on POSIX, with the sender lock free, no process holding the
    outbox's shared memory (SQLite keeps a lock on it while a connection is open) and
    the files as they were when read (``digests``: SHA-256 by suffix). The new outbox
    is linked in, never over a file: an ``outbox.db`` made meanwhile stays, and the new
    one keeps its own name.
    """
    if _on_windows():
        return Placed(False, None, "putting it in place is not done automatically on Windows")
    # The outbox's own lock (held while one is created) and every municipality's sender
    # lock (outbox.CODE.lock): none may be held by anyone else while the files move.
    names = [LOCK_FILE, *sorted(p.name for p in path.parent.glob("outbox.*.lock"))]
    locks: list[SenderLock] = []
    try:
        for name in dict.fromkeys(names):
            lock = SenderLock(path.with_name(name))
            if not lock.try_acquire():
                return Placed(
                    False, None, "a sender holds an outbox lock: close the app and try again"
                )
            locks.append(lock)
        if _in_use(sibling(path, "-shm")):
            return Placed(False, None, "another process has the outbox open: close the app first")
        if _digests(path) != digests:
            return Placed(False, None, "the outbox files changed while they were salvaged")
        return _move_and_link(path, new_outbox, path.with_name(folder_name))
    finally:
        for lock in reversed(locks):
            lock.release()


def _move_and_link(path: Path, new_outbox: Path, folder: Path) -> Placed:
    try:
        folder.mkdir(mode=0o700)
        os.chmod(folder, 0o700)
    except OSError as error:
        return Placed(False, None, f"{folder} not made ({error.strerror})")
    moved: list[tuple[Path, Path]] = []
    try:
        for suffix in (*SUFFIXES, "-journal"):
            source = sibling(path, suffix)
            if source.exists():
                os.rename(source, folder / source.name)
                moved.append((source, folder / source.name))
        fsync_directory(folder)
    except OSError as error:
        for source, target in reversed(moved):
            _move_back(target, source)
        return Placed(False, None, f"the old files could not be moved ({error.strerror})")
    try:
        os.link(new_outbox, path)  # never over a file made meanwhile
    except OSError as error:
        return Placed(False, folder, f"the new outbox could not be put in place ({error.strerror})")
    new_outbox.unlink()
    fsync_directory(path.parent)
    return Placed(True, folder, None)


def _digests(path: Path) -> dict[str, str]:
    found = {}
    for suffix in SUFFIXES:
        with contextlib.suppress(FileNotFoundError):
            found[suffix] = digest(sibling(path, suffix).read_bytes())
    return found


def _move_back(moved: Path, original: Path) -> None:
    """Undo one move, unless a file of that name was made meanwhile (then it stays moved)."""
    with contextlib.suppress(OSError):
        os.link(moved, original)
        moved.unlink()


def _on_windows() -> bool:
    """A call, not ``sys.platform`` inline: what follows stays checked for every platform."""
    return sys.platform == "win32"


def _in_use(shm: Path) -> bool:
    """Whether a connection (of any process) has the outbox open: it holds a shared lock
    on the shared-memory file's "dead man switch" byte (SQLite's unix VFS, byte 128).
    POSIX only: Windows never gets here (see :func:`put_in_place`)."""
    if sys.platform == "win32":
        return True  # cannot tell here: never moved (Windows never gets here)
    else:  # an else, not code after a return: mypy --platform win32 would call it unreachable
        import fcntl

        try:
            fd = os.open(shm, os.O_RDWR)
        except FileNotFoundError:
            return False
        except OSError:
            return True  # cannot tell: not safe to move
        try:
            try:
                fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, 128)
            except OSError:
                return True
            fcntl.lockf(fd, fcntl.LOCK_UN, 1, 128)
            return False
        finally:
            os.close(fd)
