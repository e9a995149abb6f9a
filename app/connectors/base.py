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
from typing import ClassVar, Protocol, runtime_checkable

from app.connectors.errors import AuthenticationFailed, NotSupported
from app.domain.access import AccessEvent
from app.domain.author import Author
from app.domain.hetu import Hetu
from app.domain.model import (
    ClientRef,
    ClientSummary,
    DeliveryReceipt,
    DutyEntry,
    PersonDetails,
)
from app.domain.policy import SystemConfig


class Capability(Enum):
    FIND_CLIENT = "find_client"
    CLIENT_SUMMARY = "client_summary"
    RECORD_ENTRY = "record_entry"
    INTERNAL_MAIL = "internal_mail"
    HEALTH_PROBE = "health_probe"
    EVENT_LOG = "event_log"
    CHILD_WELFARE_NOTIFICATION = "child_welfare_notification"
    # Open a person as a new client (or one to identify, without an identity code).
    OPEN_CLIENT = "open_client"
    # Record a worker's use of client data in the registrar's access log.
    ACCESS_LOG = "access_log"


@dataclass(frozen=True)
class Credentials:
    """The worker's personal credentials for one municipality's system."""

    username: str
    secret: str = field(repr=False)


@runtime_checkable
class TokenSource(Protocol):
    """Bearer tokens of the worker's sign-in (oidc) to the system's organisation.

    Both may block (a refresh at the identity provider) and raise
    :class:`~app.connectors.errors.SignInRequired` when the worker has to sign in
    (again), or :class:`~app.connectors.errors.Unreachable` when the provider
    cannot be reached (the sign-in is kept).
    """

    def token(self) -> str:
        """A current access token."""
        ...

    def refused(self, token: str) -> None:
        """The system answered 401 to ``token``: renew it (one refresh at a time)."""
        ...


@dataclass(frozen=True)
class Negotiate:
    """The worker's own Kerberos session (HTTP Negotiate, :mod:`app.connectors.negotiate`):
    nothing is asked or stored; ``service_principal`` is the policy's, if it names one."""

    service_principal: str | None = None


# What a connector authenticates with: the worker's password for a legacy system
# (asked for, held in memory), bearer tokens of the organisation's sign-in, or the
# Kerberos session.
Access = Credentials | TokenSource | Negotiate


@dataclass(frozen=True)
class InternalMail:
    """A message to the municipality's office-hours worker inside the system.

    ``person`` is set when the person is not (known to be) a client of the system:
    the connector then opens the client first, as for a :class:`DutyEntry`.
    """

    hetu: Hetu
    recipient_unit: str
    subject: str
    body: str
    author: str
    idempotency_key: uuid.UUID = field(default_factory=uuid.uuid4)
    person: PersonDetails | None = None
    # Who saved it, as signed in (see DutyEntry.attribution). None: not known.
    attribution: Author | None = None

    def __repr__(self) -> str:
        return f"InternalMail(key={self.idempotency_key}, <redacted>)"


@dataclass(frozen=True)
class DutyEvent:
    """An event for the registrar's log about a client, e.g. an entry the worker discarded.

    ``kind`` is one of EVENT_KINDS; ``text`` is the worker's reason; ``refers_to`` is
    the idempotency key of the item the event is about. ``hetu`` is None when the
    item was about a person with no identity code (the system logs the event
    without a client; ``refers_to`` ties it to the item).
    """

    hetu: Hetu | None
    kind: str
    text: str
    author: str
    occurred_at: dt.datetime
    refers_to: uuid.UUID | None = None
    idempotency_key: uuid.UUID = field(default_factory=uuid.uuid4)
    # Who saved it, as signed in (see DutyEntry.attribution). None: not known.
    attribution: Author | None = None

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
    # Who saved it, as signed in (see DutyEntry.attribution). None: not known.
    attribution: Author | None = None

    def __post_init__(self) -> None:
        if self.received_at.tzinfo is None or self.received_at.utcoffset() is None:
            raise ValueError("received_at must carry its time zone")

    @property
    def child_name(self) -> str:
        return f"{self.child_last_name} {self.child_first_names}".strip()

    def __repr__(self) -> str:
        return f"ChildWelfareNotification(key={self.idempotency_key}, <redacted>)"


@dataclass(frozen=True)
class OpenedClient:
    """The client :meth:`ClientSystem.open_client` opened, or found already open.

    ``hetu`` is None for a person with no identity code: the system keeps the
    client marked for identification (``needs_identification``). ``created`` is
    False when the same key came again or the identity code was already a client.
    """

    system_id: str
    hetu: Hetu | None
    needs_identification: bool
    created: bool

    @property
    def ref(self) -> ClientRef | None:
        """A reference for :meth:`ClientSystem.client_summary`; None without a code."""
        return None if self.hetu is None else ClientRef(self.hetu, self.system_id)


def open_client_key(item_key: uuid.UUID) -> uuid.UUID:
    """The key under which an item (an entry, mail) opens its client.

    Derived, never random: every delivery attempt of the item opens the client
    under the same key, so a retry after a lost answer finds the client it
    opened instead of opening a second one.
    """
    return uuid.uuid5(item_key, "paivystys:open-client")


@dataclass(frozen=True)
class LimitExceeded:
    """A field longer than the system takes: ``field`` names it, ``length`` is its length."""

    field: str
    limit: int
    length: int


@dataclass(frozen=True)
class FieldLimits:
    """The longest text each field may have in one client system, in characters.

    A character is a Unicode code point, as Python's ``len`` counts it (Qt's
    ``QString.length()`` counts UTF-16 units: an emoji is one here and two there).
    The connector's training system enforces exactly these; the form counts and
    refuses beyond them, so that no item is refused by a system for a limit the
    app knew. ``None``: the system takes no such item (it lacks the capability).
    """

    narrative: int  # DutyEntry.narrative
    measures: int  # DutyEntry.measures
    # Every short text: DutyEntry.author; PersonDetails' names, nationality and
    # language; the notification's child's names and notifier; mail subject and unit.
    short_text: int
    person_description: int  # PersonDetails.description
    event_reason: int  # DutyEvent.text, the worker's reason for a discard
    mail_body: int | None = None  # InternalMail.body
    notification_text: int | None = None  # ChildWelfareNotification.what_happened

    def exceeded_by_entry(self, entry: DutyEntry) -> tuple[LimitExceeded, ...]:
        """Every field of ``entry`` (and of its person) that is over its limit."""
        texts = [
            ("narrative", entry.narrative, self.narrative),
            ("measures", entry.measures, self.measures),
            ("author", entry.author, self.short_text),
        ]
        if entry.person is not None:
            texts.extend(person_texts(entry.person, self))
        return _exceeded(texts)

    def exceeded_by_mail(self, mail: InternalMail) -> tuple[LimitExceeded, ...]:
        texts = [
            ("recipient_unit", mail.recipient_unit, self.short_text),
            ("subject", mail.subject, self.short_text),
            ("author", mail.author, self.short_text),
        ]
        if self.mail_body is not None:
            texts.append(("body", mail.body, self.mail_body))
        if mail.person is not None:
            texts.extend(person_texts(mail.person, self))
        return _exceeded(texts)

    def exceeded_by_notification(
        self, notification: ChildWelfareNotification
    ) -> tuple[LimitExceeded, ...]:
        texts = [
            (name, getattr(notification, name), self.short_text)
            for name in (
                "child_last_name",
                "child_first_names",
                "notifier_organisation",
                "notifier_person",
                "notifier_phone",
                "receiving_worker",
            )
        ]
        if self.notification_text is not None:
            texts.append(("what_happened", notification.what_happened, self.notification_text))
        return _exceeded(texts)


def person_texts(person: PersonDetails, limits: FieldLimits) -> list[tuple[str, str, int]]:
    """A person's texts with their limits, named ``person.<field>``."""
    return [
        ("person.last_name", person.last_name, limits.short_text),
        ("person.first_names", person.first_names, limits.short_text),
        ("person.nationality", person.nationality, limits.short_text),
        ("person.language", person.language, limits.short_text),
        ("person.description", person.description, limits.person_description),
    ]


def _exceeded(texts: list[tuple[str, str, int]]) -> tuple[LimitExceeded, ...]:
    return tuple(
        LimitExceeded(name, limit, len(text)) for name, text, limit in texts if len(text) > limit
    )


@dataclass(frozen=True)
class Health:
    """A successful probe: the system answered. Failures raise instead."""

    system_version: str
    checked_at: dt.datetime


class ClientSystem(abc.ABC):
    """One municipality's client information system.

    Subclasses set ``system_type`` (the policy's ``system.type``),
    ``capabilities`` and ``field_limits`` (data, read without a network call), and
    register themselves in :mod:`app.connectors.registry`.
    """

    system_type: ClassVar[str]
    capabilities: ClassVar[frozenset[Capability]]
    field_limits: ClassVar[FieldLimits]

    def __init__(self, config: SystemConfig, access: Access) -> None:
        self.config = config
        self.access = access

    @property
    def credentials(self) -> Credentials:
        """The password of a legacy sign-in; AuthenticationFailed for a token sign-in."""
        if not isinstance(self.access, Credentials):
            raise AuthenticationFailed("this system is not signed in to with a password")
        return self.access

    @property
    def tokens(self) -> TokenSource | None:
        """The token source of an oidc sign-in; None for a password or Kerberos one."""
        return None if isinstance(self.access, Credentials | Negotiate) else self.access

    @property
    def negotiates(self) -> bool:
        """Whether every request carries the worker's Kerberos ticket (Negotiate)."""
        return isinstance(self.access, Negotiate)

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
        """Deliver a duty entry. Repeating it with the same idempotency key is safe.

        An entry with ``person`` whose client the system does not know (or with no
        identity code at all) opens the client first, under
        :func:`open_client_key` of the entry's key: however often it is repeated,
        the system holds one client and one entry. Without ``person``, a client the
        system does not know is ``Rejected``.
        """

    def open_client(self, person: PersonDetails, hetu: Hetu | None, key: uuid.UUID) -> OpenedClient:
        """Open ``person`` as a client of the system; ``Capability.OPEN_CLIENT``.

        Idempotent under ``key``: the same key again returns the same client, never
        a second one (whatever details come with it), and an identity code that is
        already a client returns that client. Without ``hetu`` the system keeps the
        client marked for identification by the office-hours worker. Callers
        deliver items through :meth:`record_entry` and :meth:`send_mail`, which open
        the client themselves (under :func:`open_client_key` of the item's key).
        """
        raise NotSupported(f"{self.system_type} cannot open clients")

    def send_mail(self, mail: InternalMail) -> DeliveryReceipt:
        """Send internal mail; only systems with ``Capability.INTERNAL_MAIL`` override this."""
        raise NotSupported(f"{self.system_type} has no internal mail")

    def record_event(self, event: DutyEvent) -> DeliveryReceipt:
        """Record an event in the registrar's log; systems with ``Capability.EVENT_LOG``."""
        raise NotSupported(f"{self.system_type} has no event log")

    def record_access(self, event: AccessEvent) -> DeliveryReceipt:
        """Record a worker's use of client data in the registrar's access log; systems
        with ``Capability.ACCESS_LOG``. Repeating it with the same idempotency key is
        safe. The client need not be one of the system's: a search for a code the
        system does not know is an access too."""
        raise NotSupported(f"{self.system_type} has no access log")

    def send_notification(self, notification: ChildWelfareNotification) -> DeliveryReceipt:
        """Deliver a child welfare notification to the municipality's child protection;
        systems with ``Capability.CHILD_WELFARE_NOTIFICATION``. Repeating it with the
        same idempotency key is safe."""
        raise NotSupported(f"{self.system_type} takes no child welfare notifications")

    def close(self) -> None:  # noqa: B027 - optional hook
        """Release connections."""
