"""Whether the regional duty is on, always in sight; in office hours, who is responsible.

The status bar says "Päivystys auki – ma 8.00 asti", or that it is closed and until
when. In office hours a yellow note above the card says that the selected municipality
is responsible now and gives its own office-hours contact. A single-shot timer
re-evaluates at the next transition and at least once a minute, so that a laptop woken
from sleep or a corrected clock does not leave a stale answer on the screen.

The clock is injectable (``now``): tests set the time, the app uses the real one.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QWidget

from app.domain.clock import Clock, utc_now
from app.domain.policy import Municipality, Policy
from app.services.duty_hours import DutyStatus, Reason, duty_hours_for
from app.ui.colours import BROWN, GREEN, readable
from app.ui.locale_format import date_text, time_text, weekday_text

# At least once a minute; a little past a transition, so that it is behind us.
MAX_INTERVAL_MS = 60_000
_PAST_TRANSITION_MS = 500
_MIN_INTERVAL_MS = 200

_STYLE = "color: {colour}; font-weight: bold;"
_NOTE_STYLE = (
    "background: #ffe873; color: #000000; border: 2px solid #b08d00; "
    "font-weight: bold; padding: 6px;"
)


def short_moment(moment: dt.datetime) -> str:
    """``ma 8.00``: the duty's transitions are never a week apart."""
    return f"{weekday_text(moment)} {time_text(moment)}"


def full_moment(moment: dt.datetime) -> str:
    """``ma 6.4.2026 klo 8.00``, in the interface's locale."""
    return QCoreApplication.translate("DutyBanner", "{weekday} {date} klo {time}").format(
        weekday=weekday_text(moment), date=date_text(moment), time=time_text(moment)
    )


def holiday_language() -> str:
    """The holidays' names in the interface's language (QLocale's default, set with the
    translations), as the ``holidays`` package names its languages."""
    return {"sv": "sv_FI", "en": "en_US"}.get(QLocale().name()[:2], "fi")


def reason_text(reason: Reason, holiday: str | None) -> str:
    texts: dict[Reason, str] = {
        "weekday_evening": QCoreApplication.translate("DutyBanner", "arki-ilta ja -yö"),
        "weekend": QCoreApplication.translate("DutyBanner", "viikonloppu"),
        "holiday": QCoreApplication.translate("DutyBanner", "pyhäpäivä"),
        "holiday_eve": QCoreApplication.translate("DutyBanner", "pyhän aatto"),
        "office_hours": QCoreApplication.translate("DutyBanner", "virka-aika"),
    }
    text = texts[reason]
    return f"{text}: {holiday}" if holiday else text


def status_text(status: DutyStatus) -> str:
    when = short_moment(status.until)
    if status.on:
        return QCoreApplication.translate("DutyBanner", "Päivystys auki – {when} asti").format(
            when=when
        )
    return QCoreApplication.translate(
        "DutyBanner", "Päivystys kiinni (virka-aika) – {when} asti"
    ).format(when=when)


def office_hours_text(status: DutyStatus, municipality: Municipality | None) -> str:
    opens = short_moment(status.until)
    if municipality is None:
        return QCoreApplication.translate(
            "DutyBanner",
            "VIRKA-AIKA – kunnat vastaavat nyt itse asiakkaistaan. Valitse kunta "
            "(Ctrl+1…Ctrl+9), niin sen virka-ajan yhteystiedot näkyvät tässä. "
            "Alueellinen päivystys alkaa {opens}.",
        ).format(opens=opens)
    contact = municipality.office_hours
    return QCoreApplication.translate(
        "DutyBanner",
        "VIRKA-AIKA – {name} vastaa nyt itse asiakkaistaan. Ohjaa asia kunnan "
        "virka-ajan päivystykseen: {unit}, puh. {phone}. Alueellinen päivystys alkaa {opens}.",
    ).format(name=municipality.name_fi, unit=contact.unit, phone=contact.phone, opens=opens)


class DutyDisplay(QObject):
    """The duty's status in the status bar (:attr:`label`) and, in office hours, the
    responsible municipality's contact above the card (:attr:`note`).

    Signals:
        status_changed(object): the duty turned on or off, or its end moved (DutyStatus).
    """

    status_changed = Signal(object)

    def __init__(self, policy: Policy, now: Clock | None, parent: QWidget) -> None:
        super().__init__(parent)
        # Made once per schedule; the app makes it before the window is filled in.
        self._hours = duty_hours_for(policy.duty_hours, holiday_language())
        self._now = now or utc_now
        self._municipality: Municipality | None = None
        self.status: DutyStatus | None = None
        self.label = QLabel(parent)
        self.label.setObjectName("dutyStatus")
        self.label.setAccessibleName(QCoreApplication.translate("DutyBanner", "Päivystyksen tila"))
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.note = QLabel(parent)
        self.note.setObjectName("officeHoursNote")
        self.note.setAccessibleName(
            QCoreApplication.translate("DutyBanner", "Virka-aika: kunta vastaa")
        )
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setWordWrap(True)
        self.note.setStyleSheet(_NOTE_STYLE)
        self.note.setVisible(False)
        self.timer = QTimer(self)
        self.timer.setObjectName("dutyTimer")
        self.timer.setSingleShot(True)
        # On the second: a coarse timer may be late by 5 %, three seconds in a minute.
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self.refresh)
        self.refresh()

    def set_municipality(self, municipality: Municipality | None) -> None:
        self._municipality = municipality
        self._show()

    def refresh(self) -> None:
        """Evaluate the duty now and arm the timer for the next look."""
        status = self._hours.status(self._now())
        previous = self.status
        self.status = status
        self._show()
        # In UTC: within one zone Python subtracts wall clocks, wrong across a DST change.
        left = status.until.astimezone(dt.UTC) - status.at.astimezone(dt.UTC)
        until_ms = left.total_seconds() * 1000 + _PAST_TRANSITION_MS
        self.timer.start(int(max(_MIN_INTERVAL_MS, min(until_ms, MAX_INTERVAL_MS))))
        if previous is None or (previous.on, previous.until) != (status.on, status.until):
            self.status_changed.emit(status)

    def stop(self) -> None:
        self.timer.stop()

    def _show(self) -> None:
        status = self.status
        if status is None:
            return
        text = status_text(status)
        reason = reason_text(status.reason, status.holiday)
        detail = QCoreApplication.translate(
            "DutyBanner", "{reason}. Alkoi {since}, päättyy {until}."
        ).format(
            reason=reason[:1].upper() + reason[1:],
            since=full_moment(status.since),
            until=full_moment(status.until),
        )
        self.label.setText(text)
        self.label.setToolTip(detail)
        self.label.setAccessibleDescription(f"{text}. {detail}")
        self.label.setStyleSheet(_STYLE.format(colour=readable(GREEN if status.on else BROWN)))
        if status.on:
            self.note.setText("")
            self.note.setAccessibleDescription("")
            self.note.setVisible(False)
            return
        note = office_hours_text(status, self._municipality)
        self.note.setText(note)
        self.note.setAccessibleDescription(note)
        self.note.setVisible(True)
