"""The outbox view's yes/no questions, each non-blocking with "no" as the default.

Removing a refused record of a discard, and sending held items to a
municipality's new address. An item is bound to the registrar, system and
endpoint its municipality had when it was saved; when the policy later names
another, the item waits (DestinationChanged) until someone confirms here, or
helpdesk runs ``paivystys outbox confirm-destination``. A changed address is
either helpdesk's planned move or someone redirecting client data.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget


def ask(
    parent: QWidget,
    name: str,
    texts: tuple[str, str, str],
    answers: tuple[str, str],
    on_yes: Callable[[], None],
    icon: QMessageBox.Icon = QMessageBox.Icon.Question,
) -> QMessageBox:
    """Open a window-modal question named ``name`` (title, text, details; yes, no);
    ``on_yes`` only on an explicit yes (``NAMEYes``). Escape and Enter answer no."""
    title, text, details = texts
    box = QMessageBox(parent)
    box.setObjectName(name)
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setText(text)
    box.setInformativeText(details)
    yes = box.addButton(answers[0], QMessageBox.ButtonRole.AcceptRole)
    yes.setObjectName(f"{name}Yes")
    no = box.addButton(answers[1], QMessageBox.ButtonRole.RejectRole)
    no.setObjectName(f"{name}No")
    box.setDefaultButton(no)
    box.setEscapeButton(no)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def answered(_result: int) -> None:
        if box.clickedButton() == yes:
            on_yes()

    box.finished.connect(answered)
    box.open()
    return box


def ask_to_remove_event(parent: QWidget, what: str, on_yes: Callable[[], None]) -> QMessageBox:
    """A refused record of a discard (``what``: its label and place): remove it?"""
    return ask(
        parent,
        "confirmRemoveEvent",
        (
            QCoreApplication.translate("OutboxQuestions", "Poista hylkäysmerkintä"),
            QCoreApplication.translate(
                "OutboxQuestions",
                "Järjestelmä ei ottanut vastaan merkintää hylätystä lähetyksestä:\n{what}",
            ).format(what=what),
            QCoreApplication.translate(
                "OutboxQuestions",
                "Näin käy, kun järjestelmä ei tunne asiakasta: sillä ei ole hylätystä "
                "lähetyksestäkään mitään. Poistetaanko merkintä lähtevistä? Uutta merkintää "
                "ei lähetetä.",
            ),
        ),
        (
            QCoreApplication.translate("OutboxQuestions", "Poista merkintä"),
            QCoreApplication.translate("OutboxQuestions", "Älä poista"),
        ),
        on_yes,
    )


def ask_to_confirm_destination(
    parent: QWidget, place: str, saved_for: str, now: str, on_yes: Callable[[], None]
) -> QMessageBox:
    """Held items of ``place``: send them where the policy now says?"""
    return ask(
        parent,
        "confirmDestination",
        (
            QCoreApplication.translate("OutboxQuestions", "Järjestelmän osoite on muuttunut"),
            QCoreApplication.translate(
                "OutboxQuestions",
                "{place}: asiakastietojärjestelmän osoite on muuttunut sen jälkeen, kun "
                "lähetykset tallennettiin. Niitä ei ole lähetetty uuteen osoitteeseen.",
            ).format(place=place),
            QCoreApplication.translate(
                "OutboxQuestions",
                "Tallennettaessa: {saved_for}\nNyt: {now}\n\n"
                "Lähetä uuteen osoitteeseen vain, jos tuki on kertonut muutoksesta. "
                "Epäselvässä tapauksessa soita tukeen: lähetykset odottavat tallessa.",
            ).format(
                saved_for=saved_for
                or QCoreApplication.translate("OutboxQuestions", "(ei tiedossa)"),
                now=now,
            ),
        ),
        (
            QCoreApplication.translate("OutboxQuestions", "Lähetä uuteen osoitteeseen"),
            QCoreApplication.translate("OutboxQuestions", "Älä lähetä"),
        ),
        on_yes,
        QMessageBox.Icon.Warning,
    )
