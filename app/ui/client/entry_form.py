"""The duty entry form (kirjaus) for the client on the card.

The entry is built once, at the first save, and that same object (with its
idempotency key) is what every retry of the form saves, until the outbox has
it. If the worker edits the text between attempts the key is kept too: should
an attempt have reached the outbox after all, the same key shows it instead
of a second entry being stored.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain import clock
from app.domain.hetu import Hetu
from app.domain.model import ContactChannel, DutyEntry, PersonDetails, TaskType
from app.domain.policy import Municipality
from app.services.outbox.drafts import draft_time
from app.ui.locale_format import number_text
from app.ui.time_field import DateTimeField, read_time, show_time

_SUBJECT_STYLE = "font-weight: bold; padding: 4px; border: 1px solid #1b2b3a;"
_COUNTER_STYLE = "color: #4a3500;"
_OVER_STYLE = "color: #ffffff; background: #a3231b; font-weight: bold; padding: 2px;"
_REFUSAL_STYLE = "color: #5c0b0b; background: #fde8e8; border: 1px solid #b3261e; padding: 4px;"


@dataclass(frozen=True)
class EntrySubject:
    """Whom the entry is about and where it goes.

    ``person`` is set for a person the municipality's system does not (yet) know:
    the connector opens the client with it. ``hetu`` is None only for a person
    with no Finnish identity code, whom ``person`` then describes.
    """

    hetu: Hetu | None
    municipality: Municipality
    client_system_id: str | None = None
    client_name: str | None = None
    person: PersonDetails | None = None

    @property
    def who(self) -> str:
        """The name (if known) and the identity code, as the form's header shows them."""
        name = self.client_name or (self.person.full_name if self.person else "")
        code = self.hetu.value if self.hetu is not None else ""
        return ", ".join(part for part in (name, code) if part)

    def __repr__(self) -> str:
        return f"EntrySubject(municipality={self.municipality.code}, <redacted>)"


@dataclass(frozen=True)
class FieldLimits:
    """The most characters the municipality's system accepts in each text field."""

    narrative: int | None = None
    measures: int | None = None


# The counter shows itself from this share of the limit on.
COUNTER_FROM = 0.8


class EntryForm(QGroupBox):
    """Writes one duty entry; storing and delivering it is the owner's job.

    Signals:
        save_requested(object): the worker saved a valid form; the DutyEntry
            to store. The form stays in the saving state until :meth:`saved`
            or :meth:`save_failed`.
        save_refused(str): the form cannot be saved as it is; why.
        text_edited(): the worker changed something in an open form (drafts
            are kept from this).
        cancel_requested(): Peruuta was pressed; the owner asks before text goes.
    """

    save_requested = Signal(object)
    save_refused = Signal(str)
    text_edited = Signal()
    cancel_requested = Signal()

    def __init__(
        self,
        author: str,
        parent: QWidget | None = None,
        *,
        zone: dt.tzinfo = clock.HELSINKI,
        now: clock.Clock = clock.utc_now,
    ) -> None:
        super().__init__(parent)
        # The contact time is the policy's zone's wall clock, whatever the machine's zone.
        self._zone = zone
        self._now = now
        self.setObjectName("entryForm")
        self.setTitle(self.tr("Kirjaus"))
        self.setAccessibleName(self.tr("Päivystyskirjaus"))
        self._author = author
        self._subject: EntrySubject | None = None
        self._pending: DutyEntry | None = None
        # Made when the form opens: the draft and the saved entry share it.
        self._key: uuid.UUID | None = None
        self._limits = FieldLimits()
        self._saving = False
        self._build_fields()
        self._build_layout()
        self._connect()
        self.close_form()

    def _build_fields(self) -> None:
        self.subject_label = QLabel(self)
        self.subject_label.setObjectName("entrySubject")
        self.subject_label.setTextFormat(Qt.TextFormat.PlainText)
        self.subject_label.setWordWrap(True)
        self.subject_label.setStyleSheet(_SUBJECT_STYLE)
        self.subject_label.setAccessibleName(self.tr("Kenen kirjaus"))
        self.contact_time = DateTimeField(self)
        self.contact_time.setObjectName("contactTime")
        self.contact_time.setCalendarPopup(True)
        self.contact_time.setAccessibleName(self.tr("Yhteydenoton aika"))
        self.channel = QComboBox(self)
        self.channel.setObjectName("entryChannel")
        self.channel.setAccessibleName(self.tr("Yhteydenottaja"))
        for text, channel in (
            (self.tr("112 (hätäkeskus)"), ContactChannel.EMERGENCY_112),
            (self.tr("Poliisi"), ContactChannel.POLICE),
            (self.tr("Asiakas itse"), ContactChannel.CLIENT),
            (self.tr("Muu viranomainen"), ContactChannel.AUTHORITY),
            (self.tr("Muu"), ContactChannel.OTHER),
        ):
            self.channel.addItem(text, channel)
        self.task_type = QComboBox(self)
        self.task_type.setObjectName("entryTaskType")
        self.task_type.setAccessibleName(self.tr("Tehtävätyyppi"))
        for text, task in (
            (self.tr("Lastensuojelu"), TaskType.CHILD_PROTECTION),
            (self.tr("Aikuissosiaalityö"), TaskType.ADULT_SOCIAL_WORK),
            (self.tr("Toimeentulotuki"), TaskType.INCOME_SUPPORT),
        ):
            self.task_type.addItem(text, task)
        self.refusal = QLabel(self)
        self.refusal.setObjectName("taskTypeRefusal")
        self.refusal.setAccessibleName(self.tr("Tehtävätyyppiä ei käsitellä"))
        self.refusal.setWordWrap(True)
        self.refusal.setStyleSheet(_REFUSAL_STYLE)
        self.narrative = QPlainTextEdit(self)
        self.narrative.setObjectName("entryNarrative")
        self.narrative.setAccessibleName(self.tr("Kuvaus tilanteesta"))
        self.narrative.setTabChangesFocus(True)
        self.narrative_counter = QLabel(self)
        self.narrative_counter.setObjectName("narrativeCounter")
        self.narrative_counter.setAccessibleName(self.tr("Kuvauksen pituus"))
        self.measures_counter = QLabel(self)
        self.measures_counter.setObjectName("measuresCounter")
        self.measures_counter.setAccessibleName(self.tr("Toimenpiteiden pituus"))
        self.measures = QPlainTextEdit(self)
        self.measures.setObjectName("entryMeasures")
        self.measures.setAccessibleName(self.tr("Tehdyt toimenpiteet"))
        self.measures.setTabChangesFocus(True)
        self.measures.setMaximumHeight(90)
        self.follow_up = QCheckBox(self.tr("Vaatii jatkotoimia virka-aikana"), self)
        self.follow_up.setObjectName("entryFollowUp")
        self.follow_up.setAccessibleName(self.tr("Jatkotoimet tarpeen"))
        self.save_button = QPushButton(self.tr("Tallenna (Ctrl+Enter)"), self)
        self.save_button.setObjectName("saveEntryButton")
        self.save_button.setAccessibleName(self.tr("Tallenna kirjaus"))
        self.cancel_button = QPushButton(self.tr("Peruuta"), self)
        self.cancel_button.setObjectName("cancelEntryButton")
        self.cancel_button.setAccessibleName(self.tr("Peruuta kirjaus"))

    def _build_layout(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Yhteydenoton aika:"), self.contact_time)
        form.addRow(self.tr("Yhteydenottaja:"), self.channel)
        form.addRow(self.tr("Tehtävätyyppi:"), self.task_type)
        form.addRow(self.refusal)
        form.addRow(self.tr("Kuvaus:"), self.narrative)
        form.addRow("", self.narrative_counter)
        form.addRow(self.tr("Toimenpiteet:"), self.measures)
        form.addRow("", self.measures_counter)
        form.addRow(self.follow_up)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.subject_label)
        layout.addLayout(form)
        layout.addLayout(buttons)

    def _connect(self) -> None:
        self.task_type.currentIndexChanged.connect(self._update_task_type)
        self.save_button.clicked.connect(self.request_save)
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.narrative.textChanged.connect(self._text_changed)
        self.measures.textChanged.connect(self._text_changed)
        for combo in (self.channel, self.task_type):
            combo.activated.connect(lambda _index: self._edited())
        self.follow_up.toggled.connect(lambda _checked: self._edited())
        self.contact_time.dateTimeChanged.connect(lambda _moment: self._edited())
        # Both Return keys: Ctrl+Enter is the keypad one.
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setWhatsThis(self.tr("Tallenna kirjaus"))
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.request_save)

    @property
    def subject(self) -> EntrySubject | None:
        return self._subject

    @property
    def key(self) -> uuid.UUID | None:
        """The open form's key: its draft's and, once saved, its entry's."""
        return self._key

    @property
    def saving(self) -> bool:
        return self._saving

    def is_open(self) -> bool:
        return self._subject is not None

    def has_unsaved_text(self) -> bool:
        return self.is_open() and bool(
            self.narrative.toPlainText().strip() or self.measures.toPlainText().strip()
        )

    def set_limits(self, limits: FieldLimits) -> None:
        """The selected system's field limits; counters and the save follow them."""
        self._limits = limits
        self._update_counters()

    def open_for(
        self,
        subject: EntrySubject,
        today: dt.date | None = None,
        key: uuid.UUID | None = None,
    ) -> None:
        """A new, empty entry with the night's defaults; ``key`` continues a draft."""
        self.close_form()
        self._subject = subject
        self._key = key or uuid.uuid4()
        moment = self._now()
        today = today or clock.local(moment, self._zone).date()
        child = subject.hetu is not None and subject.hetu.is_child_on(today)
        show_time(self.contact_time, moment, self._zone)
        self.channel.setCurrentIndex(self.channel.findData(ContactChannel.EMERGENCY_112))
        default = TaskType.CHILD_PROTECTION if child else TaskType.ADULT_SOCIAL_WORK
        self.task_type.setCurrentIndex(self.task_type.findData(default))
        self.subject_label.setText(self._subject_text(subject))
        self.setVisible(True)
        self._update_task_type()
        self._update_counters()
        self.focus_narrative()

    def _subject_text(self, subject: EntrySubject) -> str:
        where = subject.municipality.name_fi
        if subject.hetu is None:
            text = self.tr("Kirjaus henkilölle ilman henkilötunnusta: {who} – {municipality}")
            text += "\n" + self.tr("Virka-aikainen työntekijä tunnistaa henkilön.")
        elif subject.client_system_id is None and subject.person is not None:
            text = self.tr("Kirjaus uudelle asiakkaalle: {who} – {municipality}")
            text += "\n" + self.tr("Asiakkuus avataan kunnan järjestelmään kirjauksen mukana.")
        else:
            text = self.tr("Kirjaus asiakkaalle: {who} – {municipality}")
        return text.format(who=subject.who, municipality=where)

    def focus_narrative(self) -> None:
        self.narrative.setFocus()

    def close_form(self) -> None:
        """Empty every field and forget the subject and any undelivered entry."""
        self._subject = None
        self._pending = None
        self._key = None
        self._set_saving(False)
        self.subject_label.setText("")
        # Signals blocked: emptying the form is not an edit to keep as a draft.
        for text in (self.narrative, self.measures):
            blocked = text.blockSignals(True)
            text.clear()
            text.blockSignals(blocked)
        blocked = self.follow_up.blockSignals(True)
        self.follow_up.setChecked(False)
        self.follow_up.blockSignals(blocked)
        self.refusal.setText("")
        self.refusal.setVisible(False)
        self._update_counters()
        self.setVisible(False)

    def request_save(self) -> None:
        if self._saving or self._subject is None:
            return
        refusal = self._refusal_text() or self._too_long_text()
        if refusal:
            self.save_refused.emit(refusal)
            return
        problem = self.contact_time.problem()
        if problem:
            self.save_refused.emit(problem)
            self.contact_time.setFocus()
            return
        if not self.narrative.toPlainText().strip():
            self.save_refused.emit(
                self.tr(
                    "Kirjauksesta puuttuu kuvaus. Kirjoita, mitä tapahtui; mitään ei lähetetty."
                )
            )
            self.focus_narrative()
            return
        entry = self._entry_to_send(self._subject)
        self._pending = entry
        self._set_saving(True)
        self.save_requested.emit(entry)

    def saved(self) -> None:
        """The entry is durably stored: the form empties."""
        self.close_form()

    def save_failed(self) -> None:
        """Keep everything the worker wrote, and the entry for the retry."""
        self._set_saving(False)

    def draft_fields(self) -> dict[str, Any]:
        """What the worker has written, as plain JSON values, for the draft."""
        fields = self._fields()
        return {
            "contact_time": fields["contact_time"].isoformat(),
            "contact_channel": fields["contact_channel"].value,
            "task_type": fields["task_type"].value,
            "narrative": fields["narrative"],
            "measures": fields["measures"],
            "follow_up_needed": fields["follow_up_needed"],
        }

    def restore_fields(self, fields: dict[str, Any]) -> None:
        """Put a draft's text back into the open form; unknown values keep the defaults."""
        narrative, measures = fields.get("narrative"), fields.get("measures")
        if isinstance(narrative, str):
            self.narrative.setPlainText(narrative)
        if isinstance(measures, str):
            self.measures.setPlainText(measures)
        for combo, name in ((self.channel, "contact_channel"), (self.task_type, "task_type")):
            index = next(
                (i for i in range(combo.count()) if combo.itemData(i) == fields.get(name)), -1
            )
            if index >= 0:
                combo.setCurrentIndex(index)
        if isinstance(fields.get("follow_up_needed"), bool):
            self.follow_up.setChecked(fields["follow_up_needed"])
        moment = draft_time(fields, "contact_time")
        if moment is not None:
            self._show_contact_time(moment)
        self._update_task_type()
        self._update_counters()
        self.narrative.moveCursor(self.narrative.textCursor().MoveOperation.End)

    def _show_contact_time(self, moment: dt.datetime) -> None:
        show_time(self.contact_time, moment, self._zone)

    def _entry_to_send(self, subject: EntrySubject) -> DutyEntry:
        fields = self._fields()
        pending = self._pending
        if pending is None:
            assert self._key is not None
            return DutyEntry(
                hetu=subject.hetu,
                author=self._author,
                client_system_id=subject.client_system_id,
                idempotency_key=self._key,
                person=subject.person,
                **fields,
            )
        if all(getattr(pending, name) == value for name, value in fields.items()):
            return pending
        return replace(pending, **fields)

    def _fields(self) -> dict[str, Any]:
        return {
            "contact_time": read_time(self.contact_time, self._zone),
            "contact_channel": ContactChannel(self.channel.currentData()),
            "task_type": TaskType(self.task_type.currentData()),
            "narrative": self.narrative.toPlainText(),
            "measures": self.measures.toPlainText(),
            "follow_up_needed": self.follow_up.isChecked(),
        }

    def _edited(self) -> None:
        if self.is_open() and not self._saving:
            self.text_edited.emit()

    def _text_changed(self) -> None:
        self._update_counters()
        self._edited()

    def _counted(self) -> tuple[tuple[QPlainTextEdit, QLabel, int | None, str], ...]:
        return (
            (self.narrative, self.narrative_counter, self._limits.narrative, self.tr("Kuvaus")),
            (self.measures, self.measures_counter, self._limits.measures, self.tr("Toimenpiteet")),
        )

    def _update_counters(self) -> None:
        for edit, counter, limit, _title in self._counted():
            length = len(edit.toPlainText())
            shown = limit is not None and self.is_open() and length >= limit * COUNTER_FROM
            counter.setVisible(shown)
            if not shown or limit is None:
                counter.setText("")
                continue
            over = length > limit
            text = self.tr("{length} / {limit} merkkiä").format(
                length=number_text(length), limit=number_text(limit)
            )
            if over:
                text += " – " + self.tr("{excess} liikaa").format(
                    excess=number_text(length - limit)
                )
            counter.setText(text)
            counter.setStyleSheet(_OVER_STYLE if over else _COUNTER_STYLE)
            counter.setAccessibleDescription(text)

    def _too_long_text(self) -> str:
        for edit, _counter, limit, title in self._counted():
            length = len(edit.toPlainText())
            if limit is not None and length > limit:
                edit.setFocus()
                return self.tr(
                    "{field} on liian pitkä: kunnan järjestelmä ottaa enintään {limit} merkkiä, "
                    "tekstiä on {length}. Lyhennä tekstiä; mitään ei tallennettu eikä lähetetty."
                ).format(field=title, limit=number_text(limit), length=number_text(length))
        return ""

    def _refusal_text(self) -> str:
        if self._subject is None or self.task_type.currentData() != TaskType.INCOME_SUPPORT:
            return ""
        contact = self._subject.municipality.office_hours
        return self.tr(
            "Sosiaalipäivystys ei käsittele toimeentulotukea, eikä kirjausta voi tallentaa "
            "tällä tehtävätyypillä. Ohjaa asiakas hakemaan perustoimeentulotukea Kelasta "
            "(kela.fi) ja kunnan sosiaalityöhön virka-aikana: {unit}, puh. {phone}."
        ).format(unit=contact.unit, phone=contact.phone)

    def _update_task_type(self) -> None:
        refusal = self._refusal_text()
        self.refusal.setText(refusal)
        self.refusal.setVisible(bool(refusal))
        self._update_save_button()

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        self.save_button.setText(
            self.tr("Tallennetaan…") if saving else self.tr("Tallenna (Ctrl+Enter)")
        )
        self._update_save_button()

    def _update_save_button(self) -> None:
        self.save_button.setEnabled(
            self.is_open() and not self._saving and not self._refusal_text()
        )
