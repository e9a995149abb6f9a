"""What the population register says about the person searched for, and where they live.

Two questions go to the register, each off the GUI thread:

- at every search only the home municipality (the connector's narrow query, so that
  finding out where to switch fetches no address or family): when it is not the
  selected municipality, an offer to switch there with one key (Ctrl+K);
- after the client lookup, the person's record (home municipality, guardians,
  children, household) for the card: when the client was found, or when the register
  says the person lives in the selected municipality anyway (a child the municipality's
  child protection does not know yet).

Under address non-disclosure the connector has dropped the address already; the panel
shows a marker in its place and reports the protection, so that the card and the
printout hide the client system's address too. Like the card, the panel keeps nothing
once cleared: a new search or another municipality empties it and makes any answer
still on its way stale.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from functools import partial
from typing import Literal

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from app.connectors import errors
from app.connectors.population import PersonRecord, PersonRef, PopulationRegister
from app.domain.hetu import Hetu
from app.domain.policy import Municipality, Policy
from app.ui.labels import data_label
from app.ui.tasks import Generation, TaskRunner

log = logging.getLogger(__name__)

_MARKER_STYLE = (
    "color: #ffffff; background: #a3231b; font-weight: bold; padding: 3px 6px; border-radius: 3px;"
)
_OFFER_STYLE = (
    "QFrame#homeMunicipalityOffer { background: #e3f0ff; border: 2px solid #1f5fa8; }"
    " QLabel { color: #0b2a4a; font-weight: bold; padding: 4px; }"
)


def people_text(people: Iterable[PersonRef]) -> str:
    lines = []
    for person in people:
        line = f"{person.name} ({person.hetu.value})"
        if person.non_disclosure:
            line += " – " + QCoreApplication.translate("PopulationPanel", "turvakielto")
        lines.append(line)
    return "\n".join(lines)


def failure_text(error: Exception) -> str:
    if isinstance(error, errors.Untrusted):
        why = QCoreApplication.translate(
            "PopulationPanel",
            "yhteyttä väestötietojärjestelmään ei voitu varmistaa suojatuksi (varmenne); "
            "ota yhteys IT-tukeen",
        )
    elif isinstance(error, errors.Unreachable):
        why = QCoreApplication.translate(
            "PopulationPanel", "väestötietojärjestelmään ei saada yhteyttä"
        )
    elif isinstance(error, errors.TimedOut):
        why = QCoreApplication.translate(
            "PopulationPanel", "väestötietojärjestelmä ei vastannut ajoissa"
        )
    elif isinstance(error, errors.SignInRequired):
        # Not refused: no one is signed in to the register's organisation yet.
        why = QCoreApplication.translate(
            "PopulationPanel", "kirjaudu ensin (Ctrl+Shift+K), niin väestötiedot haetaan"
        )
    elif isinstance(error, errors.AuthenticationFailed):
        why = QCoreApplication.translate(
            "PopulationPanel", "väestötietojärjestelmä ei hyväksynyt tunnuksia"
        )
    elif isinstance(error, errors.Rejected):
        why = QCoreApplication.translate(
            "PopulationPanel", "väestötietojärjestelmä hylkäsi kyselyn"
        )
    else:
        why = QCoreApplication.translate("PopulationPanel", "väestötietojärjestelmässä on vika")
    return QCoreApplication.translate(
        "PopulationPanel", "Väestötietoja ei saatu: {why}. Asiakastiedot ovat silti käytössä."
    ).format(why=why)


class PopulationPanel(QGroupBox):
    """The register's record: home municipality, address or its marker, family."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            QCoreApplication.translate("PopulationPanel", "Väestötiedot (Väestösuora)"), parent
        )
        self.setObjectName("populationPanel")
        self.setAccessibleName(QCoreApplication.translate("PopulationPanel", "Väestötiedot"))
        self.notice = data_label(
            self,
            "populationNotice",
            QCoreApplication.translate("PopulationPanel", "Väestötietojen tila"),
        )
        self._form = QFormLayout(self)
        self._form.addRow(self.notice)
        self.home = self._row(
            "populationHome", QCoreApplication.translate("PopulationPanel", "Kotikunta")
        )
        self.address = self._row(
            "populationAddress", QCoreApplication.translate("PopulationPanel", "Osoite")
        )
        self.non_disclosure = self._row(
            "populationNonDisclosure", QCoreApplication.translate("PopulationPanel", "Osoite")
        )
        self.non_disclosure.setStyleSheet(_MARKER_STYLE)
        self.guardians = self._row(
            "populationGuardians", QCoreApplication.translate("PopulationPanel", "Huoltajat")
        )
        self.dependants = self._row(
            "populationChildren", QCoreApplication.translate("PopulationPanel", "Huollettavat")
        )
        self.household = self._row(
            "populationHousehold",
            QCoreApplication.translate("PopulationPanel", "Samassa osoitteessa"),
        )
        self.clear()

    def _row(self, name: str, title: str) -> QLabel:
        value = data_label(self, name, title)
        caption = QLabel(title + ":", self)
        caption.setBuddy(value)
        self._form.addRow(caption, value)
        return value

    def _set(self, label: QLabel, text: str) -> None:
        label.setText(text)
        self._form.setRowVisible(label, bool(text))

    def _rows(self) -> tuple[QLabel, ...]:
        return (
            self.home,
            self.address,
            self.non_disclosure,
            self.guardians,
            self.dependants,
            self.household,
        )

    def clear(self) -> None:
        for label in self._rows():
            self._set(label, "")
        self.show_notice("")
        self.setVisible(False)

    def show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))
        if text:
            self.setVisible(True)

    def hide_address(self) -> None:
        if self.address.text():
            self._set(self.address, "")
            self._set(
                self.non_disclosure,
                QCoreApplication.translate("PopulationPanel", "TURVAKIELTO – osoitetta ei näytetä"),
            )

    def show_record(self, record: PersonRecord, home: str, protected: bool) -> None:
        """``protected``: the client system marks the person protected even if the
        register does not; the stricter answer wins."""
        for label in self._rows():
            self._set(label, "")
        self.show_notice("")
        self._set(self.home, home)
        if record.non_disclosure or protected:
            self._set(
                self.non_disclosure,
                QCoreApplication.translate("PopulationPanel", "TURVAKIELTO – osoitetta ei näytetä"),
            )
        elif record.address is not None:
            address = record.address
            self._set(self.address, f"{address.street}, {address.postal_code} {address.city}")
        self._set(self.guardians, people_text(record.guardians))
        self._set(self.dependants, people_text(record.children))
        self._set(self.household, people_text(record.household))
        self.setVisible(True)


class HomeMunicipalityOffer(QFrame):
    """ "Asiakkaan kotikunta on X – vaihda (Ctrl+K)", with a button for the mouse.

    Signals:
        switch_requested(): the worker pressed the button.
    """

    switch_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("homeMunicipalityOffer")
        self.setAccessibleName(QCoreApplication.translate("PopulationPanel", "Kotikuntaehdotus"))
        self.setStyleSheet(_OFFER_STYLE)
        self.text = QLabel(self)
        self.text.setObjectName("homeMunicipalityText")
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setWordWrap(True)
        self.button = QPushButton(QCoreApplication.translate("PopulationPanel", "Vaihda"), self)
        self.button.setObjectName("homeMunicipalitySwitch")
        self.button.setAccessibleName(
            QCoreApplication.translate("PopulationPanel", "Vaihda asiakkaan kotikuntaan")
        )
        self.button.clicked.connect(self.switch_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.button)
        self.setVisible(False)

    def show_text(self, text: str, can_switch: bool) -> None:
        self.text.setText(text)
        self.setAccessibleDescription(text)
        self.button.setVisible(can_switch)
        self.setVisible(True)

    def clear(self) -> None:
        self.text.setText("")
        self.setAccessibleDescription("")
        self.setVisible(False)


@dataclass
class _Search:
    hetu: Hetu
    municipality: Municipality
    home: str | None = None
    home_known: bool = False
    lookup: Literal["pending", "found", "absent", "failed"] = "pending"
    protected: bool = False
    record_asked: bool = False
    record_done: bool = False


class PopulationLookup(QObject):
    """Asks the register beside each client lookup and shows what it says.

    Without a register (``register`` None) it shows nothing and asks nothing.

    Signals:
        home_offered(str): an offer to switch to this municipality code is shown.
        record_shown(): the register's record of the person is on the panel.
        non_disclosure_found(): the register says the person's address is protected.
        answered(): an answer or a failure from the register was handled.
    """

    home_offered = Signal(str)
    record_shown = Signal()
    non_disclosure_found = Signal()
    answered = Signal()

    def __init__(
        self,
        register: PopulationRegister | None,
        policy: Policy,
        runner: TaskRunner,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._register = register
        self._policy = policy
        self._runner = runner
        self._generation = Generation()
        self._search: _Search | None = None
        self._offer: tuple[str, Hetu] | None = None
        self._record: PersonRecord | None = None
        self.panel = PopulationPanel(parent)
        self.offer = HomeMunicipalityOffer(parent)

    @property
    def enabled(self) -> bool:
        return self._register is not None

    def offered(self) -> tuple[str, Hetu] | None:
        """The municipality code offered and the identity code to search there."""
        return self._offer

    def record(self, hetu: Hetu) -> PersonRecord | None:
        """The register's record of ``hetu`` from the current search, once it answered."""
        record = self._record
        return record if record is not None and record.hetu.value == hetu.value else None

    def clear(self) -> None:
        self._generation.advance()
        self._search = None
        self._offer = None
        self._record = None
        self.panel.clear()
        self.offer.clear()

    def search_started(self, hetu: Hetu, municipality: Municipality) -> None:
        self.clear()
        register = self._register
        if register is None:
            return
        self._search = _Search(hetu, municipality)
        self._runner.run(
            lambda: register.home_municipality(hetu),
            self._home_answered,
            self._failed,
            is_current=self._generation.guard(),
        )

    def lookup_finished(self, found: bool, protected: bool = False, failed: bool = False) -> None:
        """The client system answered (``found`` or not) or ``failed`` to answer."""
        search = self._search
        if search is None:
            return
        search.lookup = "failed" if failed else "found" if found else "absent"
        search.protected = protected
        self._maybe_ask_record()

    def ask_record(self) -> bool:
        """Ask the register's record of the current search now (a new client is written
        for); False when there is no register, no search, or it was asked already."""
        search, register = self._search, self._register
        if search is None or register is None or search.record_asked:
            return False
        search.record_asked = True
        hetu = search.hetu
        self._runner.run(
            lambda: register.person(hetu),
            partial(self._record_answered, search),
            partial(self._record_failed, search),
            is_current=self._generation.guard(),
        )
        return True

    def mark_protected(self) -> None:
        """The client system says the address is protected: never show the register's."""
        if self._search is not None:
            self._search.protected = True
        self.panel.hide_address()

    def _home_answered(self, home: str | None) -> None:
        search = self._search
        if search is None:
            return
        search.home, search.home_known = home, True
        if home is None:
            self.panel.show_notice(
                QCoreApplication.translate(
                    "PopulationPanel", "Väestötietojärjestelmä ei tunne tätä henkilötunnusta."
                )
            )
        elif home != search.municipality.code:
            self._show_offer(search, home)
        self._maybe_ask_record()
        self.answered.emit()

    def _show_offer(self, search: _Search, home: str) -> None:
        codes = {municipality.code for municipality in self._policy.municipalities}
        if home in codes:
            name = self._policy.municipality(home).name_fi
            self._offer = (home, search.hetu)
            self.offer.show_text(
                QCoreApplication.translate(
                    "PopulationPanel", "Asiakkaan kotikunta on {name} – vaihda (Ctrl+K)"
                ).format(name=name),
                True,
            )
            self.home_offered.emit(home)
        else:
            self.offer.show_text(
                QCoreApplication.translate(
                    "PopulationPanel",
                    "Väestötietojärjestelmän mukaan asiakkaan kotikunta on kunta {code}, joka "
                    "ei kuulu tämän päivystyksen kuntiin.",
                ).format(code=home),
                False,
            )

    def _maybe_ask_record(self) -> None:
        search = self._search
        register = self._register
        if search is None or register is None or search.record_asked:
            return
        # A client the system could not be asked about still gets the register's name
        # and address on the entry. A person another municipality's client is asked
        # about only when the worker writes for them as a new client (ask_record).
        lives_here = search.home_known and search.home == search.municipality.code
        if search.lookup in ("found", "failed") or (search.lookup == "absent" and lives_here):
            self.ask_record()

    def record_pending(self) -> bool:
        """The register's record of the current search was asked and has not answered."""
        search = self._search
        return search is not None and search.record_asked and not search.record_done

    def _record_failed(self, search: _Search, error: Exception) -> None:
        search.record_done = True
        self._failed(error)

    def _record_answered(self, search: _Search, record: PersonRecord | None) -> None:
        search.record_done = True
        if record is None:
            self.panel.show_notice(
                QCoreApplication.translate(
                    "PopulationPanel", "Väestötietojärjestelmä ei tunne tätä henkilötunnusta."
                )
            )
        else:
            self._record = record
            code = record.home_municipality
            known = {m.code: m.name_fi for m in self._policy.municipalities}
            home = f"{known[code]} ({code})" if code in known else code
            self.panel.show_record(record, home, search.protected)
            if record.non_disclosure:
                self.non_disclosure_found.emit()
            self.record_shown.emit()
        self.answered.emit()

    def _failed(self, error: Exception) -> None:
        if not isinstance(error, errors.ConnectorError):
            # A bug, not the register: its type for helpdesk, never its text (client data).
            log.error("population register query failed: %s", type(error).__name__)
        self.panel.show_notice(failure_text(error))
        self.answered.emit()
