"""The documents' titles: the window names a print job by them before anything is
rendered, so they are here, apart from the rendering (reportlab)."""

from __future__ import annotations

ENTRY_TITLE = "Sosiaalipäivystyksen kirjaus"
HANDOFF_TITLE = "Faksi virka-aikaiselle päivystäjälle"
NOTIFICATION_TITLE = "Lastensuojeluilmoitus"
