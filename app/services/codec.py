"""A duty entry as outbox payload: canonical JSON, validated field by field.

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

from app.connectors.base import EVENT_KINDS, DutyEvent
from app.services.hetu import Hetu, InvalidHetu, parse_hetu
from app.services.model import ContactChannel, DutyEntry, TaskType

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
_EVENT_FIELDS = frozenset(
    {"v", "hetu", "kind", "text", "author", "occurred_at", "refers_to", "idempotency_key"}
)
_E = TypeVar("_E", ContactChannel, TaskType)


def _canonical(record: dict[str, Any]) -> bytes:
    text = json.dumps(
        record, sort_keys=True, ensure_ascii=False, separators=(",", ":"), allow_nan=False
    )
    return text.encode("utf-8")


def _checked(data: bytes, fields: frozenset[str]) -> dict[str, Any]:
    record = _load_object(data)
    version = record.get("v")
    # type() rather than isinstance: JSON true and 1.0 are not version 1.
    if type(version) is not int or version != FORMAT_VERSION:
        raise ValueError(f"v: unsupported payload format (expected {FORMAT_VERSION})")
    missing = fields - record.keys()
    if missing:
        raise ValueError(f"{sorted(missing)[0]}: missing")
    if record.keys() - fields:
        raise ValueError("payload: unexpected fields")
    return record


def entry_to_payload(entry: DutyEntry) -> bytes:
    """Canonical JSON: sorted keys, no whitespace, UTF-8 (not \\u escapes)."""
    record = {
        "v": FORMAT_VERSION,
        "hetu": entry.hetu.value,
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
    return _canonical(record)


def entry_from_payload(data: bytes) -> DutyEntry:
    """Parse and validate a payload; ValueError names the field at fault."""
    record = _checked(data, _FIELDS)
    client_system_id = record["client_system_id"]
    if client_system_id is not None:
        client_system_id = _text(record, "client_system_id")
    return DutyEntry(
        hetu=_field(record, "hetu", _hetu),
        contact_time=_field(record, "contact_time", _aware_time),
        contact_channel=_field(record, "contact_channel", lambda v: _choice(ContactChannel, v)),
        task_type=_field(record, "task_type", lambda v: _choice(TaskType, v)),
        narrative=_text(record, "narrative"),
        measures=_text(record, "measures"),
        follow_up_needed=_field(record, "follow_up_needed", _boolean),
        author=_text(record, "author"),
        client_system_id=client_system_id,
        idempotency_key=_field(record, "idempotency_key", _uuid),
    )


def event_to_payload(event: DutyEvent) -> bytes:
    return _canonical(
        {
            "v": FORMAT_VERSION,
            "hetu": event.hetu.value,
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
        hetu=_field(record, "hetu", _hetu),
        kind=kind,
        text=_text(record, "text"),
        author=_text(record, "author"),
        occurred_at=_field(record, "occurred_at", _aware_time),
        refers_to=refers_to,
        idempotency_key=_field(record, "idempotency_key", _uuid),
    )


def entry_label(
    entry: DutyEntry, *, first_names: str | None = None, last_name: str | None = None
) -> str:
    """The least client data to recognise an item in an outbox list.

    "M. A. 14.3.2017 · kirjaus 26.11. 23.15": initials (when the caller knows
    the name), the birth date from the identity code and the contact time as
    the worker entered it. Never the full name, the code or the narrative.
    """
    parts = [
        _initials(name)
        for name in (_first_given_name(first_names), last_name)
        if name and name.strip()
    ]
    born = entry.hetu.birth_date
    parts.append(f"{born.day}.{born.month}.{born.year}")
    at = entry.contact_time
    return " ".join(parts) + f" · kirjaus {at.day}.{at.month}. {at.hour}.{at.minute:02d}"


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
