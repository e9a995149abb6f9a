"""The client card: what the duty needs to know about the client, at a glance.

The card renders a summary into label texts and keeps no reference to it, so
clearing the labels removes the client from the screen and from the card.
Under address non-disclosure the summary carries no address at all; the card
shows a marker in its place.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from app.domain.hetu import Hetu
from app.domain.model import Address, ClientSummary, PersonDetails, RelatedPerson
from app.domain.policy import Municipality
from app.ui.labels import data_label
from app.ui.locale_format import date_text

_MARKER_STYLE = (
    "color: #ffffff; background: #a3231b; font-weight: bold; padding: 3px 6px; border-radius: 3px;"
)
_NOTICE_STYLE = "font-weight: bold; padding: 4px;"


def _people(people: Iterable[RelatedPerson]) -> str:
    lines = []
    for person in people:
        details = ", ".join(str(part) for part in (person.hetu, person.phone) if part)
        lines.append(f"{person.name} ({details})" if details else person.name)
    return "\n".join(lines)


class ClientCard(QFrame):
    """Client details plus the municipality's office-hours contact and registrar.

    Signals:
        new_client_requested(): the worker chose "Uusi asiakas" on a person the
            municipality's system does not know.
    """

    new_client_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clientCard")
        self.setAccessibleName(self.tr("Asiakaskortti"))
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.notice = data_label(self, "clientCardNotice", self.tr("Tilanne"))
        self.notice.setStyleSheet(_NOTICE_STYLE)
        self._client_form = QFormLayout()
        self._client_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.name = self._row(self._client_form, "clientName", self.tr("Nimi"))
        self.hetu = self._row(self._client_form, "clientHetu", self.tr("Henkilötunnus"))
        self.address = self._row(self._client_form, "clientAddress", self.tr("Osoite"))
        self.non_disclosure = self._row(self._client_form, "nonDisclosureMarker", self.tr("Osoite"))
        self.non_disclosure.setStyleSheet(_MARKER_STYLE)
        self.guardians = self._row(self._client_form, "clientGuardians", self.tr("Huoltajat"))
        self.client_children = self._row(self._client_form, "clientChildren", self.tr("Lapset"))
        self.care_plan = self._row(self._client_form, "carePlan", self.tr("Suunnitelma"))
        self.worker = self._row(self._client_form, "responsibleWorker", self.tr("Vastuutyöntekijä"))

        self._municipality_form = QFormLayout()
        self.office_hours = self._row(
            self._municipality_form, "officeHoursContact", self.tr("Virka-ajan yhteys")
        )
        self.registrar = self._row(
            self._municipality_form, "registrar", self.tr("Rekisterinpitäjä")
        )

        self.new_client_button = QPushButton(self.tr("&Uusi asiakas (Ctrl+Shift+N)"), self)
        self.new_client_button.setObjectName("newClientButton")
        self.new_client_button.setAccessibleName(self.tr("Uusi asiakas tähän kuntaan"))
        self.new_client_button.clicked.connect(self.new_client_requested)

        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addWidget(self.new_client_button)
        layout.addLayout(self._client_form)
        layout.addLayout(self._municipality_form)
        layout.addStretch(1)
        self.clear_client()
        self.set_municipality(None, "")

    def _row(self, form: QFormLayout, name: str, title: str) -> QLabel:
        value = data_label(self, name, title)
        caption = QLabel(title + ":", self)
        caption.setBuddy(value)
        form.addRow(caption, value)
        return value

    def _set(self, form: QFormLayout, label: QLabel, text: str) -> None:
        label.setText(text)
        form.setRowVisible(label, bool(text))

    def _set_client(self, label: QLabel, text: str) -> None:
        self._set(self._client_form, label, text)

    def set_municipality(self, municipality: Municipality | None, registrar_name: str) -> None:
        """Show whom the follow-up goes to in office hours, and whose register it is."""
        if municipality is None:
            self._set(self._municipality_form, self.office_hours, "")
            self._set(self._municipality_form, self.registrar, "")
            return
        contact = municipality.office_hours
        lines = [contact.unit, self.tr("puh. {phone}").format(phone=contact.phone)]
        if contact.fax:
            lines.append(self.tr("faksi {fax}").format(fax=contact.fax))
        self._set(self._municipality_form, self.office_hours, "\n".join(lines))
        self._set(self._municipality_form, self.registrar, registrar_name)

    def clear_client(self) -> None:
        """Remove every trace of the client from the card."""
        self.notice.setText("")
        self.notice.setVisible(False)
        self.new_client_button.setVisible(False)
        for label in (
            self.name,
            self.hetu,
            self.address,
            self.non_disclosure,
            self.guardians,
            self.client_children,
            self.care_plan,
            self.worker,
        ):
            self._set_client(label, "")

    def _show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def show_searching(self) -> None:
        self.clear_client()
        self._show_notice(self.tr("Haetaan asiakasta…"))

    def show_not_found(self, hetu: Hetu, can_open: bool = False) -> None:
        """A valid code that is not a client here; ``can_open``: the system can open one."""
        self.clear_client()
        text = self.tr("Henkilö ei ole tämän kunnan asiakas (ei löytynyt kunnan järjestelmästä).")
        if can_open:
            text += " " + self.tr(
                "Kirjaa hänet uutena asiakkaana: Uusi asiakas (Ctrl+Shift+N). Kirjaus, siirto "
                "tai ilmoitus lähtee väestötietojen kanssa, ja asiakkuus avataan kunnan "
                "järjestelmään."
            )
        self._show_notice(text)
        self.new_client_button.setVisible(can_open)
        self._set_client(self.hetu, hetu.value)

    def show_person(self, person: PersonDetails, hetu: Hetu | None) -> None:
        """A person written for as a new client, or one with no Finnish identity code."""
        self.clear_client()
        if hetu is None:
            notice = self.tr(
                "Ei suomalaista henkilötunnusta: kirjaus merkitään tunnistettavaksi, ja "
                "virka-aikainen työntekijä tunnistaa henkilön."
            )
        else:
            notice = self.tr("Uusi asiakas: asiakkuus avataan kirjauksen mukana.")
        self._show_notice(notice)
        self._set_client(self.name, person.full_name)
        if hetu is not None:
            self._set_client(self.hetu, hetu.value)
        details = []
        if person.birth_date is not None:
            details.append(self.tr("syntynyt {date}").format(date=date_text(person.birth_date)))
        details += [part for part in (person.nationality, person.language) if part]
        if hetu is None:
            self._set_client(self.hetu, ", ".join(details))
        self._show_address(person.non_disclosure, person.address)
        if person.description:
            self._set_client(self.care_plan, person.description)

    def _show_address(self, non_disclosure: bool, address: Address | None) -> None:
        """The address, or under non-disclosure only the marker (there is no address)."""
        if non_disclosure:
            self._set_client(self.non_disclosure, self.tr("TURVAKIELTO – osoitetta ei näytetä"))
        elif address is not None:
            self._set_client(
                self.address, f"{address.street}, {address.postal_code} {address.city}"
            )

    def show_lookup_failed(
        self,
        hetu: Hetu,
        entry_possible: bool,
        person: PersonDetails | None = None,
        reason: str = "",
    ) -> None:
        """The client could not be looked up. ``entry_possible``: the system did not
        answer, and an entry may wait for it; else ``reason`` says why (not signed in,
        refused, ...: the message bar's text). ``person``: what the population register
        gave."""
        self.clear_client()
        if not entry_possible:
            text = self.tr("Asiakasta ei voitu hakea.")
            if reason:
                text += " " + reason
        else:
            text = self.tr("Asiakasta ei voitu hakea: asiakastietojärjestelmä ei vastannut.")
            text += " " + self.tr(
                "Voit silti kirjoittaa kirjauksen tälle henkilötunnukselle (Ctrl+N) ja "
                "tallentaa sen: se odottaa salatuissa lähtevissä ja lähtee, kun järjestelmä "
                "vastaa."
            )
        self._show_notice(text)
        self._set_client(self.hetu, hetu.value)
        if person is not None:
            self._set_client(self.name, person.full_name + " " + self.tr("(väestötiedoista)"))
            self._show_address(person.non_disclosure, person.address)

    def show_client(self, summary: ClientSummary) -> None:
        self.clear_client()
        self._set_client(self.name, summary.full_name)
        self._set_client(self.hetu, summary.hetu.value)
        self._show_address(summary.non_disclosure, summary.address)
        self._set_client(self.guardians, _people(summary.guardians))
        self._set_client(self.client_children, _people(summary.children))
        self._set_client(self.care_plan, self._care_plan_text(summary))
        worker = summary.responsible_worker
        if worker is not None:
            parts = [worker.name] + ([worker.phone] if worker.phone else [])
            self._set_client(self.worker, ", ".join(parts))

    def _care_plan_text(self, summary: ClientSummary) -> str:
        plan = summary.care_plan
        if plan is None:
            return ""
        title = plan.title
        if plan.updated is not None:
            title += " " + self.tr("(päivitetty {date})").format(date=date_text(plan.updated))
        return f"{title}\n{plan.summary}"
