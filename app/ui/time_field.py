"""A date-time field that shows and reads the wall clock of the policy's zone.

A QDateTimeEdit shows the machine's local time by default: on a laptop left on UTC
the entry's contact time would read 8.47 while the printout of the same entry says
10.47. Here the edit works in UTC as a plain calendar with no zone of its own, and is
given the wall-clock time of the policy's zone; what the worker reads or types back is
read as that zone's wall clock (:mod:`app.domain.clock`). Qt's own zone database is
never consulted, so the field and the printout agree on every daylight-saving rule.

:class:`DateTimeField` shows the date and time as the interface's locale writes them
(``6.12.2026 8.05``; ``6/12/2026 8.05`` in Finland's English) and still takes them as
Finns type them: a full stop ends the day or the month whatever the locale's separator.
"""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, QTimeZone
from PySide6.QtGui import QFocusEvent, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QDateTimeEdit, QWidget

from app.domain import clock
from app.ui.locale_format import edit_date_time_format

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
    """A date-time edit in the interface's locale (:func:`edit_date_time_format`) that reads a
    date and time typed in one go, ``6.12.2026 8.05``, in every language.

    Qt moves on to the next section by itself once a number can take no more digits (a
    ``6`` for the day), and then reads the ``.`` typed after it as "skip the month"; here
    that ``.`` is taken as already done. A ``.`` (or ``/``, ``-``, ``:``, ``,``) typed
    where the format has another separator (``06/12/2026``) is taken as that one.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDisplayFormat(edit_date_time_format())
        # A digit just moved the cursor on to the next section by itself.
        self._moved_on = False

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        text = event.text()
        if self._moved_on and text in _ENDINGS | {" "}:
            self._moved_on = False
            event.accept()  # the section it ends is behind the cursor already
            return
        self._moved_on = False
        if text in _ENDINGS:
            separator = _separator_after(self.displayFormat(), self.currentSection())
            if separator and text not in separator:
                event = QKeyEvent(
                    event.type(), Qt.Key(ord(separator)), event.modifiers(), separator
                )
        section = self.currentSection()
        super().keyPressEvent(event)
        self._moved_on = text.isdigit() and self.currentSection() != section

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        self._moved_on = False
        super().mousePressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        self._moved_on = False
        super().focusInEvent(event)


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
