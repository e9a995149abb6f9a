"""Dialogs for an outbox item needing attention: correct and resend, or discard with a reason."""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.kinds import ItemKind
from app.domain.model import DutyEntry
from app.ui.focus import add_save_shortcuts, focus_first, show_focus
from app.ui.forms import PROBLEM_STYLE
from app.ui.labels import plain_label


class _ResendFrame(QDialog):
    """What every correction dialog shares: subject, the system's refusal, a form,
    a problem line and "Lähetä uudelleen" (Ctrl+Enter). Subclasses fill the form,
    check it and put the focus in its first field."""

    def __init__(self, name: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.form = QFormLayout()
        self.problem = plain_label(self, "correctionProblem", "")
        self.resend = QPushButton(self.tr("Lähetä uudelleen (Ctrl+Enter)"), self)
        self.resend.setObjectName("resendButton")
        self.resend.setDefault(True)
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.resend, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        self.resend.clicked.connect(self._request_resend)
        self.subject = plain_label(self, "correctionSubject", "")
        self.refusal = plain_label(self, "correctionReason", "")
        self.refusal.setStyleSheet(PROBLEM_STYLE)
        layout = QVBoxLayout(self)
        layout.addWidget(self.subject)
        layout.addWidget(self.refusal)
        layout.addLayout(self.form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        # click(), not the slot: a resend on its way has disabled the button.
        add_save_shortcuts(self, self.resend.click)
        show_focus(self)
        self.resize(640, 480)

    def _describe(self, title: str, subject: str, refusal: str) -> None:
        self.setWindowTitle(title)
        self.subject.setText(subject)
        self.refusal.setText(refusal)

    def _request_resend(self) -> None:
        raise NotImplementedError

    def _sending(self) -> None:
        self.resend.setEnabled(False)
        self.problem.setText(self.tr("Tallennetaan korjausta…"))

    def resend_failed(self, text: str) -> None:
        self.resend.setEnabled(True)
        self.problem.setText(text)


class CorrectionEditor(_ResendFrame):
    """The refused entry's text, editable; the key stays, so it is recorded only once.

    Signals:
        resend_requested(object): the worker corrected the entry; the
            corrected DutyEntry to send instead.
    """

    resend_requested = Signal(object)

    def __init__(
        self, entry: DutyEntry, label: str, where: str, reason: str, parent: QWidget | None
    ) -> None:
        super().__init__("correctionEditor", parent)
        self._describe(
            self.tr("Korjaa kirjaus"),
            f"{label} – {where}",
            self.tr("Järjestelmä hylkäsi kirjauksen: {reason}").format(reason=reason),
        )
        self._entry = entry
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
        self.form.addRow(self.tr("Kuvaus:"), self.narrative)
        self.form.addRow(self.tr("Toimenpiteet:"), self.measures)
        self.form.addRow(self.follow_up)
        focus_first(self.narrative)

    def _request_resend(self) -> None:
        if not self.narrative.toPlainText().strip():
            self.problem.setText(self.tr("Kirjauksesta puuttuu kuvaus. Kirjoita, mitä tapahtui."))
            self.narrative.setFocus()
            return
        self._sending()
        corrected = replace(
            self._entry,
            narrative=self.narrative.toPlainText(),
            measures=self.measures.toPlainText(),
            follow_up_needed=self.follow_up.isChecked(),
        )
        self.resend_requested.emit(corrected)


class DiscardDialog(QDialog):
    """Asks why the item is discarded; the reason is required and goes to the registrar.
    Opens in the reason; Ctrl+Enter confirms once there is one.

    Signals:
        discard_requested(str): the worker confirmed the discard with this reason.
    """

    discard_requested = Signal(str)

    def __init__(self, kind: ItemKind, label: str, where: str, parent: QWidget | None) -> None:
        """``kind``: an entry, a message or a notification; any other kind is not
        discarded with a reason (ValueError)."""
        title, intro_text, placeholder, confirm = _discard_texts(kind)
        super().__init__(parent)
        self.setObjectName("discardDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(title)
        intro = plain_label(self, "discardIntro", intro_text.format(label=label, where=where))
        self.reason = QPlainTextEdit(self)
        self.reason.setObjectName("discardReason")
        self.reason.setAccessibleName(self.tr("Hylkäämisen syy"))
        self.reason.setPlaceholderText(placeholder)
        self.reason.setTabChangesFocus(True)
        self.confirm = QPushButton(confirm, self)
        self.confirm.setObjectName("confirmDiscardButton")
        self.confirm.setToolTip(self.tr("Ctrl+Enter"))
        self.confirm.setEnabled(False)
        self.problem = plain_label(self, "discardProblem", "")
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
        add_save_shortcuts(self, self.confirm.click)
        show_focus(self)
        focus_first(self.reason)

    def _update(self) -> None:
        self.confirm.setEnabled(bool(self.reason.toPlainText().strip()))

    def _request_discard(self) -> None:
        reason = self.reason.toPlainText().strip()
        if not reason:
            self.problem.setText(self.tr("Kirjoita hylkäämisen syy."))
            return
        self.confirm.setEnabled(False)
        self.discard_requested.emit(reason)

    def discard_failed(self, text: str) -> None:
        self.problem.setText(text)
        self._update()


def _discard_texts(kind: ItemKind) -> tuple[str, str, str, str]:
    """The discard dialog's title, introduction, reason placeholder and confirming
    button: whole sentences per kind, as word order and cases differ in every language."""
    match kind:
        case ItemKind.ENTRY:
            return (
                QCoreApplication.translate("DiscardDialog", "Hylkää lähtevä kirjaus"),
                QCoreApplication.translate(
                    "DiscardDialog",
                    "Kirjaus {label} ({where}) poistetaan lähtevistä eikä sitä toimiteta. "
                    "Hylkäämisestä ja sen syystä lähtee merkintä rekisterinpitäjän järjestelmään.",
                ),
                QCoreApplication.translate("DiscardDialog", "Miksi kirjaus hylätään? (pakollinen)"),
                QCoreApplication.translate("DiscardDialog", "Hylkää kirjaus"),
            )
        case ItemKind.MAIL:
            return (
                QCoreApplication.translate("DiscardDialog", "Hylkää lähtevä viesti"),
                QCoreApplication.translate(
                    "DiscardDialog",
                    "Viesti {label} ({where}) poistetaan lähtevistä eikä sitä toimiteta. "
                    "Hylkäämisestä ja sen syystä lähtee merkintä rekisterinpitäjän järjestelmään.",
                ),
                QCoreApplication.translate("DiscardDialog", "Miksi viesti hylätään? (pakollinen)"),
                QCoreApplication.translate("DiscardDialog", "Hylkää viesti"),
            )
        case ItemKind.NOTIFICATION:
            return (
                QCoreApplication.translate("DiscardDialog", "Hylkää lähtevä lastensuojeluilmoitus"),
                QCoreApplication.translate(
                    "DiscardDialog",
                    "Lastensuojeluilmoitus {label} ({where}) poistetaan lähtevistä eikä sitä "
                    "toimiteta. Hylkäämisestä ja sen syystä lähtee merkintä rekisterinpitäjän "
                    "järjestelmään. Jos ilmoitus on silti tehtävä, tee se uudelleen tai "
                    "faksaa se.",
                ),
                QCoreApplication.translate(
                    "DiscardDialog", "Miksi ilmoitus hylätään? (pakollinen)"
                ),
                QCoreApplication.translate("DiscardDialog", "Hylkää ilmoitus"),
            )
        case _:
            # An event is the record of a discard; a fax is completed by hand.
            raise ValueError(f"an item of kind {kind} is not discarded with a reason")


@dataclass(frozen=True)
class EditableField:
    """One field of a refused item the worker may correct: ``name`` is the attribute."""

    name: str
    label: str
    text: str
    multiline: bool = False
    required: bool = True


class FieldsCorrectionEditor(_ResendFrame):
    """A refused message or notification's text fields, editable; the key stays.

    Signals:
        resend_requested(object): a dict of the corrected fields (attribute name: text).
    """

    resend_requested = Signal(object)

    def __init__(
        self,
        title: str,
        fields: list[EditableField],
        subject: str,
        reason: str,
        parent: QWidget | None,
    ) -> None:
        super().__init__("fieldsCorrectionEditor", parent)
        refusal = self.tr("Järjestelmä hylkäsi lähetyksen: {reason}").format(reason=reason)
        self._describe(title, subject, refusal)
        self._fields = fields
        self.editors: dict[str, QLineEdit | QPlainTextEdit] = {}
        for field in fields:
            editor: QLineEdit | QPlainTextEdit
            if field.multiline:
                editor = QPlainTextEdit(field.text, self)
                editor.setTabChangesFocus(True)
            else:
                editor = QLineEdit(field.text, self)
            editor.setObjectName(f"correct_{field.name}")
            editor.setAccessibleName(field.label)
            self.editors[field.name] = editor
            self.form.addRow(field.label + ":", editor)
        if fields:
            focus_first(self.editors[fields[0].name])

    def values(self) -> dict[str, str]:
        return {
            name: editor.toPlainText() if isinstance(editor, QPlainTextEdit) else editor.text()
            for name, editor in self.editors.items()
        }

    def _request_resend(self) -> None:
        values = self.values()
        for field in self._fields:
            if field.required and not values[field.name].strip():
                self.problem.setText(
                    self.tr("Kenttä {field} on tyhjä. Täytä se.").format(field=field.label)
                )
                self.editors[field.name].setFocus()
                return
        self._sending()
        self.resend_requested.emit(values)
