"""One sender at a time per municipality: cross-process exclusive locks on small files.

Two app instances, or a headless flush beside the GUI, share one outbox. Each
municipality's items have a lock of their own (``outbox.<code>.lock`` beside
``outbox.db``): only its holder may move that municipality's items to 'sending'
and deliver them, and only its holder may call ``Outbox.recover(code)``:
otherwise recovery could put an item another process is sending right now back
in line, and it would go twice. One lock per municipality, not one for the
outbox, so that a system that hangs holds up only its own items: another
sender may deliver to the other municipalities meanwhile.

The operating system drops the lock when the holder dies (even by SIGKILL), so
a crashed sender never blocks the next one. The lock file itself is never
deleted: unlinking a lock file lets two processes lock two different inodes.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import sys
import time
from pathlib import Path
from types import TracebackType

from app.services.outbox.keys import OutboxError, OutboxIOError


class SenderBusy(OutboxError):
    code = "sender_busy"


def municipality_lock_path(outbox_path: Path, municipality: str) -> Path:
    """``outbox.<code>.lock`` beside ``outbox.db``: the sender lock of one municipality.

    The code itself names the file when it is a plain one (Statistics Finland's are
    three digits); anything else, a digest of it.
    """
    name = municipality
    if not re.fullmatch(r"[0-9A-Za-z_-]{1,40}", name):
        name = "x" + hashlib.sha256(municipality.encode()).hexdigest()[:24]
    return outbox_path.with_suffix(f".{name}.lock")


class SenderLock:
    """Exclusive, non-blocking by default; usable as a context manager."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def try_acquire(self) -> bool:
        """Take the lock if it is free; True also when this object already holds it."""
        if self._fd is not None:
            return True
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as error:
            raise OutboxIOError(f"outbox lock file not opened ({error.strerror})") from None
        if _lock(fd):
            self._fd = fd
            return True
        os.close(fd)
        return False

    def acquire(self, timeout: float, poll: float = 0.05) -> bool:
        """Wait at most ``timeout`` seconds for the lock."""
        deadline = time.monotonic() + timeout
        while not self.try_acquire():
            if time.monotonic() >= deadline:
                return False
            time.sleep(poll)
        return True

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is not None:
            try:
                _unlock(fd)
            finally:
                os.close(fd)

    def __enter__(self) -> SenderLock:
        if not self.try_acquire():
            raise SenderBusy("another sender holds the lock")
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.release()

    def __del__(self) -> None:
        # A forgotten lock must not outlive its object and block every sender;
        # at interpreter exit the OS drops it anyway, so errors then are moot.
        with contextlib.suppress(Exception):
            self.release()


if sys.platform == "win32":
    import msvcrt

    def _lock(fd: int) -> bool:
        # Byte 0 stands for the whole file; Windows may lock past the end.
        os.lseek(fd, 0, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(fd: int) -> bool:
        # flock, not fcntl/lockf: a POSIX record lock is dropped when any
        # descriptor of the file closes in the process, and is not exclusive
        # between two objects of one process.
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
