"""Dialogs for an outbox item needing attention: correct and resend, or discard with a reason."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.model import DutyEntry

_REASON_STYLE = "color: #5c0b0b; background: #fde8e8; border: 1px solid #b3261e; padding: 4px;"


def _plain_label(parent: QWidget, name: str, text: str) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class CorrectionEditor(QDialog):
    """The refused entry's text, editable; the key stays, so it is recorded only once.

    Signals:
        resend_requested(object): the worker corrected the entry; the
            corrected DutyEntry to send instead.
    """

    resend_requested = Signal(object)

    def __init__(
        self, entry: DutyEntry, label: str, where: str, reason: str, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("correctionEditor")
        self.setWindowTitle(self.tr("Korjaa kirjaus"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._entry = entry
        subject = _plain_label(self, "correctionSubject", f"{label} – {where}")
        refusal = _plain_label(
            self,
            "correctionReason",
            self.tr("Järjestelmä hylkäsi kirjauksen: {reason}").format(reason=reason),
        )
        refusal.setStyleSheet(_REASON_STYLE)
        self.narrative = QPlainTextEdit(entry.narrative, self)
        self.narrative.setObjectName("correctionNarrative")
        self.narrative.setAccessibleName(self.tr("Kuvaus tilanteesta"))
        self.narrative.setTabChangesFocus(True)
        self.measures = QPlainTextEdit(entry.measures, self)
        self.measures.setObjectName("correctionMeasures")
        self.measures.setAccessibleName(self.tr("Tehdyt toimenpiteet"))
        self.measures.setTabChangesFocus(True)
        self.follow_up = QCheckBox(self.tr("Vaatii jatkotoimia virka-aikana"), self)
        self.follow_up.setObjectName("correctionFollowUp")
        self.follow_up.setChecked(entry.follow_up_needed)
        self.problem = _plain_label(self, "correctionProblem", "")
        self.resend = QPushButton(self.tr("Lähetä uudelleen"), self)
        self.resend.setObjectName("resendButton")
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.resend, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        self.resend.clicked.connect(self._request_resend)
        form = QFormLayout()
        form.addRow(self.tr("Kuvaus:"), self.narrative)
        form.addRow(self.tr("Toimenpiteet:"), self.measures)
        form.addRow(self.follow_up)
        layout = QVBoxLayout(self)
        layout.addWidget(subject)
        layout.addWidget(refusal)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(640, 480)

    def _request_resend(self) -> None:
        if not self.narrative.toPlainText().strip():
            self.problem.setText(self.tr("Kirjauksesta puuttuu kuvaus. Kirjoita, mitä tapahtui."))
            self.narrative.setFocus()
            return
        self.resend.setEnabled(False)
        self.problem.setText(self.tr("Tallennetaan korjausta…"))
        corrected = replace(
            self._entry,
            narrative=self.narrative.toPlainText(),
            measures=self.measures.toPlainText(),
            follow_up_needed=self.follow_up.isChecked(),
        )
        self.resend_requested.emit(corrected)

    def resend_failed(self, text: str) -> None:
        self.resend.setEnabled(True)
        self.problem.setText(text)


class DiscardDialog(QDialog):
    """Asks why the item is discarded; the reason is required and goes to the registrar.

    Signals:
        discard_requested(str): the worker confirmed the discard with this reason.
    """

    discard_requested = Signal(str)

    def __init__(self, label: str, where: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("discardDialog")
        self.setWindowTitle(self.tr("Hylkää lähtevä kirjaus"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        intro = _plain_label(
            self,
            "discardIntro",
            self.tr(
                "Kirjaus {label} ({where}) poistetaan lähtevistä eikä sitä toimiteta. "
                "Hylkäämisestä ja sen syystä lähtee merkintä rekisterinpitäjän järjestelmään."
            ).format(label=label, where=where),
        )
        self.reason = QPlainTextEdit(self)
        self.reason.setObjectName("discardReason")
        self.reason.setAccessibleName(self.tr("Hylkäämisen syy"))
        self.reason.setPlaceholderText(self.tr("Miksi kirjaus hylätään? (pakollinen)"))
        self.reason.setTabChangesFocus(True)
        self.confirm = QPushButton(self.tr("Hylkää kirjaus"), self)
        self.confirm.setObjectName("confirmDiscardButton")
        self.confirm.setEnabled(False)
        self.problem = _plain_label(self, "discardProblem", "")
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.confirm, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        self.reason.textChanged.connect(self._update)
        self.confirm.clicked.connect(self._request_discard)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(QLabel(self.tr("Syy:"), self))
        layout.addWidget(self.reason)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def _update(self) -> None:
        self.confirm.setEnabled(bool(self.reason.toPlainText().strip()))

    def _request_discard(self) -> None:
        reason = self.reason.toPlainText().strip()
        if not reason:
            self.problem.setText(self.tr("Kirjoita syy, miksi kirjaus hylätään."))
            return
        self.confirm.setEnabled(False)
        self.discard_requested.emit(reason)

    def discard_failed(self, text: str) -> None:
        self.problem.setText(text)
        self._update()
