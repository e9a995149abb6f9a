"""Forwarding a child welfare notification to the child's home municipality (Qt-free).

Lastensuojelulaki 25 §: the police and others notify without delay; the duty
receives the notification and forwards it to the child protection of the child's
home municipality. Decided by the connector's declared capability: with
``Capability.CHILD_WELFARE_NOTIFICATION`` an outbox item of kind
``ItemKind.NOTIFICATION`` that the sender delivers; without it a manual fax item to the
municipality's office-hours fax, printed with :func:`app.services.followup.handoff.render_fax`
and marked sent by the worker, like a handoff.
"""

from __future__ import annotations

import datetime as dt
import uuid

from app.connectors.base import Capability, ChildWelfareNotification
from app.domain import clock
from app.domain.author import Author
from app.services.followup.items import (
    Channel,
    FaxItem,
    FaxRecipient,
    municipality_of,
    notification_label,
)
from app.services.outbox.sending import SendingService
from app.services.outbox.store import StoredItem
from app.services.workstation import Workstation


class InvalidNotification(ValueError):
    """A notification that cannot be forwarded; ``field`` names the form's field."""

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"{field}: {problem}")
        self.field = field
        self.problem = problem


def validate_notification(notification: ChildWelfareNotification, zone: dt.tzinfo) -> None:
    """Raise :class:`InvalidNotification` naming the first field at fault.

    The child must be under 18 on the day (in ``zone``, the policy's) the duty received
    the notification; what happened, the notifier's organisation and the receiving
    worker must be given.
    """
    received_on = clock.local(notification.received_at, zone).date()
    if not notification.child_hetu.is_child_on(received_on):
        raise InvalidNotification("child_hetu", "the child must be under 18 when notified")
    for field, value, problem in (
        ("what_happened", notification.what_happened, "what happened must be described"),
        ("notifier_organisation", notification.notifier_organisation, "missing"),
        ("receiving_worker", notification.receiving_worker, "missing"),
    ):
        if not value.strip():
            raise InvalidNotification(field, problem)


class NotificationService:
    def __init__(self, sending: SendingService, workstation: Workstation) -> None:
        self.sending = sending
        self.workstation = workstation

    def channel(self, code: str) -> Channel:
        """How a notification to municipality ``code`` goes: the system or fax."""
        if self.workstation.supports(code, Capability.CHILD_WELFARE_NOTIFICATION):
            return Channel.SYSTEM
        return Channel.FAX

    def forward(
        self,
        code: str,
        notification: ChildWelfareNotification,
        *,
        saved_by: Author,
        draft_key: uuid.UUID | None = None,
    ) -> StoredItem:
        """Save the notification for municipality ``code`` (the child's home municipality).

        The notification's idempotency key is the item's: forwarding it again returns
        the item already saved. ``saved_by``: the worker as signed in to the
        municipality's organisation, recorded with the item. ``draft_key`` names the
        form's draft, deleted in the same commit as the notification or its fax.
        Raises InvalidNotification (a ValueError naming the field) and OutboxError
        when nothing could be stored.
        """
        policy = self.workstation.policy
        municipality = municipality_of(policy, code)
        validate_notification(notification, policy.zone)
        label = notification_label(notification, policy.zone)
        if self.channel(code) is Channel.SYSTEM:
            return self.sending.save_notification(
                code, notification, label, saved_by=saved_by, draft_key=draft_key
            )
        fax = FaxItem(
            FaxRecipient.of(municipality),
            self.sending.clock(),
            notification.idempotency_key,
            notification=notification,
        )
        return self.sending.save_fax(code, fax, label, saved_by=saved_by, draft_key=draft_key)
