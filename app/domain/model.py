"""The one consistent model the UI sees, whatever the client system.

Connectors translate their system's vocabulary into these types. A client
summary under address non-disclosure (turvakielto) carries no address at all:
the connector drops it, so no later layer can show or print it by mistake.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from enum import StrEnum

from app.domain.author import Author
from app.domain.hetu import Hetu


class ContactChannel(StrEnum):
    """Who contacted the duty."""

    EMERGENCY_112 = "112"
    POLICE = "police"
    CLIENT = "client"
    AUTHORITY = "authority"
    OTHER = "other"


class TaskType(StrEnum):
    CHILD_PROTECTION = "child_protection"
    ADULT_SOCIAL_WORK = "adult_social_work"
    # Present so that it can be refused with an explanation: the duty does not
    # handle income support (toimeentulotuki).
    INCOME_SUPPORT = "income_support"


HANDLED_TASK_TYPES = (TaskType.CHILD_PROTECTION, TaskType.ADULT_SOCIAL_WORK)


@dataclass(frozen=True)
class Address:
    street: str
    postal_code: str
    city: str


@dataclass(frozen=True)
class RelatedPerson:
    """A guardian of the client, or a child the client is guardian of."""

    name: str
    hetu: Hetu | None = None
    phone: str | None = None


@dataclass(frozen=True)
class CarePlan:
    """Care plan or client plan (huoltosuunnitelma / asiakassuunnitelma)."""

    title: str
    summary: str
    updated: dt.date | None = None


@dataclass(frozen=True)
class Worker:
    """The client's responsible social worker in the municipality."""

    name: str
    phone: str | None = None


@dataclass(frozen=True)
class ClientRef:
    """What a search returns: enough to fetch the summary, nothing more."""

    hetu: Hetu
    system_id: str


@dataclass(frozen=True)
class ClientSummary:
    ref: ClientRef
    last_name: str
    first_names: str
    non_disclosure: bool
    address: Address | None
    guardians: tuple[RelatedPerson, ...] = ()
    children: tuple[RelatedPerson, ...] = ()
    care_plan: CarePlan | None = None
    responsible_worker: Worker | None = None

    def __post_init__(self) -> None:
        if self.non_disclosure and self.address is not None:
            raise ValueError("a client under address non-disclosure must carry no address")

    @property
    def hetu(self) -> Hetu:
        return self.ref.hetu

    @property
    def full_name(self) -> str:
        return f"{self.last_name} {self.first_names}"

    def __repr__(self) -> str:
        return "ClientSummary(<redacted>)"


@dataclass(frozen=True, repr=False)
class PersonDetails:
    """A person the municipality's system does not (yet) know as a client.

    With an identity code: what the population register gave (name, address unless
    non-disclosed). Without one: what the worker was told, for the office-hours
    worker to identify the person. ``address`` is None under address non-disclosure
    or when not known.
    """

    last_name: str
    first_names: str
    birth_date: dt.date | None = None
    address: Address | None = None
    non_disclosure: bool = False
    nationality: str = ""
    language: str = ""
    description: str = ""

    def __post_init__(self) -> None:
        if self.non_disclosure and self.address is not None:
            raise ValueError("a person under address non-disclosure must carry no address")
        if not (self.last_name.strip() or self.first_names.strip()):
            raise ValueError("a person needs a name")

    @property
    def full_name(self) -> str:
        return f"{self.last_name} {self.first_names}".strip()

    def __repr__(self) -> str:
        return "PersonDetails(<redacted>)"


@dataclass(frozen=True)
class DutyEntry:
    """A duty entry (kirjaus) for the client's record in the home municipality.

    ``idempotency_key`` is made once, when the entry is first saved, and sent
    with every delivery attempt so that the system stores it only once.

    ``person`` is set when the client is not (known to be) a client of the
    municipality's system: the connector opens the client with those details
    (idempotently, under the entry's key) before recording the entry. An entry
    with no ``hetu`` is about a person with no Finnish identity code: ``person``
    is then required, and the entry is marked for identification.
    """

    hetu: Hetu | None
    contact_time: dt.datetime
    contact_channel: ContactChannel
    task_type: TaskType
    narrative: str
    measures: str
    follow_up_needed: bool
    author: str
    client_system_id: str | None = None
    idempotency_key: uuid.UUID = field(default_factory=uuid.uuid4)
    person: PersonDetails | None = None
    # The worker as signed in when the entry was saved (the outbox's record of it,
    # attached when it is sent; not part of the stored payload). None: not known.
    attribution: Author | None = None

    def __post_init__(self) -> None:
        if self.contact_time.tzinfo is None:
            raise ValueError("contact_time must carry its time zone")
        if self.hetu is None and self.person is None:
            raise ValueError("an entry names its client by identity code or by person details")

    @property
    def needs_identification(self) -> bool:
        """No Finnish identity code: the office-hours worker must identify the person."""
        return self.hetu is None

    def __repr__(self) -> str:
        return f"DutyEntry(key={self.idempotency_key}, <redacted>)"


@dataclass(frozen=True)
class DeliveryReceipt:
    """The client system's confirmation that it holds the item."""

    system_record_id: str
    already_recorded: bool = False
