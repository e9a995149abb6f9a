"""Saving through the outbox and sending in the background: the app's one path out.

``save_entry`` commits the entry durably (write-ahead) and wakes the sender;
it returns once the entry is safe on disk, before any network attempt. The
sender delivers it at once when the system answers, later when it doesn't.
Qt-free: the GUI and the headless ``outbox flush`` use the same service.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable

from app.connectors.base import ChildWelfareNotification, DutyEvent, InternalMail
from app.domain.access import AccessAction, AccessEvent
from app.domain.author import Author
from app.domain.clock import Clock, local, utc_now
from app.domain.kinds import ItemKind
from app.domain.model import DutyEntry
from app.services.followup.items import FaxItem, fax_to_payload
from app.services.outbox.access_codec import access_client, access_to_payload
from app.services.outbox.codec import (
    client_hetu,
    entry_label,
    entry_to_payload,
    event_to_payload,
    item_client,
    item_label,
    mail_to_payload,
    notification_to_payload,
)
from app.services.outbox.delivery import Deliverer, DeliveryEvent, FlushReport, MaySend
from app.services.outbox.lanes import OutboxSender
from app.services.outbox.store import ItemNotFound, ItemState, Outbox, OutgoingItem, StoredItem
from app.services.workstation import Workstation

# The event that records the worker's discard of an item of each kind. An event
# itself is not discarded (it is the record); a fax is completed by hand.
DISCARD_EVENTS = {
    ItemKind.ENTRY: "discarded_entry",
    ItemKind.MAIL: "discarded_mail",
    ItemKind.NOTIFICATION: "discarded_notification",
}

# An access event's label (helpdesk sees it; the worker's view leaves access events out).
ACCESS_WORDS = {
    AccessAction.SEARCH: "käyttö: haku",
    AccessAction.VIEW: "käyttö: katselu",
    AccessAction.ENTRY: "käyttö: kirjaus",
    AccessAction.NOTIFICATION: "käyttö: ilmoitus",
    AccessAction.PRINT: "käyttö: tulostus",
    AccessAction.HANDOFF: "käyttö: siirto",
}


class SendingService:
    def __init__(
        self,
        outbox: Outbox,
        workstation: Workstation,
        *,
        on_event: Callable[[DeliveryEvent], None] | None = None,
        skip: Callable[[str], bool] | None = None,
        may_send: MaySend | None = None,
        clock: Clock = utc_now,
        poll: float = 5.0,
    ) -> None:
        """``may_send`` says which items may go now (default: every one); the others
        wait untouched until it allows them (:class:`Deliverer`)."""
        self.outbox = outbox
        self.workstation = workstation
        self.clock = clock
        self.deliverer = Deliverer(
            outbox, workstation.send_item, clock=clock, on_event=on_event, may_send=may_send
        )
        self.sender = OutboxSender(self.deliverer, skip=skip, poll=poll)

    def save_entry(
        self,
        code: str,
        entry: DutyEntry,
        *,
        saved_by: Author,
        first_names: str | None = None,
        last_name: str | None = None,
        draft_key: uuid.UUID | None = None,
    ) -> StoredItem:
        """Commit the entry durably, then have it sent. Raises OutboxError when it could
        not be stored: then nothing was stored, and the caller keeps the text.

        ``saved_by``: the worker as signed in to the municipality's organisation now
        (``AppContext.author(code)``), recorded with the item; every save takes it.
        ``draft_key``: the form's draft, deleted in the same commit (see ``Outbox.put``)."""
        item = self.outbox.put(
            OutgoingItem(
                key=entry.idempotency_key,
                municipality=code,
                kind=ItemKind.ENTRY,
                client=item_client(entry),
                label=entry_label(entry, first_names=first_names, last_name=last_name),
                payload=entry_to_payload(entry),
                destination=self.workstation.destination(code),
                author=_author(saved_by),
            ),
            self.clock(),
            draft_key=draft_key,
        )
        self.sender.nudge(municipalities=[code])
        return item

    def save_mail(
        self,
        code: str,
        mail: InternalMail,
        label: str,
        *,
        saved_by: Author,
        draft_key: uuid.UUID | None = None,
    ) -> StoredItem:
        """Commit internal mail to the office-hours unit durably, then have it sent."""
        item = OutgoingItem(
            mail.idempotency_key,
            code,
            ItemKind.MAIL,
            mail.hetu.value,
            label,
            mail_to_payload(mail),
            self.workstation.destination(code),
            _author(saved_by),
        )
        return self._save(item, draft_key)

    def save_notification(
        self,
        code: str,
        notification: ChildWelfareNotification,
        label: str,
        *,
        saved_by: Author,
        draft_key: uuid.UUID | None = None,
    ) -> StoredItem:
        """Commit a child welfare notification durably, then have it sent."""
        item = OutgoingItem(
            notification.idempotency_key,
            code,
            ItemKind.NOTIFICATION,
            notification.child_hetu.value,
            label,
            notification_to_payload(notification),
            self.workstation.destination(code),
            _author(saved_by),
        )
        return self._save(item, draft_key)

    def save_fax(
        self,
        code: str,
        fax: FaxItem,
        label: str,
        *,
        saved_by: Author,
        draft_key: uuid.UUID | None = None,
    ) -> StoredItem:
        """Commit a fax durably as a manual item: the worker sends it, never the sender."""
        item = OutgoingItem(
            fax.idempotency_key,
            code,
            ItemKind.FAX,
            fax.hetu.value,
            label,
            fax_to_payload(fax),
            self.workstation.destination(code),
            _author(saved_by),
        )
        return self.outbox.put(item, self.clock(), ItemState.MANUAL, draft_key=draft_key)

    def save_access(self, event: AccessEvent) -> StoredItem:
        """Commit an access event for the registrar's access log durably, then have it
        sent. It waits, is retried and is delivered like any item, but it is not the
        worker's work: the worker's counts and lists leave it out."""
        zone = self.workstation.policy.zone
        item = OutgoingItem(
            event.idempotency_key,
            event.municipality,
            ItemKind.ACCESS,
            access_client(event),
            item_label(event.hetu, ACCESS_WORDS[event.action], local(event.occurred_at, zone)),
            access_to_payload(event),
            self.workstation.destination(event.municipality),
        )
        return self._save(item)

    def mark_done(self, item_id: int) -> StoredItem:
        """The worker sent a manual item by hand (faxed and phoned): it leaves the outbox."""
        return self.outbox.mark_done(item_id)

    def _save(self, item: OutgoingItem, draft_key: uuid.UUID | None = None) -> StoredItem:
        stored = self.outbox.put(item, self.clock(), draft_key=draft_key)
        self.sender.nudge(municipalities=[item.municipality])
        return stored

    def correct_entry(self, item_id: int, entry: DutyEntry, label: str) -> StoredItem:
        """The worker corrected an entry that needed attention: send the new content.

        The key stays: the system refused the earlier content, so it holds nothing
        under that key.
        """
        payload = entry_to_payload(entry)
        return self._correct(item_id, ItemKind.ENTRY, entry.idempotency_key, payload, label)

    def correct_mail(self, item_id: int, mail: InternalMail, label: str) -> StoredItem:
        """The worker corrected a message the office-hours unit's system refused."""
        payload = mail_to_payload(mail)
        return self._correct(item_id, ItemKind.MAIL, mail.idempotency_key, payload, label)

    def correct_notification(
        self, item_id: int, notification: ChildWelfareNotification, label: str
    ) -> StoredItem:
        """The worker corrected a child welfare notification the system refused."""
        payload = notification_to_payload(notification)
        return self._correct(
            item_id, ItemKind.NOTIFICATION, notification.idempotency_key, payload, label
        )

    def _correct(
        self, item_id: int, kind: ItemKind, key: uuid.UUID, payload: bytes, label: str
    ) -> StoredItem:
        item = self.outbox.get(item_id)
        if item is None:
            raise ItemNotFound(f"item {item_id} is no longer in the outbox")
        if item.kind is not kind or item.key != key:
            raise ValueError("the correction is not of this item")
        corrected = self.outbox.correct(item_id, payload, label, self.clock())
        self.sender.nudge(municipalities=[corrected.municipality])
        return corrected

    def discard(self, item_id: int, reason: str, saved_by: Author) -> StoredItem:
        """The worker discards an item that needs attention, with a reason.

        The discard is itself recorded: an event item for the registrar's log
        goes out through the outbox like anything else, its author the worker who
        discarded (``saved_by``, as for a save).
        """
        if not reason.strip():
            raise ValueError("a discard needs a reason")
        now = self.clock()
        item = self.outbox.get(item_id)
        if item is None:
            raise ItemNotFound(f"item {item_id} is no longer in the outbox")
        event_kind = DISCARD_EVENTS.get(item.kind)
        if event_kind is None:
            raise ValueError(f"an item of kind '{item.kind}' is not discarded this way")
        event = DutyEvent(
            # None for a person with no identity code: the system logs it without a
            # client, tied to the discarded item by refers_to.
            hetu=client_hetu(item.client),
            kind=event_kind,
            text=reason.strip(),
            author=_author(saved_by).worker_name,
            occurred_at=now,
            refers_to=item.key,
        )
        # The event first: a crash in between leaves the item to discard again, never a
        # discarded item without its record.
        stored = self.outbox.put(
            OutgoingItem(
                key=event.idempotency_key,
                municipality=item.municipality,
                kind=ItemKind.EVENT,
                client=item.client,
                label=item.label,
                payload=event_to_payload(event),
                # The record goes where the policy now says, like anything saved now.
                destination=self.workstation.destination(item.municipality),
                author=saved_by,
            ),
            now,
        )
        self.outbox.discard(item_id)
        self.sender.nudge(municipalities=[stored.municipality])
        return stored

    def confirm_destination(self, code: str) -> int:
        """A person confirmed that municipality ``code``'s items go where the policy now
        says: every item bound elsewhere is bound to it, those held for it wait again
        (forced: at once). The number of items rebound."""
        count = self.outbox.rebind(code, self.workstation.destination(code), self.clock())
        self.sender.nudge(force=[code])
        return count

    def remove_refused_event(self, item_id: int) -> StoredItem:
        """Take out the record of a discard that the system refused; nothing more is sent.

        It happens when the system does not know the client (as it did not for the
        discarded item): it holds nothing about that item to add the record to, and
        a new record would be refused the same way. Only an event needing attention
        is removed this way.
        """
        item = self.outbox.get(item_id)
        if item is None:
            raise ItemNotFound(f"item {item_id} is no longer in the outbox")
        if item.kind is not ItemKind.EVENT or item.state is not ItemState.ATTENTION:
            raise ValueError("only a refused event is removed this way")
        return self.outbox.discard(item_id)

    def start(self) -> None:
        self.sender.start()

    def nudge(self, force: Iterable[str] = ()) -> None:
        """Deliver now (in ``force`` only, ignoring the backoff there, when given)."""
        self.sender.nudge(force)

    def flush(self, force: Iterable[str] = ()) -> FlushReport:
        """One flush of every municipality, in the calling thread (the headless command);
        those another sender has are left to it (``FlushReport.busy``)."""
        return self.deliverer.flush(force=force)

    def stop(self) -> None:
        self.sender.stop()


def _author(author: Author) -> Author:
    """Every save names its author: a missing one is a bug, never an unknown author."""
    if not isinstance(author, Author):
        raise TypeError("saved_by must be the Author of the item")
    return author
