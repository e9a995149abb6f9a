"""Asking before held items go to a municipality's new address.

An item is bound to the registrar, system and endpoint its municipality had
when it was saved. When the policy later names another, the item waits
(DestinationChanged) until someone confirms here, or helpdesk runs
``paivystys outbox confirm-destination``. The default answer is no: a changed
address is either helpdesk's planned move or someone redirecting client data.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget


def tr(text: str) -> str:
    return QCoreApplication.translate("DestinationQuestion", text)


def ask_to_confirm(
    parent: QWidget, place: str, saved_for: str, now: str, on_yes: Callable[[], None]
) -> QMessageBox:
    """Open the question (window-modal, not blocking); ``on_yes`` only on an explicit yes."""
    box = QMessageBox(parent)
    box.setObjectName("confirmDestination")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(tr("Järjestelmän osoite on muuttunut"))
    box.setText(
        tr(
            "{place}: asiakastietojärjestelmän osoite on muuttunut sen jälkeen, kun "
            "lähetykset tallennettiin. Niitä ei ole lähetetty uuteen osoitteeseen."
        ).format(place=place)
    )
    box.setInformativeText(
        tr(
            "Tallennettaessa: {saved_for}\nNyt: {now}\n\n"
            "Lähetä uuteen osoitteeseen vain, jos tuki on kertonut muutoksesta. "
            "Epäselvässä tapauksessa soita tukeen: lähetykset odottavat tallessa."
        ).format(saved_for=saved_for or tr("(ei tiedossa)"), now=now)
    )
    yes = box.addButton(tr("Lähetä uuteen osoitteeseen"), QMessageBox.ButtonRole.AcceptRole)
    yes.setObjectName("confirmDestinationYes")
    no = box.addButton(tr("Älä lähetä"), QMessageBox.ButtonRole.RejectRole)
    no.setObjectName("confirmDestinationNo")
    box.setDefaultButton(no)
    box.setEscapeButton(no)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def answered(_result: int) -> None:
        if box.clickedButton() == yes:
            on_yes()

    box.finished.connect(answered)
    box.open()
    return box
