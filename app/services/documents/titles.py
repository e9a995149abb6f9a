"""The documents' titles: the window names a print job by them before anything is
rendered, so they are here, apart from the rendering (reportlab)."""

from __future__ import annotations

from app.services.documents.wording import QT_TRANSLATE_NOOP

# Finnish; translated where shown (wording.translate with wording.CONTEXT).
ENTRY_TITLE = QT_TRANSLATE_NOOP("Documents", "Sosiaalipäivystyksen kirjaus")
HANDOFF_TITLE = QT_TRANSLATE_NOOP("Documents", "Faksi virka-aikaiselle päivystäjälle")
NOTIFICATION_TITLE = QT_TRANSLATE_NOOP("Documents", "Lastensuojeluilmoitus")
# The name printed and shown for a person whose name is not known.
NAME_NOT_KNOWN = QT_TRANSLATE_NOOP("Documents", "(nimi ei tiedossa)")
