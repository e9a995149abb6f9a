"""What a draft holds: an open form's text and whom it is about, as canonical JSON.

A draft is kept in the encrypted outbox (never sent) so that a crash loses at most
the last second of typing. Reading it back treats the bytes as hostile like any
payload: an unreadable draft is reported and skipped, never half restored.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from app.domain.hetu import Hetu
from app.domain.model import PersonDetails
from app.services.outbox.codec import (
    FORMAT_VERSION,
    canonical,
    person_from_record,
    person_record,
    read_hetu,
    read_optional_text,
    read_record,
    read_text,
)

# The payloads' format version: read_record checks it like every payload's.
DRAFT_VERSION = FORMAT_VERSION
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


def draft_to_payload(content: DraftContent) -> bytes:
    return canonical(
        {
            "v": DRAFT_VERSION,
            "form": content.form,
            "municipality": content.municipality,
            "hetu": content.hetu.value if content.hetu is not None else None,
            "client_name": content.client_name,
            "client_system_id": content.client_system_id,
            "person": None if content.person is None else person_record(content.person),
            "fields": content.fields,
        }
    )


def draft_from_payload(data: bytes) -> DraftContent:
    """Parse a draft; UnreadableDraft (naming the field, never its value) if it is not one."""
    if len(data) > MAX_DRAFT_BYTES:
        raise UnreadableDraft("draft too large")
    try:
        record = read_record(data, _FIELDS)
        if record["form"] not in FORMS:
            raise ValueError("form: not a known form")
        if not isinstance(record["fields"], dict):
            raise ValueError("fields: not an object")
        hetu = None if record["hetu"] is None else read_hetu(record, "hetu")
        person = None if record["person"] is None else person_from_record(record, "person")
        return DraftContent(
            form=record["form"],
            municipality=read_text(record, "municipality"),
            hetu=hetu,
            fields=record["fields"],
            client_name=read_optional_text(record, "client_name"),
            client_system_id=read_optional_text(record, "client_system_id"),
            person=person,
        )
    except ValueError as error:
        raise UnreadableDraft(f"draft: {error}") from None


_FIELDS = frozenset(
    {"v", "form", "municipality", "hetu", "client_name", "client_system_id", "person", "fields"}
)


def draft_time(fields: dict[str, Any], name: str) -> dt.datetime | None:
    """A time a form kept in its draft's ``fields``; None when absent or not an aware
    ISO 8601 time (the form then keeps its own default)."""
    value = fields.get(name)
    if not isinstance(value, str):
        return None
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None and moment.utcoffset() is not None else None
