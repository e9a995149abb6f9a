"""The keyboard shortcuts, as the help box (F1) lists them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget


def shortcuts_text() -> str:
    return QCoreApplication.translate(
        "Shortcuts",
        "Ctrl+1…Ctrl+9  valitse kunta\n"
        "Ctrl+F  henkilötunnus\n"
        "Enter  hae asiakas\n"
        "Ctrl+K  vaihda asiakkaan kotikuntaan ja hae uudelleen\n"
        "Ctrl+N  uusi kirjaus (jatkaa asiakkaan luonnosta)\n"
        "Ctrl+Shift+N  uusi asiakas tähän kuntaan\n"
        "Ctrl+Shift+U  henkilö ilman henkilötunnusta\n"
        "Ctrl+Shift+L  luonnokset\n"
        "Ctrl+Enter  tallenna kirjaus\n"
        "Ctrl+P  tulosta viimeksi tallennettu kirjaus\n"
        "Ctrl+L  lähtevät kirjaukset\n"
        "Ctrl+H  siirrä virka-aikaiselle\n"
        "Ctrl+I  lastensuojeluilmoitus\n"
        "Ctrl+J  avoimet siirrot\n"
        "F5  tarkista yhteydet\n"
        "F1  pikanäppäimet\n"
        "Ctrl+Shift+M  viimeisimmät viestit (Enter kuittaa virheet ja varoitukset)\n"
        "F12  lukitse (asiakastiedot pois näytöltä ja muistista)\n"
        "Ctrl+Q  lopeta",
    )


def show_shortcuts(parent: QWidget) -> QMessageBox:
    """A non-modal box: the worker may keep it open beside the window."""
    box = QMessageBox(parent)
    box.setWindowTitle(QCoreApplication.translate("Shortcuts", "Pikanäppäimet"))
    box.setText(shortcuts_text())
    box.setModal(False)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.show()
    return box
