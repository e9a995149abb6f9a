"""The duty workstation's services for one session, Qt-free.

Everything here may block on the network: the UI calls it from background
tasks only. Connectors are created lazily, one per municipality, when first
used; each authenticates with what ``access_for`` gives for its municipality
(the worker's sign-in, :mod:`app.services.auth.signins`). A connector whose
sign-in changes is dropped (:meth:`Workstation.forget`) and made again.
"""

from __future__ import annotations

import contextlib
import dataclasses
import threading
import uuid
from collections.abc import Callable, Iterator
from typing import assert_never

from app.connectors import errors
from app.connectors.base import Access, Capability, ClientSystem, FieldLimits, Health
from app.connectors.registry import create_connector
from app.domain.hetu import Hetu
from app.domain.kinds import ItemKind
from app.domain.model import ClientSummary, DeliveryReceipt, DutyEntry
from app.domain.policy import Municipality, Policy
from app.services.outbox.access_codec import access_from_payload
from app.services.outbox.codec import (
    entry_from_payload,
    event_from_payload,
    mail_from_payload,
    notification_from_payload,
)
from app.services.outbox.store import StoredItem


class _NotSignedIn:
    """The access of a probe made before the worker signs in: anything that would need
    a sign-in says so (SignInRequired), and nothing is sent with it."""

    def token(self) -> str:
        raise errors.SignInRequired("not signed in")

    def refused(self, token: str) -> None:
        raise errors.SignInRequired("not signed in")


class Workstation:
    def __init__(
        self,
        policy: Policy,
        access_for: Callable[[Municipality], Access],
        connector_factory: Callable[[Municipality, Access], ClientSystem] | None = None,
        *,
        on_refused: Callable[[str], None] | None = None,
    ) -> None:
        self.policy = policy
        self._access_for = access_for
        self._factory = connector_factory or (
            lambda municipality, access: create_connector(municipality.system, access)
        )
        # Told the municipality code when its system refused the worker's sign-in.
        self._on_refused = on_refused
        self._connectors: dict[str, ClientSystem] = {}
        self._lock = threading.Lock()

    def connector(self, code: str) -> ClientSystem:
        with self._lock:
            connector = self._connectors.get(code)
            if connector is None:
                municipality = self.policy.municipality(code)
                connector = self._factory(municipality, self._access_for(municipality))
                self._connectors[code] = connector
            return connector

    def forget(self, code: str) -> None:
        """Drop municipality ``code``'s connector (its sign-in changed): made anew on use."""
        with self._lock:
            connector = self._connectors.pop(code, None)
        if connector is not None:
            connector.close()

    def supports(self, code: str, capability: Capability) -> bool:
        """Whether municipality ``code``'s connector declares ``capability`` (no network)."""
        return self.connector(code).supports(capability)

    def field_limits(self, code: str) -> FieldLimits:
        """The longest text each field may have in municipality ``code``'s system.

        Declared by the connector as data: no network call, safe on the GUI thread.
        """
        return self.connector(code).field_limits

    def destination(self, code: str) -> str:
        """Where municipality ``code``'s items are bound to go (:meth:`Policy.destination`)."""
        return self.policy.destination(code)

    def probe(self, code: str) -> Health:
        """Whether municipality ``code``'s system answers. A probe needs no credentials:
        before anyone has signed in there, it goes through a connector of its own that
        cannot send anything that needs a sign-in (helpdesk's ``doctor`` on a fresh
        workstation must tell an unreachable system from one nobody has signed in to)."""
        try:
            connector = self.connector(code)
        except errors.SignInRequired:
            municipality = self.policy.municipality(code)
            connector = self._factory(municipality, _NotSignedIn())
            try:
                return connector.probe()
            finally:
                connector.close()
        return connector.probe()

    def lookup(self, code: str, hetu: Hetu) -> ClientSummary | None:
        """The client's summary in municipality ``code``; None when not a client there."""
        with self._refusals(code):
            connector = self.connector(code)
            ref = connector.find_client(hetu)
            if ref is None:
                return None
            return connector.client_summary(ref)

    @contextlib.contextmanager
    def _refusals(self, code: str) -> Iterator[None]:
        try:
            yield
        except errors.AuthenticationFailed:
            # Made anew with the next sign-in: a password is not kept past a refusal.
            self.forget(code)
            if self._on_refused is not None:
                self._on_refused(code)
            raise

    def deliver_entry(self, code: str, entry: DutyEntry) -> DeliveryReceipt:
        """Deliver an entry to the municipality's system, now. Only the outbox's
        sender calls this; everyone else saves through the outbox."""
        return self.connector(code).record_entry(entry)

    def send_item(self, item: StoredItem) -> DeliveryReceipt:
        """Deliver one outbox item from its stored bytes (so every retry sends the same).

        The item's author (recorded when it was saved) goes with it as the record's
        ``attribution``: whoever is signed in now only authorises the sending.
        Raises ValueError when the stored payload cannot be read back, or for a fax;
        DestinationChanged, before any connection, when the item was saved for another
        destination than the policy now names (:meth:`destination`).
        """
        with self._refusals(item.municipality):
            return self._send_item(item)

    def _send_item(self, item: StoredItem) -> DeliveryReceipt:
        if item.destination:
            now_bound = self.destination(item.municipality)
            if item.destination != now_bound:
                raise errors.DestinationChanged(
                    f"saved for {item.destination}; the policy now names {now_bound}"
                )
        match item.kind:
            case ItemKind.ENTRY:
                entry = dataclasses.replace(
                    entry_from_payload(item.payload), attribution=item.author
                )
                _same_key(entry.idempotency_key, item)
                return self.deliver_entry(item.municipality, entry)
            case ItemKind.EVENT:
                event = dataclasses.replace(
                    event_from_payload(item.payload), attribution=item.author
                )
                _same_key(event.idempotency_key, item)
                return self.connector(item.municipality).record_event(event)
            case ItemKind.MAIL:
                mail = dataclasses.replace(mail_from_payload(item.payload), attribution=item.author)
                _same_key(mail.idempotency_key, item)
                return self.connector(item.municipality).send_mail(mail)
            case ItemKind.NOTIFICATION:
                notification = dataclasses.replace(
                    notification_from_payload(item.payload), attribution=item.author
                )
                _same_key(notification.idempotency_key, item)
                return self.connector(item.municipality).send_notification(notification)
            case ItemKind.ACCESS:
                access = access_from_payload(item.payload)
                _same_key(access.idempotency_key, item)
                if access.municipality != item.municipality:
                    raise ValueError("payload municipality differs from the item's")
                return self.connector(item.municipality).record_access(access)
            case ItemKind.FAX:
                # A manual item: the worker sends it, never the sender.
                raise ValueError("a fax is sent by hand")
            case _:
                assert_never(item.kind)

    def close(self) -> None:
        with self._lock:
            connectors, self._connectors = self._connectors, {}
        for connector in connectors.values():
            connector.close()


def _same_key(key: uuid.UUID, item: StoredItem) -> None:
    if key != item.key:
        raise ValueError("payload key differs from the item's key")
