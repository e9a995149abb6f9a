"""Outbox payloads (entries, events, internal mail, notifications): canonical JSON.

The payload is what the outbox keeps until the entry is delivered, possibly
across an app update, so it carries a format version. Reading treats the bytes
as hostile (a damaged or foreign file): every field is checked, and an error
names the field and what is wrong with it, never the value, which may be
client data.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Callable
from typing import Any, TypeVar

from app.connectors.base import (
    EVENT_KINDS,
    ChildWelfareNotification,
    DutyEvent,
    InternalMail,
    NotificationUrgency,
)
from app.domain.hetu import Hetu, InvalidHetu, parse_hetu
from app.domain.model import Address, ContactChannel, DutyEntry, PersonDetails, TaskType

FORMAT_VERSION = 1
# A duty entry is a few kilobytes of text; anything near this is not one.
MAX_PAYLOAD_BYTES = 1_000_000

_FIELDS = frozenset(
    {
        "v",
        "hetu",
        "contact_time",
        "contact_channel",
        "task_type",
        "narrative",
        "measures",
        "follow_up_needed",
        "author",
        "client_system_id",
        "idempotency_key",
    }
)
# Added within version 1, written only when set, so that every payload without them
# stays byte for byte what it was (and an older reader refuses only what it cannot
# carry out): an entry's or mail's person not yet a client.
_OPTIONAL_PERSON = "person"
PERSON_FIELDS = frozenset(
    {
        "last_name",
        "first_names",
        "birth_date",
        "address",
        "non_disclosure",
        "nationality",
        "language",
        "description",
    }
)
_ADDRESS_FIELDS = frozenset({"street", "postal_code", "city"})
# The outbox's ``client`` of an item about a person with no identity code: it orders
# that item's line without naming the person (see :func:`item_client`).
UNIDENTIFIED_PREFIX = "tunnukseton:"
_EVENT_FIELDS = frozenset(
    {"v", "hetu", "kind", "text", "author", "occurred_at", "refers_to", "idempotency_key"}
)
_MAIL_FIELDS = frozenset(
    {"v", "hetu", "recipient_unit", "subject", "body", "author", "idempotency_key"}
)
NOTIFICATION_FIELDS = frozenset(
    {
        "child_hetu",
        "child_last_name",
        "child_first_names",
        "notifier_organisation",
        "notifier_person",
        "notifier_phone",
        "what_happened",
        "urgency",
        "child_informed",
        "guardians_informed",
        "received_at",
        "receiving_worker",
        "idempotency_key",
    }
)
_E = TypeVar("_E", ContactChannel, TaskType, NotificationUrgency)


def _canonical(record: dict[str, Any]) -> bytes:
    text = json.dumps(
        record, sort_keys=True, ensure_ascii=False, separators=(",", ":"), allow_nan=False
    )
    return text.encode("utf-8")


def _checked(
    data: bytes, fields: frozenset[str], optional: frozenset[str] = frozenset()
) -> dict[str, Any]:
    record = _load_object(data)
    version = record.get("v")
    # type() rather than isinstance: JSON true and 1.0 are not version 1.
    if type(version) is not int or version != FORMAT_VERSION:
        raise ValueError(f"v: unsupported payload format (expected {FORMAT_VERSION})")
    missing = fields - record.keys()
    if missing:
        raise ValueError(f"{sorted(missing)[0]}: missing")
    if record.keys() - fields - optional:
        raise ValueError("payload: unexpected fields")
    return record


def entry_to_payload(entry: DutyEntry) -> bytes:
    """Canonical JSON: sorted keys, no whitespace, UTF-8 (not \\u escapes).

    ``hetu`` is null for a person with no identity code; ``person`` is there only
    when the entry has one (an entry without stays as it always was).
    """
    record: dict[str, Any] = {
        "v": FORMAT_VERSION,
        "hetu": None if entry.hetu is None else entry.hetu.value,
        # isoformat keeps the offset, so the wall-clock time the worker saw
        # survives; the zone's name (if any) is not needed for that.
        "contact_time": entry.contact_time.isoformat(),
        "contact_channel": entry.contact_channel.value,
        "task_type": entry.task_type.value,
        "narrative": entry.narrative,
        "measures": entry.measures,
        "follow_up_needed": entry.follow_up_needed,
        "author": entry.author,
        "client_system_id": entry.client_system_id,
        "idempotency_key": str(entry.idempotency_key),
    }
    if entry.person is not None:
        record[_OPTIONAL_PERSON] = person_record(entry.person)
    return _canonical(record)


def entry_from_payload(data: bytes) -> DutyEntry:
    """Parse and validate a payload; ValueError names the field at fault."""
    record = _checked(data, _FIELDS, frozenset({_OPTIONAL_PERSON}))
    client_system_id = record["client_system_id"]
    if client_system_id is not None:
        client_system_id = _text(record, "client_system_id")
    person = _optional_person(record)
    hetu = None if record["hetu"] is None else _field(record, "hetu", _hetu)
    if hetu is None and person is None:
        raise ValueError("hetu: missing, and no person named instead")
    return DutyEntry(
        hetu=hetu,
        contact_time=_field(record, "contact_time", _aware_time),
        contact_channel=_field(record, "contact_channel", lambda v: _choice(ContactChannel, v)),
        task_type=_field(record, "task_type", lambda v: _choice(TaskType, v)),
        narrative=_text(record, "narrative"),
        measures=_text(record, "measures"),
        follow_up_needed=_field(record, "follow_up_needed", _boolean),
        author=_text(record, "author"),
        client_system_id=client_system_id,
        idempotency_key=_field(record, "idempotency_key", _uuid),
        person=person,
    )


def person_record(person: PersonDetails) -> dict[str, Any]:
    """A person's details as a JSON object (``birth_date`` ISO, ``address`` or null)."""
    address = person.address
    return {
        "last_name": person.last_name,
        "first_names": person.first_names,
        "birth_date": None if person.birth_date is None else person.birth_date.isoformat(),
        "address": None
        if address is None
        else {"street": address.street, "postal_code": address.postal_code, "city": address.city},
        "non_disclosure": person.non_disclosure,
        "nationality": person.nationality,
        "language": person.language,
        "description": person.description,
    }


def person_from_record(record: dict[str, Any], name: str) -> PersonDetails:
    """Read :func:`person_record`'s object at ``record[name]``; ValueError names the field
    (``person.birth_date: not an ISO 8601 date``), never the value."""
    value = read_object(record, name, PERSON_FIELDS)
    try:
        return _person(value)
    except ValueError as error:
        raise ValueError(f"{name}.{error}") from None


def _person(value: dict[str, Any]) -> PersonDetails:
    address = None
    if value["address"] is not None:
        fields = read_object(value, "address", _ADDRESS_FIELDS)
        try:
            address = Address(
                street=_text(fields, "street"),
                postal_code=_text(fields, "postal_code"),
                city=_text(fields, "city"),
            )
        except ValueError as error:
            raise ValueError(f"address.{error}") from None
    non_disclosure = _field(value, "non_disclosure", _boolean)
    if non_disclosure and address is not None:
        # The address of a person under non-disclosure must go nowhere: not even back in.
        raise ValueError("address: present under non-disclosure")
    last_name, first_names = _text(value, "last_name"), _text(value, "first_names")
    if not (last_name.strip() or first_names.strip()):
        raise ValueError("last_name: no name at all")
    birth_date = None if value["birth_date"] is None else _field(value, "birth_date", _date)
    return PersonDetails(
        last_name=last_name,
        first_names=first_names,
        birth_date=birth_date,
        address=address,
        non_disclosure=non_disclosure,
        nationality=_text(value, "nationality"),
        language=_text(value, "language"),
        description=_text(value, "description"),
    )


def _optional_person(record: dict[str, Any]) -> PersonDetails | None:
    if _OPTIONAL_PERSON not in record:
        return None
    # Present means an object: null is written as no key at all, one form for one value.
    return person_from_record(record, _OPTIONAL_PERSON)


def event_to_payload(event: DutyEvent) -> bytes:
    return _canonical(
        {
            "v": FORMAT_VERSION,
            # null: the discarded item was about a person with no identity code.
            "hetu": None if event.hetu is None else event.hetu.value,
            "kind": event.kind,
            "text": event.text,
            "author": event.author,
            "occurred_at": event.occurred_at.isoformat(),
            "refers_to": None if event.refers_to is None else str(event.refers_to),
            "idempotency_key": str(event.idempotency_key),
        }
    )


def event_from_payload(data: bytes) -> DutyEvent:
    record = _checked(data, _EVENT_FIELDS)
    kind = _text(record, "kind")
    if kind not in EVENT_KINDS:
        raise ValueError("kind: not a known event kind")
    refers_to = None if record["refers_to"] is None else _field(record, "refers_to", _uuid)
    return DutyEvent(
        hetu=None if record["hetu"] is None else _field(record, "hetu", _hetu),
        kind=kind,
        text=_text(record, "text"),
        author=_text(record, "author"),
        occurred_at=_field(record, "occurred_at", _aware_time),
        refers_to=refers_to,
        idempotency_key=_field(record, "idempotency_key", _uuid),
    )


def mail_to_payload(mail: InternalMail) -> bytes:
    record: dict[str, Any] = {
        "v": FORMAT_VERSION,
        "hetu": mail.hetu.value,
        "recipient_unit": mail.recipient_unit,
        "subject": mail.subject,
        "body": mail.body,
        "author": mail.author,
        "idempotency_key": str(mail.idempotency_key),
    }
    if mail.person is not None:
        record[_OPTIONAL_PERSON] = person_record(mail.person)
    return _canonical(record)


def mail_from_payload(data: bytes) -> InternalMail:
    record = _checked(data, _MAIL_FIELDS, frozenset({_OPTIONAL_PERSON}))
    return InternalMail(
        hetu=_field(record, "hetu", _hetu),
        recipient_unit=_text(record, "recipient_unit"),
        subject=_text(record, "subject"),
        body=_text(record, "body"),
        author=_text(record, "author"),
        idempotency_key=_field(record, "idempotency_key", _uuid),
        person=_optional_person(record),
    )


def notification_record(notification: ChildWelfareNotification) -> dict[str, Any]:
    """The notification's fields as a JSON object (without the format version)."""
    return {
        "child_hetu": notification.child_hetu.value,
        "child_last_name": notification.child_last_name,
        "child_first_names": notification.child_first_names,
        "notifier_organisation": notification.notifier_organisation,
        "notifier_person": notification.notifier_person,
        "notifier_phone": notification.notifier_phone,
        "what_happened": notification.what_happened,
        "urgency": notification.urgency.value,
        "child_informed": notification.child_informed,
        "guardians_informed": notification.guardians_informed,
        "received_at": notification.received_at.isoformat(),
        "receiving_worker": notification.receiving_worker,
        "idempotency_key": str(notification.idempotency_key),
    }


def notification_from_record(record: dict[str, Any]) -> ChildWelfareNotification:
    """Read :func:`notification_record`'s object back; ValueError names the field."""
    missing = NOTIFICATION_FIELDS - record.keys()
    if missing:
        raise ValueError(f"{sorted(missing)[0]}: missing")
    if record.keys() - NOTIFICATION_FIELDS:
        raise ValueError("notification: unexpected fields")
    return ChildWelfareNotification(
        child_hetu=_field(record, "child_hetu", _hetu),
        child_last_name=_text(record, "child_last_name"),
        child_first_names=_text(record, "child_first_names"),
        notifier_organisation=_text(record, "notifier_organisation"),
        notifier_person=_text(record, "notifier_person"),
        notifier_phone=_text(record, "notifier_phone"),
        what_happened=_text(record, "what_happened"),
        urgency=_field(record, "urgency", lambda v: _choice(NotificationUrgency, v)),
        child_informed=_field(record, "child_informed", _optional_boolean),
        guardians_informed=_field(record, "guardians_informed", _optional_boolean),
        received_at=_field(record, "received_at", _aware_time),
        receiving_worker=_text(record, "receiving_worker"),
        idempotency_key=_field(record, "idempotency_key", _uuid),
    )


def notification_to_payload(notification: ChildWelfareNotification) -> bytes:
    return _canonical({"v": FORMAT_VERSION, **notification_record(notification)})


def notification_from_payload(data: bytes) -> ChildWelfareNotification:
    record = _checked(data, NOTIFICATION_FIELDS | {"v"})
    del record["v"]
    return notification_from_record(record)


def entry_label(
    entry: DutyEntry, *, first_names: str | None = None, last_name: str | None = None
) -> str:
    """The least client data to recognise an item in an outbox list.

    "M. A. 14.3.2017 · kirjaus 26.11. 23.15": initials (when the caller knows
    the name), the birth date from the identity code and the contact time as
    the worker entered it. Never the full name, the code or the narrative.
    An entry with ``person`` takes the initials from it unless given; one with
    no identity code shows the birth date if known and says "tunnukseton".
    """
    person = entry.person
    if person is not None:
        first_names = person.first_names if first_names is None else first_names
        last_name = person.last_name if last_name is None else last_name
    return item_label(
        entry.hetu,
        "kirjaus",
        entry.contact_time,
        first_names,
        last_name,
        birth_date=None if person is None else person.birth_date,
    )


def item_label(
    hetu: Hetu | None,
    what: str,
    at: dt.datetime,
    first_names: str | None = None,
    last_name: str | None = None,
    *,
    birth_date: dt.date | None = None,
) -> str:
    """A label as :func:`entry_label`'s, for items of kind ``what`` made at ``at``.

    ``at`` is shown in its own offset: the caller gives it in Finnish time. Without
    ``hetu`` (a person with no identity code) ``birth_date`` is shown when known,
    and the word "tunnukseton" says the person is still to be identified.
    """
    parts = [
        _initials(name)
        for name in (_first_given_name(first_names), last_name)
        if name and name.strip()
    ]
    born = birth_date if hetu is None else hetu.birth_date
    if born is not None:
        parts.append(f"{born.day}.{born.month}.{born.year}")
    if hetu is None:
        parts.append("tunnukseton")
    return " ".join(parts) + f" · {what} {at.day}.{at.month}. {at.hour}.{at.minute:02d}"


def item_client(entry: DutyEntry) -> str:
    """The outbox's ``client`` of an entry: the line its items go out in, in order.

    The identity code when there is one (a new client's entry then goes before any
    later item about the same code, so the client is opened first). Without one,
    "tunnukseton:<the entry's key>": no client data, and a line of its own.
    """
    if entry.hetu is not None:
        return entry.hetu.value
    return f"{UNIDENTIFIED_PREFIX}{entry.idempotency_key}"


def client_hetu(client: str) -> Hetu | None:
    """The identity code of an outbox item's ``client``; None for a person with none.

    ValueError when it is neither (a damaged item).
    """
    if client.startswith(UNIDENTIFIED_PREFIX):
        return None
    return _field({"client": client}, "client", _hetu)


# -- reading other payloads: the same rules, for codecs in other modules ----------


def canonical(record: dict[str, Any]) -> bytes:
    return _canonical(record)


def read_record(data: bytes, fields: frozenset[str]) -> dict[str, Any]:
    """A payload's object: format version checked, exactly ``fields`` (with ``v``)."""
    return _checked(data, fields)


def read_object(record: dict[str, Any], name: str, fields: frozenset[str]) -> dict[str, Any]:
    """A nested object with exactly ``fields``."""
    value = record[name]
    if not isinstance(value, dict):
        raise ValueError(f"{name}: expected an object")
    missing = fields - value.keys()
    if missing:
        raise ValueError(f"{name}.{sorted(missing)[0]}: missing")
    if value.keys() - fields:
        raise ValueError(f"{name}: unexpected fields")
    return value


def read_text(record: dict[str, Any], name: str) -> str:
    return _text(record, name)


def read_optional_text(record: dict[str, Any], name: str) -> str | None:
    return None if record[name] is None else _text(record, name)


def read_hetu(record: dict[str, Any], name: str) -> Hetu:
    return _field(record, name, _hetu)


def read_time(record: dict[str, Any], name: str) -> dt.datetime:
    return _field(record, name, _aware_time)


def read_bool(record: dict[str, Any], name: str) -> bool:
    return _field(record, name, _boolean)


def read_uuid(record: dict[str, Any], name: str) -> uuid.UUID:
    return _field(record, name, _uuid)


def _first_given_name(first_names: str | None) -> str | None:
    return first_names.split()[0] if first_names and first_names.split() else None


def _initials(name: str) -> str:
    """'Aaltonen' → 'A.', 'Anna-Liisa' → 'A.-L.', 'von Wright' → 'v. W.'."""
    return " ".join(
        "-".join(f"{part[0]}." for part in word.split("-") if part) for word in name.split()
    )


def _load_object(data: bytes) -> dict[str, Any]:
    if not isinstance(data, bytes | bytearray):
        raise ValueError("payload: not bytes")
    if len(data) > MAX_PAYLOAD_BYTES:
        raise ValueError("payload: too large")
    try:
        text = bytes(data).decode("utf-8")
    except UnicodeDecodeError:
        raise ValueError("payload: not UTF-8") from None
    try:
        record = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant)
    except json.JSONDecodeError:
        raise ValueError("payload: not JSON") from None
    except RecursionError:
        raise ValueError("payload: nested too deeply") from None
    if not isinstance(record, dict):
        raise ValueError("payload: not a JSON object")
    return record


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # Two values for one field would let a reader and a writer disagree.
    record = dict(pairs)
    if len(record) != len(pairs):
        raise ValueError("payload: duplicate field")
    return record


def _no_constant(name: str) -> Any:
    raise ValueError("payload: NaN or Infinity")


_T = TypeVar("_T")


def _field(record: dict[str, Any], name: str, convert: Callable[[Any], _T]) -> _T:
    try:
        return convert(record[name])
    except (ValueError, TypeError, KeyError, OverflowError) as error:
        # The converter's own text may quote the value: replace it.
        raise ValueError(f"{name}: {_reason(error)}") from None


def _reason(error: BaseException) -> str:
    return error.args[0] if isinstance(error, _Problem) else "invalid value"


class _Problem(ValueError):
    """A reason that is safe to show: it never contains the value."""


def _text(record: dict[str, Any], name: str) -> str:
    def convert(value: Any) -> str:
        if not isinstance(value, str):
            raise _Problem("expected a string")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise _Problem("not valid Unicode text") from None
        return value

    return _field(record, name, convert)


def _hetu(value: Any) -> Hetu:
    if not isinstance(value, str):
        raise _Problem("expected a string")
    try:
        hetu = parse_hetu(value)
    except InvalidHetu:
        raise _Problem("not a valid identity code") from None
    if hetu.value != value:
        raise _Problem("not in canonical form")
    return hetu


def _date(value: Any) -> dt.date:
    if not isinstance(value, str):
        raise _Problem("expected a string")
    try:
        parsed = dt.date.fromisoformat(value)
    except ValueError:
        raise _Problem("not an ISO 8601 date") from None
    if parsed.isoformat() != value:
        raise _Problem("not in canonical form")
    return parsed


def _aware_time(value: Any) -> dt.datetime:
    if not isinstance(value, str):
        raise _Problem("expected a string")
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        raise _Problem("not an ISO 8601 time") from None
    if parsed.tzinfo is None or parsed.utcoffset() is None:
        raise _Problem("time zone missing")
    return parsed


def _choice(kind: type[_E], value: Any) -> _E:
    if not isinstance(value, str):
        raise _Problem("expected a string")
    try:
        return kind(value)
    except ValueError:
        raise _Problem("not a known value") from None


def _boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise _Problem("expected true or false")
    return value


def _optional_boolean(value: Any) -> bool | None:
    return None if value is None else _boolean(value)


def _uuid(value: Any) -> uuid.UUID:
    if not isinstance(value, str):
        raise _Problem("expected a string")
    try:
        key = uuid.UUID(value)
    except ValueError:
        raise _Problem("not a UUID") from None
    if str(key) != value:
        raise _Problem("not in canonical form")
    return key
