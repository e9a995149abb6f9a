"""Client search by identity code, validated while the worker types."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.domain.hetu import Hetu, HetuProblem, InvalidHetu, parse_hetu
from app.ui import messages
from app.ui.colours import readable

_PROBLEM = ("#8a1c14", "#ff8a80")
_WARNING_STYLE = "color: #4a3500; background: #fff4d6; padding: 2px;"


class ClientSearch(QWidget):
    """The identity code field with its live validation.

    The code is kept as typed apart from case and surrounding whitespace: the
    century sign is part of the identity and is never rewritten.

    Signals:
        search_requested(object): Enter was pressed on a valid code (a Hetu).
        invalid_submitted(str): Enter was pressed on an invalid code; the
            message says what is wrong.
    """

    search_requested = Signal(object)
    invalid_submitted = Signal(str)

    def __init__(self, training: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # In training every synthetic client has a temporary number: flagging
        # each one would teach trainees to ignore the warning.
        self._flag_temporary = not training
        self.field = QLineEdit(self)
        self.field.setObjectName("hetuInput")
        self.field.setPlaceholderText(self.tr("Henkilötunnus, esim. PPKKVV-NNNT"))
        self.field.setAccessibleName(self.tr("Henkilötunnus"))
        self.field.setAccessibleDescription(
            self.tr("Asiakkaan henkilötunnus; Enter hakee, Ctrl+F siirtyy tähän kenttään.")
        )
        self.field.setMaxLength(20)
        self.field.setClearButtonEnabled(True)
        self.problem = QLabel(self)
        self.problem.setObjectName("hetuProblem")
        self.problem.setAccessibleName(self.tr("Henkilötunnuksen tarkistus"))
        self.problem.setStyleSheet(f"color: {readable(_PROBLEM)};")
        self.problem.setWordWrap(True)
        self.temporary = QLabel(self)
        self.temporary.setObjectName("hetuTemporaryWarning")
        self.temporary.setAccessibleName(self.tr("Väliaikainen tunnus"))
        self.temporary.setStyleSheet(_WARNING_STYLE)
        self.temporary.setWordWrap(True)
        self.temporary.setVisible(False)

        label = QLabel(self.tr("&Henkilötunnus:"), self)
        label.setBuddy(self.field)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.field, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.problem)
        layout.addWidget(self.temporary)

        self.field.textChanged.connect(self._validate)
        self.field.returnPressed.connect(self._submit)

    def focus(self) -> None:
        self.field.setFocus()
        self.field.selectAll()

    def clear(self) -> None:
        # setText, not clear(): clear() is undoable, and Ctrl+Z must not bring
        # the previous municipality's client back.
        self.field.setText("")

    def current(self) -> Hetu | None:
        """The valid code in the field, or None."""
        try:
            return parse_hetu(self.field.text())
        except InvalidHetu:
            return None

    def _validate(self, text: str) -> None:
        try:
            hetu = parse_hetu(text)
        except InvalidHetu as invalid:
            # An empty field or one still being typed is not an error yet.
            shown = invalid.problem not in (HetuProblem.EMPTY, HetuProblem.INCOMPLETE)
            self.problem.setText(messages.hetu_problem(invalid.problem) if shown else "")
            self.temporary.setVisible(False)
            self.temporary.setText("")
            return
        self.problem.setText("")
        flagged = self._flag_temporary and hetu.is_temporary
        self.temporary.setText(messages.temporary_hetu_warning() if flagged else "")
        self.temporary.setVisible(flagged)

    def _submit(self) -> None:
        try:
            hetu = parse_hetu(self.field.text())
        except InvalidHetu as invalid:
            message = messages.hetu_problem(invalid.problem)
            self.problem.setText(message)
            self.invalid_submitted.emit(message)
            return
        self.search_requested.emit(hetu)
