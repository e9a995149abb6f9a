"""The access trail: who used a client's data, when, where and why.

Clients have the right to know who used their data (client data act 703/2023), and
each municipality is the registrar of its own: every search, card view, entry,
notification, print and handoff becomes an :class:`AccessEvent` for the registrar's
system. It travels through the outbox like any item; the workstation keeps no access
log of its own.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from enum import StrEnum

from app.domain.author import Author
from app.domain.hetu import Hetu


class AccessAction(StrEnum):
    """What the worker did with the client's data."""

    SEARCH = "search"  # looked the identity code up in the municipality's system
    VIEW = "view"  # the client's summary was shown on the card
    ENTRY = "entry"  # saved a duty entry
    NOTIFICATION = "notification"  # saved a child welfare notification
    PRINT = "print"  # printed (or saved as PDF) a document about the client
    HANDOFF = "handoff"  # handed the case over to the office-hours worker


# What the duty unit states as the purpose of use when the policy says nothing else.
DEFAULT_PURPOSE = "Sosiaalipäivystys: kiireellinen sosiaalityö"
# The longest purpose a registrar's system takes (the policy keeps within it).
MAX_PURPOSE = 200


@dataclass(frozen=True)
class AccessEvent:
    """One use of a client's data by a named worker, for the registrar's access log.

    ``municipality`` is the code of the municipality whose registrar it concerns;
    ``hetu`` is None when the action had no identified client (a person with no
    identity code). ``occurred_at`` is aware; ``idempotency_key`` is made once.
    """

    author: Author
    occurred_at: dt.datetime
    municipality: str
    hetu: Hetu | None
    action: AccessAction
    purpose: str
    idempotency_key: uuid.UUID = field(default_factory=uuid.uuid4)

    def __post_init__(self) -> None:
        if self.occurred_at.tzinfo is None or self.occurred_at.utcoffset() is None:
            raise ValueError("occurred_at must carry its time zone")
        if not self.municipality:
            raise ValueError("an access event needs a municipality")
        if not self.purpose.strip():
            raise ValueError("an access event needs a purpose")

    def __repr__(self) -> str:
        return f"AccessEvent(key={self.idempotency_key}, action={self.action}, <redacted>)"
