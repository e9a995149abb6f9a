"""The fields of the child welfare notification form (:mod:`app.ui.followup.notification_form`)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.connectors.base import NotificationUrgency
from app.domain.policy import Municipality, Policy
from app.ui.colours import readable
from app.ui.forms import clear_invalid
from app.ui.time_field import DateTimeField

_HINT = ("#4a3500", "#ffd27a")
_PROBLEM = ("#8a1c14", "#ff8a80")


class NotificationFields(QWidget):
    """What the notifier said and where it goes; no behaviour beyond reading fields.

    ``told()`` answers ``False`` for "ei tiedossa": the receiving child protection must
    not assume that the child or the guardians know (the systems take yes or no only).
    """

    def __init__(self, policy: Policy, worker: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._policy = policy
        self.legal = self._note(
            "notificationLegalBasis",
            self.tr(
                "Lastensuojelulaki (417/2007) 25 § – ilmoitusvelvollisuus. Päivystys välittää "
                "ilmoituksen viipymättä lapsen kotikunnan lastensuojeluun."
            ),
        )
        self.child_hetu = self._line("notificationChildHetu", self.tr("Lapsen henkilötunnus"))
        self.child_hetu.setPlaceholderText(self.tr("PPKKVV-NNNT"))
        self.child_hetu.setMaxLength(20)
        problem_style = f"color: {readable(_PROBLEM)};"
        self.hetu_problem = self._note("notificationHetuProblem", "", problem_style)
        self.hetu_problem.setVisible(False)
        self.child_last_name = self._line("notificationChildLastName", self.tr("Lapsen sukunimi"))
        self.child_first_names = self._line(
            "notificationChildFirstNames", self.tr("Lapsen etunimet")
        )
        self.notifier_organisation = self._line(
            "notificationNotifierOrganisation", self.tr("Ilmoittajan organisaatio")
        )
        self.notifier_organisation.setText(self.tr("Poliisi"))
        self.notifier_person = self._line("notificationNotifierPerson", self.tr("Ilmoittaja"))
        self.notifier_phone = self._line(
            "notificationNotifierPhone", self.tr("Ilmoittajan puhelin")
        )
        self.what_happened = QPlainTextEdit(self)
        self.what_happened.setObjectName("notificationWhatHappened")
        self.what_happened.setAccessibleName(self.tr("Mitä tapahtui"))
        self.what_happened.setTabChangesFocus(True)
        self.urgency = self._combo("notificationUrgency", self.tr("Kiireellisyys"))
        self.urgency.addItem(self.tr("– valitse –"), None)
        # Stored as plain strings: Qt gives an enum's str subclass back as str.
        self.urgency.addItem(self.tr("Kiireellinen"), NotificationUrgency.URGENT.value)
        self.urgency.addItem(self.tr("Ei kiireellinen"), NotificationUrgency.NOT_URGENT.value)
        self.child_told = self._told("notificationChildTold", self.tr("Lapselle kerrottu"))
        self.guardians_told = self._told(
            "notificationGuardiansTold", self.tr("Huoltajille kerrottu")
        )
        self.received_at = DateTimeField(self)
        self.received_at.setObjectName("notificationReceivedAt")
        self.received_at.setAccessibleName(self.tr("Vastaanotettu"))
        self.received_at.setCalendarPopup(True)
        self.municipality = self._combo("notificationMunicipality", self.tr("Lapsen kotikunta"))
        self.municipality.addItem(self.tr("– valitse kunta –"), None)
        for municipality in policy.municipalities:
            self.municipality.addItem(municipality.name_fi, municipality.code)
        self.home_note = self._note("notificationHomeNote", "", f"color: {readable(_HINT)};")
        self.channel = self._note("notificationChannel", "")
        self.channel.setAccessibleName(self.tr("Lähetystapa"))
        self._build(worker)
        for line in (self.child_hetu, self.notifier_organisation):
            line.textChanged.connect(lambda _t, line=line: clear_invalid(line))
        self.what_happened.textChanged.connect(lambda: clear_invalid(self.what_happened))
        self.urgency.currentIndexChanged.connect(lambda _i: clear_invalid(self.urgency))
        self.municipality.currentIndexChanged.connect(lambda _i: clear_invalid(self.municipality))

    def _build(self, worker: str) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Lapsen &henkilötunnus:"), self.child_hetu)
        form.addRow(self.hetu_problem)
        form.addRow(self.tr("Lapsen sukunimi:"), self.child_last_name)
        form.addRow(self.tr("Lapsen etunimet:"), self.child_first_names)
        form.addRow(self.tr("Ilmoittajan organisaatio:"), self.notifier_organisation)
        form.addRow(self.tr("Ilmoittaja:"), self.notifier_person)
        form.addRow(self.tr("Ilmoittajan puhelin:"), self.notifier_phone)
        form.addRow(self.tr("&Mitä tapahtui:"), self.what_happened)
        form.addRow(self.tr("Kiireellisyys:"), self.urgency)
        form.addRow(self.tr("Lapselle kerrottu:"), self.child_told)
        form.addRow(self.tr("Huoltajille kerrottu:"), self.guardians_told)
        form.addRow(self.tr("Vastaanotettu:"), self.received_at)
        form.addRow(self.tr("Vastaanottaja:"), QLabel(worker, self))
        form.addRow(self.tr("Lapsen &kotikunta:"), self.municipality)
        form.addRow(self.home_note)
        form.addRow(self.tr("Lähetystapa:"), self.channel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.legal)
        layout.addLayout(form, 1)

    def _line(self, name: str, accessible: str) -> QLineEdit:
        line = QLineEdit(self)
        line.setObjectName(name)
        line.setAccessibleName(accessible)
        return line

    def _combo(self, name: str, accessible: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setAccessibleName(accessible)
        return combo

    def _told(self, name: str, accessible: str) -> QComboBox:
        combo = self._combo(name, accessible)
        combo.addItem(self.tr("Ei tiedossa"), None)
        combo.addItem(self.tr("Kyllä"), True)
        combo.addItem(self.tr("Ei"), False)
        combo.setToolTip(self.tr("”Ei tiedossa” välitetään sellaisenaan: ei oleteta kumpaakaan."))
        return combo

    def _note(self, name: str, text: str, style: str = "") -> QLabel:
        label = QLabel(text, self)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        if style:
            label.setStyleSheet(style)
        return label

    def show_hetu_problem(self, text: str) -> None:
        self.hetu_problem.setText(text)
        self.hetu_problem.setVisible(bool(text))

    def chosen_urgency(self) -> NotificationUrgency | None:
        value = self.urgency.currentData()
        return NotificationUrgency(value) if isinstance(value, str) else None

    @staticmethod
    def told(combo: QComboBox) -> bool | None:
        data = combo.currentData()
        return data if isinstance(data, bool) else None

    def select_municipality(self, code: str | None) -> bool:
        index = -1 if code is None else self.municipality.findData(code)
        if index >= 0:
            self.municipality.setCurrentIndex(index)
        return index >= 0

    def chosen_municipality(self) -> Municipality | None:
        code = self.municipality.currentData()
        if not isinstance(code, str):
            return None
        return self._policy.municipality(code)

    def widget_for(self, field: str) -> QWidget | None:
        """The widget of a field named as :class:`InvalidNotification` names it."""
        widgets: dict[str, QWidget] = {
            "child_hetu": self.child_hetu,
            "what_happened": self.what_happened,
            "notifier_organisation": self.notifier_organisation,
            "urgency": self.urgency,
            "municipality": self.municipality,
            "received_at": self.received_at,
        }
        return widgets.get(field)

    def clear_marks(self) -> None:
        for field in ("child_hetu", "what_happened", "notifier_organisation", "urgency"):
            widget = self.widget_for(field)
            if widget is not None:
                clear_invalid(widget)
        clear_invalid(self.municipality)

    def has_text(self) -> bool:
        texts = (
            self.what_happened.toPlainText(),
            self.notifier_person.text(),
            self.notifier_phone.text(),
            self.child_last_name.text(),
            self.child_first_names.text(),
        )
        return any(text.strip() for text in texts)
