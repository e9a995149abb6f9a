"""atomic_write: the whole new content or the whole old one, never a mix, no leftovers."""

from __future__ import annotations

import io
import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from app.services import files
from app.services.files import atomic_write

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer

OLD = b"old content\n" * 100
NEW = b"new content, longer than the old one\n" * 200

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")


def test_a_new_file_is_written_whole(tmp_path: Path) -> None:
    target = tmp_path / "settings.json"
    atomic_write(target, NEW)
    assert target.read_bytes() == NEW
    assert os.listdir(tmp_path) == ["settings.json"]


def test_an_existing_file_is_replaced_whole(tmp_path: Path) -> None:
    target = tmp_path / "settings.json"
    target.write_bytes(OLD)
    atomic_write(target, b"")
    assert target.read_bytes() == b""
    atomic_write(target, NEW)
    assert target.read_bytes() == NEW
    assert os.listdir(tmp_path) == ["settings.json"]


@pytest.mark.parametrize("failing", ["write", "fsync", "replace"])
def test_a_failure_midway_keeps_the_old_content_and_leaves_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    target = tmp_path / "outbox.key"
    target.write_bytes(OLD)
    seen: list[str] = []

    def fail(*args: object) -> None:
        # The temporary exists at this point, beside the target.
        seen.extend(name for name in os.listdir(tmp_path) if name != "outbox.key")
        raise OSError(28, "No space left on device")

    if failing == "write":

        class DiskFills(io.FileIO):
            """Half of the new content reaches the temporary, then the disk is full."""

            def write(self, data: ReadableBuffer, /) -> int:
                super().write(bytes(data)[: len(bytes(data)) // 2])
                fail()
                return 0

        monkeypatch.setattr(files, "open", lambda fd, _mode: DiskFills(fd, "wb"), raising=False)
    else:
        monkeypatch.setattr(os, failing, fail)

    with pytest.raises(OSError, match="No space left"):
        atomic_write(target, NEW)
    monkeypatch.undo()
    assert len(seen) == 1
    assert seen[0].startswith(".outbox.key.")
    assert target.read_bytes() == OLD
    assert os.listdir(tmp_path) == ["outbox.key"]


def test_an_interrupt_midway_also_cleans_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "settings.json"
    target.write_bytes(OLD)

    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        atomic_write(target, NEW)
    monkeypatch.undo()
    assert target.read_bytes() == OLD
    assert os.listdir(tmp_path) == ["settings.json"]


def test_the_file_and_then_the_directory_are_synced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "kirjaus.pdf"
    synced: list[str] = []
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        # What the descriptor is: the temporary file, or the directory.
        synced.append("directory" if stat.S_ISDIR(os.fstat(fd).st_mode) else "file")
        real_fsync(fd)

    def replace(source: str | os.PathLike[str], destination: str | os.PathLike[str]) -> None:
        synced.append("replace")
        os.rename(source, destination)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    atomic_write(target, NEW)
    expected = ["file", "replace", "directory"] if os.name == "posix" else ["file", "replace"]
    assert synced == expected
    assert target.read_bytes() == NEW


@posix_only
@pytest.mark.parametrize("mode", [0o600, 0o640, 0o644])
def test_the_mode_is_honoured_whatever_the_umask(tmp_path: Path, mode: int) -> None:
    target = tmp_path / "file"
    target.write_bytes(OLD)
    target.chmod(0o666)
    previous = os.umask(0o077)
    try:
        atomic_write(target, NEW, mode=mode)
    finally:
        os.umask(previous)
    assert stat.S_IMODE(target.stat().st_mode) == mode


@posix_only
def test_the_default_is_private_from_the_first_byte(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "outbox.key"
    modes: list[int] = []
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        # The content is written by now: nobody else could have read it.
        modes.append(stat.S_IMODE(os.fstat(fd).st_mode))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    previous = os.umask(0)
    try:
        atomic_write(target, NEW)
    finally:
        os.umask(previous)
    assert modes[0] == 0o600
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_a_missing_directory_is_an_error_not_created(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        atomic_write(tmp_path / "missing" / "file", NEW)
    assert os.listdir(tmp_path) == []
