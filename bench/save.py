"""Measurements 1 and 4: durable save latency.

1. The app's save, ``Outbox.put(item, now, draft_key=...)`` (SQLCipher, WAL,
   ``synchronous=FULL``, per-page HMAC, as the outbox opens itself), against a
   bare SQLCipher commit of the same statements on a connection opened exactly
   as the outbox opens its own: what the outbox adds to the database's own
   work. A plain stdlib ``sqlite3`` commit of the same statements stands beside
   them for context (what the encryption costs). The arms are interleaved item
   by item, in the same directory; every second item finds its form's draft,
   written just before, in every arm.
4. ``Outbox.put`` on an outbox holding 100,000 waiting items against an empty
   one, interleaved the same way.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import os
import secrets
import sqlite3
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.domain.hetu import Hetu, make_hetu
from app.domain.kinds import ItemKind
from app.domain.model import DutyEntry
from app.services.outbox.codec import entry_to_payload, item_client
from app.services.outbox.delivery import FlushReport
from app.services.outbox.drafts import ENTRY_FORM, DraftContent, draft_to_payload
from app.services.outbox.file import CIPHER, open_connection
from app.services.outbox.items import author_row, to_stamp
from app.services.outbox.sending import SendingService
from app.services.outbox.store import (
    DELETE_DRAFT,
    INSERT_ITEM,
    KEEP_DRAFT,
    Draft,
    ItemState,
    Outbox,
    OutgoingItem,
)
from app.services.paths import EXAMPLE_POLICY
from app.services.policy.load import load_policy
from app.services.workstation import Workstation
from bench.common import (
    BENCH_AUTHOR,
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

SAVE_TARGET = 1.1
FULL_TARGET = 1.2
CODE = "106"
WARMUP = 50
SETTLE_SECONDS = 2.0
BESIDE_SENDER = 10
BESIDE_GAP = 0.2
# How long before the save its form's draft was last written.
DRAFT_AGE = dt.timedelta(seconds=0.5)

PUT = "Outbox.put (SQLCipher)"
BARE = "bare SQLCipher commit"
PLAIN = "plain sqlite3 commit"

Saver = Callable[[OutgoingItem, dt.datetime], object]


@dataclass(frozen=True)
class Arm:
    """One way of saving: ``save`` is timed; ``keep`` writes a form's draft (untimed)."""

    save: Saver
    keep: Callable[[Draft], object] | None = None


@dataclass(frozen=True)
class Save:
    """One item of a run and the draft of its form present before the save, if any."""

    item: OutgoingItem
    draft: Draft | None = None


def _row(item: OutgoingItem, now: dt.datetime) -> tuple[Any, ...]:
    """``INSERT_ITEM``'s parameters, as ``Outbox.put`` binds them for a waiting item."""
    stamp = to_stamp(now)
    return (
        str(item.key),
        item.municipality,
        item.kind,
        item.client,
        item.label,
        bytes(item.payload),
        ItemState.WAITING.value,
        stamp,
        stamp,
        item.destination,
        *author_row(item.author),
    )


class _Committer:
    """The statements of the app's save and draft on a DB-API connection in autocommit mode."""

    def __init__(self, connection: Any) -> None:
        self.connection = connection

    def save(self, item: OutgoingItem, now: dt.datetime) -> None:
        """``BEGIN IMMEDIATE``; the item's insert; its form's draft deleted; ``COMMIT``."""
        db = self.connection
        db.execute("BEGIN IMMEDIATE")
        db.execute(INSERT_ITEM, _row(item, now))
        db.execute(DELETE_DRAFT, (str(item.key),))
        db.execute("COMMIT")

    def query(self, sql: str) -> list[tuple[Any, ...]]:
        return list(self.connection.execute(sql).fetchall())

    def keep(self, draft: Draft) -> None:
        """What ``Outbox.save_draft`` runs."""
        db = self.connection
        db.execute("BEGIN IMMEDIATE")
        db.execute(
            KEEP_DRAFT,
            (
                str(draft.key),
                draft.form,
                draft.municipality,
                draft.client,
                bytes(draft.payload),
                to_stamp(draft.updated),
                *author_row(draft.author),
            ),
        )
        db.execute("COMMIT")


def app_save(box: Outbox) -> Arm:
    """The app's save (``SendingService.save_entry``): put, deleting the form's draft."""

    def save(item: OutgoingItem, now: dt.datetime) -> object:
        return box.put(item, now, draft_key=item.key)

    return Arm(save, box.save_draft)


def outbox_schema(db: Any) -> list[str]:
    """The ``CREATE`` statements of an outbox as the app made it (tables, then indexes)."""
    rows = db.execute(
        "SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite%'"
        " ORDER BY type = 'index', rowid"
    ).fetchall()
    return [str(row[0]) for row in rows]


def plain_sqlite(path: Path, schema: list[str]) -> sqlite3.Connection:
    """The stdlib's SQLite with the outbox's tables, page size, WAL, ``synchronous=FULL``
    and ``secure_delete``: an outbox but for the encryption."""
    db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    db.execute(f"PRAGMA page_size = {CIPHER.page_size}")
    if db.execute("PRAGMA journal_mode = WAL").fetchone()[0] != "wal":
        raise RuntimeError("WAL not available for the plain SQLite arm")
    db.execute("PRAGMA synchronous = FULL")
    db.execute("PRAGMA secure_delete = ON")
    db.execute("BEGIN IMMEDIATE")
    for statement in schema:
        db.execute(statement)
    db.execute("COMMIT")
    if db.execute("PRAGMA page_size").fetchone()[0] != CIPHER.page_size:
        raise RuntimeError("the plain SQLite arm did not take the outbox's page size")
    return db


def bare_sqlcipher(path: Path, key: bytes) -> Any:
    """A new outbox file and the connection the outbox would hold on it
    (``open_connection``, which ``Outbox.open`` calls), used without the outbox."""
    return open_connection(path, key)[1]


def check_durable(name: str, query: Callable[[str], list[tuple[Any, ...]]]) -> None:
    """Refuse to measure an arm that is not in WAL mode with ``synchronous=FULL``."""
    mode = query("PRAGMA journal_mode")[0][0]
    sync = query("PRAGMA synchronous")[0][0]
    if mode != "wal" or sync != 2:
        raise RuntimeError(f"{name}: journal_mode={mode}, synchronous={sync}; not durable")


def _entry_draft(entry: DutyEntry, updated: dt.datetime) -> Draft:
    """The draft the entry form keeps of ``entry``: its fields as the form encodes them."""
    content = DraftContent(
        form=ENTRY_FORM,
        municipality=CODE,
        hetu=entry.hetu,
        fields={
            "contact_time": entry.contact_time.isoformat(),
            "contact_channel": entry.contact_channel.value,
            "task_type": entry.task_type.value,
            "narrative": entry.narrative,
            "measures": entry.measures,
            "follow_up_needed": entry.follow_up_needed,
        },
    )
    payload = draft_to_payload(content)
    return Draft(
        entry.idempotency_key, ENTRY_FORM, CODE, content.client, payload, updated, BENCH_AUTHOR
    )


def has_draft(index: int) -> bool:
    """Half the saves find their form's draft (the window keeps one while the worker
    types); the others find none (a form saved before its first draft was written).

    Two items with, two without: as the six orders of three arms repeat every six
    items, every order then meets as many items with a draft as without.
    """
    return index // 2 % 2 == 0


def saves(count: int, offset: int = 0, drafts: bool = False) -> Iterator[Save]:
    """``count`` items to save; with ``drafts``, those of :func:`has_draft` with their draft."""
    hetu = make_hetu(dt.date(2017, 3, 14), 903)
    for index in range(offset, offset + count):
        entry = duty_entry(index, hetu)
        draft = None
        if drafts and has_draft(index):
            draft = _entry_draft(entry, dt.datetime.now(dt.UTC) - DRAFT_AGE)
        yield Save(outgoing(CODE, entry), draft)


def items(count: int, offset: int = 0) -> Iterator[OutgoingItem]:
    for save in saves(count, offset):
        yield save.item


@dataclass
class Samples:
    """Latencies (ns) per arm, and for each recorded item whether its draft was there."""

    latencies: dict[str, list[int]]
    with_draft: list[bool]

    def split(self, name: str, draft: bool) -> list[int]:
        return [
            ns
            for ns, had in zip(self.latencies[name], self.with_draft, strict=True)
            if had is draft
        ]


def balanced_orders(names: Sequence[str]) -> list[tuple[str, ...]]:
    """Every order of the arms once, in a sequence where (read as one cycle) each arm
    follows every other arm equally often.

    A plain rotation (ABC, BCA, CAB) keeps the cyclic order: B nearly always runs
    right after A. The arm right after another library's commit (the stdlib's
    SQLite) starts with cold caches and pays a few tens of microseconds for it, so
    with three arms a rotation favours one arm over another.
    """
    if len(names) > 3:
        raise ValueError("balanced orders are searched for up to three arms")
    orders = list(itertools.permutations(names))
    for sequence in itertools.permutations(orders):  # 720 candidates for three arms
        flat = [name for order in sequence for name in order]
        follows = Counter(zip(flat, flat[1:] + flat[:1], strict=True))
        others = {follows[a, b] for a in names for b in names if a != b}
        selves = {follows[a, a] for a in names}
        if len(others) <= 1 and len(selves) == 1:
            return list(sequence)
    raise RuntimeError("no balanced sequence of orders")  # one exists for up to three arms


def interleaved(arms: dict[str, Arm], plan: Iterable[Save]) -> Samples:
    """Save item i in every arm before item i+1; the first WARMUP unrecorded.

    The arms' order runs through :func:`balanced_orders`. An item's draft, if it
    has one, is first written in every arm (untimed), so that each arm's save
    finds and deletes it.
    """
    names = list(arms)
    orders = balanced_orders(names)
    samples = Samples({name: [] for name in names}, [])
    for index, save in enumerate(plan):
        order = orders[index % len(orders)]
        if save.draft is not None:
            for name in order:
                keep = arms[name].keep
                if keep is None:
                    raise ValueError(f"{name} cannot keep a draft")
                keep(save.draft)
        now = dt.datetime.now(dt.UTC)
        for name in order:
            call = arms[name].save
            started = time.perf_counter_ns()
            call(save.item, now)
            elapsed = time.perf_counter_ns() - started
            if index >= WARMUP:
                samples.latencies[name].append(elapsed)
        if index >= WARMUP:
            samples.with_draft.append(save.draft is not None)
    return samples


def measure_save(directory: Path, count: int) -> Section:
    """Measurement 1."""
    progress(f"1. durable save: {count} items per arm, interleaved")
    key = secrets.token_bytes(32)
    with contextlib.ExitStack() as stack:
        box = stack.enter_context(Outbox.open(directory / "put" / "outbox.db", key))
        cipher = stack.enter_context(
            contextlib.closing(bare_sqlcipher(directory / "bare" / "outbox.db", key))
        )
        # The plain arm's tables are copied from an outbox the app made, so they stay equal.
        plain = stack.enter_context(
            contextlib.closing(plain_sqlite(directory / "plain.db", outbox_schema(cipher)))
        )
        check_durable(PUT, box._query)
        bare_arm, plain_arm = _Committer(cipher), _Committer(plain)
        check_durable(BARE, bare_arm.query)
        check_durable(PLAIN, plain_arm.query)
        arms = {
            PUT: app_save(box),
            BARE: Arm(bare_arm.save, bare_arm.keep),
            PLAIN: Arm(plain_arm.save, plain_arm.keep),
        }
        samples = interleaved(arms, saves(WARMUP + count, drafts=True))
        left = box.counts().drafts
    if left:
        raise RuntimeError(f"Outbox.put left {left} drafts behind")
    summaries = {name: LatencySummary.of(values) for name, values in samples.latencies.items()}
    put, bare, base = summaries[PUT], summaries[BARE], summaries[PLAIN]
    p50_ratio = ratio(put.p50, bare.p50)
    progress(
        f"   put p50 {ms(put.p50)}, bare SQLCipher p50 {ms(bare.p50)}: {p50_ratio:.2f}×;"
        f" plain sqlite3 p50 {ms(base.p50)}"
    )
    drafted = sum(samples.with_draft)
    split = {
        name: tuple(statistics.median(samples.split(name, had)) for had in (True, False))
        for name in summaries
    }
    section = Section(
        title="1. Durable save latency",
        method=[
            f"{count} saves per arm after {WARMUP} unrecorded warm-up saves; item *i* is saved "
            "in every arm before item *i+1*, so that all arms share the disk's conditions. The "
            "arms' order runs through all six orders in a sequence where each arm follows each "
            "other arm equally often: the save right after the stdlib SQLite's commit starts "
            "with cold caches, and a plain rotation (ABC, BCA, CAB) would let the same arm pay "
            "for that nearly every time.",
            "Each item is what `SendingService.save_entry` stores: `codec.entry_to_payload` of "
            "a `DutyEntry` with a 1–2 kB Finnish narrative (payload "
            f"{min(len(i.payload) for i in items(20))}–"
            f"{max(len(i.payload) for i in items(200))} bytes), built before the clock starts.",
            f"Drafts: half the items ({drafted} of the {count} recorded; two with, two "
            "without, so that each of the six orders meets as many of either) find their "
            "form's draft, as after a worker typed the entry (the window keeps a draft within "
            "half a second of an edit); the others find none, as when a form is saved before "
            "its first draft was written. "
            "The draft (the entry form's fields as the window encodes them, "
            "`drafts.draft_to_payload`) is written in every arm just before the item's saves, "
            "untimed (`Outbox.save_draft` and, in the other arms, its statement), so that "
            "every arm's save deletes the same row.",
            "**Outbox.put**: the app's save, `put(item, now, draft_key=item.key)` as "
            "`save_entry(..., draft_key=entry.idempotency_key)` calls it: `BEGIN IMMEDIATE`, "
            "the item's insert, the delete of the form's draft by its key, `COMMIT`; the "
            "stored item is built from what was inserted, not read back. On an outbox opened by "
            f"`Outbox.open`: SQLCipher 4, AES-256-CBC with a per-page {CIPHER.hmac}, "
            f"{CIPHER.page_size}-byte pages, WAL, `synchronous=FULL`, `secure_delete=ON`.",
            "**bare SQLCipher commit** (the baseline of the target): the connection "
            "`Outbox.open` would hold on a new outbox (`file.open_connection`: same "
            "key, cipher, HMAC and pragmas), used directly: `BEGIN IMMEDIATE`, the same "
            "insert and delete statements (`store.INSERT_ITEM`, `store.DELETE_DRAFT`) with "
            "the same bytes, `COMMIT`. Put's share over this is the outbox's own work: checks, "
            "the lock, the transaction and the stored item it returns.",
            "**plain sqlite3 commit** (context): the stdlib `sqlite3` module, the outbox's own "
            "schema (its `CREATE` statements copied from an outbox the app created), the "
            f"outbox's page size ({CIPHER.page_size} bytes), `journal_mode=WAL`, "
            "`synchronous=FULL`, `secure_delete=ON`, in the same directory; the same "
            "statements. It differs from the bare arm in the encryption (and its SQLite "
            "version, see Machine).",
            "Every arm's connection is checked to be in WAL mode with `synchronous=FULL` "
            "before the first save, and the outbox to hold no draft after the last.",
        ],
        table_header=LATENCY_HEADER,
        table=[summary.row(name) for name, summary in summaries.items()],
    )
    section.results = [
        Result(
            "1",
            "Durable save p50: Outbox.put / bare SQLCipher commit",
            f"{ms(put.p50)} / {ms(bare.p50)} = {p50_ratio:.2f}×",
            f"≤ {SAVE_TARGET}×",
            verdict(p50_ratio <= SAVE_TARGET),
        ),
        Result(
            "1",
            "Durable save p99: Outbox.put / bare SQLCipher commit",
            f"{ms(put.p99)} / {ms(bare.p99)} = {ratio(put.p99, bare.p99):.2f}×",
        ),
        Result(
            "1",
            "p50 beside plain sqlite3: Outbox.put / plain; bare SQLCipher / plain",
            f"{ms(put.p50)} / {ms(base.p50)} = {ratio(put.p50, base.p50):.2f}×; "
            f"{ms(bare.p50)} / {ms(base.p50)} = {ratio(bare.p50, base.p50):.2f}×",
        ),
        Result(
            "1",
            "p50 difference put − plain = encryption (bare − plain) + Outbox.put's own work "
            "(put − bare)",
            f"{ms(put.p50 - base.p50)} = {ms(bare.p50 - base.p50)} + {ms(put.p50 - bare.p50)}",
        ),
        Result(
            "1",
            "p50 with a draft deleted / without: put; bare SQLCipher; plain sqlite3",
            "; ".join(
                f"{ms(split[name][0])} / {ms(split[name][1])}" for name in (PUT, BARE, PLAIN)
            ),
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
                ItemKind.ENTRY,
                item_client(entry),
                "A. M. 14.3.2017 · kirjaus 26.11. 23.15",
                entry_to_payload(entry),
                author=BENCH_AUTHOR,
            )
            yield _row(item, start + dt.timedelta(seconds=index * 20))

    with box._write() as db:
        db.executemany(INSERT_ITEM, rows())
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
        if sys.platform != "win32":  # Windows has no sync(); the settle wait stays
            os.sync()
        time.sleep(SETTLE_SECONDS)
        progress(f"   filled in {fill_seconds:.1f} s ({size / 1e6:.0f} MB); {count} saves per arm")
        arms = {
            "Outbox.put, empty outbox": app_save(empty),
            f"Outbox.put, {backlog:,} waiting": app_save(full),
        }
        samples = interleaved(arms, saves(WARMUP + count)).latencies
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
            f"Then {count} saves per outbox after {WARMUP} warm-up ones, alternating item by "
            "item as in measurement 1: the app's save, `Outbox.put` with the form's draft key "
            "(no draft present: the backlog, not the draft, is measured here).",
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
            box.put(item, dt.datetime.now(dt.UTC), draft_key=item.key)
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
