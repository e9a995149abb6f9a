"""The command line's language: its words translated with QtCore's QTranslator alone.

The helpdesk commands, ``--self-test`` and argparse's help are written in Finnish
through :mod:`app.services.i18n`; for Swedish or English the entry point installs the
window's own translations there (``paivystys_<lang>.qm``), without an application object
or widgets. Imported only for those languages, so a Finnish command loads no Qt.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QTranslator

from app.services import i18n

log = logging.getLogger(__name__)

TRANSLATIONS = Path(__file__).with_name("i18n")
# The translator in use: kept alive as long as the hook calls it.
_IN_USE: list[QTranslator] = []


def install(language: str, directory: Path = TRANSLATIONS) -> bool:
    """Translate the command line's words into ``language``; False (and Finnish) when its
    translations are not there (a source tree where they were not built)."""
    translator = QTranslator()
    if language == "fi" or not translator.load(f"paivystys_{language}", str(directory)):
        i18n.set_translate(None)
        _IN_USE.clear()
        return language == "fi"
    _IN_USE[:] = [translator]
    i18n.set_translate(lambda context, text: translator.translate(context, text) or text)
    return True
