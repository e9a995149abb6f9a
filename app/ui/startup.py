"""Start-up failures a worker must see even without a terminal."""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox


def show_startup_error(details: str) -> None:
    """A modal dialog: start-up cannot continue. ``details`` are for helpdesk."""
    if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
        return  # headless runs (tests, CI) read stderr; a dialog would wait forever
    app = QApplication.instance() or QApplication([])
    box = QMessageBox()
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("startup", "Päivystys ei käynnisty"))
    box.setText(
        QCoreApplication.translate(
            "startup",
            "Päivystys ei voi käynnistyä, koska työaseman asetuksissa on virhe. "
            "Ota yhteys tukipalveluun (helpdesk) ja kerro heille alla olevat tiedot.",
        )
    )
    box.setDetailedText(details)
    box.exec()
    del app
