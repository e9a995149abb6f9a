"""The outbox's write-ahead log read without the key: does committed data lie beyond damage?

SQLite reads ``outbox.db-wal`` (https://www.sqlite.org/fileformat2.html#walformat) as a
chain: a 32-byte header, then frames of a 24-byte header and one page. Each frame
carries the header's two salts and a running checksum over every frame before it, and
a commit frame names the database's size after its transaction. On opening, SQLite
keeps the frames up to the last commit frame before the first frame that does not
continue the chain, and ignores the rest as the torn tail of a crash; the last
connection to close then checkpoints and deletes the log. A byte flipped in a frame
of the middle thus silently drops every transaction committed after it, for good.

SQLCipher encrypts the page content but the checksums are over the bytes as written,
so the chain can be checked without the key. :func:`check_file` does this before
anything opens the outbox: where the chain breaks it looks at the frames after the
break. A later frame that carries the header's salts and whose checksum is right
when seeded with its predecessor's stored (or recomputed) checksum is intact; an
intact *commit* frame past the break is a committed transaction SQLite would drop,
and the log is damaged. A break with no intact commit frame after it is the torn tail
of a crash (or a log reused after a checkpoint, whose old frames carry old salts):
normal, and not reported.

:func:`rebuild` re-makes the chain for the salvage
(:mod:`app.services.outbox.salvage`): the frames up to the last intact commit, bad
frames left out or kept, each checksum recomputed.
"""

from __future__ import annotations

import struct
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

HEADER_BYTES = 32
FRAME_HEADER_BYTES = 24
MAGIC = 0x377F0682  # | 1: checksums over big-endian words
VERSION = 3007000
PAGE_SIZES = tuple(1 << shift for shift in range(9, 17))  # 512 … 65536
_MASK = 0xFFFFFFFF
# A log found damaged is read again: damage stays, a read torn by a writer does not.
STABLE_READS = 5
REREAD_PAUSE = 0.05

Checksum = tuple[int, int]


@dataclass(frozen=True)
class Frame:
    """One frame of the log as read: ``intact`` when its salts and checksum hold."""

    number: int  # 0-based
    offset: int
    page: int
    commit: int  # the database's size in pages after a commit frame; 0 otherwise
    stored: Checksum
    intact: bool


@dataclass(frozen=True)
class WalCheck:
    """What :func:`check_bytes` found. No client data (the pages stay encrypted)."""

    size: int
    page_size: int  # 0: no frame could be read
    big_endian: bool
    header_intact: bool
    salts: tuple[int, int]
    checkpoint: int
    header_checksum: Checksum  # as stored: the first frame's seed
    frames: tuple[Frame, ...]  # every whole frame in the file
    kept: int  # frames SQLite keeps: up to its last commit frame before the break
    first_bad: int | None  # the first frame that does not continue the chain
    beyond: tuple[int, ...]  # intact commit frames after first_bad: dropped transactions

    @property
    def damaged(self) -> bool:
        """Committed transactions lie beyond a break: SQLite would silently drop them."""
        return bool(self.beyond)

    @property
    def last_commit(self) -> int:
        """The last intact commit frame anywhere (-1 for none): where a rebuilt chain ends."""
        if self.beyond:
            return self.beyond[-1]
        return self.kept - 1

    def describe(self) -> str:
        """English for helpdesk: where the log breaks and what lies beyond."""
        if not self.damaged:
            return f"write-ahead log intact ({self.kept} of {len(self.frames)} frame(s) in use)"
        where = "its header" if not self.header_intact else f"frame {(self.first_bad or 0) + 1}"
        return (
            f"the write-ahead log (outbox.db-wal) is damaged at {where} of "
            f"{len(self.frames)}, and {len(self.beyond)} committed transaction(s) lie intact "
            "beyond the damage: opening the outbox would discard them for good"
        )

    def document(self) -> dict[str, object]:
        return {
            "file": "outbox.db-wal",
            "frames": len(self.frames),
            "first_bad_frame": None if self.first_bad is None else self.first_bad + 1,
            "header_intact": self.header_intact,
            "frames_kept_by_sqlite": self.kept,
            "commits_beyond_damage": len(self.beyond),
        }


def checksum(data: bytes | memoryview, seed: Checksum, big_endian: bool) -> Checksum:
    """SQLite's WAL checksum of ``data`` (a multiple of 8 bytes), continuing from ``seed``."""
    words = struct.unpack(f"{'>' if big_endian else '<'}{len(data) // 4}I", data)
    first, second = seed
    pairs = iter(words)
    for a, b in zip(pairs, pairs, strict=True):
        first = (first + a + second) & _MASK
        second = (second + b + first) & _MASK
    return first, second


def _frame_checksum(frame: memoryview, seed: Checksum, big_endian: bool) -> Checksum:
    # The frame header's first 8 bytes (page number, commit size), then the page.
    return checksum(frame[FRAME_HEADER_BYTES:], checksum(frame[:8], seed, big_endian), big_endian)


def _header_fields(data: bytes) -> tuple[int, int, int, int, int, int, int, int]:
    fields: tuple[int, int, int, int, int, int, int, int] = struct.unpack(
        ">8I", data[:HEADER_BYTES]
    )
    return fields


def _interpretations(data: bytes) -> Iterator[tuple[bool, int, bool]]:
    """(big-endian checksums, page size, header intact): the declared one first.

    A damaged header makes SQLite ignore the whole log; its frames are then read with
    each byte order and page size they could have, looking for committed ones.
    """
    magic, version, page_size, *_rest, first, second = _header_fields(data)
    magic_ok = magic | 1 == MAGIC | 1
    size_ok = page_size in PAGE_SIZES
    if magic_ok and size_ok and version == VERSION:
        big_endian = bool(magic & 1)
        if checksum(data[:24], (0, 0), big_endian) == (first, second):
            yield big_endian, page_size, True
            return
    orders = (bool(magic & 1),) if magic_ok else (False, True)
    sizes = (page_size,) if size_ok else PAGE_SIZES
    for big_endian in orders:
        for size in sizes:
            yield big_endian, size, False


def check_bytes(data: bytes) -> WalCheck:
    """Walk the log's chain; a break with intact committed frames after it is damage."""
    if len(data) < HEADER_BYTES:
        return WalCheck(len(data), 0, False, False, (0, 0), 0, (0, 0), (), 0, None, ())
    fields = _header_fields(data)
    salts, seed = (fields[4], fields[5]), (fields[6], fields[7])
    result: WalCheck | None = None
    for big_endian, page_size, header_intact in _interpretations(data):
        check = _walk(data, big_endian, page_size, header_intact, salts, seed, fields[3])
        if result is None or check.damaged:
            result = check
        if check.damaged or header_intact:
            break
    assert result is not None
    return result


def _walk(
    data: bytes,
    big_endian: bool,
    page_size: int,
    header_intact: bool,
    salts: tuple[int, int],
    header_checksum: Checksum,
    checkpoint: int,
) -> WalCheck:
    view = memoryview(data)
    step = FRAME_HEADER_BYTES + page_size
    count = (len(data) - HEADER_BYTES) // step
    frames: list[Frame] = []
    stored_before = computed_before = header_checksum
    for number in range(count):
        offset = HEADER_BYTES + number * step
        frame = view[offset : offset + step]
        page, commit, salt1, salt2, sum1, sum2 = struct.unpack(">6I", frame[:FRAME_HEADER_BYTES])
        stored = (sum1, sum2)
        intact = False
        if (salt1, salt2) == salts:
            # Seeded with the predecessor's stored checksum, or with the chain
            # recomputed through it: the frame after one whose checksum field was hit.
            computed = _frame_checksum(frame, stored_before, big_endian)
            intact = bool(page) and computed == stored
            if computed_before != stored_before:
                computed = _frame_checksum(frame, computed_before, big_endian)
                intact = intact or (bool(page) and computed == stored)
            computed_before = computed
        else:
            # Another generation's frame (a log reused after a checkpoint), or salts
            # hit by damage: not intact, and no checksum worth computing.
            computed_before = stored
        stored_before = stored
        frames.append(Frame(number, offset, page, commit, stored, intact))
    kept = 0
    first_bad: int | None = None if header_intact else 0
    if header_intact:
        for frame_ in frames:
            # Up to the first break stored and recomputed checksums agree: SQLite's chain.
            if not frame_.intact:
                first_bad = frame_.number
                break
            if frame_.commit:
                kept = frame_.number + 1
    beyond: tuple[int, ...] = ()
    if first_bad is not None:
        beyond = tuple(f.number for f in frames[first_bad:] if f.intact and f.commit)
    if not header_intact and not beyond:
        first_bad = None  # nothing committed anywhere: an unused or torn log
    return WalCheck(
        size=len(data),
        page_size=page_size,
        big_endian=big_endian,
        header_intact=header_intact,
        salts=salts,
        checkpoint=checkpoint,
        header_checksum=header_checksum,
        frames=tuple(frames),
        kept=kept,
        first_bad=first_bad,
        beyond=beyond,
    )


def read(path: Path) -> bytes | None:
    """The log's bytes, or None when there is none. Raises OSError."""
    try:
        with path.open("rb") as stream:
            return stream.read()
    except FileNotFoundError:
        return None


def check_file(path: Path) -> tuple[WalCheck, bytes] | None:
    """The check of the log at ``path`` and the bytes checked; None when there is no log.

    Damage is reported only when two reads in a row are the same bytes and both show
    it: another process writing the log (after a checkpoint it overwrites it from the
    start with new salts) can make one read mix two generations. Raises OSError.
    """
    data = read(path)
    if data is None:
        return None
    check = check_bytes(data)
    for _ in range(STABLE_READS):
        if not check.damaged:
            break
        time.sleep(REREAD_PAUSE)
        again = read(path)
        if again is None:
            return None
        if again == data:
            break
        data, check = again, check_bytes(again)
    return check, data


def truncated(data: bytes, check: WalCheck) -> bytes:
    """The log as SQLite would use it: up to its last commit frame before the break."""
    if not check.header_intact or not check.kept:
        return b""
    return data[: HEADER_BYTES + check.kept * (FRAME_HEADER_BYTES + check.page_size)]


def rebuild(data: bytes, check: WalCheck, keep_bad: bool) -> bytes:
    """The log with its chain re-made up to its last intact commit frame.

    Every frame gets the header's salts and a checksum recomputed over the frames
    kept before it. Frames that were not intact are left out, or with ``keep_bad``
    kept as they are (SQLCipher's per-page HMAC then refuses a damaged page on
    reading, and a page whose checksum field alone was hit reads whole).
    """
    end = check.last_commit
    if end < 0 or not check.page_size:
        return b""
    magic = MAGIC | int(check.big_endian)
    head = struct.pack(">6I", magic, VERSION, check.page_size, check.checkpoint, *check.salts)
    seed = checksum(head, (0, 0), check.big_endian)
    out = [head, struct.pack(">2I", *seed)]
    step = FRAME_HEADER_BYTES + check.page_size
    for frame in check.frames[: end + 1]:
        if not frame.intact and not keep_bad:
            continue
        body = data[frame.offset + FRAME_HEADER_BYTES : frame.offset + step]
        first = struct.pack(">2I", frame.page, frame.commit)
        seed = checksum(body, checksum(first, seed, check.big_endian), check.big_endian)
        out += [first, struct.pack(">4I", *check.salts, *seed), body]
    return b"".join(out)
