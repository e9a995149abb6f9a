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

The date is typed into the field itself, not into Qt's sections: Qt checks each
section against the date it still shows, and would make the 30th typed over February
the 3rd (and move on), or the 29th of February 2028 typed over 2026 the 28th. A digit
typed in the day, the month or the year starts the field's own typing of the date: the
day, month and year are held as typed (shown as text) and become the field's date
together, when the worker moves on from the date to the time or leaves the field.

When what was typed is no date (the 31st with June still shown, the 29th of February of
2026, a year of two digits), nothing is changed to another date: the field keeps the
text as typed, marked as a field to fix (the ``invalid`` property, red, the problem as
its accessible description), :meth:`DateTimeField.problem` says why in Finnish and the
forms refuse to save until it is fixed. ``dateTime()`` meanwhile still gives the date
the field held before (drafts keep it). Typing the date again, choosing one from the
calendar or a date set by the program ends it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from PySide6.QtCore import QDate, QDateTime, QLocale, Qt, QTime, QTimeZone
from PySide6.QtGui import QFocusEvent, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QDateTimeEdit, QWidget

from app.domain import clock
from app.ui.forms import INVALID_STYLE
from app.ui.locale_format import edit_date_time_format

Section = QDateTimeEdit.Section

# What a worker types to end a number in a date or a time, whatever the format's own.
_ENDINGS = frozenset("./-:,")
_LETTERS = {
    Section.DaySection: "d",
    Section.MonthSection: "M",
    Section.YearSection: "y",
    Section.HourSection: "H",
    Section.MinuteSection: "m",
}
_DATE_LETTERS = {"d": Section.DaySection, "M": Section.MonthSection, "y": Section.YearSection}
# The most a date section takes in any month of any year, and its digits.
_WIDEST = {Section.DaySection: 31, Section.MonthSection: 12, Section.YearSection: 9999}
_DIGITS = {Section.DaySection: 2, Section.MonthSection: 2, Section.YearSection: 4}
# A pattern's fields, quoted literals and the literals between them.
_TOKEN = re.compile(r"'[^']*'|([A-Za-z])\1*|[^A-Za-z']+")


@dataclasses.dataclass
class _TypedDate:
    """The date as the worker types it, section by section, before it is a date."""

    tokens: list[str]  # the display format's tokens
    texts: dict[Section, str]  # each date section's digits as typed (or as shown)
    at: int | None  # the index in ``order`` being typed; None once moved on
    fresh: bool = True  # the section at ``at`` not typed into yet: a digit replaces it

    @property
    def order(self) -> list[Section]:
        return [_DATE_LETTERS[t[0]] for t in self.tokens if t[0] in _DATE_LETTERS]

    def pattern(self) -> str:
        """The display format with the date's sections as the typed text."""
        parts = []
        for token in self.tokens:
            section = _DATE_LETTERS.get(token[0])
            if section is None:
                parts.append(token)
            elif self.texts[section]:
                parts.append(f"'{self.texts[section]}'")
        return "".join(parts)

    def span(self, section: Section, time: QTime) -> tuple[int, int]:
        """Where ``section``'s text is in the field's text: start and length."""
        start = 0
        for token in self.tokens:
            found = _DATE_LETTERS.get(token[0])
            if found == section:
                return start, len(self.texts[section])
            if found is not None:
                start += len(self.texts[found])
            else:
                start += len(QLocale().toString(time, token))
        return start, 0

    def date_text(self) -> str:
        """The date part as shown: ``31.6.2026``."""
        places = [i for i, token in enumerate(self.tokens) if token[0] in _DATE_LETTERS]
        return "".join(
            self.texts[_DATE_LETTERS[token[0]]] if token[0] in _DATE_LETTERS else token.strip("'")
            for token in self.tokens[places[0] : places[-1] + 1]
        )

    def date(self) -> QDate | None:
        texts = self.texts
        if not all(texts[s].isdigit() for s in self.order) or len(texts[Section.YearSection]) != 4:
            return None
        day = QDate(
            int(texts[Section.YearSection]),
            int(texts[Section.MonthSection]),
            int(texts[Section.DaySection]),
        )
        return day if day.isValid() else None


class DateTimeField(QDateTimeEdit):
    """A date-time edit in the interface's locale (:func:`edit_date_time_format`) that reads a
    date and time typed in one go, ``6.12.2026 8.05``, in every language, whatever date it
    showed before.

    Qt moves on to the next section by itself once a number can take no more digits (a
    ``6`` for the day), and then reads the ``.`` typed after it as "skip the month"; here
    that ``.`` is taken as already done. A ``.`` (or ``/``, ``-``, ``:``, ``,``) typed
    where the format has another separator (``06/12/2026``) is taken as that one. The date
    is typed into the field's own sections (see the module); what is no date is kept as
    typed and marked, :meth:`problem` says why.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._format = edit_date_time_format()
        self.setDisplayFormat(self._format)
        # A digit just moved the cursor on to the next section by itself.
        self._moved_on = False
        # The date being typed, or kept as typed because it is no date.
        self._typed: _TypedDate | None = None
        self._range = (self.minimumDateTime(), self.maximumDateTime())

    # -- what the forms ask --------------------------------------------------------------

    def problem(self) -> str:
        """Why the field holds no date, in the interface's language; empty when it shows
        the date ``dateTime()`` gives. A date still being typed is taken first."""
        self._finish_date(None)
        if self._typed is None:
            return ""
        problem = self.tr(
            "Päivämäärää {date} ei ole. Korjaa päivä, kuukausi tai vuosi; "
            "mitään ei tallennettu eikä lähetetty."
        ).format(date=self._typed.date_text())
        name = self.accessibleName()
        return f"{name}: {problem}" if name else problem

    def setDateTime(self, dateTime: QDateTime) -> None:  # noqa: N802, N803
        self._drop_typed()
        super().setDateTime(dateTime)

    def setDate(self, date: QDate) -> None:  # noqa: N802
        self._drop_typed()
        super().setDate(date)

    # Sections as the worker sees them, the date's while it is typed into the field.

    def sectionAt(self, index: int) -> Section:  # noqa: N802 - Qt's name
        typed = self._typed
        if typed is None:
            return super().sectionAt(index)
        order = typed.order
        return order[index] if index < len(order) else super().sectionAt(index - len(order))

    def currentSection(self) -> Section:  # noqa: N802 - Qt's name
        typed = self._typed
        if typed is None or typed.at is None:
            return super().currentSection()
        return typed.order[typed.at]

    def setSelectedSection(self, section: Section) -> None:  # noqa: N802 - Qt's name
        typed = self._typed
        if typed is None or section not in typed.order:
            super().setSelectedSection(section)
            return
        typed.at = typed.order.index(section)
        typed.fresh = True
        self._moved_on = False
        self._show_typed()

    # -- keys and the mouse --------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if self._typing_key(event):
            event.accept()
            return
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

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802 - Qt override
        typed = self._typed
        if typed is not None and typed.at is not None:
            self._moved_on = False
            if next:
                self._advance()
                return True
            if typed.at > 0:
                typed.at -= 1
                typed.fresh = True
                self._show_typed()
                return True
            self._finish_date(None)
        elif typed is not None and not next and self._first_time_section():
            # Back from the time to the date kept as typed.
            typed.at = len(typed.order) - 1
            typed.fresh = True
            self._show_typed()
            return True
        return super().focusNextPrevChild(next)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        self._moved_on = False
        self._finish_date(None)
        typed = self._typed
        if typed is not None:
            line = self.lineEdit()
            position = line.cursorPositionAt(line.mapFrom(self, event.position().toPoint()))
            for index, section in enumerate(typed.order):
                start, length = typed.span(section, self.time())
                if start <= position <= start + length:
                    typed.at = index
                    typed.fresh = True
                    self._show_typed()
                    event.accept()
                    return
        super().mousePressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        self._moved_on = False
        super().focusInEvent(event)
        typed = self._typed
        # The date kept as typed is to be fixed: it is where the worker comes back to.
        if typed is not None and event.reason() not in (
            Qt.FocusReason.MouseFocusReason,
            Qt.FocusReason.BacktabFocusReason,
        ):
            typed.at = 0
            typed.fresh = True
            self._show_typed()

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        self._finish_date(None)
        super().focusOutEvent(event)

    # -- the date typed --------------------------------------------------------------------

    def _typing_key(self, event: QKeyEvent) -> bool:
        """Take a key typed into the date; False for Qt to take it."""
        text = event.text()
        shortcut = event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        )
        typed = self._typed
        if typed is None or typed.at is None:
            section = super().currentSection()
            if not text.isdigit() or shortcut or section not in _DATE_LETTERS.values():
                return False
            if typed is None:
                typed = self._begin()
            typed.at = typed.order.index(section)
            typed.fresh = True
            self._moved_on = False
        if text.isdigit() and not shortcut:
            self._digit(typed, text)
            return True
        if text and (text in _ENDINGS or text == " "):
            if self._moved_on:
                self._moved_on = False
            else:
                self._advance()
            return True
        self._moved_on = False
        if event.key() == Qt.Key.Key_Backspace:
            section = typed.order[typed.at]
            typed.texts[section] = "" if typed.fresh else typed.texts[section][:-1]
            typed.fresh = False
            self._show_typed()
            return True
        if event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            return False  # focusNextPrevChild
        self._finish_date(None)
        return False

    def _begin(self) -> _TypedDate:
        shown = self.date()
        self._range = (self.minimumDateTime(), self.maximumDateTime())
        typed = _TypedDate(
            tokens=[m.group(0) for m in _TOKEN.finditer(self._format)],
            texts={
                Section.DaySection: str(shown.day()),
                Section.MonthSection: str(shown.month()),
                Section.YearSection: str(shown.year()),
            },
            at=None,
        )
        self._typed = typed
        return typed

    def _digit(self, typed: _TypedDate, digit: str) -> None:
        section = typed.order[typed.at]  # type: ignore[index]
        text = digit if typed.fresh else typed.texts[section] + digit
        typed.texts[section] = text
        typed.fresh = False
        if len(text) >= _DIGITS[section] or int(text) * 10 > _WIDEST[section]:
            self._advance()
            self._moved_on = True  # a "." typed next ends what is ended already
        else:
            self._show_typed()

    def _advance(self) -> None:
        """On from the date section being typed: to the next, or past the date."""
        typed = self._typed
        assert typed is not None
        assert typed.at is not None
        if typed.at + 1 < len(typed.order):
            typed.at += 1
            typed.fresh = True
            self._show_typed()
        else:
            self._finish_date(self._first_time())

    def _finish_date(self, then: Section | None) -> None:
        """The date typed becomes the field's, or is kept as typed and marked when it is
        none; ``then`` the section to select after it."""
        typed = self._typed
        if typed is None or typed.at is None:
            return
        typed.at = None
        date = typed.date()
        low, high = self._range
        if date is not None and low.date() <= date <= high.date():
            self._drop_typed()
            super().setDate(date)
        else:
            self._show_typed()
            self.setProperty("invalid", True)
            self.setStyleSheet(INVALID_STYLE)
            self.setAccessibleDescription(self.problem())
        if then is not None:
            self.setSelectedSection(then)

    def _drop_typed(self) -> None:
        if self._typed is None:
            return
        self._typed = None
        super().setDisplayFormat(self._format)
        low, high = self._range
        self.setDateTimeRange(low, high)
        if self.property("invalid"):
            self.setProperty("invalid", False)
            self.setStyleSheet("")
            self.setAccessibleDescription("")

    def _show_typed(self) -> None:
        typed = self._typed
        assert typed is not None
        blocked = self.blockSignals(True)  # only how it is shown changes, not the value
        try:
            super().setDisplayFormat(typed.pattern())
        finally:
            self.blockSignals(blocked)
        if typed.at is None:
            return
        start, length = typed.span(typed.order[typed.at], self.time())
        line = self.lineEdit()
        if typed.fresh:
            line.setSelection(start, length)
        else:
            line.setCursorPosition(start + length)

    def _first_time(self) -> Section:
        for token in _TOKEN.finditer(self._format):
            if token.group(0)[0] in "Hh":
                return Section.HourSection
        return Section.MinuteSection

    def _first_time_section(self) -> bool:
        return self.currentSectionIndex() == 0


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
