"""The one way the UI runs work off the GUI thread.

Modelled on Anki's ``QueryOp``: the caller hands over a function and two
callbacks; the function runs in a thread pool and exactly one callback runs
afterwards, on the GUI thread, through a queued signal. Network calls go to a
parallel pool; local disk work (settings) to a serial one, so that writes
happen in the order they were asked for.

A result may arrive after the context it belongs to has gone (the worker
switched municipality while a lookup was on its way). Such results must not
reach the screen: callers pass ``is_current`` (usually from
:class:`Generation`) and a stale result is dropped without calling anything.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, SignalInstance, Slot

from app.services.scrub import frames_of

log = logging.getLogger(__name__)

T = TypeVar("T")

NETWORK_THREADS = 8
# Long enough for any network call to finish within its own timeouts.
DEFAULT_SHUTDOWN_WAIT_MS = 30_000


class Pool(Enum):
    NETWORK = "network"
    DISK = "disk"


class Generation:
    """A counter whose tokens go stale when the context changes.

    ``advance()`` when the context changes (another municipality, another
    search); ``guard()`` captures the present value and answers whether it is
    still the present one.
    """

    def __init__(self) -> None:
        self._value = 0

    @property
    def value(self) -> int:
        return self._value

    def advance(self) -> int:
        self._value += 1
        return self._value

    def guard(self) -> Callable[[], bool]:
        token = self._value
        return lambda: self._value == token


@dataclass
class _Job:
    on_success: Callable[[Any], None]
    on_failure: Callable[[Exception], None]
    is_current: Callable[[], bool] | None


class _Work(QRunnable):
    """Runs one function in a pool thread and reports back through ``report``."""

    def __init__(self, job_id: int, work: Callable[[], Any], report: SignalInstance) -> None:
        super().__init__()
        self._job_id = job_id
        self._work = work
        self._report = report

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as error:
            self._report.emit(self._job_id, False, error)
        else:
            self._report.emit(self._job_id, True, result)


class TaskRunner(QObject):
    """Runs functions off the GUI thread; callbacks come back on the GUI thread.

    ``default_failure`` handles failures of work started without its own
    ``on_failure`` (the main window shows them in the message area).

    Signals:
        job_finished(): a job's callback has run or its result was dropped;
            lets tests and the window wait for background work.
    """

    job_finished = Signal()
    # (job id, succeeded, result or exception); emitted from pool threads.
    _reported = Signal(int, bool, object)

    def __init__(
        self,
        default_failure: Callable[[Exception], None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._default_failure = default_failure or _log_failure
        self._pools = {Pool.NETWORK: QThreadPool(self), Pool.DISK: QThreadPool(self)}
        self._pools[Pool.NETWORK].setMaxThreadCount(NETWORK_THREADS)
        # One thread: disk writes must not overtake each other.
        self._pools[Pool.DISK].setMaxThreadCount(1)
        self._jobs: dict[int, _Job] = {}
        self._ids = itertools.count(1)
        self._closed = False
        # Queued explicitly: the signal is emitted in pool threads and the
        # callbacks must run in this object's (the GUI) thread.
        self._reported.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @property
    def pending(self) -> int:
        """Jobs whose callback has not run yet."""
        return len(self._jobs)

    def run(
        self,
        work: Callable[[], T],
        on_success: Callable[[T], None],
        on_failure: Callable[[Exception], None] | None = None,
        *,
        is_current: Callable[[], bool] | None = None,
        pool: Pool = Pool.NETWORK,
    ) -> None:
        """Run ``work`` in ``pool``; then ``on_success(result)`` or ``on_failure(error)``.

        Neither callback runs when ``is_current()`` is false by the time the
        result arrives, nor after :meth:`shutdown`.
        """
        if self._closed:
            log.info("background work refused: the window is closing")
            return
        job_id = next(self._ids)
        self._jobs[job_id] = _Job(on_success, on_failure or self._default_failure, is_current)
        self._pools[pool].start(_Work(job_id, work, self._reported))

    @Slot(int, bool, object)
    def _deliver(self, job_id: int, succeeded: bool, payload: object) -> None:
        job = self._jobs.pop(job_id, None)
        try:
            if job is None or self._closed:
                return
            if job.is_current is not None and not job.is_current():
                log.debug("dropped a stale background result")
                return
            if succeeded:
                job.on_success(payload)
            else:
                assert isinstance(payload, Exception)
                job.on_failure(payload)
        finally:
            self.job_finished.emit()

    def shutdown(self, wait_ms: int = DEFAULT_SHUTDOWN_WAIT_MS) -> bool:
        """Drop every pending callback and wait for running work to end.

        Waits because work still running holds connectors the caller is about
        to close. Disk work is waited for in full so that a last settings
        write lands. Answers whether everything ended in time.
        """
        self._closed = True
        self._jobs.clear()
        disk_done = self._pools[Pool.DISK].waitForDone(wait_ms)
        network_done = self._pools[Pool.NETWORK].waitForDone(wait_ms)
        if not (disk_done and network_done):
            log.warning("background work still running at shutdown")
        return disk_done and network_done


def _log_failure(error: Exception) -> None:
    # The exception's text may carry client data: log its type and where it
    # happened, never its message.
    log.error("background work failed: %s\n%s", type(error).__name__, frames_of(error))
