"""The write-ahead log check, on synthetic logs and on logs real SQLite wrote.

Damage is a break in the chain with an intact commit frame after it (committed data
SQLite would drop); a torn tail, uncommitted frames after a break or an old
generation's frames are not.
"""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
import struct
from pathlib import Path

import pytest

from app.services.outbox import wal

PAGE = 512
SALTS = (0x1234_5678, 0x9ABC_DEF0)


def synthetic(
    commits: list[int], big_endian: bool = False, salts: tuple[int, int] = SALTS
) -> bytes:
    """A valid log: each number in ``commits`` is a transaction of that many frames."""
    head = struct.pack(">6I", wal.MAGIC | int(big_endian), wal.VERSION, PAGE, 0, *salts)
    seed = wal.checksum(head, (0, 0), big_endian)
    out = [head, struct.pack(">2I", *seed)]
    page = 0
    for size, frames in enumerate(commits, start=1):
        for n in range(frames):
            page += 1
            body = bytes((page * 7 + i) % 251 for i in range(PAGE))
            first = struct.pack(">2I", page, size * 10 if n == frames - 1 else 0)
            seed = wal.checksum(body, wal.checksum(first, seed, big_endian), big_endian)
            out += [first, struct.pack(">4I", *salts, *seed), body]
    return b"".join(out)


def frame_offset(number: int) -> int:
    return wal.HEADER_BYTES + number * (wal.FRAME_HEADER_BYTES + PAGE)


def flipped(data: bytes, offset: int) -> bytes:
    changed = bytearray(data)
    changed[offset] ^= 0x04
    return bytes(changed)


@pytest.mark.parametrize("big_endian", [False, True])
def test_an_intact_log_is_kept_whole(big_endian: bool) -> None:
    check = wal.check_bytes(synthetic([2, 3, 1], big_endian))
    assert check.header_intact
    assert len(check.frames) == check.kept == 6
    assert check.first_bad is None
    assert not check.damaged


@pytest.mark.parametrize("big_endian", [False, True])
def test_a_flipped_byte_in_a_middle_frame_with_commits_after_it_is_damage(
    big_endian: bool,
) -> None:
    log = synthetic([2, 3, 2, 2], big_endian)
    check = wal.check_bytes(flipped(log, frame_offset(3) + wal.FRAME_HEADER_BYTES + 100))
    assert check.damaged
    assert check.first_bad == 3
    assert check.kept == 2  # what SQLite keeps: the first transaction only
    assert check.beyond == (4, 6, 8)  # the commit frames of three transactions SQLite would drop
    assert "frame 4 of 9" in check.describe()
    assert check.document()["commits_beyond_damage"] == 3


def test_damage_in_a_frames_checksum_field_is_found_through_the_recomputed_chain() -> None:
    log = synthetic([2, 2, 2])
    check = wal.check_bytes(flipped(log, frame_offset(2) + 17))
    assert check.first_bad == 2
    # Frame 4 (index 3) is seeded wrongly by the damaged stored checksum, but is
    # intact against the chain recomputed through frame 3.
    assert check.frames[3].intact
    assert check.beyond == (3, 5)


def test_damage_in_the_header_that_makes_sqlite_ignore_the_whole_log_is_damage() -> None:
    log = synthetic([1, 2])
    check = wal.check_bytes(flipped(log, 13))  # the checkpoint sequence: the header checksum fails
    assert not check.header_intact
    assert check.kept == 0
    assert check.beyond == (0, 2)
    assert "its header" in check.describe()


def test_a_torn_last_frame_is_not_damage() -> None:
    log = synthetic([2, 2, 3])
    torn = log[: frame_offset(6) + wal.FRAME_HEADER_BYTES + PAGE // 2]
    check = wal.check_bytes(torn)
    assert len(check.frames) == 6  # the half frame is not a frame
    assert check.kept == 4
    assert not check.damaged


def test_a_garbled_last_commit_frame_is_a_torn_tail_not_damage() -> None:
    log = synthetic([2, 2, 3])
    check = wal.check_bytes(flipped(log, frame_offset(6) + 40))
    assert check.first_bad == 6
    assert check.kept == 4
    assert not check.damaged


def test_uncommitted_frames_after_a_break_are_not_damage() -> None:
    log = synthetic([2, 4])
    # The second transaction's commit frame is gone (a crash before it was written):
    # its frames are intact but nothing after the break was committed.
    cut = log[: frame_offset(5)]
    check = wal.check_bytes(flipped(cut, frame_offset(2) + 60))
    assert check.first_bad == 2
    assert check.frames[3].intact
    assert check.frames[4].intact
    assert not check.damaged


def test_an_older_generations_frames_after_the_log_are_not_damage() -> None:
    """After a checkpoint SQLite writes the log again from the start with new salts:
    the old generation's frames beyond the new end carry the old salts."""
    old = synthetic([2, 2, 2, 2], salts=(1, 2))
    new = synthetic([2, 1], salts=(2, 99))
    log = new + old[len(new) :]
    check = wal.check_bytes(log)
    assert check.kept == 3
    assert check.first_bad == 3
    assert not check.damaged


@pytest.mark.parametrize("size", [0, 1, 31])
def test_a_log_without_a_whole_header_is_not_damage(size: int) -> None:
    check = wal.check_bytes(synthetic([1])[:size])
    assert not check.damaged
    assert check.frames == ()


def test_rebuild_rechains_the_log_with_or_without_the_bad_frames() -> None:
    log = synthetic([2, 3, 2])
    damaged = flipped(log, frame_offset(3) + wal.FRAME_HEADER_BYTES + 5)
    check = wal.check_bytes(damaged)
    kept = wal.check_bytes(wal.rebuild(damaged, check, keep_bad=True))
    assert kept.first_bad is None
    assert len(kept.frames) == kept.kept == 7
    left_out = wal.check_bytes(wal.rebuild(damaged, check, keep_bad=False))
    assert left_out.first_bad is None
    assert len(left_out.frames) == left_out.kept == 6
    assert [frame.page for frame in left_out.frames] == [1, 2, 3, 5, 6, 7]
    # Rebuilding an intact log changes nothing; truncating keeps what SQLite keeps.
    assert wal.rebuild(log, wal.check_bytes(log), keep_bad=True) == log
    assert wal.truncated(damaged, check) == log[: frame_offset(2)]


def test_a_log_that_keeps_changing_is_read_until_it_holds_still(tmp_path: Path) -> None:
    path = tmp_path / "x.db-wal"
    assert wal.check_file(path) is None
    log = synthetic([1, 1])
    path.write_bytes(log)
    found = wal.check_file(path)
    assert found is not None
    assert found[1] == log
    assert not found[0].damaged


# -- against SQLite itself -----------------------------------------------------------


def sqlite_log(directory: Path, rows: int) -> tuple[Path, bytes]:
    """``rows`` commits by real SQLite (plain, unencrypted), the log left as a crash leaves it."""
    database = directory / "live.db"
    writer = sqlite3.connect(database, isolation_level=None)
    writer.execute("PRAGMA journal_mode = WAL")
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, text TEXT)")
    for n in range(rows):
        writer.execute("INSERT INTO t (text) VALUES (?)", ("x" * 300 + str(n),))
    copy = directory / "copy.db"
    shutil.copyfile(database, copy)  # while open: the log is still there, as after a kill
    log = Path(f"{database}-wal").read_bytes()
    writer.close()
    return copy, log


def rows_sqlite_reads(database: Path, log: bytes) -> int:
    Path(f"{database}-wal").write_bytes(log)
    with contextlib.closing(sqlite3.connect(database)) as reader:
        count: int = reader.execute("SELECT count(*) FROM t").fetchone()[0]
    return count


def test_the_check_reads_real_sqlite_logs_as_sqlite_does(tmp_path: Path) -> None:
    database, log = sqlite_log(tmp_path, 6)
    check = wal.check_bytes(log)
    assert check.header_intact
    assert check.kept == len(check.frames) > 6
    assert not check.damaged
    # A byte of a middle frame's page: SQLite silently drops every later transaction.
    commits = [frame.number for frame in check.frames if frame.commit]
    middle = commits[len(commits) // 2]
    damaged = flipped(log, check.frames[middle].offset + wal.FRAME_HEADER_BYTES + 200)
    found = wal.check_bytes(damaged)
    assert found.damaged
    assert found.first_bad == middle
    assert found.kept == commits[len(commits) // 2 - 1] + 1
    copy = tmp_path / "damaged.db"
    shutil.copyfile(database, copy)
    assert rows_sqlite_reads(copy, damaged) < 6
    # Re-chained, SQLite reads every transaction again (the page here is not encrypted,
    # so the flipped byte simply reads as it is).
    again = tmp_path / "rechained.db"
    shutil.copyfile(database, again)
    assert rows_sqlite_reads(again, wal.rebuild(damaged, found, keep_bad=True)) == 6


def test_a_real_torn_tail_is_what_sqlite_drops_and_not_damage(tmp_path: Path) -> None:
    database, log = sqlite_log(tmp_path, 4)
    torn = log[: len(log) - 100]
    check = wal.check_bytes(torn)
    assert not check.damaged
    assert rows_sqlite_reads(database, torn) == 3
