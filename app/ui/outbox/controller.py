"""The outbox beside the window: opened in the background, the sender running.

Every outbox call runs on the runner's serial disk pool, so saves, counts
and corrections happen in the order they were asked for and never on the GUI
thread. The sender runs on threads of its own; what it reports crosses to the
GUI thread through a queued signal.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from app.connectors.base import ChildWelfareNotification, InternalMail
from app.domain.access import AccessEvent
from app.domain.author import Author
from app.domain.kinds import ItemKind
from app.domain.model import DutyEntry
from app.services.outbox.codec import entry_to_payload
from app.services.outbox.delivery import DeliveryEvent, MaySend, Outcome
from app.services.outbox.items import Draft
from app.services.outbox.profile import OutboxSetup
from app.services.outbox.sending import SendingService
from app.services.outbox.store import Outbox, OutboxCounts, OutboxError, StoredItem
from app.services.workstation import Workstation
from app.ui.tasks import Pool, TaskRunner

log = logging.getLogger(__name__)

T = TypeVar("T")
# Items saved by another instance or a headless flush show up at least this often.
REFRESH_INTERVAL_MS = 30_000


class EarlierVersionKept(Exception):
    """The form's key was already in the outbox with other content: nothing changed."""


@dataclass(frozen=True)
class OutboxSnapshot:
    counts: OutboxCounts
    last_delivery: dict[str, dt.datetime]

    @property
    def undelivered(self) -> int:
        return sum(self.counts.per_municipality.values())


class OutboxController(QObject):
    """Owns the outbox and the sending service for the window's lifetime.

    ``skip(code)`` tells the sender which municipalities are known to be
    unreachable (it is called on the sender's threads).

    Signals:
        opened(): the outbox is open and the sender runs; saving works.
        open_failed(object): the outbox could not be opened (the exception,
            usually an OutboxError); nothing was changed, saving is refused.
        delivery_reported(object): the sender reported what happened to an
            item (a DeliveryEvent), on the GUI thread.
        snapshot_changed(object): fresh counts and last deliveries (OutboxSnapshot).
        items_changed(): items were saved, sent, corrected or discarded;
            views re-read the outbox.
    """

    opened = Signal()
    open_failed = Signal(object)
    delivery_reported = Signal(object)
    snapshot_changed = Signal(object)
    items_changed = Signal()
    # Emitted on the sender's threads; queued to the GUI thread.
    _event_arrived = Signal(object)

    def __init__(
        self,
        setup: OutboxSetup,
        workstation: Workstation,
        runner: TaskRunner,
        skip: Callable[[str], bool],
        parent: QObject | None = None,
        *,
        may_send: MaySend | None = None,
    ) -> None:
        """``may_send``: which items the sender may send now (default: every one); the
        others wait untouched (:class:`app.services.outbox.delivery.Deliverer`)."""
        super().__init__(parent)
        self._setup = setup
        self._workstation = workstation
        self._runner = runner
        self._skip = skip
        self._may_send = may_send
        # Written by the disk thread that opens the outbox, read at shutdown:
        # an outbox opened while the window closes must still be closed.
        self._lock = threading.Lock()
        self._outbox: Outbox | None = None
        self._sending: SendingService | None = None
        self._closing = False
        self._opening = False
        self._failure: Exception | None = None
        self._refreshing = False
        self._refresh_again = False
        self.snapshot: OutboxSnapshot | None = None
        self._event_arrived.connect(self._on_event, Qt.ConnectionType.QueuedConnection)
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_INTERVAL_MS)
        self._timer.timeout.connect(self.refresh)

    @property
    def available(self) -> bool:
        return self._sending is not None

    @property
    def sending(self) -> SendingService | None:
        """The sending service once the outbox is open (for tools and tests)."""
        return self._sending

    @property
    def opening(self) -> bool:
        return self._opening

    @property
    def failure(self) -> Exception | None:
        return self._failure

    def open(self) -> None:
        """Open the outbox and start the sender in the background; again after a failure."""
        if self._opening or self._sending is not None:
            return
        self._opening = True
        self._failure = None
        self._runner.run(self._open_work, self._opened, self._open_failed, pool=Pool.DISK)

    def _open_work(self) -> SendingService:
        outbox = self._setup.open()
        try:
            sending = SendingService(
                outbox,
                self._workstation,
                on_event=self._bridge,
                skip=self._skip,
                may_send=self._may_send,
            )
            with self._lock:
                if self._closing:
                    raise _WindowClosing
                self._outbox = outbox
                self._sending = sending
            sending.start()
        except BaseException:
            with self._lock:
                self._outbox = self._sending = None
            outbox.close()
            raise
        return sending

    def _bridge(self, event: DeliveryEvent) -> None:
        try:
            self._event_arrived.emit(event)
        except RuntimeError:  # the window is gone; the item stays safe in the outbox
            log.info("delivery event after the window closed")

    def _opened(self, _sending: SendingService) -> None:
        self._opening = False
        self._timer.start()
        self.opened.emit()
        self.refresh()

    def _open_failed(self, error: Exception) -> None:
        self._opening = False
        self._failure = error
        if isinstance(error, OutboxError):
            log.warning("outbox not opened: %s (%s)", error.code, error.detail)
        else:
            log.error("outbox not opened: unexpected %s", type(error).__name__)
        self.open_failed.emit(error)

    def _on_event(self, event: DeliveryEvent) -> None:
        self.delivery_reported.emit(event)
        if event.kind is ItemKind.ACCESS and event.outcome is not Outcome.ATTENTION:
            return  # the registrar's record, not the worker's work: no view shows it
        self.items_changed.emit()
        self.refresh()

    def _run(
        self,
        work: Callable[[SendingService], T],
        on_success: Callable[[T], None],
        on_failure: Callable[[Exception], None],
    ) -> None:
        sending = self._sending
        if sending is None:
            on_failure(OutboxError("the outbox is not open"))
            return
        self._runner.run(lambda: work(sending), on_success, on_failure, pool=Pool.DISK)

    def save_entry(
        self,
        code: str,
        entry: DutyEntry,
        names: tuple[str | None, str | None],
        on_saved: Callable[[StoredItem], None],
        on_failed: Callable[[Exception], None],
        *,
        saved_by: Author,
    ) -> None:
        """Save durably (write-ahead); ``names`` (first names, last name) for the label;
        ``saved_by`` the worker as signed in now (``AppContext.author(code)``)."""
        first_names, last_name = names

        def work(sending: SendingService) -> StoredItem:
            item = sending.save_entry(
                code,
                entry,
                saved_by=saved_by,
                first_names=first_names,
                last_name=last_name,
                draft_key=entry.idempotency_key,
            )
            if item.payload != entry_to_payload(entry):
                raise EarlierVersionKept(str(item.key))
            return item

        def saved(item: StoredItem) -> None:
            self.items_changed.emit()
            self.refresh()
            on_saved(item)

        self._run(work, saved, on_failed)

    def save_access(
        self,
        event: AccessEvent,
        on_saved: Callable[[StoredItem], None],
        on_failed: Callable[[Exception], None],
    ) -> None:
        """Save an access event durably for the registrar's access log (off the GUI thread);
        the sender delivers it like any item. Not the worker's work: no view changes."""
        self._run(lambda sending: sending.save_access(event), on_saved, on_failed)

    def correct(
        self,
        item_id: int,
        corrected: DutyEntry | InternalMail | ChildWelfareNotification,
        label: str,
        on_done: Callable[[StoredItem], None],
        on_failed: Callable[[Exception], None],
    ) -> None:
        """Send a refused item's corrected content under its key (off the GUI thread)."""

        def work(sending: SendingService) -> StoredItem:
            if isinstance(corrected, DutyEntry):
                return sending.correct_entry(item_id, corrected, label)
            if isinstance(corrected, InternalMail):
                return sending.correct_mail(item_id, corrected, label)
            return sending.correct_notification(item_id, corrected, label)

        self._run(work, self._changed(on_done), on_failed)

    def discard(
        self,
        item_id: int,
        reason: str,
        saved_by: Author,
        on_done: Callable[[StoredItem], None],
        on_failed: Callable[[Exception], None],
    ) -> None:
        self._run(
            lambda sending: sending.discard(item_id, reason, saved_by),
            self._changed(on_done),
            on_failed,
        )

    def remove_refused_event(
        self,
        item_id: int,
        on_done: Callable[[StoredItem], None],
        on_failed: Callable[[Exception], None],
    ) -> None:
        self._run(
            lambda sending: sending.remove_refused_event(item_id),
            self._changed(on_done),
            on_failed,
        )

    def confirm_destination(
        self,
        code: str,
        on_done: Callable[[int], None],
        on_failed: Callable[[Exception], None],
    ) -> None:
        """Send municipality ``code``'s held items where the policy now says."""
        self._run(
            lambda sending: sending.confirm_destination(code), self._changed(on_done), on_failed
        )

    def _changed(self, then: Callable[[T], None]) -> Callable[[T], None]:
        def done(result: T) -> None:
            self.items_changed.emit()
            self.refresh()
            then(result)

        return done

    def fetch_item(
        self,
        item_id: int,
        on_done: Callable[[StoredItem | None], None],
        on_failed: Callable[[Exception], None],
    ) -> None:
        self._run(lambda sending: sending.outbox.get(item_id), on_done, on_failed)

    def list_items(
        self,
        on_done: Callable[[list[StoredItem]], None],
        on_failed: Callable[[Exception], None],
    ) -> None:
        self._run(lambda sending: sending.outbox.items(), on_done, on_failed)

    def save_draft(
        self,
        draft: Draft,
        on_done: Callable[[uuid.UUID], None],
        on_failed: Callable[[Exception], None],
    ) -> None:
        """Keep (or replace) an open form's draft durably, off the GUI thread."""

        def work(sending: SendingService) -> uuid.UUID:
            sending.outbox.save_draft(draft)
            return draft.key

        self._run(work, on_done, on_failed)

    def delete_draft(
        self,
        key: uuid.UUID,
        on_done: Callable[[bool], None],
        on_failed: Callable[[Exception], None],
    ) -> None:
        self._run(lambda sending: sending.outbox.delete_draft(key), on_done, on_failed)

    def list_drafts(
        self,
        on_done: Callable[[list[Draft]], None],
        on_failed: Callable[[Exception], None],
    ) -> None:
        self._run(lambda sending: sending.outbox.drafts(), on_done, on_failed)

    def nudge(self, force: Iterable[str] = ()) -> None:
        """Have the sender try now; ``force`` ignores the backoff there (it is back)."""
        if self._sending is not None:
            self._sending.nudge(force)

    def refresh(self) -> None:
        """Re-read counts and last deliveries; at most one read runs at a time."""
        sending = self._sending
        if sending is None:
            return
        if self._refreshing:
            self._refresh_again = True
            return
        self._refreshing = True
        outbox = sending.outbox
        self._runner.run(
            lambda: OutboxSnapshot(outbox.counts(), outbox.last_delivery()),
            self._refreshed,
            self._refresh_failed,
            pool=Pool.DISK,
        )

    def _refreshed(self, snapshot: OutboxSnapshot) -> None:
        self._refreshing = False
        self.snapshot = snapshot
        self.snapshot_changed.emit(snapshot)
        if self._refresh_again:
            self._refresh_again = False
            self.refresh()

    def _refresh_failed(self, error: Exception) -> None:
        self._refreshing = False
        log.warning("outbox counts not read: %s", type(error).__name__)

    def shutdown(self) -> None:
        """Stop the sender and close the outbox; call after the runner's shutdown.

        Bounded by the sender's stop timeout: a delivery under way ends within
        its connector's timeouts, and an item cut off mid-send is sent again
        (same key) at the next start.
        """
        self._timer.stop()
        with self._lock:
            self._closing = True
            sending, self._sending = self._sending, None
            outbox, self._outbox = self._outbox, None
        if sending is not None:
            sending.stop()
        if outbox is not None:
            outbox.close()


class _WindowClosing(Exception):
    """The window closed while the outbox was being opened."""
