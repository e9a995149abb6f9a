"""The interface's translations (app/ui/i18n/*.ts): every message translated and
finished, its placeholders kept, the files up to date with the source; and the window
in Swedish and in English shows no Finnish text.

The check for Finnish is the source strings themselves: every word of a Finnish source
string that appears in no translation is Finnish. Client data (synthetic), the policy's
names (municipalities, units, systems) and the product name stay as they are.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from contextlib import AbstractContextManager
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTimer, QTranslator
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.domain.language import Language
from app.services.context import AppContext
from app.services.documents import (
    wording,
)
from app.services.followup.items import HANDOFF_WORD
from app.services.outbox.codec import item_label
from app.services.settings import SettingsStore, UserSettings
from app.training.server import TrainingServer
from app.ui import app as app_module
from app.ui.app import install_translations, start
from app.ui.main_window import MainWindow
from app.ui.shortcuts import show_shortcuts
from app.wiring import training_context
from tests import gui_helpers
from tests.gui_helpers import (
    I18N,
    LANGUAGES,
    PLACEHOLDER,
    TRANSLATIONS_SCRIPT,
    clients,
    data_words,
    find_client,
    finnish_in,
    menu_texts,
    open_handoff,
    open_notification,
    ts_messages,
    widget_texts,
)
from tests.helpers import author_for, mail_for

pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support propagateSizeHints\(\)$")

# The outbox view's "Viimeisin virhe": a system's refusal in its own words.
ERROR_COLUMN = 6


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated_and_finished(language: str) -> None:
    found = ts_messages(I18N / f"paivystys_{language}.ts")
    assert found
    problems = []
    for message in found:
        where = f"{message.context}: {message.source!r}"
        if message.unfinished or not message.translation.strip():
            problems.append(f"untranslated {where}")
        elif sorted(PLACEHOLDER.findall(message.source)) != sorted(
            PLACEHOLDER.findall(message.translation)
        ):
            problems.append(f"placeholders differ in {where}: {message.translation!r}")
        elif ("&" in message.source) != ("&" in message.translation):
            problems.append(f"shortcut letter lost or added in {where}")
    assert problems == []


def test_the_ts_files_are_up_to_date_with_the_source(tmp_path: Path) -> None:
    """lupdate over copies: a string added, changed or removed in app/ui fails here until
    `./dev i18n` has been run and the new messages translated."""
    for language in LANGUAGES:
        shutil.copy(I18N / f"paivystys_{language}.ts", tmp_path)
    subprocess.run([sys.executable, str(TRANSLATIONS_SCRIPT), "update", str(tmp_path)], check=True)
    for language in LANGUAGES:
        committed = {(m.context, m.source) for m in ts_messages(I18N / f"paivystys_{language}.ts")}
        current = {
            (m.context, m.source) for m in ts_messages(tmp_path / f"paivystys_{language}.ts")
        }
        assert sorted(current - committed) == [], f"new in the source, not in {language}"
        assert sorted(committed - current) == [], f"gone from the source, still in {language}"


def test_the_same_text_is_translated_alike_in_every_context() -> None:
    for language in LANGUAGES:
        seen: dict[str, set[str]] = {}
        for message in ts_messages(I18N / f"paivystys_{language}.ts"):
            seen.setdefault(message.source, set()).add(message.translation)
        assert {s: t for s, t in seen.items() if len(t) > 1} == {}


# The window in Swedish and English ---------------------------------------------------


def visible_dialogs() -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if w.isVisible()]


@pytest.mark.gui
def test_the_window_shows_no_finnish(
    language: str,
    qtbot: QtBot,
    opener: gui_helpers.WindowOpener,
    training: TrainingServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A worker's name with no Finnish word in it, so that none hides one.
    monkeypatch.setattr(gui_helpers, "WORKER", "Đorđe Šimunović")
    window = opener.open()
    allowed = data_words(training, window)
    texts = widget_texts(window) + menu_texts(window)
    assert finnish_in(texts, allowed) == []
    # A client found: the card, the population panel, the entry form.
    client = clients(training)[0]
    find_client(qtbot, window, client)
    gui_helpers.press(window, Qt.Key.Key_N, gui_helpers.CTRL)
    assert finnish_in(widget_texts(window), allowed) == []


@pytest.mark.gui
def test_the_follow_up_dialogs_show_no_finnish(
    language: str,
    qtbot: QtBot,
    opener: gui_helpers.WindowOpener,
    training: TrainingServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(gui_helpers, "WORKER", "Đorđe Šimunović")
    window = opener.open()
    allowed = data_words(training, window)
    client = clients(training)[0]
    find_client(qtbot, window, client)
    handoff = open_handoff(qtbot, window)
    assert finnish_in(widget_texts(handoff), allowed) == []
    handoff.reject()
    notification = open_notification(qtbot, window)
    assert finnish_in(widget_texts(notification), allowed) == []


@pytest.mark.gui
def test_the_check_sees_finnish_in_the_untranslated_window(
    opener: gui_helpers.WindowOpener, training: TrainingServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without a translator the same check finds the menus and labels: it is not blind."""
    monkeypatch.setattr(gui_helpers, "WORKER", "Đorđe Šimunović")
    window = opener.open()
    found = finnish_in(widget_texts(window) + menu_texts(window), data_words(training, window))
    assert "&Kunta" in found
    assert len(found) > 20


@pytest.mark.gui
@pytest.mark.parametrize(
    "case",
    [
        # --lang, the worker's choice, the remembered policy default, the policy's now:
        # the languages installed (the first is the frame's), the filled window's title.
        (("sv", "en", None, None), ["sv"], "Päivystys – ÖVNING"),
        ((None, "en", None, None), ["en"], "Päivystys – TRAINING"),
        ((None, None, None, None), ["fi"], "Päivystys – HARJOITTELU"),
        # The policy's default: the frame is made again in it before it is filled.
        ((None, None, None, "sv"), ["fi", "sv"], "Päivystys – ÖVNING"),
        ((None, "en", None, "sv"), ["en"], "Päivystys – TRAINING"),
        (("fi", "en", None, "sv"), ["fi"], "Päivystys – HARJOITTELU"),
        # Remembered from the last start: Swedish from the first frame.
        ((None, None, "sv", "sv"), ["sv"], "Päivystys – ÖVNING"),
        # The policy no longer names one: Finnish again.
        ((None, None, "sv", None), ["sv", "fi"], "Päivystys – HARJOITTELU"),
    ],
)
def test_the_language_is_lang_else_the_settings_else_the_policy_else_finnish(
    case: tuple[
        tuple[Language | None, Language | None, Language | None, Language | None], list[str], str
    ],
    qapp: QApplication,
    compiled_translations: Path,
    training: TrainingServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    (option, chosen, remembered, policy_language), installed, title = case
    monkeypatch.setattr(app_module, "TRANSLATIONS", compiled_translations)
    languages: list[str] = []

    def install(app: QCoreApplication, language: str, directory: Path) -> list[QTranslator]:
        languages.append(language)
        return install_translations(app, language, directory)

    monkeypatch.setattr(app_module, "install_translations", install)
    settings = tmp_path / "settings.json"
    SettingsStore(settings).save(UserSettings(language=chosen, policy_language=remembered))
    policy = replace(
        training.policy, duty_unit=replace(training.policy.duty_unit, language=policy_language)
    )
    titles: list[str] = []

    def open_context() -> AbstractContextManager[AppContext]:
        return training_context(
            training, policy=policy, settings_path=settings, worker_name=gui_helpers.WORKER
        )

    def watch() -> None:
        windows = [w for w in visible_dialogs() if isinstance(w, MainWindow) and w.filled]
        if windows:
            assert len([w for w in visible_dialogs() if isinstance(w, MainWindow)]) == 1
            titles.append(windows[0].windowTitle())
            windows[0].close()
        else:
            QTimer.singleShot(10, watch)

    before = QLocale()
    QTimer.singleShot(0, watch)
    try:
        assert start(open_context, SettingsStore(settings), True, ["paivystys"], option) == 0
    finally:
        for translator in qapp.findChildren(QTranslator):
            qapp.removeTranslator(translator)
        QLocale.setDefault(before)
        wording.set_translate(None)
    assert (languages, titles) == (installed, [title])
    # The policy's default is kept for the next start, apart from the worker's choice.
    kept = SettingsStore(settings).load()
    assert (kept.language, kept.policy_language) == (chosen, policy_language)


def test_lang_is_an_option_of_the_window_command() -> None:
    from app.main import build_parser

    assert build_parser().parse_args(["--lang", "sv"]).lang == "sv"
    assert build_parser().parse_args([]).lang is None
    with pytest.raises(SystemExit):
        build_parser().parse_args(["--lang", "de"])


@pytest.mark.gui
def test_the_outbox_messages_shortcuts_and_lock_show_no_finnish(
    language: str,
    qtbot: QtBot,
    opener: gui_helpers.WindowOpener,
    training: TrainingServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(gui_helpers, "WORKER", "Đorđe Šimunović")
    window = opener.open()
    allowed = data_words(training, window)
    client = clients(training)[0]
    find_client(qtbot, window, client)
    # An entry saved and delivered, one refused by the system: both in the messages.
    gui_helpers.write_entry(qtbot, window, "Poliisi toi asiakkaan kotiin.")
    gui_helpers.save(qtbot, window)
    gui_helpers.wait_idle(qtbot, window)
    # Two items the systems refuse (blank texts), saved by a worker with no Finnish name.
    sending = window.outbox.sending
    assert sending is not None
    saved_by = author_for(worker="Đorđe Šimunović")
    entry = gui_helpers.police_call(client.hetu, "   ")
    sending.save_entry(
        gui_helpers.JARVENPAA,
        entry,
        first_names=client.first_names,
        last_name=client.last_name,
        saved_by=saved_by,
    )
    child = clients(training, gui_helpers.HYVINKAA)[0]
    label = item_label(child.hetu, HANDOFF_WORD, entry.contact_time, child.first_names)
    mail = mail_for(child.hetu, body="  ")
    sending.save_mail(gui_helpers.HYVINKAA, mail, label, saved_by=saved_by)
    outbox = window.show_outbox()
    table = outbox.table

    def refused() -> list[str]:
        """The systems' own reasons in the "last error" column: theirs, in their language."""
        cells = [table.item(row, ERROR_COLUMN) for row in range(table.rowCount())]
        return [cell.text() for cell in cells if cell is not None and cell.text()]

    qtbot.waitUntil(lambda: len(refused()) == 2, timeout=gui_helpers.WAIT_MS)
    reasons = refused()

    def ours(texts: list[str]) -> list[str]:
        for reason in reasons:
            texts = [text.replace(reason, "") for text in texts]
        return texts

    dialogs: list[QWidget] = [
        outbox,
        window.show_recent_messages(),
        show_shortcuts(window),
        window.followup.show_open_handoffs(),
    ]
    for dialog in dialogs:
        assert finnish_in(ours(widget_texts(dialog)), allowed) == [], type(dialog).__name__
    assert finnish_in(ours(widget_texts(window)), allowed) == []
    window.lock.lock()
    assert finnish_in(ours(widget_texts(window)), allowed) == []


# The printed documents -----------------------------------------------------------------


# The dialogs the window opens modally (made here without their event loop) ------------


@pytest.mark.gui
def test_the_language_menu_saves_the_choice_for_the_next_start(
    qtbot: QtBot, opener: gui_helpers.WindowOpener
) -> None:
    window = opener.open()
    actions = {a.objectName(): a for a in window.findChildren(QAction)}
    assert actions["language_fi"].isChecked()
    actions["language_sv"].trigger()
    store = SettingsStore(opener.settings_path)
    qtbot.waitUntil(lambda: store.load().language == "sv", timeout=gui_helpers.WAIT_MS)
    assert gui_helpers.shows(window, "Kieli tallennettu")
    # The window itself stays Finnish until the next start.
    assert window.windowTitle() == "Päivystys – HARJOITTELU"
