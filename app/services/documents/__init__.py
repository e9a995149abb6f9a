"""The printable documents, rendered in memory as PDF bytes (reportlab).

Each ``render_*`` function returns the whole PDF as ``bytes``; nothing is written to a
file on the way (printing and preview take the bytes). Every page is marked
confidential with its legal basis, numbered "x / y" and shows who printed it and when.
A person under address non-disclosure (turvakielto) has the marker
:data:`NON_DISCLOSURE_MARKER` where the address would be, whatever address is passed.
"""

from app.services.documents.base import (
    CONFIDENTIAL,
    LEGAL_BASIS,
    NON_DISCLOSURE_MARKER,
    Person,
)
from app.services.documents.entry import render_entry
from app.services.documents.fonts import FontUnavailable
from app.services.documents.handoff import HandoffDetails, render_handoff
from app.services.documents.notification import (
    NotificationDetails,
    NotifiedChild,
    Urgency,
    render_notification,
)

__all__ = [
    "CONFIDENTIAL",
    "LEGAL_BASIS",
    "NON_DISCLOSURE_MARKER",
    "FontUnavailable",
    "HandoffDetails",
    "NotificationDetails",
    "NotifiedChild",
    "Person",
    "Urgency",
    "render_entry",
    "render_handoff",
    "render_notification",
]
