"""A date-time field that shows and reads the wall clock of the policy's zone.

A QDateTimeEdit shows the machine's local time by default: on a laptop left on UTC
the entry's contact time would read 8.47 while the printout of the same entry says
10.47. Here the edit works in UTC as a plain calendar with no zone of its own, and is
given the wall-clock time of the policy's zone; what the worker reads or types back is
read as that zone's wall clock (:mod:`app.domain.clock`). Qt's own zone database is
never consulted, so the field and the printout agree on every daylight-saving rule.

:class:`DateTimeField` shows the date and time as the interface's locale writes them
(``6.12.2026 8.05``; ``06/12/2026 8.05`` in Finland's English) and still takes them as
Finns type them: a full stop ends the day or the month whatever the locale's separator.
"""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, QTimeZone
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDateTimeEdit, QWidget

from app.domain import clock
from app.ui.locale_format import date_time_format

# What a worker types to end a number in a date or a time, whatever the format's own.
_ENDINGS = frozenset("./-:,")
_LETTERS = {
    QDateTimeEdit.Section.DaySection: "d",
    QDateTimeEdit.Section.MonthSection: "M",
    QDateTimeEdit.Section.YearSection: "y",
    QDateTimeEdit.Section.HourSection: "H",
    QDateTimeEdit.Section.MinuteSection: "m",
}


class DateTimeField(QDateTimeEdit):
    """A date-time edit in the interface's locale (:func:`date_time_format`) that takes a
    typed ``.`` (or ``/``, ``-``, ``:``, ``,``) for the separator after the section the
    cursor is in, so ``6.12.2026 8.05`` typed is read alike in every language."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDisplayFormat(date_time_format())

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        text = event.text()
        if text in _ENDINGS:
            separator = _separator_after(self.displayFormat(), self.currentSection())
            if separator and text not in separator:
                event = QKeyEvent(
                    event.type(), Qt.Key(ord(separator)), event.modifiers(), separator
                )
        super().keyPressEvent(event)


def _separator_after(pattern: str, section: QDateTimeEdit.Section) -> str:
    """The first character of the literal after ``section`` in ``pattern`` (not a space:
    a space already moves on); empty when there is none."""
    letter = _LETTERS.get(section)
    if letter is None:
        return ""
    found = re.search(rf"{letter}+", pattern if letter != "H" else pattern.replace("h", "H"))
    if found is None:
        return ""
    literal = re.match(r"[^A-Za-z']*", pattern[found.end() :])
    separator = literal.group(0).strip() if literal else ""
    return separator[:1]


def show_time(edit: QDateTimeEdit, moment: dt.datetime, zone: dt.tzinfo) -> None:
    """Show the instant ``moment`` in ``edit`` as ``zone``'s wall clock."""
    wall = clock.wall_clock(moment, zone)
    # UTC has no daylight-saving gaps: every wall time the zone shows can be held.
    edit.setTimeZone(QTimeZone.utc())
    edit.setDateTime(
        QDateTime(
            QDate(wall.year, wall.month, wall.day),
            QTime(wall.hour, wall.minute, wall.second),
            QTimeZone.utc(),
        )
    )


def read_time(edit: QDateTimeEdit, zone: dt.tzinfo) -> dt.datetime:
    """The instant ``edit`` shows, read as ``zone``'s wall clock; aware, in ``zone``."""
    shown = edit.dateTime()
    day, time = shown.date(), shown.time()
    wall = dt.datetime(
        day.year(), day.month(), day.day(), time.hour(), time.minute(), time.second()
    )
    return clock.from_wall_clock(wall, zone)
