"""Labels that show text as text: a name, a reason from a system, never read as markup."""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QWidget

from app.ui.locale_format import date_text, day_month_text, time_text


def plain_label(parent: QWidget, name: str, text: str = "") -> QLabel:
    """Plain text, wrapped: a system's refusal reason must never be read as markup."""
    label = QLabel(text, parent)
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


def data_label(parent: QWidget, name: str, accessible: str) -> QLabel:
    """A client's or a recipient's data: plain text the worker can select and copy."""
    label = plain_label(parent, name)
    label.setAccessibleName(accessible)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


_LABEL = re.compile(
    r"^(?P<what>.+) (?P<day>\d{1,2})\.(?P<month>\d{1,2})\. (?P<hour>\d{1,2})\.(?P<minute>\d{2})$"
)
_BORN = re.compile(r"^(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})$")
# Any year will do for a day and month of the label: a leap year takes 29.2.
_LEAP_YEAR = 2000


def _label_words() -> dict[str, str]:
    # The words app.services puts in an item's label (app/services/outbox/codec.py
    # item_label); kept in the outbox in Finnish, shown in the interface's language.
    return {
        "kirjaus": QCoreApplication.translate("ItemLabel", "kirjaus"),
        "jatkotoimet": QCoreApplication.translate("ItemLabel", "jatkotoimet"),
        "lastensuojeluilmoitus": QCoreApplication.translate("ItemLabel", "lastensuojeluilmoitus"),
        "käyttö: haku": QCoreApplication.translate("ItemLabel", "käyttö: haku"),
        "käyttö: katselu": QCoreApplication.translate("ItemLabel", "käyttö: katselu"),
        "käyttö: kirjaus": QCoreApplication.translate("ItemLabel", "käyttö: kirjaus"),
        "käyttö: ilmoitus": QCoreApplication.translate("ItemLabel", "käyttö: ilmoitus"),
        "käyttö: tulostus": QCoreApplication.translate("ItemLabel", "käyttö: tulostus"),
        "käyttö: siirto": QCoreApplication.translate("ItemLabel", "käyttö: siirto"),
        "tunnukseton": QCoreApplication.translate("ItemLabel", "tunnukseton"),
    }


def item_label_text(label: str) -> str:
    """An outbox item's label ("M. A. 14.3.2017 · kirjaus 26.11. 23.15", saved in Finnish
    with the item) in the interface's language and its dates and times; a label of
    another shape as it is."""
    who, separator, tail = label.rpartition(" · ")
    match = _LABEL.match(tail)
    if not separator or match is None:
        return label
    try:
        day = day_month_text(dt.date(_LEAP_YEAR, int(match["month"]), int(match["day"])))
        time = time_text(dt.time(int(match["hour"]), int(match["minute"])))
    except ValueError:
        return label
    words = _label_words()
    parts = [_born_text(part) for part in who.split(" ")]
    if parts and parts[-1] in words:
        parts[-1] = words[parts[-1]]
    what = words.get(match["what"], match["what"])
    return f"{' '.join(parts)} · {what} {day} {time}"


def _born_text(part: str) -> str:
    """A birth date of a label in the interface's format; any other part as it is."""
    born = _BORN.match(part)
    if born is None:
        return part
    try:
        return date_text(dt.date(int(born["year"]), int(born["month"]), int(born["day"])))
    except ValueError:
        return part
