"""The kinds of item the outbox holds.

The value is what the outbox stores in its ``kind`` column, so a member's value
never changes: a file written by an earlier version reads the same. Code decides
by member (``item.kind is ItemKind.FAX``), never by comparing strings; a value
read from the file that names no member is a damaged file, refused where it is read.
"""

from __future__ import annotations

from enum import StrEnum


class ItemKind(StrEnum):
    ENTRY = "entry"  # a duty entry for the registrar's system, sent by the sender
    EVENT = "event"  # the record of a worker's discard, sent by the sender
    MAIL = "mail"  # a handoff as the system's internal mail, sent by the sender
    NOTIFICATION = "notification"  # a child welfare notification, sent by the sender
    FAX = "fax"  # a handoff or notification the worker faxes by hand: a manual item
    # The registrar's record of a worker's use of client data (app.domain.access): sent by
    # the sender like an event, but not the worker's work, so not counted as waiting work.
    ACCESS = "access"
