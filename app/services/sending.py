"""Saving through the outbox and sending in the background: the app's one path out.

``save_entry`` commits the entry durably (write-ahead) and wakes the sender;
it returns once the entry is safe on disk, before any network attempt. The
sender delivers it at once when the system answers, later when it doesn't.
Qt-free: the GUI and the headless ``outbox flush`` use the same service.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from app.connectors.base import DutyEvent
from app.services.codec import entry_label, entry_to_payload, event_to_payload
from app.services.delivery import (
    Deliverer,
    DeliveryEvent,
    FlushReport,
    OutboxSender,
    utc_now,
)
from app.services.hetu import parse_hetu
from app.services.model import DutyEntry
from app.services.outbox import ItemNotFound, Outbox, OutgoingItem, StoredItem
from app.services.workstation import Workstation


class SendingService:
    def __init__(
        self,
        outbox: Outbox,
        workstation: Workstation,
        *,
        on_event: Callable[[DeliveryEvent], None] | None = None,
        skip: Callable[[str], bool] | None = None,
        clock: Callable[[], dt.datetime] = utc_now,
        poll: float = 5.0,
    ) -> None:
        self.outbox = outbox
        self.clock = clock
        self.deliverer = Deliverer(
            outbox, outbox.sender_lock(), workstation.send_item, clock=clock, on_event=on_event
        )
        self.sender = OutboxSender(self.deliverer, skip=skip, poll=poll)

    def save_entry(
        self,
        code: str,
        entry: DutyEntry,
        *,
        first_names: str | None = None,
        last_name: str | None = None,
    ) -> StoredItem:
        """Commit the entry durably, then have it sent. Raises OutboxError when it could
        not be stored: then nothing was stored, and the caller keeps the text."""
        item = self.outbox.put(
            OutgoingItem(
                key=entry.idempotency_key,
                municipality=code,
                kind="entry",
                client=entry.hetu.value,
                label=entry_label(entry, first_names=first_names, last_name=last_name),
                payload=entry_to_payload(entry),
            ),
            self.clock(),
        )
        self.sender.nudge()
        return item

    def correct_entry(self, item_id: int, entry: DutyEntry, label: str) -> StoredItem:
        """The worker corrected an item that needed attention: send the new content.

        The key stays: the system refused the earlier content, so it holds nothing
        under that key.
        """
        if self.outbox.get(item_id) is None:
            raise ItemNotFound(f"item {item_id} is no longer in the outbox")
        item = self.outbox.correct(item_id, entry_to_payload(entry), label, self.clock())
        self.sender.nudge()
        return item

    def discard(self, item_id: int, reason: str, author: str) -> StoredItem:
        """The worker discards an item that needs attention, with a reason.

        The discard is itself recorded: an event item for the registrar's log
        goes out through the outbox like anything else.
        """
        if not reason.strip():
            raise ValueError("a discard needs a reason")
        now = self.clock()
        item = self.outbox.get(item_id)
        if item is None:
            raise ItemNotFound(f"item {item_id} is no longer in the outbox")
        event = DutyEvent(
            hetu=parse_hetu(item.client),
            kind="discarded_entry",
            text=reason.strip(),
            author=author,
            occurred_at=now,
            refers_to=item.key,
        )
        # The event first: a crash in between leaves the item to discard again, never a
        # discarded entry without its record.
        stored = self.outbox.put(
            OutgoingItem(
                key=event.idempotency_key,
                municipality=item.municipality,
                kind="event",
                client=item.client,
                label=item.label,
                payload=event_to_payload(event),
            ),
            now,
        )
        self.outbox.discard(item_id)
        self.sender.nudge()
        return stored

    def start(self) -> None:
        self.sender.start()

    def nudge(self, force: Iterable[str] = ()) -> None:
        self.sender.nudge(force)

    def flush(self, force: Iterable[str] = ()) -> FlushReport:
        """One flush in the calling thread (the headless command)."""
        return self.deliverer.flush(force=force)

    def stop(self) -> None:
        self.sender.stop()
