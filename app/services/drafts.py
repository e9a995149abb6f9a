"""What a draft holds: an open form's text and whom it is about, as canonical JSON.

A draft is kept in the encrypted outbox (never sent) so that a crash loses at most
the last second of typing. Reading it back treats the bytes as hostile like any
payload: an unreadable draft is reported and skipped, never half restored.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

from app.services.codec import canonical
from app.services.hetu import Hetu, InvalidHetu, parse_hetu
from app.services.model import Address, PersonDetails

DRAFT_VERSION = 1
# The forms a draft may belong to.
ENTRY_FORM = "entry"
NOTIFICATION_FORM = "notification"
HANDOFF_FORM = "handoff"
FORMS = (ENTRY_FORM, NOTIFICATION_FORM, HANDOFF_FORM)
# Far above any form's text; a draft larger than this is not one of ours.
MAX_DRAFT_BYTES = 2_000_000


class UnreadableDraft(ValueError):
    """The draft's bytes are not a draft this app wrote; the message names no data."""


@dataclass(frozen=True, repr=False)
class DraftContent:
    """An open form's text (``fields``, plain JSON values the form reads back) and its
    subject: the identity code as searched (None for a person with no code), the
    client's name and system id when the system knew the client, or ``person``."""

    form: str
    municipality: str
    hetu: Hetu | None
    fields: dict[str, Any] = field(default_factory=dict)
    client_name: str | None = None
    client_system_id: str | None = None
    person: PersonDetails | None = None

    @property
    def client(self) -> str:
        """The outbox's ``client`` column: the identity code, or '' without one."""
        return self.hetu.value if self.hetu is not None else ""

    def __repr__(self) -> str:
        return f"DraftContent(form={self.form}, municipality={self.municipality}, <redacted>)"


def _person_record(person: PersonDetails | None) -> dict[str, Any] | None:
    if person is None:
        return None
    address = person.address
    return {
        "last_name": person.last_name,
        "first_names": person.first_names,
        "birth_date": person.birth_date.isoformat() if person.birth_date else None,
        "address": None
        if address is None
        else {"street": address.street, "postal_code": address.postal_code, "city": address.city},
        "non_disclosure": person.non_disclosure,
        "nationality": person.nationality,
        "language": person.language,
        "description": person.description,
    }


def draft_to_payload(content: DraftContent) -> bytes:
    return canonical(
        {
            "v": DRAFT_VERSION,
            "form": content.form,
            "municipality": content.municipality,
            "hetu": content.hetu.value if content.hetu is not None else None,
            "client_name": content.client_name,
            "client_system_id": content.client_system_id,
            "person": _person_record(content.person),
            "fields": content.fields,
        }
    )


def draft_from_payload(data: bytes) -> DraftContent:
    """Parse a draft; UnreadableDraft (naming the field, never its value) if it is not one."""
    if len(data) > MAX_DRAFT_BYTES:
        raise UnreadableDraft("draft too large")
    try:
        record = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        raise UnreadableDraft("draft is not JSON") from error
    if not isinstance(record, dict) or record.get("v") != DRAFT_VERSION:
        raise UnreadableDraft("draft has an unknown format")
    form = record.get("form")
    municipality = record.get("municipality")
    fields = record.get("fields")
    if form not in FORMS:
        raise UnreadableDraft("draft: form")
    if not isinstance(municipality, str) or not municipality:
        raise UnreadableDraft("draft: municipality")
    if not isinstance(fields, dict):
        raise UnreadableDraft("draft: fields")
    return DraftContent(
        form=form,
        municipality=municipality,
        hetu=_hetu(record.get("hetu")),
        fields=fields,
        client_name=_optional_text(record, "client_name"),
        client_system_id=_optional_text(record, "client_system_id"),
        person=_person(record.get("person")),
    )


def _optional_text(record: dict[str, Any], name: str) -> str | None:
    value = record.get(name)
    if value is not None and not isinstance(value, str):
        raise UnreadableDraft(f"draft: {name}")
    return value


def _hetu(value: Any) -> Hetu | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise UnreadableDraft("draft: hetu")
    try:
        return parse_hetu(value)
    except InvalidHetu as error:
        raise UnreadableDraft("draft: hetu") from error


def _person(value: Any) -> PersonDetails | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise UnreadableDraft("draft: person")
    texts = {}
    for name in ("last_name", "first_names", "nationality", "language", "description"):
        text = value.get(name, "")
        if not isinstance(text, str):
            raise UnreadableDraft(f"draft: person.{name}")
        texts[name] = text
    birth = value.get("birth_date")
    address = value.get("address")
    non_disclosure = value.get("non_disclosure", False)
    try:
        birth_date = dt.date.fromisoformat(birth) if isinstance(birth, str) else None
        parts = address if isinstance(address, dict) else None
        return PersonDetails(
            birth_date=birth_date,
            address=None if parts is None else Address(**{k: str(parts[k]) for k in _ADDRESS}),
            non_disclosure=bool(non_disclosure),
            **texts,
        )
    except (KeyError, TypeError, ValueError) as error:
        raise UnreadableDraft("draft: person") from error


_ADDRESS = ("street", "postal_code", "city")
