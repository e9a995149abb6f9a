"""Who saved an item: recorded with every outbox item and access event at save time.

The worker signed in to the organisation's system with ``method`` at
``signed_in_at``; a token only authorises *sending* the item later, so an item
keeps its author however long it waits and whoever is signed in when it goes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum


class SignInMethod(StrEnum):
    OIDC = "oidc"
    KERBEROS = "kerberos"
    PASSWORD = "password"  # noqa: S105 - the method's name, not a secret


@dataclass(frozen=True)
class Author:
    """The signed-in worker as one organisation (registrar) knows them.

    ``worker_id`` is the organisation's own identifier for the worker (the ID
    token's subject, the Kerberos principal or the system's user name);
    ``signed_in_at`` is aware.
    """

    worker_id: str
    worker_name: str
    organisation: str
    method: SignInMethod
    signed_in_at: dt.datetime

    def __post_init__(self) -> None:
        if self.signed_in_at.tzinfo is None:
            raise ValueError("signed_in_at must be aware")
        if not self.worker_id or not self.organisation:
            raise ValueError("an author needs a worker id and an organisation")
