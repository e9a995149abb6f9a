"""Measurement 2: flushing 1,000 waiting items to one training system.

Three arms per round, each sending 1,000 entries with fresh idempotency keys to
the same Pro Consona training system over real HTTP on 127.0.0.1:

- **flush**: ``SendingService.flush()`` of an outbox holding the 1,000 items
  (saved beforehand, untimed): mark sending, send, delete on confirmation;
- **raw loop**: a bare ``requests.Session`` POSTing the connector's own wire
  requests, captured from ``record_entry`` without sending them (same path,
  headers, bearer token and body bytes), one after another;
- **connector loop** (context): ``record_entry`` in a loop, without the outbox.

The arms' order rotates from round to round; each arm's throughput is the
median over the rounds.
"""

from __future__ import annotations

import datetime as dt
import secrets
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import requests

from app.connectors.base import ClientSystem
from app.connectors.http import USER_AGENT, HttpTransport, Response
from app.domain.model import DeliveryReceipt, DutyEntry
from app.domain.policy import Municipality, Policy
from app.services.outbox.delivery import CONFIRM_BATCH, Deliverer, Outcome
from app.services.outbox.sending import SendingService
from app.services.outbox.store import Outbox, StoredItem
from app.services.workstation import Workstation
from app.training.data import clients_for
from bench.common import Result, Section, duty_entry, outgoing, progress, ratio, verdict
from bench.training import CREDENTIALS, TrainingProcess

FLUSH_TARGET = 0.9
WARMUP = 30


@dataclass(frozen=True)
class WireRequest:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


def proconsona(policy: Policy) -> Municipality:
    for municipality in policy.municipalities:
        if municipality.system.type == "proconsona":
            return municipality
    raise RuntimeError("the example policy has no Pro Consona municipality")


def transport_of(connector: ClientSystem) -> HttpTransport:
    for value in vars(connector).values():
        if isinstance(value, HttpTransport):
            return value
    raise RuntimeError(f"{type(connector).__name__} has no HttpTransport")


def capture(connector: ClientSystem, entries: list[DutyEntry]) -> list[WireRequest]:
    """The connector's own request for each entry, captured instead of sent.

    The connector must be logged in already (its token request goes out for real);
    the captured request gets a Pro Consona acknowledgement so that ``record_entry``
    completes, and nothing reaches the system.
    """
    transport = transport_of(connector)
    captured: list[WireRequest] = []

    def record(method: str, path: str, **kwargs: Any) -> Response:
        kwargs.pop("label", None)  # names the call in error messages; not sent
        headers = dict(kwargs.pop("headers", {}))
        body = kwargs.pop("data", b"")
        if kwargs or not isinstance(body, bytes):
            raise RuntimeError("unexpected request arguments: the capture needs updating")
        captured.append(WireRequest(method, path, headers, body))
        return Response(201, {}, b'{"kirjausId": "captured", "duplikaatti": false}')

    setattr(transport, "request", record)  # noqa: B010 - an instance override, undone below
    try:
        for entry in entries:
            connector.record_entry(entry)
    finally:
        delattr(transport, "request")
    if len(captured) != len(entries):
        raise RuntimeError("the connector sent more than one request per entry")
    return captured


class RawLoop:
    """A bare ``requests.Session`` sending captured wire requests one after another."""

    def __init__(self, base_url: str, timeout: tuple[float, float]) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.session = requests.Session()
        self.session.trust_env = False
        self.session.headers["User-Agent"] = USER_AGENT

    def send(self, wire: list[WireRequest]) -> int:
        """Send every request; how many the system stored (HTTP 201)."""
        stored = 0
        for request in wire:
            reply = self.session.request(
                request.method,
                self.base_url + request.path,
                headers=request.headers,
                data=request.body,
                timeout=self.timeout,
                allow_redirects=False,
            )
            _ = reply.content
            stored += reply.status_code == 201
        return stored

    def close(self) -> None:
        self.session.close()


class Entries:
    """Fresh entries for the training system's clients, round-robin, with their system ids."""

    def __init__(self, municipality: Municipality, connector: ClientSystem) -> None:
        self.clients: list[tuple[Any, str]] = []
        for client in clients_for(municipality.code, municipality.name_fi):
            ref = connector.find_client(client.hetu)
            if ref is not None:
                self.clients.append((client.hetu, ref.system_id))
        if not self.clients:
            raise RuntimeError("the training system knows none of its clients")
        self._index = 0

    def take(self, count: int) -> list[DutyEntry]:
        entries = []
        for _ in range(count):
            hetu, system_id = self.clients[self._index % len(self.clients)]
            entries.append(duty_entry(self._index, hetu, system_id))
            self._index += 1
        return entries


@dataclass
class FlushTiming:
    seconds: float
    send_seconds: float
    delivered: int


def timed_flush(
    service: SendingService, outbox: Outbox, code: str, entries: list[DutyEntry]
) -> FlushTiming:
    """Save the entries (untimed), then time one ``flush()`` of them."""
    now = dt.datetime.now(dt.UTC)
    for entry in entries:
        outbox.put(outgoing(code, entry), now)
    send = service.deliverer.send
    in_send = [0]

    def timed_send(item: StoredItem) -> DeliveryReceipt:
        started = time.perf_counter_ns()
        try:
            return send(item)
        finally:
            in_send[0] += time.perf_counter_ns() - started

    service.deliverer.send = timed_send
    try:
        started = time.perf_counter()
        report = service.flush()
        seconds = time.perf_counter() - started
    finally:
        service.deliverer.send = send
    return FlushTiming(seconds, in_send[0] / 1e9, report.count(Outcome.DELIVERED))


Arm = Callable[[list[DutyEntry]], tuple[float, int]]


def run_rounds(
    arms: dict[str, Arm], entries: Entries, count: int, rounds: int
) -> dict[str, list[float]]:
    """Each arm once per round with ``count`` fresh entries, the order rotating; seconds."""
    seconds: dict[str, list[float]] = {name: [] for name in arms}
    names = list(arms)
    for round_number in range(rounds):
        shift = round_number % len(names)
        for name in names[shift:] + names[:shift]:
            took, done = arms[name](entries.take(count))
            if done != count:
                raise RuntimeError(f"{name}: {done} of {count} items stored")
            seconds[name].append(took)
            progress(f"   round {round_number + 1} {name}: {count / took:.0f} items/s")
    return seconds


def measure_flush(directory: Path, server: TrainingProcess, count: int, rounds: int) -> Section:
    """Measurement 2."""
    policy = server.training_policy
    municipality = proconsona(policy)
    code = municipality.code
    progress(
        f"2. flush: {rounds} rounds × 3 arms × {count} items to {code} ({municipality.name_fi})"
    )
    workstation = Workstation(policy, lambda _m: CREDENTIALS)
    # The capture's own connector: same system and credentials, logged in for real
    # (a lookup needs the token) before its transport is replaced.
    capturer = Workstation(policy, lambda _m: CREDENTIALS)
    outbox = Outbox.open(directory / "outbox.db", secrets.token_bytes(32))
    raw = RawLoop(municipality.system.endpoint, transport_of(workstation.connector(code)).timeout)
    try:
        connector = workstation.connector(code)
        entries = Entries(municipality, connector)
        capturer.connector(code).find_client(entries.clients[0][0])
        service = SendingService(outbox, workstation)
        in_send: list[float] = []

        def flush_arm(batch: list[DutyEntry]) -> tuple[float, int]:
            timing = timed_flush(service, outbox, code, batch)
            in_send.append(timing.send_seconds)
            return timing.seconds, timing.delivered

        def raw_arm(batch: list[DutyEntry]) -> tuple[float, int]:
            wire = capture(capturer.connector(code), batch)
            started = time.perf_counter()
            stored = raw.send(wire)
            return time.perf_counter() - started, stored

        def connector_arm(batch: list[DutyEntry]) -> tuple[float, int]:
            started = time.perf_counter()
            stored = sum(not connector.record_entry(entry).already_recorded for entry in batch)
            return time.perf_counter() - started, stored

        arms: dict[str, Arm] = {
            "flush": flush_arm,
            "raw loop": raw_arm,
            "connector loop": connector_arm,
        }
        for arm in arms.values():
            arm(entries.take(WARMUP))
        in_send.clear()
        seconds = run_rounds(arms, entries, count, rounds)
    finally:
        raw.close()
        outbox.close()
        capturer.close()
        workstation.close()
    rates = {name: count / statistics.median(values) for name, values in seconds.items()}
    flush_ratio = ratio(rates["flush"], rates["raw loop"])
    per_item = {name: statistics.median(values) / count * 1e3 for name, values in seconds.items()}
    # The median flush round's own split between send and bookkeeping.
    flushes = seconds["flush"]
    middle = sorted(range(len(flushes)), key=flushes.__getitem__)[(len(flushes) - 1) // 2]
    flush_ms = flushes[middle] / count * 1e3
    send_ms = in_send[middle] / count * 1e3
    section = Section(
        title="2. Flush of 1,000 waiting items",
        method=[
            f"One Pro Consona training system ({code} {municipality.name_fi}) of the example "
            "policy, served by `python -m app training-server` in a child process; real HTTP "
            "on 127.0.0.1, keep-alive connections, no TLS.",
            f"{rounds} rounds; in each, three arms send {count} entries each (fresh idempotency "
            "keys, 1–2 kB narratives, round-robin over the system's "
            f"{len(entries.clients)} synthetic clients, each carrying its system id as a "
            "looked-up entry does), the arms' order rotating. Throughput: items / median "
            f"seconds. {WARMUP} warm-up items per arm first.",
            "**flush**: `SendingService.flush()` called in this thread, after the items were "
            "saved through `Outbox.put` (untimed): `Outbox.lines()` gives each client's due "
            "items in saved order; the deliverer sends two lines side by side "
            f"({Deliverer.per_system} connections), each line in order; a line's items are "
            "marked sending in one commit; each item goes through `Workstation.send_item` "
            "(payload decoded, connector's `record_entry`); confirmed items are deleted "
            f"in batches of up to {CONFIRM_BATCH} per commit.",
            "**raw loop**: the connector's own wire requests — captured by letting "
            "`record_entry` build each request with the real bearer token and replacing the "
            "transport's send with a recorder, so nothing reaches the system — replayed by a bare "
            "`requests.Session` (same path, headers and body bytes), reading each answer.",
            "**connector loop** (context): `ProConsona.record_entry` in a loop, no outbox.",
            "Every arm's every item is checked as stored by the system (201 / not a duplicate).",
            "Where the flush's time goes: the time inside `Workstation.send_item` (decode, "
            "connector, network) is summed by a wrapper around the deliverer's `send`. The "
            "lines go side by side, so that sum exceeds the flush's own time when they overlap "
            "well; the rest is the outbox's bookkeeping (`lines`, marking, deleting).",
        ],
        table_header=("arm", "items/s (median)", "seconds per round"),
        table=[
            (name, f"{rates[name]:.0f}", ", ".join(f"{value:.2f}" for value in values))
            for name, values in seconds.items()
        ],
    )
    section.results = [
        Result(
            "2",
            "Flush throughput / raw requests loop",
            f"{rates['flush']:.0f} / {rates['raw loop']:.0f} items/s = {flush_ratio:.2f}×",
            f"≥ {FLUSH_TARGET}×",
            verdict(flush_ratio >= FLUSH_TARGET),
        ),
        Result(
            "2",
            "connector loop (no outbox) / raw loop",
            f"{rates['connector loop']:.0f} / {rates['raw loop']:.0f} items/s = "
            f"{ratio(rates['connector loop'], rates['raw loop']):.2f}×",
        ),
        Result(
            "2",
            "per item (median round): flush; time in `send_item` summed over the "
            f"{Deliverer.per_system} connections; raw loop",
            f"{flush_ms:.3f} ms; {send_ms:.3f} ms; {per_item['raw loop']:.3f} ms",
        ),
    ]
    return section
