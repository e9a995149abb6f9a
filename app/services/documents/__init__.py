"""The printable documents, rendered in memory as PDF bytes (reportlab).

Each ``render_*`` function returns the whole PDF as ``bytes``; nothing is written to a
file on the way (printing and preview take the bytes). Every page is marked
confidential with its legal basis, numbered "x / y" and shows who printed it and when.
A person under address non-disclosure (turvakielto) has the marker
:data:`NON_DISCLOSURE_MARKER` where the address would be, whatever address is passed.
"""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

# Each name's module, imported at the name's first use: importing the package (for its
# titles, say) loads no reportlab.
_MODULES = {
    "CONFIDENTIAL": "base",
    "LEGAL_BASIS": "base",
    "NON_DISCLOSURE_MARKER": "base",
    "Person": "base",
    "render_entry": "entry",
    "FontUnavailable": "fonts",
    "HandoffDetails": "handoff",
    "render_handoff": "handoff",
    "NotificationDetails": "notification",
    "NotifiedChild": "notification",
    "Urgency": "notification",
    "render_notification": "notification",
}


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(f"{__name__}.{module}"), name)


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
