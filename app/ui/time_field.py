"""A date-time field that shows and reads the wall clock of the policy's zone.

A QDateTimeEdit shows the machine's local time by default: on a laptop left on UTC
the entry's contact time would read 8.47 while the printout of the same entry says
10.47. Here the edit works in UTC as a plain calendar with no zone of its own, and is
given the wall-clock time of the policy's zone; what the worker reads or types back is
read as that zone's wall clock (:mod:`app.domain.clock`). Qt's own zone database is
never consulted, so the field and the printout agree on every daylight-saving rule.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QDateTime, QTime, QTimeZone
from PySide6.QtWidgets import QDateTimeEdit

from app.domain import clock


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
