"""Measurements 1 and 4: durable save latency.

1. ``Outbox.put`` (SQLCipher, WAL, ``synchronous=FULL``, as the outbox opens
   itself) against a plain stdlib ``sqlite3`` commit of the same row into the
   same table with the same journal and sync settings, in the same directory,
   interleaved item by item. A third arm, the same minimal commit on an
   SQLCipher connection keyed and configured like the outbox's, splits the
   difference into encryption and the outbox's own work.
4. ``Outbox.put`` on an outbox holding 100,000 waiting items against an empty
   one, interleaved the same way.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import secrets
import sqlite3
import statistics
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from sqlcipher3 import dbapi2

from app.services.codec import entry_to_payload, item_client
from app.services.delivery import FlushReport
from app.services.hetu import Hetu, make_hetu
from app.services.outbox import Outbox, OutgoingItem
from app.services.outbox_file import CIPHER
from app.services.outbox_items import to_stamp
from app.services.paths import EXAMPLE_POLICY
from app.services.policy import load_policy
from app.services.sending import SendingService
from app.services.workstation import Workstation
from bench.common import (
    LATENCY_HEADER,
    LatencySummary,
    Result,
    Section,
    duty_entry,
    ms,
    outgoing,
    progress,
    ratio,
    verdict,
)
from bench.training import CREDENTIALS

SAVE_TARGET = 1.2
FULL_TARGET = 1.2
CODE = "106"
WARMUP = 50
SETTLE_SECONDS = 2.0
BESIDE_SENDER = 10
BESIDE_GAP = 0.2

# The statement Outbox.put runs.
_INSERT = (
    "INSERT INTO items (key, municipality, kind, client, label, payload, state,"
    " attempts, next_attempt, created) VALUES (?, ?, ?, ?, ?, ?, 'waiting', 0, ?, ?)"
    " ON CONFLICT (key) DO NOTHING"
)

Saver = Callable[[OutgoingItem, dt.datetime], object]


def _row(item: OutgoingItem, now: dt.datetime) -> tuple[Any, ...]:
    stamp = to_stamp(now)
    return (
        str(item.key),
        item.municipality,
        item.kind,
        item.client,
        item.label,
        bytes(item.payload),
        stamp,
        stamp,
    )


class _Committer:
    """``BEGIN IMMEDIATE; INSERT; COMMIT`` on a DB-API connection in autocommit mode."""

    def __init__(self, connection: Any) -> None:
        self.connection = connection

    def save(self, item: OutgoingItem, now: dt.datetime) -> None:
        db = self.connection
        db.execute("BEGIN IMMEDIATE")
        db.execute(_INSERT, _row(item, now))
        db.execute("COMMIT")


def outbox_schema(db: Any) -> list[str]:
    """The ``CREATE`` statements of an outbox as the app made it (tables, then indexes)."""
    rows = db.execute(
        "SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite%'"
        " ORDER BY type = 'index', rowid"
    ).fetchall()
    return [str(row[0]) for row in rows]


def plain_sqlite(path: Path, schema: list[str]) -> sqlite3.Connection:
    """The stdlib's SQLite with the outbox's tables, WAL and ``synchronous=FULL``."""
    db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    if db.execute("PRAGMA journal_mode = WAL").fetchone()[0] != "wal":
        raise RuntimeError("WAL not available for the plain SQLite arm")
    db.execute("PRAGMA synchronous = FULL")
    db.execute("BEGIN IMMEDIATE")
    for statement in schema:
        db.execute(statement)
    db.execute("COMMIT")
    return db


def raw_sqlcipher(path: Path, key: bytes) -> Any:
    """An outbox file (made by Outbox.open) reopened as a bare SQLCipher connection,
    keyed and configured as the outbox configures its own."""
    Outbox.open(path, key).close()
    db = dbapi2.connect(str(path), isolation_level=None, check_same_thread=False)
    db.execute("PRAGMA cipher_log_level = NONE")
    db.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    for pragma in CIPHER.pragmas():
        db.execute(pragma)
    db.execute("PRAGMA temp_store = MEMORY")
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = FULL")
    db.execute("PRAGMA secure_delete = ON")
    return db


def items(count: int, offset: int = 0) -> Iterator[OutgoingItem]:
    hetu = make_hetu(dt.date(2017, 3, 14), 903)
    for index in range(offset, offset + count):
        yield outgoing(CODE, duty_entry(index, hetu))


def interleaved(arms: dict[str, Saver], count: int) -> dict[str, list[int]]:
    """Save item i in every arm, the arms' order rotating with i; latencies in ns."""
    names = list(arms)
    samples: dict[str, list[int]] = {name: [] for name in names}
    for index, item in enumerate(items(WARMUP + count)):
        now = dt.datetime.now(dt.UTC)
        shift = index % len(names)
        for name in names[shift:] + names[:shift]:
            save = arms[name]
            started = time.perf_counter_ns()
            save(item, now)
            elapsed = time.perf_counter_ns() - started
            if index >= WARMUP:
                samples[name].append(elapsed)
    return samples


def measure_save(directory: Path, count: int) -> Section:
    """Measurement 1."""
    progress(f"1. durable save: {count} items per arm, interleaved")
    key = secrets.token_bytes(32)
    with contextlib.ExitStack() as stack:
        box = stack.enter_context(Outbox.open(directory / "put" / "outbox.db", key))
        (directory / "cipher").mkdir()
        cipher = stack.enter_context(
            contextlib.closing(raw_sqlcipher(directory / "cipher" / "outbox.db", key))
        )
        # The plain arm's tables are copied from an outbox the app made, so they stay equal.
        plain = stack.enter_context(
            contextlib.closing(plain_sqlite(directory / "plain.db", outbox_schema(cipher)))
        )
        arms: dict[str, Saver] = {
            "Outbox.put (SQLCipher)": box.put,
            "plain sqlite3 commit": _Committer(plain).save,
            "bare SQLCipher commit": _Committer(cipher).save,
        }
        samples = interleaved(arms, count)
    summaries = {name: LatencySummary.of(values) for name, values in samples.items()}
    put = summaries["Outbox.put (SQLCipher)"]
    base = summaries["plain sqlite3 commit"]
    bare = summaries["bare SQLCipher commit"]
    p50_ratio = ratio(put.p50, base.p50)
    progress(f"   put p50 {ms(put.p50)}, plain p50 {ms(base.p50)}: {p50_ratio:.2f}×")
    section = Section(
        title="1. Durable save latency",
        method=[
            f"{count} saves per arm after {WARMUP} unrecorded warm-up saves; item *i* is saved "
            "in every arm before item *i+1*, the arms' order rotating with *i*, so that all "
            "arms share the disk's conditions.",
            "Each item is what `SendingService.save_entry` stores: `codec.entry_to_payload` of "
            "a `DutyEntry` with a 1–2 kB Finnish narrative (payload "
            f"{min(len(i.payload) for i in items(20))}–"
            f"{max(len(i.payload) for i in items(200))} bytes), built before the clock starts.",
            "**Outbox.put**: the app's call (`BEGIN IMMEDIATE`, insert, `COMMIT`; the stored "
            "item is built from what was inserted, not read back) on an outbox opened by "
            f"`Outbox.open` (SQLCipher 4, AES-256-CBC with {CIPHER.hmac}, "
            f"{CIPHER.page_size}-byte pages, WAL, `synchronous=FULL`, `secure_delete=ON`).",
            "**plain sqlite3 commit**: the stdlib `sqlite3` module, the outbox's own schema "
            "(its `CREATE` statements copied from an outbox the app created: same table and "
            "indexes), `journal_mode=WAL`, `synchronous=FULL`, in the same "
            "directory; `BEGIN IMMEDIATE`, the same insert with the same bytes, `COMMIT`.",
            "**bare SQLCipher commit** (context only): the plain arm's statements on an "
            "SQLCipher connection keyed and configured as the outbox's, to tell the "
            "encryption's cost from the outbox's own work.",
        ],
        table_header=LATENCY_HEADER,
        table=[summary.row(name) for name, summary in summaries.items()],
    )
    section.results = [
        Result(
            "1",
            "Durable save p50: Outbox.put / plain sqlite3",
            f"{ms(put.p50)} / {ms(base.p50)} = {p50_ratio:.2f}×",
            f"≤ {SAVE_TARGET}×",
            verdict(p50_ratio <= SAVE_TARGET),
        ),
        Result(
            "1",
            "Durable save p99: Outbox.put / plain sqlite3",
            f"{ms(put.p99)} / {ms(base.p99)} = {ratio(put.p99, base.p99):.2f}×",
        ),
        Result(
            "1",
            "bare SQLCipher commit p50 / plain sqlite3",
            f"{ms(bare.p50)} / {ms(base.p50)} = {ratio(bare.p50, base.p50):.2f}×",
        ),
        Result(
            "1",
            "p50 difference put − plain = encryption (bare − plain) + Outbox.put's own work",
            f"{ms(put.p50 - base.p50)} = {ms(bare.p50 - base.p50)} + {ms(put.p50 - bare.p50)}",
        ),
    ]
    return section


# -- measurement 4 -----------------------------------------------------------


def _backlog_hetus(count: int) -> list[Hetu]:
    """``count`` distinct synthetic identity codes (temporary numbers 900–999)."""
    hetus: list[Hetu] = []
    day = dt.date(1941, 1, 1)
    while len(hetus) < count:
        for number in range(900, 1000, 7):
            hetus.append(make_hetu(day, number))
        day += dt.timedelta(days=97)
    return hetus[:count]


def fill(box: Outbox, count: int, codes: list[str], clients: int = 1000) -> float:
    """Put ``count`` waiting items into ``box`` in one transaction; the seconds it took.

    Rows go in through the outbox's own connection (its ``_write`` transaction)
    with the statement ``put`` uses; then the WAL is checkpointed, as the app's
    later commits would have done meanwhile.
    """
    hetus = _backlog_hetus(clients)
    start = dt.datetime.now(dt.UTC) - dt.timedelta(days=30)
    started = time.perf_counter()

    def rows() -> Iterator[tuple[Any, ...]]:
        for index in range(count):
            entry = duty_entry(index, hetus[index % clients])
            code = codes[index % len(codes)]
            item = OutgoingItem(
                entry.idempotency_key,
                code,
                "entry",
                item_client(entry),
                "A. M. 14.3.2017 · kirjaus 26.11. 23.15",
                entry_to_payload(entry),
            )
            yield _row(item, start + dt.timedelta(seconds=index * 20))

    with box._write() as db:
        db.executemany(_INSERT, rows())
    box._query("PRAGMA wal_checkpoint(TRUNCATE)")
    return time.perf_counter() - started


def _timed(call: Callable[[], object], repeat: int = 3) -> int:
    """Median ns of ``repeat`` calls."""
    times: list[int] = []
    for _ in range(repeat):
        started = time.perf_counter_ns()
        call()
        times.append(time.perf_counter_ns() - started)
    return int(statistics.median(times))


def measure_backlog(directory: Path, count: int, backlog: int, codes: list[str]) -> Section:
    """Measurement 4."""
    progress(f"4. save with {backlog:,} items waiting: filling the outbox")
    with (
        Outbox.open(directory / "empty" / "outbox.db", secrets.token_bytes(32)) as empty,
        Outbox.open(directory / "full" / "outbox.db", secrets.token_bytes(32)) as full,
    ):
        fill_seconds = fill(full, backlog, codes)
        size = (directory / "full" / "outbox.db").stat().st_size
        # The fill leaves hundreds of MB for the kernel to write back: let that finish,
        # so that both arms' commits meet a quiet disk.
        os.sync()
        time.sleep(SETTLE_SECONDS)
        progress(f"   filled in {fill_seconds:.1f} s ({size / 1e6:.0f} MB); {count} saves per arm")
        arms: dict[str, Saver] = {
            "Outbox.put, empty outbox": empty.put,
            f"Outbox.put, {backlog:,} waiting": full.put,
        }
        samples = interleaved(arms, count)
        now = dt.datetime.now(dt.UTC)
        # What the background sender asks the outbox, under the same lock put needs.
        query_times = {name: _timed(call) for name, call in _same_queries(full, codes[0], now)}
        empty_queries = {name: _timed(call) for name, call in _same_queries(empty, codes[0], now)}
        beside_count = BESIDE_SENDER if count >= 1000 else 5
        progress(f"   {beside_count} saves beside a sender looping on the backlog")
        beside, flushes = saves_beside_sender(full, beside_count)
    summaries = {name: LatencySummary.of(values) for name, values in samples.items()}
    small, big = summaries.values()
    p50_ratio = ratio(big.p50, small.p50)
    progress(f"   empty p50 {ms(small.p50)}, backlog p50 {ms(big.p50)}: {p50_ratio:.2f}×")
    section = Section(
        title=f"4. Save latency with {backlog:,} items waiting",
        method=[
            f"Two outboxes in the same directory: one empty, one holding {backlog:,} waiting "
            f"items ({len(codes)} municipalities, 1,000 clients, 1–2 kB payloads; "
            f"{size / 1e6:.0f} MB). The backlog is written in one transaction through the "
            "outbox's own connection (its `_write` transaction, the insert `put` runs), then "
            f"the WAL is checkpointed (`wal_checkpoint(TRUNCATE)`): {fill_seconds:.1f} s; then "
            f"`os.sync()` and {SETTLE_SECONDS:g} s of rest, so that the kernel's write-back of "
            "the fill does not slow the measured commits.",
            f"Then {count} `Outbox.put` calls per outbox after {WARMUP} warm-up ones, "
            "alternating item by item as in measurement 1.",
            "Context: the queries the background sender runs (each holds the outbox's lock, "
            "which `put` waits for), median of 3, on the full and on the empty outbox.",
            f"Context: {len(beside)} `Outbox.put` calls, {BESIDE_GAP:g} s apart, while the app's "
            "background sender (`SendingService.start()`) runs on the full outbox with every "
            "municipality known unreachable (`skip` true, as the window's connectivity "
            "controller tells it during a VPN outage): how long a save waits then.",
        ],
        table_header=LATENCY_HEADER,
        table=[summary.row(name) for name, summary in summaries.items()],
    )
    section.results = [
        Result(
            "4",
            f"Save p50 with {backlog:,} waiting / empty outbox",
            f"{ms(big.p50)} / {ms(small.p50)} = {p50_ratio:.2f}×",
            f"≤ {FULL_TARGET}×",
            verdict(p50_ratio <= FULL_TARGET),
        ),
        Result(
            "4",
            f"Save p99 with {backlog:,} waiting / empty outbox",
            f"{ms(big.p99)} / {ms(small.p99)} = {ratio(big.p99, small.p99):.2f}×",
        ),
    ]
    beside_summary = LatencySummary.of(beside)
    section.results.append(
        Result(
            "4",
            f"Save beside the sender during an outage, {backlog:,} waiting: p50 / max "
            f"(sender flushes meanwhile)",
            f"{ms(beside_summary.p50)} / {ms(beside_summary.maximum)} ({flushes} in "
            f"{len(beside) * BESIDE_GAP + sum(beside) / 1e9:.0f} s)",
        )
    )
    section.results += [
        Result(
            "4",
            f"sender query {name} with {backlog:,} waiting (empty outbox)",
            f"{ms(took)} ({ms(empty_queries[name])})",
        )
        for name, took in query_times.items()
    ]
    return section


def saves_beside_sender(box: Outbox, count: int) -> tuple[list[int], int]:
    """``count`` puts while the background sender runs with every system skipped.

    Answers the puts' latencies (ns) and how many flushes the sender ran meanwhile.
    The skip means no connector is ever asked, so any policy will do.
    """
    workstation = Workstation(load_policy(EXAMPLE_POLICY), lambda _m: CREDENTIALS)
    service = SendingService(box, workstation, skip=lambda _code: True)
    flushes = [0]
    flush = service.deliverer.flush

    def counted(*args: Any, **kwargs: Any) -> FlushReport:
        flushes[0] += 1
        return flush(*args, **kwargs)

    service.deliverer.flush = counted  # type: ignore[method-assign]
    latencies: list[int] = []
    service.start()
    try:
        time.sleep(BESIDE_GAP)
        for item in items(count, offset=10_000_000):
            started = time.perf_counter_ns()
            box.put(item, dt.datetime.now(dt.UTC))
            latencies.append(time.perf_counter_ns() - started)
            time.sleep(BESIDE_GAP)
    finally:
        service.stop()
        workstation.close()
    return latencies, flushes[0]


def _same_queries(
    box: Outbox, code: str, now: dt.datetime
) -> list[tuple[str, Callable[[], object]]]:
    """The outbox queries of the background sender's every flush and wait."""
    return [
        ("next_due_time()", box.next_due_time),
        ("municipalities_with_due(now)", lambda: box.municipalities_with_due(now)),
        (f"due('{code}', now)", lambda: box.due(code, now)),
        ("counts()", box.counts),
    ]
