"""Delivery of the outbox: the only way anything leaves the workstation.

Every outgoing item was committed durably to the outbox before any network
attempt (write-ahead). A flush takes the cross-process sender lock of each
municipality it delivers to (one lock per municipality: a municipality another
sender has is left to it), turns the items a crash left in "sending" there
back to "waiting", and delivers what is due, each municipality on a thread of
its own (in saved order for each client); each lock is let go as soon as its
municipality is done. The background sender (:mod:`app.services.outbox.lanes`)
runs one such flush per municipality, in a lane of its own, so that a system
that hangs holds up only its own items. On the system's confirmation the item
is deleted (with other confirmed items, in one commit; until then it stays
"sending", and a crash only repeats a delivery the system recognises).
Every attempt sends the item's stored bytes, so a retry carries the same
idempotency key and the same content: a reply lost on the way costs a
repeat that the system recognises, never a second record.

Failures are classified by the connector error's remedy: retry later with a
capped backoff (never giving up), or needs the worker's attention. Nothing
is deleted except on confirmation or by the worker's explicit discard. Manual
items (faxes the worker sends by hand) are never sent, not even by a forced flush.

Whose items may go is the caller's to say (``may_send``, e.g. only those whose
author is the worker signed in now to that organisation, or whose author is not
known): an item it does not allow simply waits, untouched (not marked, not
counted as an attempt, never failed), and holds back its client's later items
as any unsent item does; it goes once allowed.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import uuid
from collections.abc import Callable, Iterable
from concurrent import futures
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from enum import StrEnum

from app.connectors import errors
from app.domain.clock import Clock, utc_now
from app.domain.kinds import ItemKind
from app.domain.model import DeliveryReceipt
from app.services.outbox.items import PAYLOAD_UNREADABLE, Failure
from app.services.outbox.locking import SenderLock
from app.services.outbox.store import ItemState, Outbox, StoredItem

log = logging.getLogger(__name__)

# Every send: the stored item in, the system's receipt out (or a connector error).
Send = Callable[[StoredItem], DeliveryReceipt]
# Whether an item may be sent now (its author's sign-in); False: it waits untouched.
MaySend = Callable[[StoredItem], bool]


def send_all(item: StoredItem) -> bool:
    """The default :data:`MaySend`: every item may go (as before sign-in existed)."""
    return True


FAR_FUTURE = dt.datetime(9999, 1, 1, tzinfo=dt.UTC)

# Confirmed items deleted per commit (see _MunicipalityFlush).
CONFIRM_BATCH = 100


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
    kind: ItemKind
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
    """What one flush did. ``busy``: municipalities with work that another sender had
    (their items wait for it); ``flushed``: those this flush held and delivered to."""

    recovered: int = 0
    events: list[DeliveryEvent] = field(default_factory=list)
    busy: list[str] = field(default_factory=list)
    flushed: list[str] = field(default_factory=list)

    @property
    def locked_out(self) -> bool:
        """Another sender had every municipality with work: this flush did nothing."""
        return bool(self.busy) and not self.flushed

    def count(self, outcome: Outcome) -> int:
        return sum(1 for event in self.events if event.outcome is outcome)


class Deliverer:
    """Flushes of one outbox file; one sender at a time per municipality, across
    processes and threads (:meth:`Outbox.sender_lock`)."""

    # Connections per municipality's system. Two lines at a time keep a system busy
    # while this side decodes and records (docs/performance.md); four gained no
    # throughput here but, all wanting the interpreter at once, made the window wait
    # up to 39 ms instead of 17 ms.
    per_system = 2

    def __init__(
        self,
        outbox: Outbox,
        send: Send,
        *,
        clock: Clock = utc_now,
        backoff: Backoff | None = None,
        on_event: Callable[[DeliveryEvent], None] | None = None,
        may_send: MaySend | None = None,
    ) -> None:
        self.outbox = outbox
        self.send = send
        self.clock = clock
        self.backoff = backoff or Backoff()
        self.on_event = on_event
        # Asked on the sender's threads, for each item first in its client's line.
        self.may_send: MaySend = may_send or send_all

    def flush(
        self,
        municipalities: Iterable[str] | None = None,
        *,
        force: Iterable[str] = (),
        skip: Callable[[str], bool] | None = None,
    ) -> FlushReport:
        """Deliver what is due (in ``municipalities``, if given). ``force``: ignore backoff
        there (the system just came back).

        ``skip`` tells which municipalities are known to be unreachable now;
        forced ones are tried regardless (and a skipped one's crash leftovers are
        still put back in line). The locks of every municipality to deliver to are
        taken first, each let go once its municipality is done; a municipality
        whose lock another sender holds is reported ``busy`` and left to it.
        """
        report = FlushReport()
        forced = set(force)
        claimed: list[tuple[str, SenderLock, bool]] = []
        try:
            for code, deliver in self._work(municipalities, forced, skip):
                lock = self.outbox.sender_lock(code)
                if lock.try_acquire():
                    claimed.append((code, lock, deliver))
                elif deliver:
                    report.busy.append(code)
            if not claimed:
                return report
            if len(claimed) == 1:  # a lane's flush: no pool
                code, lock, deliver = claimed[0]
                results = [self._flush_claimed(code, lock, deliver, code in forced)]
            else:
                with ThreadPoolExecutor(max_workers=len(claimed)) as pool:
                    done = [
                        pool.submit(self._flush_claimed, code, lock, deliver, code in forced)
                        for code, lock, deliver in claimed
                    ]
                    results = [future.result() for future in done]
            for (code, _, deliver), (recovered, events) in zip(claimed, results, strict=True):
                report.recovered += recovered
                report.events.extend(events)
                if deliver:
                    report.flushed.append(code)
        finally:
            for _, lock, _ in claimed:
                lock.release()  # released already unless something failed
        return report

    def _work(
        self,
        municipalities: Iterable[str] | None,
        forced: set[str],
        skip: Callable[[str], bool] | None,
    ) -> list[tuple[str, bool]]:
        """The municipalities with something to do, in code order, and whether to deliver
        there (or only put a crash's leftovers back in line)."""
        among = None if municipalities is None else sorted(set(municipalities))
        due = set(self.outbox.municipalities_with_due(self.clock(), among))
        if forced:
            waiting = self.outbox.municipalities_with_due(FAR_FUTURE, among)
            due |= forced & set(waiting)

        def deliverable(code: str) -> bool:
            return code in forced or skip is None or not skip(code)

        # A crash's leftovers are put back in line even where nothing is delivered now.
        work = {code for code in due if deliverable(code)}
        work |= set(self.outbox.municipalities_sending(among))
        return [(code, deliverable(code)) for code in sorted(work)]

    def _flush_claimed(
        self, code: str, lock: SenderLock, deliver: bool, forced: bool
    ) -> tuple[int, list[DeliveryEvent]]:
        try:
            # Under its lock nobody else is sending this municipality's items: a
            # "sending" row is a crash's leftover.
            recovered = self.outbox.recover(code)
            events = self._flush_municipality(code, forced) if deliver else []
        finally:
            lock.release()  # at once: another sender may take this municipality now
        return recovered, events

    def _flush_municipality(self, code: str, forced: bool) -> list[DeliveryEvent]:
        """Deliver what is due in one municipality.

        Each client's line (:meth:`Outbox.lines`) goes out in the order saved, one
        item after the other; different clients' lines go side by side over a few
        connections, so the system is never left idle waiting for the slowest item
        of a batch. A "retry later" anywhere stops every line after its current
        item: the system is not taking deliveries, and the rest waits for later.
        """
        flow = _MunicipalityFlush(self)
        with ThreadPoolExecutor(max_workers=self.per_system) as pool:
            while not flow.halt.is_set():
                now = FAR_FUTURE if forced else self.clock()
                lines = self._allowed(self.outbox.lines(code, now))
                if not lines:
                    break
                sending = [pool.submit(flow.deliver_line, line) for line in lines]
                futures.wait(sending)  # every line ends (a failure ends only its own line)
                flow.settle()
                for future in sending:
                    future.result()  # an unexpected error: raised once the round is settled
                forced = False  # one forced pass; what failed again waits for its backoff
        return flow.events

    def _allowed(self, lines: list[list[StoredItem]]) -> list[list[StoredItem]]:
        """Each line up to its first item that may not go now (the rest keeps its order
        behind it); lines with nothing allowed are left out, untouched."""
        allowed = []
        for line in lines:
            cut = next((n for n, item in enumerate(line) if not self._may_send(item)), len(line))
            if cut:
                allowed.append(line[:cut])
        return allowed

    def _may_send(self, item: StoredItem) -> bool:
        try:
            return bool(self.may_send(item))
        except Exception:
            # Not knowing whose it is, hold it: it waits, never goes under another's sign-in.
            log.exception("may_send failed for item %s; it waits", item.id)
            return False

    def _deliver(self, item: StoredItem) -> tuple[DeliveryEvent | None, DeliveryReceipt | None]:
        """Send an item marked sending. A failure is recorded at once and its event
        returned; a confirmation is returned for the round to record with others."""
        try:
            receipt = self.send(item)
        except errors.ConnectorError as error:
            return self._failed(item, error), None
        except ValueError as error:
            # The stored payload cannot be read back: the worker must see it.
            self.outbox.mark_attention(item.id, str(Failure(PAYLOAD_UNREADABLE, str(error))))
            return self._event(item, Outcome.ATTENTION, error="payload_unreadable"), None
        return None, receipt

    def _failed(self, item: StoredItem, error: errors.ConnectorError) -> DeliveryEvent:
        kind = type(error).__name__
        if error.remedy in (errors.Remedy.CORRECT_AND_RESEND, errors.Remedy.CONFIRM_DESTINATION):
            reason = getattr(error, "reason", error.detail)
            self.outbox.mark_attention(item.id, str(Failure(kind, str(reason))))
            log.warning("item %s needs attention: %s", item.id, kind)
            return self._event(item, Outcome.ATTENTION, error=str(reason), error_type=kind)
        retry_after = error.retry_after if isinstance(error, errors.ServerFault) else None
        delay = self.backoff.delay(item.attempts, retry_after)
        next_attempt = self.clock() + dt.timedelta(seconds=delay)
        self.outbox.retry_later(item.id, str(Failure(kind, error.detail)), next_attempt)
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


class _MunicipalityFlush:
    """One municipality's flush: lines sent by a few threads, confirmations recorded in batches.

    A confirmed item is deleted together with others, in one commit per
    ``CONFIRM_BATCH`` confirmations (and at the end of each round), so two commits per
    item do not cap the throughput. Meanwhile the item stays "sending" in the
    outbox: a crash before its deletion only makes it go again, and the system
    answers that it already has it. The next item of the same client may go
    before that commit: the system did confirm the earlier one. An item's
    DELIVERED event is reported once its deletion is committed.
    """

    def __init__(self, deliverer: Deliverer) -> None:
        self.deliverer = deliverer
        self.halt = threading.Event()
        self.events: list[DeliveryEvent] = []
        self.unsent: list[StoredItem] = []
        self._confirmed: list[tuple[StoredItem, DeliveryReceipt]] = []
        self._lock = threading.Lock()  # the lists above
        self._recording = threading.Lock()  # one batch commit at a time

    def deliver_line(self, line: list[StoredItem]) -> None:
        """Send a line's items in order; after a halt (or an error) the rest is unsent."""
        if self.halt.is_set():
            return  # not even marked
        line = self._marked(line)
        for index, item in enumerate(line):
            if self.halt.is_set():
                self._unsent(line[index:])
                return
            try:
                event, receipt = self.deliverer._deliver(item)
            except BaseException:
                # Unexpected: this item stays "sending" until the next flush's recovery.
                self._unsent(line[index + 1 :])
                raise
            if receipt is not None:
                with self._lock:
                    self._confirmed.append((item, receipt))
                    full = len(self._confirmed) >= CONFIRM_BATCH
                if full:
                    self.record_confirmed()
            elif event is not None:
                self._report([event])
                if event.outcome is Outcome.RETRY:
                    self.halt.set()

    def _marked(self, line: list[StoredItem]) -> list[StoredItem]:
        """Mark the line's items sending in one commit; the part of the line that may go.

        An item the worker discarded or corrected since the line was read is not
        marked: the line ends before it (the next round reads it as it is now).
        """
        waiting = [item for item in line if item.state is ItemState.WAITING]
        marked = self.deliverer.outbox.mark_sending_many([item.id for item in waiting])
        cut = next((n for n, item in enumerate(line) if item.id not in marked), len(line))
        self._unsent([item for item in line[cut:] if item.id in marked])
        return line[:cut]

    def _unsent(self, items: list[StoredItem]) -> None:
        with self._lock:
            self.unsent.extend(items)

    def record_confirmed(self) -> None:
        with self._recording:
            with self._lock:
                confirmed, self._confirmed = self._confirmed, []
            if not confirmed:
                return
            deliverer = self.deliverer
            deliverer.outbox.mark_delivered([item for item, _ in confirmed], deliverer.clock())
            self._report(
                [
                    deliverer._event(item, Outcome.DELIVERED, receipt=receipt)
                    for item, receipt in confirmed
                ]
            )

    def settle(self) -> None:
        """End of a round: record what was confirmed, put what was not sent back in line."""
        try:
            self.record_confirmed()
        finally:
            unsent, self.unsent = self.unsent, []
            self.deliverer.outbox.release([item.id for item in unsent])

    def _report(self, events: list[DeliveryEvent]) -> None:
        with self._lock:
            self.events.extend(events)
        if self.deliverer.on_event is not None:
            for event in events:
                self.deliverer.on_event(event)
