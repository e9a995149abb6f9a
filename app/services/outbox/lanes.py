"""The background sender: every municipality's items in a lane of their own.

A lane is a thread that flushes one municipality, under that municipality's
sender lock (:meth:`Outbox.sender_lock`): at once when nudged for it, otherwise
when its next item falls due, and at least every ``poll`` seconds (so that items
saved by another process on the same outbox are picked up). A system that hangs,
or drips its answer a byte at a time until the request's deadline, holds up only
its own lane: an entry saved for another municipality meanwhile goes at once, in
its lane.

A watcher thread starts a lane for each municipality that has items waiting (at
most one per municipality of the policy: a few), and wakes every lane on a nudge
that names no municipality.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable

from app.services.outbox.delivery import FAR_FUTURE, Deliverer, FlushReport

log = logging.getLogger(__name__)


class OutboxSender:
    """Runs the lanes in the background; :meth:`nudge` when something was saved."""

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
        self._lanes: dict[str, _Lane] = {}
        self._lock = threading.Lock()  # _lanes and _started
        self._started = False
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, name="outbox-sender", daemon=True)

    @property
    def stopping(self) -> bool:
        return self._stop.is_set()

    def start(self) -> None:
        with self._lock:
            self._started = True
            lanes = list(self._lanes.values())
        for lane in lanes:
            lane.start()
        self._thread.start()

    def nudge(self, force: Iterable[str] = (), *, municipalities: Iterable[str] = ()) -> None:
        """Deliver now: in ``municipalities`` and ``force`` (every municipality, when both
        are empty); ``force`` ignores the backoff there (the system is back)."""
        forced = set(force)
        named = forced | set(municipalities)
        if not named:
            self._wake.set()  # the watcher wakes every lane
            return
        for code in sorted(named):
            lane = self._lane(code)
            if lane is not None:
                lane.wake(force=code in forced)

    def stop(self, timeout: float = 30.0) -> None:
        """Stop every lane; waits at most ``timeout`` seconds in all (a lane in the middle
        of a send finishes it first: the request's own deadline bounds that)."""
        deadline = time.monotonic() + timeout
        self._stop.set()
        self._wake.set()
        with self._lock:
            lanes = list(self._lanes.values())
        for lane in lanes:
            lane.wake()
        if self._thread.is_alive():
            self._thread.join(max(0.0, deadline - time.monotonic()))
        for lane in lanes:
            lane.join(max(0.0, deadline - time.monotonic()))

    def _lane(self, code: str) -> _Lane | None:
        """The municipality's lane, started with the sender; None once stopping."""
        with self._lock:
            if self._stop.is_set():
                return None
            lane = self._lanes.get(code)
            if lane is None:
                lane = self._lanes[code] = _Lane(self, code)
                if self._started:
                    lane.start()
            return lane

    def _watch(self) -> None:
        nudged = False
        while not self._stop.is_set():
            try:
                outbox = self.deliverer.outbox
                # Every municipality with items in line, or left sending by a crash.
                codes = set(outbox.municipalities_with_due(FAR_FUTURE))
                codes |= set(outbox.municipalities_sending())
            except Exception:
                log.exception("outbox unreadable")
                codes = set()
            for code in sorted(codes):
                self._lane(code)  # a new lane flushes at once
            if nudged:
                with self._lock:
                    lanes = list(self._lanes.values())
                for lane in lanes:
                    lane.wake()
            nudged = self._wake.wait(self.poll)
            # Cleared after the wait: a nudge arriving now is served by the wake above.
            self._wake.clear()


class _Lane:
    """One municipality's flushes, one after the other, on a thread of its own."""

    def __init__(self, sender: OutboxSender, code: str) -> None:
        self.code = code
        self._sender = sender
        self._wake = threading.Event()
        self._force = False
        self._force_lock = threading.Lock()
        self._thread = threading.Thread(target=self._run, name=f"outbox-lane-{code}", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def wake(self, force: bool = False) -> None:
        if force:
            with self._force_lock:
                self._force = True
        self._wake.set()

    def join(self, timeout: float) -> None:
        if self._thread.is_alive():
            self._thread.join(timeout)

    def _run(self) -> None:
        sender = self._sender
        while not sender.stopping:
            # Cleared before the flush: a nudge that arrives during it makes the wait
            # below return at once, so no nudge is ever lost.
            self._wake.clear()
            with self._force_lock:
                force, self._force = self._force, False
            try:
                report = sender.deliverer.flush(
                    [self.code], force=[self.code] if force else (), skip=sender.skip
                )
            except Exception:
                # A bug or a storage failure must not kill the lane for the rest of the
                # night: log it (no client data in our messages) and try again later.
                log.exception("outbox flush failed in municipality %s", self.code)
                report = FlushReport()
            if force and report.busy:
                with self._force_lock:
                    self._force = True  # another sender has it: force when we get it
            self._wake.wait(self._wait_time(report))

    def _wait_time(self, report: FlushReport) -> float:
        poll = self._sender.poll
        if report.busy or not report.events:
            # Nothing was tried: what is due is skipped (the system is known to be
            # unreachable; it nudges when it returns), or another sender has it.
            # Asking again at once would spin on the outbox during an outage.
            return poll
        deliverer = self._sender.deliverer
        try:
            due = deliverer.outbox.next_due_time(self.code)
        except Exception:
            log.exception("outbox unreadable")
            return poll
        if due is None:
            return poll
        seconds = (due - deliverer.clock()).total_seconds()
        return max(0.05, min(poll, seconds))
