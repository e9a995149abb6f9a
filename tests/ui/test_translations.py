"""The interface's translations (app/ui/i18n/*.ts): every message translated and
finished, its placeholders kept, the files up to date with the source; and the window
in Swedish and in English shows no Finnish text.

The check for Finnish is the source strings themselves: every word of a Finnish source
string that appears in no translation is Finnish. Client data (synthetic), the policy's
names (municipalities, units, systems) and the product name stay as they are.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTimer, QTranslator
from PySide6.QtGui import QAction, QImage
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QMenu, QWidget
from pytestqt.qtbot import QtBot

from app.domain.hetu import parse_hetu
from app.domain.model import (
    Address,
    ClientRef,
    ClientSummary,
    ContactChannel,
    DutyEntry,
    TaskType,
    Worker,
)
from app.domain.policy import Policy
from app.services.context import AppContext
from app.services.crash import Crash
from app.services.documents import (
    HandoffDetails,
    NotificationDetails,
    Urgency,
    render_entry,
    render_handoff,
    render_notification,
)
from app.services.followup.items import HANDOFF_WORD
from app.services.outbox.codec import item_label
from app.services.settings import SettingsStore, UserSettings
from app.training.server import TrainingServer
from app.ui import app as app_module
from app.ui.app import install_translations, start
from app.ui.client.person_dialog import PersonDialog
from app.ui.crash_dialog import CrashDialog
from app.ui.main_window import MainWindow
from app.ui.outbox.editor import CorrectionEditor, DiscardDialog
from app.ui.outbox.view import CORRECTABLE
from app.ui.printing.preview import PrintPreview
from app.ui.shortcuts import show_shortcuts
from app.ui.sign_in import PasswordDialog, PinDialog
from app.wiring import training_context
from tests import gui_helpers
from tests.gui_helpers import clients, find_client, open_handoff, open_notification, widget_texts
from tests.helpers import ROOT, author_for, mail_for, pdf_text

pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support propagateSizeHints\(\)$")

SCRIPT = ROOT / "installer" / "translations.py"
I18N = ROOT / "app" / "ui" / "i18n"
LANGUAGES = ("sv", "en")
PLACEHOLDER = re.compile(r"\{[^{}]*\}")
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# Names, not words: the product and the systems' and registers' own names.
NAMES = {"Päivystys", "Väestösuora", "paivystys"}
# The outbox view's "Viimeisin virhe": a system's refusal in its own words.
ERROR_COLUMN = 6


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    translation: str
    unfinished: bool


def messages(ts: Path) -> list[Message]:
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


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated_and_finished(language: str) -> None:
    found = messages(I18N / f"paivystys_{language}.ts")
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
    subprocess.run([sys.executable, str(SCRIPT), "update", str(tmp_path)], check=True)
    for language in LANGUAGES:
        committed = {(m.context, m.source) for m in messages(I18N / f"paivystys_{language}.ts")}
        current = {(m.context, m.source) for m in messages(tmp_path / f"paivystys_{language}.ts")}
        assert sorted(current - committed) == [], f"new in the source, not in {language}"
        assert sorted(committed - current) == [], f"gone from the source, still in {language}"


def test_the_same_text_is_translated_alike_in_every_context() -> None:
    for language in LANGUAGES:
        seen: dict[str, set[str]] = {}
        for message in messages(I18N / f"paivystys_{language}.ts"):
            seen.setdefault(message.source, set()).add(message.translation)
        assert {s: t for s, t in seen.items() if len(t) > 1} == {}


def finnish_words() -> set[str]:
    """Words of the Finnish source strings that no translation uses."""
    sources: set[str] = set()
    translated: set[str] = set()
    for language in LANGUAGES:
        for message in messages(I18N / f"paivystys_{language}.ts"):
            sources |= words(message.source)
            translated |= words(message.translation)
    return sources - translated - {name.lower() for name in NAMES}


# The window in Swedish and English ---------------------------------------------------


@pytest.fixture(scope="module")
def compiled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The .qm files built from the committed .ts files, as ./dev and the installers do."""
    out = tmp_path_factory.mktemp("i18n")
    subprocess.run([sys.executable, str(SCRIPT), "build", str(out)], check=True)
    return out


@pytest.fixture(params=LANGUAGES)
def language(request: pytest.FixtureRequest, qapp: QApplication, compiled: Path) -> Iterator[str]:
    before = QLocale()
    installed = install_translations(qapp, request.param, compiled)
    assert len(installed) >= 1
    # The app's own translator is the last one installed.
    assert QCoreApplication.translate("MainWindow", "&Kunta") != "&Kunta"
    yield request.param
    for translator in installed:
        qapp.removeTranslator(translator)
    QLocale.setDefault(before)


def data_words(training: TrainingServer, window: MainWindow) -> set[str]:
    """Words the window shows as data: synthetic clients, the policy, the worker."""
    found = words(repr(window.context.policy)) | words(gui_helpers.WORKER)
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
        ("sv", "en", "Päivystys – ÖVNING"),
        (None, "en", "Päivystys – TRAINING"),
        (None, None, "Päivystys – HARJOITTELU"),
    ],
)
def test_the_language_is_lang_else_the_settings_else_finnish(
    case: tuple[str | None, str | None, str],
    qapp: QApplication,
    compiled: Path,
    training: TrainingServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    option, saved, title = case  # --lang, the settings' language, the window's title
    monkeypatch.setattr(app_module, "TRANSLATIONS", compiled)
    settings = tmp_path / "settings.json"
    if saved is not None:
        SettingsStore(settings).save(UserSettings(language=saved))  # type: ignore[arg-type]
    titles: list[str] = []

    def open_context() -> AbstractContextManager[AppContext]:
        return training_context(training, settings_path=settings, worker_name=gui_helpers.WORKER)

    def watch() -> None:
        windows = [w for w in visible_dialogs() if isinstance(w, MainWindow) and w.filled]
        if windows:
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
    assert titles == [title]


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

CLIENT = ClientSummary(
    ClientRef(parse_hetu("010190-966U"), "2"),
    "Šuoŋŋa",
    "Ŋilá Máret",
    False,
    Address("Geaŧčađašgeaidnu 4", "01990", "Järvenpää"),
    responsible_worker=Worker("Heikki Ŋuolla", "+358 40 000 1861"),
)
STORY = "Ŋ Đ Ŧ Ž Š Č 1234"
WRITER = "Đorđe Šimunović"


def documents(policy: Policy) -> dict[str, bytes]:
    """The three documents about CLIENT, every field filled, in the current language."""
    municipality = policy.municipality(gui_helpers.JARVENPAA)
    registrar = policy.registrar(municipality.registrar)
    at = dt.datetime(2026, 3, 14, 23, 30, tzinfo=gui_helpers.HELSINKI)
    entry = DutyEntry(
        hetu=CLIENT.hetu,
        contact_time=at,
        contact_channel=ContactChannel.POLICE,
        task_type=TaskType.CHILD_PROTECTION,
        narrative=STORY,
        measures=STORY,
        follow_up_needed=True,
        author=WRITER,
    )
    handoff = HandoffDetails(policy.duty_unit, WRITER, STORY, STORY)
    notification = NotificationDetails(
        STORY, WRITER, "+358 295 000 111", STORY, Urgency.URGENT, True, None, at, WRITER,
        urgency_reason=STORY, reference="5500/R/1234/26",
    )  # fmt: skip
    common = (municipality, registrar, WRITER, at)
    return {
        "entry": render_entry(entry, CLIENT, *common, zone=policy.zone),
        "handoff": render_handoff(handoff, CLIENT, *common, zone=policy.zone),
        "notification": render_notification(
            notification, CLIENT, *common, zone=policy.zone, fax_cover=handoff
        ),
    }


def test_the_printed_documents_show_no_finnish(
    language: str, example_policy: Policy, training: TrainingServer
) -> None:
    allowed = words(repr(example_policy)) | words(repr(CLIENT.full_name)) | words(STORY)
    for kind, pdf in documents(example_policy).items():
        assert finnish_in(pdf_text(pdf).splitlines(), allowed) == [], kind


def test_the_printed_documents_are_finnish_by_default(example_policy: Policy) -> None:
    """Without the window's translations (the helpdesk commands, the self-test)."""
    allowed = words(repr(example_policy))
    found = finnish_in(pdf_text(documents(example_policy)["entry"]).splitlines(), allowed)
    assert any("SALASSA PIDETTÄVÄ" in line for line in found)


# The dialogs the window opens modally (made here without their event loop) ------------


@pytest.mark.gui
def test_the_modal_dialogs_show_no_finnish(
    language: str,
    qtbot: QtBot,
    opener: gui_helpers.WindowOpener,
    training: TrainingServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(gui_helpers, "WORKER", WRITER)
    window = opener.open()
    allowed = data_words(training, window) | words(STORY)
    policy = window.context.policy
    municipality = policy.municipality(gui_helpers.JARVENPAA)
    entry = DutyEntry(
        hetu=CLIENT.hetu,
        contact_time=dt.datetime(2026, 3, 14, 23, 30, tzinfo=gui_helpers.HELSINKI),
        contact_channel=ContactChannel.POLICE,
        task_type=TaskType.CHILD_PROTECTION,
        narrative=STORY,
        measures=STORY,
        follow_up_needed=True,
        author=WRITER,
    )
    try:
        raise RuntimeError("synthetic")
    except RuntimeError as error:
        crash = Crash.capture(RuntimeError, error, error.__traceback__, "MainThread")
    page = QImage(210, 297, QImage.Format.Format_RGB32)
    page.fill(Qt.GlobalColor.white)
    dialogs: list[QWidget] = [
        PasswordDialog(municipality, "etunimi.sukunimi", window),
        PinDialog(window),
        PersonDialog(None, None, dt.date(2026, 3, 14), window),
        PersonDialog(CLIENT.hetu, None, dt.date(2026, 3, 14), window),
        *(DiscardDialog(kind, "Đ. Š.", "Järvenpää", window) for kind in CORRECTABLE),
        CorrectionEditor(entry, "Đ. Š.", "Järvenpää", STORY, window),
        CrashDialog(crash, window),
        PrintPreview([page], QPrinter(), True, window),
    ]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        assert finnish_in(widget_texts(dialog), allowed) == [], type(dialog).__name__


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
