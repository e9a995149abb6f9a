"""Delivery of the outbox: the only way anything leaves the workstation.

Every outgoing item was committed durably to the outbox before any network
attempt (write-ahead). A flush takes the cross-process sender lock, turns
items a crash left in "sending" back to "waiting", and delivers what is due,
municipality by municipality (in parallel across municipalities, in saved
order for each client). On the system's confirmation the item is deleted.
Every attempt sends the item's stored bytes, so a retry carries the same
idempotency key and the same content: a reply lost on the way costs a
repeat that the system recognises, never a second record.

Failures are classified by the connector error's remedy: retry later with a
capped backoff (never giving up), or needs the worker's attention. Nothing
is deleted except on confirmation or by the worker's explicit discard. Manual
items (faxes the worker sends by hand) are never sent, not even by a forced flush.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import uuid
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from enum import StrEnum

from app.connectors import errors
from app.services.locking import SenderLock
from app.services.model import DeliveryReceipt
from app.services.outbox import ItemState, Outbox, StoredItem

log = logging.getLogger(__name__)

# Every send: the stored item in, the system's receipt out (or a connector error).
Send = Callable[[StoredItem], DeliveryReceipt]
Clock = Callable[[], dt.datetime]

FAR_FUTURE = dt.datetime(9999, 1, 1, tzinfo=dt.UTC)


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Outcome(StrEnum):
    DELIVERED = "delivered"
    RETRY = "retry"
    ATTENTION = "attention"


@dataclass(frozen=True)
class DeliveryEvent:
    """What happened to one item; reported to the UI. No client data."""

    outcome: Outcome
    item_id: int
    key: uuid.UUID
    municipality: str
    kind: str
    receipt: DeliveryReceipt | None = None
    error: str | None = None
    error_type: str | None = None
    next_attempt: dt.datetime | None = None


@dataclass(frozen=True)
class Backoff:
    """Capped exponential backoff: retries slow down but never stop."""

    first: float = 2.0
    cap: float = 300.0

    def delay(self, attempts: int, retry_after: float | None = None) -> float:
        delay = min(self.cap, self.first * 2.0 ** min(attempts, 30))
        if retry_after is not None:
            delay = max(delay, min(retry_after, 3600.0))
        return delay


@dataclass
class FlushReport:
    locked_out: bool = False
    recovered: int = 0
    events: list[DeliveryEvent] = field(default_factory=list)

    def count(self, outcome: Outcome) -> int:
        return sum(1 for event in self.events if event.outcome is outcome)


class Deliverer:
    """One flush at a time per outbox file, across processes (the sender lock)."""

    # Municipalities flushed side by side, and connections per municipality's system.
    parallel = 4
    per_system = 4

    def __init__(
        self,
        outbox: Outbox,
        lock: SenderLock,
        send: Send,
        *,
        clock: Clock = utc_now,
        backoff: Backoff | None = None,
        on_event: Callable[[DeliveryEvent], None] | None = None,
    ) -> None:
        self.outbox = outbox
        self.lock = lock
        self.send = send
        self.clock = clock
        self.backoff = backoff or Backoff()
        self.on_event = on_event
        self._flushing = threading.Lock()

    def flush(
        self,
        municipalities: Iterable[str] | None = None,
        *,
        force: Iterable[str] = (),
        skip: Callable[[str], bool] | None = None,
    ) -> FlushReport:
        """Deliver what is due. ``force``: ignore backoff there (the system just came back).

        ``skip`` tells which municipalities are known to be unreachable now;
        forced ones are tried regardless.
        """
        report = FlushReport()
        # The file lock excludes other processes; this excludes other threads of this one
        # (the lock object is re-entrant for its holder).
        if not self._flushing.acquire(blocking=False):
            report.locked_out = True
            return report
        try:
            if not self.lock.try_acquire():
                report.locked_out = True
                return report
            return self._flush_locked(report, municipalities, force, skip)
        finally:
            self._flushing.release()

    def _flush_locked(
        self,
        report: FlushReport,
        municipalities: Iterable[str] | None,
        force: Iterable[str],
        skip: Callable[[str], bool] | None,
    ) -> FlushReport:
        try:
            # Under the lock nobody else is sending: a "sending" row is a crash's leftover.
            report.recovered = self.outbox.recover()
            forced = set(force)
            now = self.clock()
            codes = set(self.outbox.municipalities_with_due(now)) | (
                forced & set(self._waiting_municipalities())
            )
            if municipalities is not None:
                codes &= set(municipalities)
            codes = {c for c in codes if c in forced or skip is None or not skip(c)}
            if not codes:
                return report
            with ThreadPoolExecutor(max_workers=max(1, min(self.parallel, len(codes)))) as pool:
                for events in pool.map(
                    lambda code: self._flush_municipality(code, code in forced), sorted(codes)
                ):
                    report.events.extend(events)
        finally:
            self.lock.release()
        return report

    def _waiting_municipalities(self) -> list[str]:
        return self.outbox.municipalities_with_due(FAR_FUTURE)

    def _flush_municipality(self, code: str, forced: bool) -> list[DeliveryEvent]:
        """Deliver what is due in one municipality.

        ``due()`` gives at most one item per client (the first in that client's
        line), so the items of one batch are independent of each other and go out
        side by side over a few connections; each client's items still go in the
        order they were saved, because the next one is due only after this one left.
        """
        events: list[DeliveryEvent] = []
        with ThreadPoolExecutor(max_workers=self.per_system) as pool:
            while True:
                now = FAR_FUTURE if forced else self.clock()
                # due() gives waiting items only; a manual one (a fax the worker sends by
                # hand) must never reach a system, even if a query went wrong.
                batch = [i for i in self.outbox.due(code, now) if i.state is ItemState.WAITING]
                if not batch:
                    return events
                outcomes = list(pool.map(self._deliver, batch))
                events.extend(outcomes)
                if any(event.outcome is Outcome.RETRY for event in outcomes):
                    # The system is not taking deliveries: leave the rest for later.
                    return events
                forced = False  # one forced pass; what failed again waits for its backoff

    def _deliver(self, item: StoredItem) -> DeliveryEvent:
        self.outbox.mark_sending(item.id)
        try:
            receipt = self.send(item)
        except errors.ConnectorError as error:
            event = self._failed(item, error)
        except ValueError as error:
            # The stored payload cannot be read back: the worker must see it.
            self.outbox.needs_attention(item.id, f"payload unreadable: {error}")
            event = self._event(item, Outcome.ATTENTION, error="payload_unreadable")
        else:
            self.outbox.delivered(item.id)
            event = self._event(item, Outcome.DELIVERED, receipt=receipt)
        if self.on_event is not None:
            self.on_event(event)
        return event

    def _failed(self, item: StoredItem, error: errors.ConnectorError) -> DeliveryEvent:
        kind = type(error).__name__
        if error.remedy is errors.Remedy.CORRECT_AND_RESEND:
            reason = getattr(error, "reason", error.detail)
            self.outbox.needs_attention(item.id, f"{kind}: {reason}")
            log.warning("item %s needs attention: %s", item.id, kind)
            return self._event(item, Outcome.ATTENTION, error=str(reason), error_type=kind)
        retry_after = error.retry_after if isinstance(error, errors.ServerFault) else None
        delay = self.backoff.delay(item.attempts, retry_after)
        next_attempt = self.clock() + dt.timedelta(seconds=delay)
        self.outbox.retry_later(item.id, f"{kind}: {error.detail}", next_attempt)
        log.info("item %s waits %.0f s after %s", item.id, delay, kind)
        return self._event(
            item, Outcome.RETRY, error=error.detail, error_type=kind, next_attempt=next_attempt
        )

    @staticmethod
    def _event(item: StoredItem, outcome: Outcome, **details: object) -> DeliveryEvent:
        return DeliveryEvent(
            outcome=outcome,
            item_id=item.id,
            key=item.key,
            municipality=item.municipality,
            kind=item.kind,
            **details,  # type: ignore[arg-type]
        )


class OutboxSender:
    """Runs flushes on a background thread: at once when nudged, otherwise when
    the next item falls due (and at least every ``poll`` seconds, so that items
    saved by another process on the same outbox are picked up)."""

    def __init__(
        self,
        deliverer: Deliverer,
        *,
        skip: Callable[[str], bool] | None = None,
        poll: float = 5.0,
    ) -> None:
        self.deliverer = deliverer
        self.skip = skip
        self.poll = poll
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._force: set[str] = set()
        self._force_lock = threading.Lock()
        self._thread = threading.Thread(target=self._run, name="outbox-sender", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def nudge(self, force: Iterable[str] = ()) -> None:
        """Flush now; ``force`` ignores backoff for those municipalities."""
        with self._force_lock:
            self._force.update(force)
        self._wake.set()

    def stop(self, timeout: float = 30.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread.is_alive():
            self._thread.join(timeout)

    def _run(self) -> None:
        while not self._stop.is_set():
            # Cleared before the flush: a nudge that arrives during it makes the wait below
            # return at once, so no nudge is ever lost.
            self._wake.clear()
            with self._force_lock:
                force, self._force = self._force, set()
            try:
                report = self.deliverer.flush(force=force, skip=self.skip)
            except Exception:
                # A bug or a storage failure must not kill the sender for the rest of the
                # night: log it (no client data in our messages) and try again later.
                log.exception("outbox flush failed")
                report = FlushReport()
            if report.locked_out and force:
                with self._force_lock:
                    self._force |= force
            self._wake.wait(self._wait_time(report))

    def _wait_time(self, report: FlushReport) -> float:
        if report.locked_out or not report.events:
            # Nothing was tried: what is due belongs to municipalities known to be
            # unreachable (they nudge when they return), or another sender has the lock.
            # Asking again at once would spin on the outbox during an outage.
            return self.poll
        try:
            due = self.deliverer.outbox.next_due_time()
        except Exception:
            log.exception("outbox unreadable")
            return self.poll
        if due is None:
            return self.poll
        seconds = (due - self.deliverer.clock()).total_seconds()
        return max(0.05, min(self.poll, seconds))
