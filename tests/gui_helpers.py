"""Helpers for the GUI tests: contexts on the training systems, windows, reading the screen."""

from __future__ import annotations

import datetime as dt
import json
import re
import threading
import urllib.request
import uuid
import xml.etree.ElementTree as ET
from contextlib import ExitStack
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.domain.clock import Clock
from app.domain.hetu import Hetu
from app.domain.model import ContactChannel, DutyEntry, TaskType
from app.domain.policy import Policy, PrintingConfig
from app.services.context import AppContext
from app.training.data import SyntheticClient
from app.training.server import TrainingServer
from app.ui.followup.handoff_dialog import HandoffDialog
from app.ui.followup.notification_form import NotificationForm
from app.ui.main_window import MainWindow
from app.ui.message_bar import Level
from app.ui.printing.preview import PrintPreview
from app.ui.printing.printer import page_count
from app.ui.unsaved import Choice
from app.wiring import training_context
from tests.helpers import ROOT, SAVED_BY, mail_for, notification_for

WORKER = "Päivystäjä Testi"
CTRL = Qt.KeyboardModifier.ControlModifier
# Ctrl+2 in the example policy.
JARVENPAA = "186"
# Ctrl+1: Pro Consona, which delivers mail and notifications itself.
HYVINKAA = "106"
HELSINKI = ZoneInfo("Europe/Helsinki")
WAIT_MS = 15_000
# Threads the window starts beside it; none may outlive it.
BACKGROUND_THREADS = ("outbox-sender", "connectivity-")


def with_endpoint(policy: Policy, code: str, url: str, **system: Any) -> Policy:
    """``policy`` with municipality ``code``'s system moved to ``url`` (and any other of
    its system settings given, e.g. ``read_timeout``)."""
    municipalities = tuple(
        replace(m, system=replace(m.system, endpoint=url, **system)) if m.code == code else m
        for m in policy.municipalities
    )
    return replace(policy, municipalities=municipalities)


def inspect(training: TrainingServer) -> dict[str, list[dict[str, Any]]]:
    """Everything the training systems hold, fetched over HTTP as a trainer would."""
    with urllib.request.urlopen(training.description["inspect"], timeout=5) as reply:
        records: dict[str, list[dict[str, Any]]] = json.load(reply)
    return records


def widget_texts(root: QWidget) -> list[str]:
    """Every text the window could show or read out: labels, fields, items, titles."""
    texts = [root.windowTitle(), root.toolTip(), root.accessibleName()]
    for widget in [root, *root.findChildren(QWidget)]:
        texts += [widget.toolTip(), widget.accessibleName(), widget.accessibleDescription()]
        texts += [widget.windowTitle(), widget.statusTip(), widget.whatsThis()]
        if isinstance(widget, QLabel | QAbstractButton | QLineEdit):
            texts.append(widget.text())
        if isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        if isinstance(widget, QPlainTextEdit | QTextEdit):
            texts.append(widget.toPlainText())
        if isinstance(widget, QAbstractSpinBox):
            texts.append(widget.text())
        if isinstance(widget, QGroupBox):
            texts.append(widget.title())
        if isinstance(widget, QComboBox):
            texts += [widget.itemText(index) for index in range(widget.count())]
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            texts += model_texts(widget.model())
    return [text for text in texts if text]


def model_texts(model: QAbstractItemModel) -> list[str]:
    """Every cell's text and tooltip, and the column headers, of a list or table."""
    roles = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
    root = QModelIndex()
    # A list model's columnCount is private in the binding: a list has one column.
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(root)
    texts: list[Any] = [
        model.headerData(column, Qt.Orientation.Horizontal) for column in range(columns)
    ]
    for row in range(model.rowCount(root)):
        for column in range(columns):
            index = model.index(row, column, root)
            texts += [model.data(index, role) for role in roles]
    return [str(text) for text in texts if text]


def shows(root: QWidget, fragment: str) -> bool:
    return any(fragment in text for text in widget_texts(root))


def press(
    widget: QWidget,
    key: Qt.Key,
    modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    """``qtbot.keyClick``, typed: pytest-qt passes QTest's functions through untyped."""
    QTest.keyClick(widget, key, modifiers)


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` key by key; QTest synthesises ASCII only, so others are inserted."""
    for char in text:
        if char.isascii():
            QTest.keyClicks(widget, char)
        elif isinstance(widget, QPlainTextEdit):
            widget.insertPlainText(char)
        elif isinstance(widget, QLineEdit):
            widget.insert(char)
        else:
            raise TypeError(f"cannot insert text into {type(widget).__name__}")


def _active_in(window: QWidget) -> bool:
    active = QApplication.activeWindow()
    return active is not None and (active is window or active.parentWidget() is window)


def _discard_at_teardown(window: QWidget) -> None:
    """Whatever a test left typed goes without a question: no modal loop at teardown."""
    if isinstance(window, MainWindow):
        window.desk.ask = lambda *_args, **_kwargs: Choice.DISCARD


class WindowOpener:
    """Opens main windows on the training systems; closes them, their contexts
    and every thread they started."""

    def __init__(self, qtbot: QtBot, training: TrainingServer, tmp_path: Path) -> None:
        self.qtbot = qtbot
        self.training = training
        self.settings_path = tmp_path / "settings.json"
        self.opened: list[MainWindow] = []
        self._contexts = ExitStack()

    def context(self, policy: Policy | None = None, *, sign_in: bool = False) -> AppContext:
        """A context as the app builds it in training mode (``policy`` instead of the
        training server's own, if given; with ``sign_in`` the worker signs in as the
        policy says, else the training password is used everywhere); closed by
        :meth:`close_all`."""
        built = training_context(
            self.training,
            policy=policy,
            settings_path=self.settings_path,
            worker_name=WORKER,
            sign_in=sign_in,
        )
        return self._contexts.enter_context(built)

    def open(self, context: AppContext | None = None, now: Clock | None = None) -> MainWindow:
        """Show a window and wait until its outbox has opened or failed to.

        ``now`` is the window's clock (duty hours, printouts); the real one by default.
        """
        context = context or self.context()
        window = MainWindow(context) if now is None else MainWindow(context, now=now)
        self.qtbot.addWidget(window, before_close_func=_discard_at_teardown)
        window.show()
        self.qtbot.waitExposed(window)
        window.activateWindow()
        # The window, or a dialog it opened at start (drafts kept from before), is active.
        self.qtbot.waitUntil(lambda: _active_in(window))
        self.qtbot.waitUntil(lambda: not window.outbox.opening, timeout=WAIT_MS)
        self.opened.append(window)
        return window

    def close_all(self) -> None:
        for window in self.opened:
            _discard_at_teardown(window)
            window.close()
        self._contexts.close()
        left = [t.name for t in threading.enumerate() if t.name.startswith(BACKGROUND_THREADS)]
        assert left == [], f"threads outlived the window: {left}"


def clients(training: TrainingServer, code: str = JARVENPAA) -> list[SyntheticClient]:
    return training.systems[code].clients


def select_jarvenpaa(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.municipality_selected, timeout=WAIT_MS):
        press(window, Qt.Key.Key_2, CTRL)
    assert window.switcher.current_code() == JARVENPAA
    assert window.desk.search.field.hasFocus()


def search(qtbot: QtBot, window: MainWindow, code: str) -> None:
    field = window.desk.search.field
    type_text(field, code)
    with qtbot.waitSignal(window.desk.lookup_finished, timeout=WAIT_MS):
        press(field, Qt.Key.Key_Return)


def find_client(qtbot: QtBot, window: MainWindow, client: SyntheticClient) -> None:
    """Ctrl+2, the client's code, Enter: the card shows the client."""
    select_jarvenpaa(qtbot, window)
    with qtbot.waitSignal(window.client_loaded, timeout=WAIT_MS):
        search(qtbot, window, client.hetu.value)


def write_entry(qtbot: QtBot, window: MainWindow, narrative: str) -> None:
    press(window, Qt.Key.Key_N, CTRL)
    assert window.desk.form.narrative.hasFocus()
    type_text(window.desk.form.narrative, narrative)


def save(qtbot: QtBot, window: MainWindow) -> None:
    press(window.desk.form.narrative, Qt.Key.Key_Return, CTRL)


def activate(qtbot: QtBot, widget: QWidget) -> None:
    """Make ``widget``'s window the active one: its shortcuts reach it."""
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow, timeout=WAIT_MS)


def open_handoff(qtbot: QtBot, window: MainWindow) -> HandoffDialog:
    """Ctrl+H from the search field (where the focus is after a search)."""
    activate(qtbot, window)
    press(window.desk.search.field, Qt.Key.Key_H, CTRL)
    dialog = window.followup.handoff_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=WAIT_MS)
    return dialog


def open_notification(qtbot: QtBot, window: MainWindow) -> NotificationForm:
    """Ctrl+I in the window."""
    activate(qtbot, window)
    press(window, Qt.Key.Key_I, CTRL)
    form = window.followup.notification_form
    assert form is not None
    qtbot.waitUntil(form.isVisible, timeout=WAIT_MS)
    return form


def print_without_dialogs(monkeypatch: pytest.MonkeyPatch) -> list[bytes]:
    """The preview presses "Tulosta", the dialog accepts, the spooler takes the PDF
    (appended to the list returned)."""
    printed: list[bytes] = []

    def preview_exec(preview: PrintPreview) -> int:
        preview.print_button.click()
        return int(preview.result())

    def fake_print(pdf: bytes, _printer: QPrinter, _config: PrintingConfig) -> int:
        printed.append(pdf)
        return page_count(pdf)

    monkeypatch.setattr(PrintPreview, "exec", preview_exec)
    monkeypatch.setattr(QPrintDialog, "exec", lambda _dialog: 1)
    monkeypatch.setattr("app.ui.printing.flow.print_pdf", fake_print)
    return printed


def status_level(window: MainWindow) -> Level | None:
    """The level of the message bar's latest message, read afresh (a plain attribute
    would stay narrowed)."""
    return window.message_bar.level


def status_text(window: MainWindow) -> str:
    """The message bar's latest message with its level's sign, while the bar shows it."""
    latest = window.message_bar.latest()
    return latest.line() if latest is not None else ""


def wait_idle(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.runner.pending == 0, timeout=WAIT_MS)


class FakeClock:
    """The window's ``now``: set by the test."""

    def __init__(self, moment: dt.datetime) -> None:
        self.moment = moment

    def __call__(self) -> dt.datetime:
        return self.moment

    def set(self, year: int, month: int, day: int, hour: int, minute: int, second: int = 0) -> None:
        self.moment = dt.datetime(year, month, day, hour, minute, second, tzinfo=HELSINKI)


def family(training: TrainingServer) -> tuple[SyntheticClient, SyntheticClient, SyntheticClient]:
    people = clients(training)
    child = next(c for c in people if c.guardians and not c.non_disclosure)
    mother, father = (next(c for c in people if c.hetu == h) for h in child.guardians)
    return child, mother, father


def click(button: QAbstractButton) -> None:
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def police_call(hetu: Hetu, narrative: str) -> DutyEntry:
    """A child protection entry of a police call, now, by the test worker."""
    return DutyEntry(
        hetu=hetu,
        contact_time=dt.datetime.now().astimezone(),
        contact_channel=ContactChannel.POLICE,
        task_type=TaskType.CHILD_PROTECTION,
        narrative=narrative,
        measures="",
        follow_up_needed=False,
        author=WORKER,
    )


def put_rejected_entry(window: MainWindow, client: SyntheticClient) -> DutyEntry:
    """An entry the form would refuse (blank narrative) straight into the outbox:
    the training system refuses it and it needs attention."""
    sending = window.outbox.sending
    assert sending is not None
    entry = police_call(client.hetu, "   ")
    sending.save_entry(
        JARVENPAA,
        entry,
        first_names=client.first_names,
        last_name=client.last_name,
        saved_by=SAVED_BY,
    )
    return entry


def put_refused(window: MainWindow, training: TrainingServer, kind: str) -> uuid.UUID:
    """A message or notification the training system refuses (a blank text field)."""
    sending = window.outbox.sending
    assert sending is not None
    child = clients(training, HYVINKAA)[0]
    if kind == "mail":
        mail = mail_for(child.hetu, body="  ")
        sending.save_mail(HYVINKAA, mail, "E. Č. viesti", saved_by=SAVED_BY)
        return mail.idempotency_key
    notification = notification_for(child.hetu, what_happened=" ")
    sending.save_notification(HYVINKAA, notification, "E. Č. ilmoitus", saved_by=SAVED_BY)
    return notification.idempotency_key


# Translations (tests/ui/test_translations.py, test_translated_printouts.py) -----------
# The check for Finnish is the source strings themselves: every word of a Finnish source
# string that appears in no translation is Finnish.

TRANSLATIONS_SCRIPT = ROOT / "installer" / "translations.py"
I18N = ROOT / "app" / "ui" / "i18n"
LANGUAGES = ("sv", "en")
PLACEHOLDER = re.compile(r"\{[^{}]*\}")
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# Names, not words: the product and the systems' and registers' own names.
NAMES = {"Päivystys", "Väestösuora", "paivystys"}


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    translation: str
    unfinished: bool


def ts_messages(ts: Path) -> list[Message]:
    found = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            found.append(
                Message(
                    name,
                    message.findtext("source") or "",
                    translation.text or "",
                    translation.get("type") in {"unfinished", "obsolete", "vanished"},
                )
            )
    return found


def words(text: str) -> set[str]:
    # Placeholders and shortcuts are not words of any language.
    text = PLACEHOLDER.sub(" ", text.replace("&", ""))
    return {word.lower() for word in WORD.findall(text) if len(word) > 2}


def finnish_words() -> set[str]:
    """Words of the Finnish source strings that no translation uses."""
    sources: set[str] = set()
    translated: set[str] = set()
    for language in LANGUAGES:
        for message in ts_messages(I18N / f"paivystys_{language}.ts"):
            sources |= words(message.source)
            translated |= words(message.translation)
    return sources - translated - {name.lower() for name in NAMES}


def data_words(training: TrainingServer, window: MainWindow) -> set[str]:
    """Words the window shows as data: synthetic clients, the policy, the worker."""
    found = words(repr(window.context.policy)) | words(WORKER)
    for system in training.systems.values():
        for client in system.clients:
            found |= words(repr(client))
    return found


def menu_texts(window: MainWindow) -> list[str]:
    texts = []
    for menu in window.menuBar().findChildren(QMenu):
        texts += [menu.title(), menu.toolTip()]
        for action in menu.actions():
            texts += [action.text(), action.toolTip(), action.statusTip()]
    for action in window.findChildren(QAction):
        texts += [action.text(), action.toolTip()]
    return [text for text in texts if text]


def finnish_in(texts: list[str], allowed: set[str]) -> list[str]:
    finnish = finnish_words() - allowed
    return sorted({text for text in texts if words(text) & finnish})
