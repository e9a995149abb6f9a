"""Writing a file whole or not at all: the settings, the training key, a saved PDF.

Electrum's ``storage.py: write`` is the model. The bytes go to a temporary file in
the target's own directory (a rename is atomic only within one file system), which
is synced to the disk and then renamed over the target; the directory is synced
too, so that the rename itself survives a power cut. A failure at any step leaves
the old content in place and removes the temporary file. Only a crash between
creating and renaming can leave one behind, named ``.<name>.<random>``, which no
reader opens.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

PRIVATE = 0o600


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
