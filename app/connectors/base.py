"""The Qt-free interface every client-system connector implements.

A connector declares what it can do in ``capabilities``; callers decide by
capability, never by the system's name (only some systems have internal mail).
Every method may block on the network and must be called off the GUI thread;
each raises only :mod:`app.connectors.errors` types.
"""

from __future__ import annotations

import abc
import datetime as dt
import uuid
from dataclasses import dataclass, field
from enum import Enum, StrEnum
from typing import ClassVar

from app.connectors.errors import NotSupported
from app.services.hetu import Hetu
from app.services.model import ClientRef, ClientSummary, DeliveryReceipt, DutyEntry
from app.services.policy import SystemConfig


class Capability(Enum):
    FIND_CLIENT = "find_client"
    CLIENT_SUMMARY = "client_summary"
    RECORD_ENTRY = "record_entry"
    INTERNAL_MAIL = "internal_mail"
    HEALTH_PROBE = "health_probe"
    EVENT_LOG = "event_log"
    CHILD_WELFARE_NOTIFICATION = "child_welfare_notification"


@dataclass(frozen=True)
class Credentials:
    """The worker's personal credentials for one municipality's system."""

    username: str
    secret: str = field(repr=False)


@dataclass(frozen=True)
class InternalMail:
    """A message to the municipality's office-hours worker inside the system."""

    hetu: Hetu
    recipient_unit: str
    subject: str
    body: str
    author: str
    idempotency_key: uuid.UUID = field(default_factory=uuid.uuid4)

    def __repr__(self) -> str:
        return f"InternalMail(key={self.idempotency_key}, <redacted>)"


@dataclass(frozen=True)
class DutyEvent:
    """An event for the registrar's log about a client, e.g. an entry the worker discarded.

    ``kind`` is one of EVENT_KINDS; ``text`` is the worker's reason; ``refers_to`` is
    the idempotency key of the item the event is about.
    """

    hetu: Hetu
    kind: str
    text: str
    author: str
    occurred_at: dt.datetime
    refers_to: uuid.UUID | None = None
    idempotency_key: uuid.UUID = field(default_factory=uuid.uuid4)

    def __repr__(self) -> str:
        return f"DutyEvent(key={self.idempotency_key}, kind={self.kind}, <redacted>)"


# The worker discarded an outbox item the system refused: an entry, a message to the
# office-hours unit, or a child welfare notification.
EVENT_KINDS = ("discarded_entry", "discarded_mail", "discarded_notification")


class NotificationUrgency(StrEnum):
    """The urgency of a child welfare notification as assessed on receipt."""

    URGENT = "urgent"
    NOT_URGENT = "not_urgent"


@dataclass(frozen=True)
class ChildWelfareNotification:
    """A child welfare notification (lastensuojeluilmoitus, Lastensuojelulaki 25 §).

    The duty received it (mostly from the police) and forwards it to the child
    protection of the child's home municipality. ``received_at`` carries its
    time zone; ``idempotency_key`` is made once, when it is first saved.
    """

    child_hetu: Hetu
    child_last_name: str
    child_first_names: str
    notifier_organisation: str
    notifier_person: str
    notifier_phone: str
    what_happened: str
    urgency: NotificationUrgency
    # None: not known. A notification is a legal document: "not known" must not be
    # recorded as "not told".
    child_informed: bool | None
    guardians_informed: bool | None
    received_at: dt.datetime
    receiving_worker: str
    idempotency_key: uuid.UUID = field(default_factory=uuid.uuid4)

    def __post_init__(self) -> None:
        if self.received_at.tzinfo is None or self.received_at.utcoffset() is None:
            raise ValueError("received_at must carry its time zone")

    @property
    def child_name(self) -> str:
        return f"{self.child_last_name} {self.child_first_names}".strip()

    def __repr__(self) -> str:
        return f"ChildWelfareNotification(key={self.idempotency_key}, <redacted>)"


@dataclass(frozen=True)
class Health:
    """A successful probe: the system answered. Failures raise instead."""

    system_version: str
    checked_at: dt.datetime


class ClientSystem(abc.ABC):
    """One municipality's client information system.

    Subclasses set ``system_type`` (the policy's ``system.type``) and
    ``capabilities``, and register themselves in :mod:`app.connectors.registry`.
    """

    system_type: ClassVar[str]
    capabilities: ClassVar[frozenset[Capability]]

    def __init__(self, config: SystemConfig, credentials: Credentials) -> None:
        self.config = config
        self.credentials = credentials

    def supports(self, capability: Capability) -> bool:
        return capability in self.capabilities

    @abc.abstractmethod
    def probe(self) -> Health:
        """Check that the system answers. Needs no credentials."""

    @abc.abstractmethod
    def find_client(self, hetu: Hetu) -> ClientRef | None:
        """Look a client up by identity code; None when the system has no such client."""

    @abc.abstractmethod
    def client_summary(self, ref: ClientRef) -> ClientSummary:
        """What the duty needs to know about the client."""

    @abc.abstractmethod
    def record_entry(self, entry: DutyEntry) -> DeliveryReceipt:
        """Deliver a duty entry. Repeating it with the same idempotency key is safe."""

    def send_mail(self, mail: InternalMail) -> DeliveryReceipt:
        """Send internal mail; only systems with ``Capability.INTERNAL_MAIL`` override this."""
        raise NotSupported(f"{self.system_type} has no internal mail")

    def record_event(self, event: DutyEvent) -> DeliveryReceipt:
        """Record an event in the registrar's log; systems with ``Capability.EVENT_LOG``."""
        raise NotSupported(f"{self.system_type} has no event log")

    def send_notification(self, notification: ChildWelfareNotification) -> DeliveryReceipt:
        """Deliver a child welfare notification to the municipality's child protection;
        systems with ``Capability.CHILD_WELFARE_NOTIFICATION``. Repeating it with the
        same idempotency key is safe."""
        raise NotSupported(f"{self.system_type} takes no child welfare notifications")

    def close(self) -> None:  # noqa: B027 - optional hook
        """Release connections."""
