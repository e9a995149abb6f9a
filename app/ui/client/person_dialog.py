"""Who a new client is: from the population register, or told to the worker.

A person the municipality's system does not know yet is written for as a new
client with the register's name and address (which this dialog shows and does
not let the worker change). A person with no Finnish identity code is recorded
with what is known, for the office-hours worker to identify.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.hetu import Hetu
from app.domain.model import Address, PersonDetails
from app.ui.focus import activate, add_save_shortcuts, show_focus
from app.ui.labels import plain_label
from app.ui.locale_format import date_text, number_text, parse_date

MAX_NAME = 100
MAX_DESCRIPTION = 2000


# The example the hint and the problem give, in the interface's own date format.
_EXAMPLE_BIRTH_DATE = dt.date(2011, 7, 3)


class PersonDialog(QDialog):
    """Asks for (or confirms) a new client's details; ``person()`` once accepted.

    ``hetu`` None: a person with no Finnish identity code. ``known`` prefills the
    register's details; its name and address are then shown, not edited.
    """

    def __init__(
        self,
        hetu: Hetu | None,
        known: PersonDetails | None,
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("personDialog")
        self._hetu = hetu
        self._known = known
        self._today = today
        if hetu is None:
            self.setWindowTitle(self.tr("Henkilö ilman henkilötunnusta"))
            intro = self.tr(
                "Kirjaa, mitä henkilöstä tiedetään. Kirjaus merkitään tunnistettavaksi, ja "
                "virka-aikainen työntekijä tunnistaa henkilön."
            )
        else:
            self.setWindowTitle(self.tr("Uusi asiakas"))
            intro = self.tr(
                "Henkilö ({code}) ei ole tämän kunnan asiakas. Kirjaus lähtee näillä tiedoilla, "
                "ja asiakkuus avataan kunnan järjestelmään."
            ).format(code=hetu.value)
        self.last_name = self._line("personLastName", self.tr("Sukunimi"))
        self.first_names = self._line("personFirstNames", self.tr("Etunimet"))
        example = date_text(_EXAMPLE_BIRTH_DATE)
        self.birth_date = self._line(
            "personBirthDate", self.tr("Syntymäaika, esim. {date}").format(date=example)
        )
        # The format to type, in sight until something is typed.
        self.birth_date.setPlaceholderText(example)
        self.nationality = self._line("personNationality", self.tr("Kansalaisuus"))
        self.language = self._line("personLanguage", self.tr("Kieli"))
        self.description = QPlainTextEdit(self)
        self.description.setObjectName("personDescription")
        self.description.setAccessibleName(self.tr("Kuvaus henkilöstä"))
        self.description.setTabChangesFocus(True)
        self.description.setMaximumHeight(90)
        self.problem = plain_label(self, "personProblem")
        self.problem.setStyleSheet("color: #8a1c14;")
        self.problem.setVisible(False)
        self.address = plain_label(self, "personAddress")

        form = QFormLayout()
        form.addRow(self.tr("&Sukunimi:"), self.last_name)
        form.addRow(self.tr("&Etunimet:"), self.first_names)
        form.addRow(self.tr("S&yntymäaika:"), self.birth_date)
        form.addRow(self.tr("&Kansalaisuus:"), self.nationality)
        form.addRow(self.tr("K&ieli:"), self.language)
        form.addRow(self.tr("K&uvaus:"), self.description)
        form.addRow(self.tr("Osoite:"), self.address)
        buttons = QDialogButtonBox(self)
        ok = buttons.addButton(
            self.tr("&Jatka kirjaukseen"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        ok.setObjectName("personAccept")
        buttons.addButton(self.tr("&Peruuta"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        add_save_shortcuts(self, self.accept)
        show_focus(self)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(self, "personIntro", intro))
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self._prefill()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        activate(self)

    def _line(self, name: str, title: str) -> QLineEdit:
        line = QLineEdit(self)
        line.setObjectName(name)
        line.setAccessibleName(title)
        line.setMaxLength(MAX_NAME)
        return line

    def _prefill(self) -> None:
        known, hetu = self._known, self._hetu
        if hetu is not None:
            self.birth_date.setText(date_text(hetu.birth_date))
            self.birth_date.setReadOnly(True)
        if known is not None:
            self.last_name.setText(known.last_name)
            self.first_names.setText(known.first_names)
            # The register's name is the person's name: shown, not retyped.
            self.last_name.setReadOnly(True)
            self.first_names.setReadOnly(True)
        if known is not None and known.non_disclosure:
            self.address.setText(self.tr("TURVAKIELTO – osoitetta ei näytetä"))
        elif known is not None and known.address is not None:
            address = known.address
            self.address.setText(f"{address.street}, {address.postal_code} {address.city}")
        else:
            self.address.setText(self.tr("ei tiedossa"))
        first = next(
            (w for w in (self.last_name, self.first_names, self.birth_date) if not w.isReadOnly()),
            self.nationality,
        )
        first.setFocus(Qt.FocusReason.OtherFocusReason)

    def accept(self) -> None:
        problem, field = self._problem()
        if problem:
            self.problem.setText(problem)
            self.problem.setVisible(True)
            if field is not None:
                field.setFocus()
            return
        super().accept()

    def _problem(self) -> tuple[str, QWidget | None]:
        if not (self.last_name.text().strip() or self.first_names.text().strip()):
            return self.tr("Kirjoita henkilön nimi (tai se, millä hänet tunnetaan)."), (
                self.last_name
            )
        text = self.birth_date.text().strip()
        born = parse_date(text)
        if text and (born is None or born > self._today):
            return self.tr("Syntymäaika ei kelpaa: kirjoita päivämäärä, esim. {date}.").format(
                date=date_text(_EXAMPLE_BIRTH_DATE)
            ), self.birth_date
        if len(self.description.toPlainText()) > MAX_DESCRIPTION:
            return self.tr("Kuvaus on liian pitkä: enintään {limit} merkkiä.").format(
                limit=number_text(MAX_DESCRIPTION)
            ), self.description
        return "", None

    def person(self) -> PersonDetails:
        """The details as accepted; the register's address and non-disclosure carried over."""
        known = self._known
        address: Address | None = known.address if known is not None else None
        return PersonDetails(
            last_name=self.last_name.text().strip(),
            first_names=self.first_names.text().strip(),
            birth_date=parse_date(self.birth_date.text()),
            address=address,
            non_disclosure=known.non_disclosure if known is not None else False,
            nationality=self.nationality.text().strip(),
            language=self.language.text().strip(),
            description=self.description.toPlainText().strip(),
        )
