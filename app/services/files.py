"""Writing a file whole or not at all, and keeping the app's files to their owner.

Electrum's ``storage.py: write`` is the model. The bytes go to a temporary file in
the target's own directory (a rename is atomic only within one file system), which
is synced to the disk and then renamed over the target; the directory is synced
too, so that the rename itself survives a power cut. A failure at any step leaves
the old content in place and removes the temporary file. Only a crash between
creating and renaming can leave one behind, named ``.<name>.<random>``, which no
reader opens.

Every file the app creates is 0600 and every directory 0700, whatever the umask:
:func:`private_directory` makes a directory so, and :func:`make_private` finds (and
corrects) a file or directory others could read. The entry point also sets the
umask to 077 (:mod:`app.services.process`), but nothing here depends on it.
"""

from __future__ import annotations

import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

PRIVATE = 0o600
PRIVATE_DIRECTORY = 0o700


def atomic_write(path: Path, data: bytes, mode: int = PRIVATE) -> None:
    """Replace ``path``'s content with ``data`` atomically and durably.

    The file gets permission bits ``mode`` before any byte is written, so content
    meant to be private is never readable by others, not even for a moment. The
    directory must exist. Raises OSError; the old content is then untouched.
    """
    directory = path.parent
    descriptor, name = tempfile.mkstemp(prefix=f".{path.name}.", dir=directory)
    temporary = Path(name)
    try:
        with open(descriptor, "wb") as stream:
            # chmod, not fchmod: Windows has no fchmod before Python 3.13.
            os.chmod(temporary, mode)
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    fsync_directory(directory)


def fsync_directory(directory: Path) -> None:
    """Make a rename (or a link) in ``directory`` durable; Windows has no directory
    handles to sync."""
    if os.name != "posix":
        return
    descriptor = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def private_directory(path: Path) -> None:
    """Make ``path`` and any missing parents, each created 0700 (not through the umask).

    An existing directory is left as it is: :func:`make_private` checks it. Raises OSError.
    """
    missing: list[Path] = []
    current = path
    while not current.exists():
        missing.append(current)
        if current.parent == current:
            break
        current = current.parent
    for directory in reversed(missing):
        try:
            directory.mkdir(mode=PRIVATE_DIRECTORY)
        except FileExistsError:
            continue  # made meanwhile by another process: its mode is checked where it matters
        if os.name == "posix":
            os.chmod(directory, PRIVATE_DIRECTORY)


@dataclass(frozen=True)
class ModeFix:
    """A file or directory others could read, found and (``now`` not None) corrected."""

    path: Path
    was: int
    now: int | None  # None: it could not be changed (not the owner)

    def describe(self) -> str:
        if self.now is None:
            return f"{self.path} has mode {self.was:04o}: others may read it; not changeable"
        return f"{self.path} had mode {self.was:04o}: others could read it; now {self.now:04o}"

    def document(self) -> dict[str, object]:
        return {
            "path": str(self.path),
            "was": f"{self.was:04o}",
            "now": None if self.now is None else f"{self.now:04o}",
        }


def make_private(path: Path) -> ModeFix | None:
    """Take group's and others' permission bits off ``path`` (a file 0600, a directory
    0700); what was found when they were on, None when it was private or is missing.

    POSIX only (None elsewhere). A symbolic link is not followed.
    """
    if os.name != "posix":
        return None
    try:
        found = path.lstat()
    except FileNotFoundError:
        return None
    if stat.S_ISLNK(found.st_mode):
        return None
    mode = stat.S_IMODE(found.st_mode)
    if not mode & 0o077:
        return None
    wanted = PRIVATE_DIRECTORY if stat.S_ISDIR(found.st_mode) else PRIVATE
    try:
        os.chmod(path, wanted)
    except PermissionError:
        return ModeFix(path, mode, None)
    return ModeFix(path, mode, wanted)
