"""What goes into the outbox and what comes out: items, drafts, their states, the counts.

Split from :mod:`app.services.outbox.store` (which re-exports them). Times are stored as
integer microseconds since the epoch, UTC; an item's or a draft's ``repr`` shows no
client data.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from enum import StrEnum

from app.domain.author import Author, SignInMethod
from app.domain.kinds import ItemKind

_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_MICROSECOND = dt.timedelta(microseconds=1)


class ItemState(StrEnum):
    WAITING = "waiting"
    SENDING = "sending"
    ATTENTION = "attention"
    # Completed by the worker by hand (a fax handoff): never sent, stays until marked done.
    MANUAL = "manual"


@dataclass(frozen=True, repr=False)
class OutgoingItem:
    """What the caller saves. ``client`` (the identity code) orders a client's items."""

    key: uuid.UUID
    municipality: str
    kind: ItemKind
    client: str
    label: str
    payload: bytes
    # Where the item is bound to go: the registrar, system type and (in production)
    # endpoint of the municipality when it was saved. A later policy that points the
    # municipality elsewhere does not take the item there unconfirmed. "" = unbound
    # (saved before outboxes recorded it).
    destination: str = ""
    # Who saved it: the worker as signed in to the municipality's organisation then
    # (the save API of app.services.outbox.sending requires it). None: not known
    # (saved before outboxes recorded it); never a made-up worker.
    author: Author | None = None

    def __repr__(self) -> str:
        return f"OutgoingItem(key={self.key}, kind={self.kind}, <redacted>)"


PAYLOAD_UNREADABLE = "payload unreadable"
# Salvaged from a damaged outbox, found only in its state before the damage: it may
# have been delivered or discarded since, so it waits for the worker (app.services.outbox.salvage).
SALVAGED = "salvaged"
# Salvaged with author columns that hold no author (partly NULL, invalid): who saved it
# is not known, and an item of unknown author may go under whoever signs in, so it
# waits for the worker instead of going by itself (app.services.outbox.salvage).
AUTHOR_UNREADABLE = "author unreadable"


@dataclass(frozen=True)
class Failure:
    """Why an item's last attempt failed, as the outbox keeps it in ``last_error``.

    ``cause`` is the name of the :mod:`app.connectors.errors` class the connector
    raised (or :data:`PAYLOAD_UNREADABLE`, :data:`SALVAGED`, :data:`AUTHOR_UNREADABLE`);
    ``detail`` its detail, or the system's reason for a refusal. Neither holds client
    data. Written and read only here, so no reader takes the stored text apart on its own.
    """

    cause: str
    detail: str

    def __str__(self) -> str:
        return f"{self.cause}: {self.detail}"

    @classmethod
    def parse(cls, text: str) -> Failure:
        cause, _, detail = text.partition(": ")
        return cls(cause, detail)


@dataclass(frozen=True, repr=False)
class StoredItem:
    id: int
    key: uuid.UUID
    municipality: str
    kind: ItemKind
    client: str
    label: str
    payload: bytes
    state: ItemState
    attempts: int
    next_attempt: dt.datetime
    last_error: str | None
    created: dt.datetime
    destination: str = ""
    author: Author | None = None  # None: not known (saved before schema 6)

    @property
    def failure(self) -> Failure | None:
        """The last attempt's failure, or None when there was none."""
        return Failure.parse(self.last_error) if self.last_error else None

    def __repr__(self) -> str:
        return (
            f"StoredItem(id={self.id}, key={self.key}, municipality={self.municipality}, "
            f"kind={self.kind}, state={self.state.value}, attempts={self.attempts}, <redacted>)"
        )


@dataclass(frozen=True, repr=False)
class Draft:
    """The text of a form not yet saved, kept so that a crash loses at most the last second.

    ``key`` is the form's own key (for an entry, the idempotency key it will be saved
    under); ``form`` says which form (``entry``, ``notification``, ``handoff``);
    ``client`` is the identity code as typed, or ``""`` for a person without one.
    ``payload`` is the form's fields as the UI encodes them: the outbox stores the
    bytes and never reads them. A draft is never sent.
    """

    key: uuid.UUID
    form: str
    municipality: str
    client: str
    payload: bytes
    updated: dt.datetime
    # Who typed it (as for an item); None: not known (kept before schema 6).
    author: Author | None = None

    def __repr__(self) -> str:
        return f"Draft(key={self.key}, form={self.form}, updated={self.updated}, <redacted>)"


@dataclass(frozen=True)
class OutboxCounts:
    """The outbox's items by state: the worker's work (access events apart, in ``access``)."""

    waiting: int
    sending: int
    attention: int
    per_municipality: dict[str, int]  # every item not yet delivered, per municipality code
    manual: int = 0  # items the worker completes by hand (faxes not yet marked sent)
    drafts: int = 0  # forms' unsaved text: client data, but not an item (never sent)
    # Items held because the policy now names another destination, per municipality:
    # they wait for a person to confirm the new address (``outbox confirm-destination``).
    held: dict[str, int] = field(default_factory=dict)
    # Access events not yet delivered (any state): the registrar's record of the worker's
    # use of client data, not the worker's work, so in none of the counts above.
    access: int = 0


def check_item(item: OutgoingItem) -> None:
    if not isinstance(item.key, uuid.UUID):
        raise TypeError("key must be a UUID")
    if not isinstance(item.municipality, str) or not item.municipality:
        raise ValueError("municipality must be a non-empty string")
    if not isinstance(item.kind, ItemKind):
        raise TypeError("kind must be an ItemKind")
    if not isinstance(item.client, str) or not isinstance(item.label, str):
        raise TypeError("client and label must be strings")
    if not isinstance(item.payload, bytes | bytearray):
        raise TypeError("payload must be bytes")
    if not isinstance(item.destination, str):
        raise TypeError("destination must be a string")
    check_author(item.author)


def check_author(author: Author | None) -> None:
    if author is not None and not isinstance(author, Author):
        raise TypeError("author must be an Author or None")


def check_draft(draft: Draft) -> None:
    if not isinstance(draft.key, uuid.UUID):
        raise TypeError("key must be a UUID")
    if not isinstance(draft.form, str) or not draft.form:
        raise ValueError("form must be a non-empty string")
    if not isinstance(draft.municipality, str) or not isinstance(draft.client, str):
        raise TypeError("municipality and client must be strings")
    if not isinstance(draft.payload, bytes | bytearray):
        raise TypeError("payload must be bytes")
    check_author(draft.author)


def to_stamp(moment: dt.datetime) -> int:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("outbox times must carry their time zone")
    return (moment - _EPOCH) // _MICROSECOND


def from_stamp(stamp: int) -> dt.datetime:
    return _EPOCH + dt.timedelta(microseconds=stamp)


AuthorRow = tuple[str | None, str | None, str | None, str | None, int | None]


def author_row(author: Author | None) -> AuthorRow:
    """The author as the outbox stores it (schema.AUTHOR_COLUMNS): all NULL when not known."""
    if author is None:
        return (None, None, None, None, None)
    return (
        author.worker_id,
        author.worker_name,
        author.organisation,
        author.method.value,
        to_stamp(author.signed_in_at),
    )


def author_from_row(values: tuple[object, ...]) -> Author | None:
    """The author stored in the five columns; ValueError (naming no value) when they are
    not one: partly NULL, of the wrong type or naming no sign-in method."""
    if all(value is None for value in values):
        return None
    worker_id, name, organisation, method, signed_in = values
    if not (
        isinstance(worker_id, str)
        and isinstance(name, str)
        and isinstance(organisation, str)
        and isinstance(method, str)
        and type(signed_in) is int
    ):
        raise ValueError("author columns incomplete")
    try:
        return Author(worker_id, name, organisation, SignInMethod(method), from_stamp(signed_in))
    except (ValueError, OverflowError):
        raise ValueError("author columns invalid") from None
