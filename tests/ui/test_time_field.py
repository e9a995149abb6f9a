"""The date-time field (app/ui/time_field.py) takes the date typed in one go, whatever
date it showed before, and keeps what is no date as typed, marked, instead of another."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QDate, QDateTime, QLocale, Qt, QTime
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from app.ui.locale_format import edit_date_time_format
from app.ui.time_field import DateTimeField
from tests.helpers import examples

pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support propagateSizeHints\(\)$")


# The windows of the fields: qtbot holds them only weakly.
_WINDOWS: list[QWidget] = []


@pytest.fixture(autouse=True)
def _windows() -> Iterator[None]:
    yield
    _WINDOWS.clear()


def field_showing(qtbot: QtBot, shown: QDate) -> DateTimeField:
    """A field in a window with a line to move on to."""
    window = QWidget()
    qtbot.addWidget(window)
    _WINDOWS.append(window)
    layout = QVBoxLayout(window)
    field = DateTimeField(window)
    layout.addWidget(field)
    layout.addWidget(QLineEdit(window))
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    field.setFocus()
    field.setDateTime(QDateTime(shown, QTime(13, 47)))
    return field


def type_in(field: DateTimeField, text: str) -> None:
    """As the worker types from the day on, a key at a time."""
    field.setSelectedSection(field.sectionAt(0))
    for key in text:
        QTest.keyClicks(field, key)


def shown_form(wanted: QDateTime) -> str:
    """``wanted`` as the field writes it in the interface's language."""
    return QLocale().toString(wanted, edit_date_time_format())


@pytest.mark.parametrize(
    ("shown", "typed"),
    [
        (QDate(2026, 2, 15), QDate(2026, 1, 30)),  # 30.1 over February
        (QDate(2026, 2, 1), QDate(2026, 1, 31)),  # 31.1 evening, typed on 1 February
        (QDate(2026, 6, 15), QDate(2028, 2, 29)),  # 29.2.2028 over a year with no 29.2
        (QDate(2027, 1, 15), QDate(2028, 2, 29)),  # ... and over a 31-day month
        (QDate(2026, 6, 15), QDate(2026, 12, 31)),  # 31.12 over June
        (QDate(2026, 11, 6), QDate(2026, 10, 31)),  # 31.10 over November
        (QDate(2026, 1, 31), QDate(2026, 3, 1)),  # 1.3 over 31.1
        (QDate(2026, 1, 31), QDate(2026, 4, 30)),
        (QDate(2028, 2, 29), QDate(2026, 2, 28)),
        (QDate(2026, 2, 15), QDate(2026, 2, 5)),
    ],
)
def test_the_date_typed_is_the_date_held(
    shown: QDate, typed: QDate, any_language: str, qtbot: QtBot
) -> None:
    field = field_showing(qtbot, shown)
    wanted = QDateTime(typed, QTime(8, 5))
    changes: list[QDateTime] = []
    field.dateTimeChanged.connect(changes.append)
    type_in(field, shown_form(wanted))
    assert field.dateTime() == wanted
    assert field.text() == shown_form(wanted)
    assert field.problem() == ""
    assert changes[-1] == wanted  # the forms' drafts hear of it


@pytest.mark.parametrize("typed", ["30.1.2026 8.05", "30.01.2026 8:05", "30.1.2026 8,05"])
def test_the_finnish_form_is_taken_in_every_language(
    typed: str, any_language: str, qtbot: QtBot
) -> None:
    field = field_showing(qtbot, QDate(2026, 2, 1))
    type_in(field, typed)
    assert field.dateTime() == QDateTime(QDate(2026, 1, 30), QTime(8, 5))


def test_the_day_alone_keeps_the_month_and_year_shown(any_language: str, qtbot: QtBot) -> None:
    field = field_showing(qtbot, QDate(2026, 6, 15))
    type_in(field, "30")  # on to the month by itself
    QTest.keyClick(field, Qt.Key.Key_Tab)  # the year
    QTest.keyClick(field, Qt.Key.Key_Tab)  # the hour
    assert field.dateTime() == QDateTime(QDate(2026, 6, 30), QTime(13, 47))
    assert field.currentSection() == DateTimeField.Section.HourSection


@pytest.mark.parametrize(
    ("shown", "typed"),
    [
        (QDate(2026, 6, 15), "31"),  # the 31st with June shown, and the field left
        (QDate(2026, 1, 15), "30.2"),
        (QDate(2028, 6, 15), "29.2.2026"),
        (QDate(2026, 6, 15), "5.6.26"),  # a year of two digits
    ],
)
def test_what_is_no_date_is_kept_as_typed_and_marked(
    shown: QDate, typed: str, any_language: str, qtbot: QtBot
) -> None:
    field = field_showing(qtbot, shown)
    before = field.dateTime()
    changes: list[QDateTime] = []
    field.dateTimeChanged.connect(changes.append)
    type_in(field, typed)
    elsewhere = field.window().findChild(QLineEdit, "")
    assert isinstance(elsewhere, QLineEdit)
    elsewhere.setFocus()
    qtbot.waitUntil(elsewhere.hasFocus)
    # Not another date: the date held before, unchanged, and the text as typed.
    assert field.dateTime() == before
    assert changes == []
    assert field.property("invalid") is True
    problem = field.problem()
    assert problem
    assert problem == field.accessibleDescription()
    day = typed.split(".", maxsplit=1)[0]
    assert field.text().startswith(day)
    # Typed again, it is the date.
    field.setFocus()
    wanted = QDateTime(QDate(2026, 7, 31), QTime(8, 5))
    type_in(field, shown_form(wanted))
    assert field.dateTime() == wanted
    assert field.problem() == ""
    assert not field.property("invalid")


def test_a_date_set_ends_what_was_kept(any_language: str, qtbot: QtBot) -> None:
    field = field_showing(qtbot, QDate(2026, 6, 15))
    type_in(field, "31")
    assert field.problem()
    wanted = QDateTime(QDate(2026, 6, 1), QTime(9, 0))
    field.setDateTime(wanted)
    assert field.problem() == ""
    assert field.text() == shown_form(wanted)


def test_a_date_is_typed_again_after_tab_back_from_the_time(qtbot: QtBot) -> None:
    field = field_showing(qtbot, QDate(2026, 6, 15))
    type_in(field, "31.6.2026")
    assert field.problem()
    QTest.keyClick(field, Qt.Key.Key_Backtab)  # from the hour back to the year
    QTest.keyClick(field, Qt.Key.Key_Backtab)  # the month
    QTest.keyClicks(field, "7")
    QTest.keyClick(field, Qt.Key.Key_Tab)  # year: as shown
    QTest.keyClick(field, Qt.Key.Key_Tab)
    assert field.dateTime().date() == QDate(2026, 7, 31)
    assert field.problem() == ""


_DAYS = st.dates(dt.date(2000, 1, 1), dt.date(2099, 12, 31))


@settings(
    max_examples=examples(30),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(shown=_DAYS, wanted=_DAYS, hour=st.integers(0, 23), minute=st.integers(0, 59))
def test_any_date_typed_over_any_date_is_that_date(
    shown: dt.date, wanted: dt.date, hour: int, minute: int, any_language: str, qtbot: QtBot
) -> None:
    field = field_showing(qtbot, QDate(shown.year, shown.month, shown.day))
    moment = QDateTime(QDate(wanted.year, wanted.month, wanted.day), QTime(hour, minute))
    type_in(field, shown_form(moment))
    assert field.dateTime() == moment
    assert field.problem() == ""
