"""What a duty case leaves for the office-hours worker: handoffs and notifications.

Qt-free, shared by :mod:`app.services.followup.handoff` and
:mod:`app.services.followup.notification`.
Everything goes through the outbox. Where the municipality's connector has the
capability, an item is delivered by the sender like an entry (``ItemKind.MAIL`` or
``ItemKind.NOTIFICATION``); where it hasn't, a *manual* ``ItemKind.FAX`` item holds what the
fax sheet and the phone-call note need, and stays until the worker marks it sent.

A fax payload holds the recipient as the policy named it when the item was saved,
and the case; the address of a client under non-disclosure (turvakielto) is never
in it: writing refuses it and reading refuses a payload that has it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, TypeVar

from app.connectors.base import ChildWelfareNotification
from app.domain import clock
from app.domain.hetu import Hetu
from app.domain.kinds import ItemKind
from app.domain.model import Address, Worker
from app.domain.policy import Municipality, Policy
from app.services.outbox import codec
from app.services.outbox.store import ItemState, Outbox, StoredItem

HANDOFF_SUBJECT = "Sosiaalipäivystyksen jatkotoimet"
HANDOFF_WORD = "jatkotoimet"
NOTIFICATION_WORD = "lastensuojeluilmoitus"
FOLLOW_UP_HEADING = "Tarvittavat jatkotoimet:"
# The outbox kinds of this module's items.
FOLLOW_UP_KINDS = frozenset({ItemKind.MAIL, ItemKind.NOTIFICATION, ItemKind.FAX})


class Channel(StrEnum):
    """How an item reaches the municipality."""

    INTERNAL_MAIL = "internal_mail"  # the system's internal mail, by the sender
    SYSTEM = "system"  # the system's own interface, by the sender
    FAX = "fax"  # printed and faxed (and phoned) by the worker: a manual item


class FaxDocument(StrEnum):
    HANDOFF = "handoff"
    NOTIFICATION = "notification"


@dataclass(frozen=True)
class FaxRecipient:
    """The municipality's office-hours unit, as the policy named it when the item was saved."""

    municipality: str
    municipality_name: str
    unit: str
    phone: str
    fax: str | None

    @classmethod
    def of(cls, municipality: Municipality) -> FaxRecipient:
        office = municipality.office_hours
        return cls(municipality.code, municipality.name_fi, office.unit, office.phone, office.fax)


@dataclass(frozen=True)
class Handoff:
    """A case handed over to the office-hours worker: the fax sheet's content.

    The name is None when the worker handed over by identity code alone. Under
    non-disclosure there is no address.
    """

    hetu: Hetu
    last_name: str | None
    first_names: str | None
    non_disclosure: bool
    address: Address | None
    responsible_worker: Worker | None
    text: str
    follow_up: str
    author: str

    def __post_init__(self) -> None:
        if self.non_disclosure and self.address is not None:
            raise ValueError("address: a client under non-disclosure must carry no address")

    def __repr__(self) -> str:
        return "Handoff(<redacted>)"


@dataclass(frozen=True)
class FaxItem:
    """The payload of a manual ``ItemKind.FAX`` item: one handoff or one notification."""

    recipient: FaxRecipient
    created: dt.datetime
    idempotency_key: uuid.UUID
    handoff: Handoff | None = None
    notification: ChildWelfareNotification | None = None

    def __post_init__(self) -> None:
        if (self.handoff is None) == (self.notification is None):
            raise ValueError("a fax carries either a handoff or a notification")
        if self.created.tzinfo is None or self.created.utcoffset() is None:
            raise ValueError("created must carry its time zone")

    @property
    def document(self) -> FaxDocument:
        return FaxDocument.HANDOFF if self.handoff is not None else FaxDocument.NOTIFICATION

    @property
    def hetu(self) -> Hetu:
        if self.handoff is not None:
            return self.handoff.hetu
        assert self.notification is not None
        return self.notification.child_hetu

    def __repr__(self) -> str:
        return f"FaxItem(key={self.idempotency_key}, document={self.document.value}, <redacted>)"


@dataclass(frozen=True)
class OpenHandoff:
    """One line of the end-of-shift list: least client data (the item's label)."""

    item_id: int
    key: uuid.UUID
    municipality: str
    document: FaxDocument | None  # None: a fax whose payload cannot be read
    channel: Channel
    state: ItemState
    label: str
    created: dt.datetime
    last_error: str | None
    fax: str | None = None  # where a fax goes, and whom to call
    phone: str | None = None


def open_handoffs(
    outbox: Outbox, shows: Callable[[StoredItem], bool] | None = None
) -> list[OpenHandoff]:
    """What is still open: mail and notifications not yet delivered, faxes not yet
    marked sent; in the order saved. ``shows``: whether an item is listed (default:
    every one), e.g. not another worker's items."""
    return [
        _open(item)
        for item in outbox.items()
        if item.kind in FOLLOW_UP_KINDS and (shows is None or shows(item))
    ]


def _open(item: StoredItem) -> OpenHandoff:
    document: FaxDocument | None = None
    channel, fax_number, phone = Channel.FAX, None, None
    if item.kind is ItemKind.MAIL:
        document, channel = FaxDocument.HANDOFF, Channel.INTERNAL_MAIL
    elif item.kind is ItemKind.NOTIFICATION:
        document, channel = FaxDocument.NOTIFICATION, Channel.SYSTEM
    else:
        try:
            fax = fax_from_payload(item.payload)
        except ValueError:
            pass  # listed all the same: the worker must see it
        else:
            document, fax_number, phone = fax.document, fax.recipient.fax, fax.recipient.phone
    return OpenHandoff(
        item_id=item.id,
        key=item.key,
        municipality=item.municipality,
        document=document,
        channel=channel,
        state=item.state,
        label=item.label,
        created=item.created,
        last_error=item.last_error,
        fax=fax_number,
        phone=phone,
    )


class UnknownMunicipality(ValueError):
    """The municipality code names no municipality of the policy. Nothing was stored."""


def municipality_of(policy: Policy, code: str) -> Municipality:
    """The policy's municipality ``code``; :class:`UnknownMunicipality` when there is none."""
    try:
        return policy.municipality(code)
    except KeyError:
        raise UnknownMunicipality(f"{code!r} is not a municipality of the policy") from None


def handoff_label(handoff: Handoff, at: dt.datetime, zone: dt.tzinfo) -> str:
    """The outbox label of a handoff saved at ``at``, its time in ``zone`` (the policy's)."""
    return codec.item_label(
        handoff.hetu, HANDOFF_WORD, clock.local(at, zone), handoff.first_names, handoff.last_name
    )


def notification_label(notification: ChildWelfareNotification, zone: dt.tzinfo) -> str:
    """The outbox label of a notification, its time in ``zone`` (the policy's)."""
    return codec.item_label(
        notification.child_hetu,
        NOTIFICATION_WORD,
        clock.local(notification.received_at, zone),
        notification.child_first_names,
        notification.child_last_name,
    )


def mail_body(text: str, follow_up: str) -> str:
    """The internal mail's body: the worker's text, then the follow-up needed."""
    if not follow_up.strip():
        return text.strip()
    return f"{text.strip()}\n\n{FOLLOW_UP_HEADING}\n{follow_up.strip()}"


# -- the fax payload ----------------------------------------------------------------

_FAX_FIELDS = frozenset({"v", "recipient", "created", "idempotency_key", "handoff", "notification"})
_RECIPIENT_FIELDS = frozenset({"municipality", "municipality_name", "unit", "phone", "fax"})
_HANDOFF_FIELDS = frozenset(
    {
        "hetu",
        "last_name",
        "first_names",
        "non_disclosure",
        "address",
        "responsible_worker",
        "text",
        "follow_up",
        "author",
    }
)
_T = TypeVar("_T")
_ADDRESS_FIELDS = frozenset({"street", "postal_code", "city"})
_WORKER_FIELDS = frozenset({"name", "phone"})


def fax_to_payload(fax: FaxItem) -> bytes:
    handoff = fax.handoff
    return codec.canonical(
        {
            "v": codec.FORMAT_VERSION,
            "recipient": dataclasses.asdict(fax.recipient),
            "created": fax.created.isoformat(),
            "idempotency_key": str(fax.idempotency_key),
            "handoff": None if handoff is None else _handoff_record(handoff),
            "notification": None
            if fax.notification is None
            else codec.notification_record(fax.notification),
        }
    )


def _handoff_record(handoff: Handoff) -> dict[str, Any]:
    if handoff.non_disclosure and handoff.address is not None:  # never, by __post_init__
        raise ValueError("address: a client under non-disclosure must carry no address")
    worker = handoff.responsible_worker
    return {
        "hetu": handoff.hetu.value,
        "last_name": handoff.last_name,
        "first_names": handoff.first_names,
        "non_disclosure": handoff.non_disclosure,
        "address": None if handoff.address is None else dataclasses.asdict(handoff.address),
        "responsible_worker": None if worker is None else dataclasses.asdict(worker),
        "text": handoff.text,
        "follow_up": handoff.follow_up,
        "author": handoff.author,
    }


def fax_from_payload(data: bytes) -> FaxItem:
    """Parse and validate a fax payload; ValueError names the field at fault."""
    record = codec.read_record(data, _FAX_FIELDS)
    fields = codec.read_object(record, "recipient", _RECIPIENT_FIELDS)
    recipient = _within("recipient", lambda: _recipient_from(fields))
    handoff = notification = None
    if record["handoff"] is not None:
        fields = codec.read_object(record, "handoff", _HANDOFF_FIELDS)
        handoff = _within("handoff", lambda: _handoff_from(fields))
    if record["notification"] is not None:
        inner = codec.read_object(record, "notification", codec.NOTIFICATION_FIELDS)
        notification = _within("notification", lambda: codec.notification_from_record(inner))
    created = codec.read_time(record, "created")
    key = codec.read_uuid(record, "idempotency_key")
    try:
        return FaxItem(recipient, created, key, handoff=handoff, notification=notification)
    except ValueError as error:
        raise ValueError(f"payload: {error}") from None


def _within(name: str, read: Callable[[], _T]) -> _T:
    try:
        return read()
    except ValueError as error:
        raise ValueError(f"{name}.{error}") from None


def _recipient_from(record: dict[str, Any]) -> FaxRecipient:
    return FaxRecipient(
        municipality=codec.read_text(record, "municipality"),
        municipality_name=codec.read_text(record, "municipality_name"),
        unit=codec.read_text(record, "unit"),
        phone=codec.read_text(record, "phone"),
        fax=codec.read_optional_text(record, "fax"),
    )


def _handoff_from(record: dict[str, Any]) -> Handoff:
    non_disclosure = codec.read_bool(record, "non_disclosure")
    address = worker = None
    if record["address"] is not None:
        if non_disclosure:
            raise ValueError("address: present under non-disclosure")
        fields = codec.read_object(record, "address", _ADDRESS_FIELDS)
        address = Address(
            street=codec.read_text(fields, "street"),
            postal_code=codec.read_text(fields, "postal_code"),
            city=codec.read_text(fields, "city"),
        )
    if record["responsible_worker"] is not None:
        fields = codec.read_object(record, "responsible_worker", _WORKER_FIELDS)
        worker = Worker(codec.read_text(fields, "name"), codec.read_optional_text(fields, "phone"))
    return Handoff(
        hetu=codec.read_hetu(record, "hetu"),
        last_name=codec.read_optional_text(record, "last_name"),
        first_names=codec.read_optional_text(record, "first_names"),
        non_disclosure=non_disclosure,
        address=address,
        responsible_worker=worker,
        text=codec.read_text(record, "text"),
        follow_up=codec.read_text(record, "follow_up"),
        author=codec.read_text(record, "author"),
    )
