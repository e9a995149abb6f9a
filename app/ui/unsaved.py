"""The one question asked before text the worker typed would leave the screen.

Quit, window close, municipality switch, a new search and an edited identity code
all ask it when a form holds unsaved text. Every answer is one key away: the
buttons carry mnemonics, Enter saves, Esc cancels.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


class Choice(Enum):
    SAVE = "save"
    KEEP_DRAFT = "keep_draft"
    DISCARD = "discard"
    CANCEL = "cancel"


def question_box(parent: QWidget | None, who: str, why: str, draft: bool = True) -> QMessageBox:
    """The dialog, not yet shown: ``who`` names the client, ``why`` what is about to
    happen; ``draft`` False leaves out "keep as draft" (a form that keeps none)."""
    box = QMessageBox(parent)
    box.setObjectName("unsavedDialog")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("UnsavedQuestion", "Tallentamaton teksti"))
    box.setText(
        QCoreApplication.translate(
            "UnsavedQuestion", "Kirjoitettu teksti on tallentamatta ({who})."
        ).format(who=who)
    )
    box.setInformativeText(
        why
        + " "
        + QCoreApplication.translate(
            "UnsavedQuestion", "Tallenna lähettää sen asiakkaan järjestelmään."
        )
        + (
            " "
            + QCoreApplication.translate(
                "UnsavedQuestion",
                "Luonnos säilyy salattuna tällä koneella ja tarjotaan, kun asiakas haetaan "
                "uudelleen.",
            )
            if draft
            else ""
        )
        + " "
        + QCoreApplication.translate("UnsavedQuestion", "Hylkää poistaa tekstin.")
    )
    save = box.addButton(
        QCoreApplication.translate("UnsavedQuestion", "&Tallenna"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    save.setObjectName("unsavedSave")
    if draft:
        keep = box.addButton(
            QCoreApplication.translate("UnsavedQuestion", "Säilytä &luonnoksena"),
            QMessageBox.ButtonRole.ActionRole,
        )
        keep.setObjectName("unsavedKeepDraft")
    discard = box.addButton(
        QCoreApplication.translate("UnsavedQuestion", "&Hylkää"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    discard.setObjectName("unsavedDiscard")
    cancel = box.addButton(
        QCoreApplication.translate("UnsavedQuestion", "&Peruuta"), QMessageBox.ButtonRole.RejectRole
    )
    cancel.setObjectName("unsavedCancel")
    box.setDefaultButton(save)
    box.setEscapeButton(cancel)
    return box


def choice_of(box: QMessageBox) -> Choice:
    clicked = box.clickedButton()
    name = clicked.objectName() if clicked is not None else ""
    return {
        "unsavedSave": Choice.SAVE,
        "unsavedKeepDraft": Choice.KEEP_DRAFT,
        "unsavedDiscard": Choice.DISCARD,
    }.get(name, Choice.CANCEL)


# Tests may replace this to answer without a modal loop.
Asker = Callable[..., Choice]


def ask(parent: QWidget | None, who: str, why: str, draft: bool = True) -> Choice:
    """Ask modally; the worker's answer (Esc or closing the box is CANCEL)."""
    box = question_box(parent, who, why, draft)
    box.exec()
    if parent is not None:
        # The window's shortcuts (Ctrl+F…) work again at once, with or without a
        # window manager to hand the activation back.
        parent.activateWindow()
    return choice_of(box)
