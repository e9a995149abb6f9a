"""Access events (:mod:`app.domain.access`) as outbox payloads: canonical JSON.

Beside :mod:`app.services.outbox.codec`, with its rules: a format version, every
field checked on reading (the bytes are hostile), and an error that names the field,
never its value.
"""

from __future__ import annotations

from typing import Any

from app.domain.access import MAX_PURPOSE, AccessAction, AccessEvent
from app.domain.author import Author, SignInMethod
from app.services.outbox.codec import (
    FORMAT_VERSION,
    UNIDENTIFIED_PREFIX,
    canonical,
    read_hetu,
    read_object,
    read_record,
    read_text,
    read_time,
    read_uuid,
)

ACCESS_FIELDS = frozenset(
    {"author", "occurred_at", "municipality", "hetu", "action", "purpose", "idempotency_key"}
)
AUTHOR_FIELDS = frozenset({"worker_id", "worker_name", "organisation", "method", "signed_in_at"})


def author_record(author: Author) -> dict[str, Any]:
    """An author as a JSON object (``signed_in_at`` ISO 8601 with its offset)."""
    return {
        "worker_id": author.worker_id,
        "worker_name": author.worker_name,
        "organisation": author.organisation,
        "method": author.method.value,
        "signed_in_at": author.signed_in_at.isoformat(),
    }


def author_from_record(record: dict[str, Any], name: str) -> Author:
    """Read :func:`author_record`'s object at ``record[name]``; ValueError names the field."""
    value = read_object(record, name, AUTHOR_FIELDS)
    method = read_text(value, "method")
    try:
        sign_in = SignInMethod(method)
    except ValueError:
        raise ValueError(f"{name}.method: not a known value") from None
    worker_id, organisation = read_text(value, "worker_id"), read_text(value, "organisation")
    if not worker_id or not organisation:
        raise ValueError(f"{name}: worker id or organisation empty")
    try:
        signed_in_at = read_time(value, "signed_in_at")
    except ValueError as error:
        raise ValueError(f"{name}.{error}") from None
    return Author(
        worker_id=worker_id,
        worker_name=read_text(value, "worker_name"),
        organisation=organisation,
        method=sign_in,
        signed_in_at=signed_in_at,
    )


def access_to_payload(event: AccessEvent) -> bytes:
    return canonical(
        {
            "v": FORMAT_VERSION,
            "author": author_record(event.author),
            "occurred_at": event.occurred_at.isoformat(),
            "municipality": event.municipality,
            # null: the action had no identified client (a person with no identity code).
            "hetu": None if event.hetu is None else event.hetu.value,
            "action": event.action.value,
            "purpose": event.purpose,
            "idempotency_key": str(event.idempotency_key),
        }
    )


def access_from_payload(data: bytes) -> AccessEvent:
    """Parse and validate an access event's payload; ValueError names the field at fault."""
    record = read_record(data, ACCESS_FIELDS | {"v"})
    action = read_text(record, "action")
    try:
        access_action = AccessAction(action)
    except ValueError:
        raise ValueError("action: not a known value") from None
    municipality = read_text(record, "municipality")
    if not municipality:
        raise ValueError("municipality: empty")
    purpose = read_text(record, "purpose")
    if not purpose.strip() or len(purpose) > MAX_PURPOSE:
        raise ValueError("purpose: empty or too long")
    return AccessEvent(
        author=author_from_record(record, "author"),
        occurred_at=read_time(record, "occurred_at"),
        municipality=municipality,
        hetu=None if record["hetu"] is None else read_hetu(record, "hetu"),
        action=access_action,
        purpose=purpose,
        idempotency_key=read_uuid(record, "idempotency_key"),
    )


def access_client(event: AccessEvent) -> str:
    """The outbox's ``client`` of an access event: the identity code, so that it goes out
    in order with the client's other items; without one, a line of its own."""
    if event.hetu is not None:
        return event.hetu.value
    return f"{UNIDENTIFIED_PREFIX}{event.idempotency_key}"
