"""Dates, times and numbers as the interface's language writes them.

:func:`app.ui.app.install_translations` sets ``QLocale``'s default to Finland's Finnish,
Swedish or English with the language; everything here formats through that default
(``QLocale()``), read at each call, so a text made after the language changed follows it.
Finnish: ``6.12.2026``, ``8.05``, ``su``, ``20 000``; Finland's English: ``06/12/2026``.

What the worker types back is read both ways: as the interface writes it and as Finns
write it (``d.M.yyyy``), whatever the language (:func:`parse_date`).

The printed documents (``app/services/documents``) have no Qt: their pattern is a
translated text of their own.
"""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QDate, QLocale, QTime

_SHORT = QLocale.FormatType.ShortFormat
# A run of one pattern letter (d, M, y, H, m, …) or a quoted literal.
_FIELD = re.compile(r"'[^']*'|([A-Za-z])\1*")


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _qtime(moment: dt.time | dt.datetime) -> QTime:
    return QTime(moment.hour, moment.minute, moment.second)


def date_text(day: dt.date) -> str:
    """``6.12.2026`` (Finnish, Swedish), ``06/12/2026`` (Finland's English)."""
    return QLocale().toString(_qdate(day), _SHORT)


def day_month_text(day: dt.date) -> str:
    """The date without its year: ``6.12.`` (Finnish, Swedish), ``06/12`` (English)."""
    return QLocale().toString(_qdate(day), day_month_format())


def time_text(moment: dt.time | dt.datetime, *, seconds: bool = False) -> str:
    """``8.05`` (or ``8.05.07`` with ``seconds``); ``moment`` as it is (the caller gives
    it in the policy's zone)."""
    return QLocale().toString(_qtime(moment), time_format(seconds=seconds))


def date_time_text(moment: dt.datetime) -> str:
    """``6.12.2026 8.05``; ``moment`` as it is (the caller gives it in the policy's zone)."""
    return f"{date_text(moment.date())} {time_text(moment)}"


def weekday_text(day: dt.date) -> str:
    """The weekday's short name: ``ma``, ``mån``, ``Mon``."""
    return QLocale().dayName(day.isoweekday(), _SHORT)


def number_text(number: int) -> str:
    """An integer with the locale's grouping: ``20 000`` (a no-break space)."""
    return QLocale().toString(number)


def decimal_text(number: float) -> str:
    """A number as short as it goes, with the locale's decimal mark: ``12``, ``1,5``."""
    return QLocale().toString(float(number), "g", 12)


def date_format() -> str:
    """Qt's pattern of :func:`date_text` (``d.M.yyyy``)."""
    return QLocale().dateFormat(_SHORT)


def time_format(*, seconds: bool = False) -> str:
    """Qt's pattern of :func:`time_text` (``H.mm``, ``H.mm.ss``): the locale's short time,
    its seconds added after the minutes with the same separator."""
    pattern = QLocale().timeFormat(_SHORT)
    if not seconds or "s" in pattern:
        return pattern
    match = re.search(r"([^A-Za-z']*)(m+)", pattern)
    if match is None:
        return pattern
    separator = match.group(1) or ":"
    return pattern[: match.end()] + separator + "ss" + pattern[match.end() :]


def date_time_format() -> str:
    """Qt's pattern of :func:`date_time_text` (``d.M.yyyy H.mm``)."""
    return f"{date_format()} {time_format()}"


def edit_date_time_format() -> str:
    """The pattern of a date-time edit: :func:`date_time_format` with a one-digit day and
    month where the locale writes two (``d/M/yyyy H.mm`` for ``dd/MM/yyyy H.mm``): Qt's
    edit checks a two-digit day against the month it still shows, and would make the 31st
    typed in June the 30th before the month is typed."""
    return f"{_lenient(date_format())} {time_format()}"


def day_month_format() -> str:
    """The short date's pattern without the year (and the separator that led to it); a
    trailing full stop stays, as Finnish and Swedish write ``6.12.``."""
    pattern = date_format()
    without = re.sub(r"[^A-Za-z']*y+[^A-Za-z']*$", "", pattern)
    if without != pattern:
        tail = pattern[len(without) :]
        return without + "." if tail.startswith(".") else without
    return re.sub(r"^y+[^A-Za-z']*", "", pattern)


def _lenient(pattern: str) -> str:
    """``pattern`` taking one digit where it writes two (``dd/MM`` reads ``6/12``)."""

    def one_digit(match: re.Match[str]) -> str:
        field = match.group(0)
        return field[0] if field in {"dd", "MM"} else field

    return _FIELD.sub(one_digit, pattern)


def parse_date(text: str) -> dt.date | None:
    """The date ``text`` gives as the interface writes it or as Finns do (``d.M.yyyy``);
    None when it is neither."""
    text = text.strip()
    finnish = _parse_finnish(text)
    if finnish is not None:
        return finnish
    parsed = QLocale().toDate(text, _lenient(date_format()))
    if not parsed.isValid():
        return None
    return dt.date(parsed.year(), parsed.month(), parsed.day())


def _parse_finnish(text: str) -> dt.date | None:
    parts = text.split(".")
    if len(parts) != 3 or not all(part.strip().isdigit() for part in parts):
        return None
    day, month, year = (int(part) for part in parts)
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
