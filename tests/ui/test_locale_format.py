"""Dates, times and numbers in the interface's locale (app/ui/locale_format.py), in the
window, and read back from what the worker types."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QDateTime, QLocale, QTime
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.services.documents import wording
from app.ui.app import install_translations
from app.ui.client.person_dialog import PersonDialog
from app.ui.labels import item_label_text
from app.ui.locale_format import (
    date_text,
    date_time_text,
    day_month_text,
    decimal_text,
    edit_date_time_format,
    number_text,
    parse_date,
    time_text,
    weekday_text,
)
from app.ui.time_field import DateTimeField
from tests.gui_helpers import HELSINKI, FakeClock, WindowOpener

_QT_LANGUAGES = {
    "fi": QLocale.Language.Finnish,
    "sv": QLocale.Language.Swedish,
    "en": QLocale.Language.English,
}
_SHORT = QLocale.FormatType.ShortFormat
MOMENT = dt.datetime(2026, 12, 6, 8, 5, 7)  # a Sunday


def finland(language: str) -> QLocale:
    return QLocale(_QT_LANGUAGES[language], QLocale.Country.Finland)


def test_the_texts_are_the_languages_own(any_language: str) -> None:
    locale = finland(any_language)
    day = QDate(2026, 12, 6)
    assert date_text(MOMENT.date()) == locale.toString(day, _SHORT)
    assert time_text(MOMENT) == locale.toString(QTime(8, 5), _SHORT)
    assert date_time_text(MOMENT) == f"{locale.toString(day, _SHORT)} {time_text(MOMENT)}"
    assert weekday_text(MOMENT.date()) == locale.dayName(7, _SHORT)
    assert number_text(20_000) == locale.toString(20_000)
    assert decimal_text(1.5) == locale.toString(1.5, "g", 12)
    # The day and month are those of the full date, in its order.
    assert day_month_text(MOMENT.date()) in date_text(MOMENT.date())


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fi", ("6.12.2026", "6.12.", "8.05", "8.05.07", "su", "20\u00a0000", "1,5")),
        ("sv", ("6.12.2026", "6.12.", "8.05", "8.05.07", "sön", "20\u00a0000", "1,5")),
        ("en", ("06/12/2026", "06/12", "8.05", "8.05.07", "Sun", "20\u00a0000", "1,5")),
    ],
)
def test_the_texts_as_finland_writes_them(
    language: str, expected: tuple[str, ...], qapp: QApplication, compiled_translations: Path
) -> None:
    before = QLocale()
    installed = install_translations(qapp, language, compiled_translations)
    try:
        got = (
            date_text(MOMENT.date()),
            day_month_text(MOMENT.date()),
            time_text(MOMENT),
            time_text(MOMENT, seconds=True),
            weekday_text(MOMENT.date()),
            number_text(20_000),
            decimal_text(1.5),
        )
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
        QLocale.setDefault(before)
        wording.set_translate(None)
    assert got == expected


def test_a_date_is_read_as_shown_and_as_finns_write_it(any_language: str) -> None:
    day = dt.date(2011, 7, 3)
    assert parse_date(date_text(day)) == day
    assert parse_date(" 3.7.2011 ") == day
    assert parse_date("03.07.2011") == day
    for text in ("", "3.7.", "31.2.2011", "3.7.2011 klo 8", "tänään"):
        assert parse_date(text) is None


def test_an_item_label_shows_the_locale_s_dates(any_language: str) -> None:
    label = item_label_text("M. A. 14.3.2017 · kirjaus 26.11. 23.15")
    born, when = dt.date(2017, 3, 14), dt.datetime(2000, 11, 26, 23, 15)
    assert label.startswith(f"M. A. {date_text(born)} · ")
    assert label.endswith(f" {day_month_text(when)} {time_text(when)}")
    if any_language == "fi":
        assert label == "M. A. 14.3.2017 · kirjaus 26.11. 23.15"


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("31.12.2026 8.05", 31),  # the 31st typed while the field shows June
        ("6.12.2026 8.05", 6),  # Qt moves on after the 6: the full stop is not a skip
        ("6.12.2026 8:05", 6),
        ("shown", 6),  # as the field writes it in the interface's language
    ],
)
def test_a_date_time_field_takes_the_shown_and_the_finnish_form(
    typed: str, day: int, any_language: str, qtbot: QtBot
) -> None:
    field = DateTimeField()
    qtbot.addWidget(field)
    field.show()
    field.setFocus()
    field.setDateTime(QDateTime(QDate(2026, 6, 15), QTime(13, 47)))
    wanted = QDateTime(QDate(2026, 12, day), QTime(8, 5))
    shown = QLocale().toString(wanted, edit_date_time_format())
    # The locale's order and separators: "6.12.2026 8.05", "6/12/2026 8.05".
    assert parse_date(shown.split(" ")[0]) == dt.date(2026, 12, day)
    assert shown.endswith(f" {time_text(dt.time(8, 5))}")
    text = shown if typed == "shown" else typed
    field.setSelectedSection(field.sectionAt(0))
    for key in text:  # as the worker types, a key at a time
        QTest.keyClicks(field, key)
    assert field.dateTime() == wanted
    assert field.text() == shown


@pytest.mark.gui
@pytest.mark.qt_log_ignore(r"^This plugin does not support propagateSizeHints\(\)$")
def test_the_window_s_times_follow_the_locale(
    any_language: str, qtbot: QtBot, opener: WindowOpener
) -> None:
    friday = dt.datetime(2026, 11, 27, 13, 30, tzinfo=HELSINKI)
    window = opener.open(now=FakeClock(friday))
    monday = dt.datetime(2026, 11, 30, 8, 0)
    # The duty runs to Monday morning: "ma 8.00", "mån 8.00", "Mon 8.00".
    assert f"{weekday_text(monday.date())} {time_text(monday)}" in window.duty.label.text()
    # A message's time in the recent messages: "13.30.00" (the window's clock).
    window.messages.info("Tallennettu.")
    qtbot.waitUntil(lambda: window.message_bar.latest() is not None)
    dialog = window.show_recent_messages()
    assert dialog.lines()[0].startswith(f"{time_text(friday, seconds=True)}  ")
    dialog.close()


def test_the_birth_date_is_hinted_and_read_as_the_locale_writes_it(
    any_language: str, qtbot: QtBot
) -> None:
    dialog = PersonDialog(None, None, dt.date(2026, 12, 6))
    qtbot.addWidget(dialog)
    example = date_text(dt.date(2011, 7, 3))  # "3.7.2011", "03/07/2011"
    assert dialog.birth_date.placeholderText() == example
    assert example in dialog.birth_date.accessibleName()
    dialog.last_name.setText("Šimunović")
    for typed in (example, "3.7.2011"):
        dialog.birth_date.setText(typed)
        assert dialog.person().birth_date == dt.date(2011, 7, 3)
    dialog.birth_date.setText("3/7/11")
    dialog.accept()
    assert example in dialog.problem.text()
    assert dialog.birth_date.text() == "3/7/11"  # kept as typed, to be corrected
