"""The main window, driven by keyboard offscreen, against the real training systems."""

from __future__ import annotations

import json
import logging
import threading
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from app.domain.model import TaskType
from app.services.connectivity import Reachability
from app.services.settings import SettingsStore, UserSettings
from app.training.data import UNKNOWN_CLIENT
from app.training.server import TrainingServer
from app.ui.app import run
from app.ui.main_window import MainWindow
from app.ui.message_bar import Level
from app.ui.unsaved import Choice
from app.wiring import training_context
from tests.fakes import closed_port_url
from tests.gui_helpers import (
    BACKGROUND_THREADS,
    CTRL,
    JARVENPAA,
    WAIT_MS,
    WORKER,
    WindowOpener,
    clients,
    find_client,
    inspect,
    press,
    save,
    search,
    select_jarvenpaa,
    shows,
    status_level,
    status_text,
    type_text,
    wait_idle,
    widget_texts,
    with_endpoint,
    write_entry,
)

pytestmark = [
    pytest.mark.gui,
    # The offscreen platform's own limitation, printed whenever a layout changes
    # a window's minimum size; real platforms implement it.
    pytest.mark.qt_log_ignore(r"^This plugin does not support propagateSizeHints\(\)$"),
]


def test_find_client_and_record_an_entry_by_keyboard(
    qtbot: QtBot,
    window: MainWindow,
    training: TrainingServer,
    caplog: pytest.LogCaptureFixture,
) -> None:
    # The app's own loggers; what the HTTP library logs is the entry point's to configure.
    caplog.set_level(logging.DEBUG, logger="app")
    child = clients(training)[0]
    select_jarvenpaa(qtbot, window)
    with qtbot.waitSignal(window.client_loaded, timeout=WAIT_MS):
        search(qtbot, window, child.hetu.value.lower())
    card = window.desk.card
    assert card.name.text() == child.full_name
    assert card.hetu.text() == child.hetu.value
    assert child.address.street in card.address.text()
    assert card.guardians.text()
    assert card.care_plan.text().startswith("Lastensuojelun asiakassuunnitelma")
    assert "Järvenpään" in card.office_hours.text()
    assert card.registrar.text() == "Keski-Uudenmaan hyvinvointialue (Keusote)"

    narrative = "Hätäkeskus ilmoitti: lapsi yksin kotona yöllä. Ŋ Đ ä ö å"
    write_entry(qtbot, window, narrative)
    form = window.desk.form
    assert form.task_type.currentData() == TaskType.CHILD_PROTECTION
    with qtbot.waitSignal(window.entry_delivered, timeout=WAIT_MS) as delivered:
        save(qtbot, window)
    record_id = delivered.args[1] if delivered.args else ""
    assert status_level(window) is Level.SUCCESS
    assert f"Kirjaus toimitettu: Järvenpää, Effica (tunniste {record_id})" in status_text(window)
    assert form.narrative.toPlainText() == ""
    assert not form.is_open()
    qtbot.waitUntil(lambda: window.outbox_count.text() == "Lähtevät: 0", timeout=WAIT_MS)

    records = inspect(training)[JARVENPAA]
    matching = [r for r in records if r["text"] == narrative and r["hetu"] == child.hetu.value]
    assert len(matching) == 1
    assert records == matching
    assert all(records == [] for code, records in inspect(training).items() if code != JARVENPAA)
    # Nothing about the client reaches the log.
    assert child.hetu.value not in caplog.text
    assert child.last_name not in caplog.text
    assert narrative not in caplog.text


def test_non_disclosed_address_appears_in_no_widget(
    qtbot: QtBot, window: MainWindow, training: TrainingServer
) -> None:
    teen = next(c for c in clients(training) if c.non_disclosure and c.guardians)
    select_jarvenpaa(qtbot, window)
    with qtbot.waitSignal(window.client_loaded, timeout=WAIT_MS):
        search(qtbot, window, teen.hetu.value)
    write_entry(qtbot, window, "Nuori soitti itse.")
    texts = widget_texts(window)
    assert any("TURVAKIELTO – osoitetta ei näytetä" in text for text in texts)
    assert any(teen.full_name in text for text in texts)
    for text in texts:
        assert teen.address.street not in text
        assert teen.address.postal_code not in text
        assert teen.address.street.split()[0] not in text


def test_switching_municipality_forgets_the_client(
    qtbot: QtBot, window: MainWindow, training: TrainingServer
) -> None:
    child = clients(training)[0]
    select_jarvenpaa(qtbot, window)
    with qtbot.waitSignal(window.client_loaded, timeout=WAIT_MS):
        search(qtbot, window, child.hetu.value)
    write_entry(qtbot, window, "Kesken jäävä kirjaus")
    assert shows(window, child.full_name)
    asked: list[str] = []

    def discard(_parent: object, who: str, _why: str) -> Choice:
        asked.append(who)
        return Choice.DISCARD

    window.desk.ask = discard
    with qtbot.waitSignal(window.municipality_selected, timeout=WAIT_MS):
        press(window, Qt.Key.Key_3, CTRL)
    assert asked == [f"{child.full_name}, {child.hetu.value}"]
    assert window.switcher.current_code() == "245"
    for fragment in (child.full_name, child.hetu.value, child.address.street, "Kesken jäävä"):
        assert not shows(window, fragment)
    assert window.desk._client is None
    assert not window.desk.form.is_open()
    assert not window.desk.search.field.isUndoAvailable()
    assert "Kerava" in window.desk.card.office_hours.text()


def test_a_lookup_answered_after_switching_is_dropped(
    qtbot: QtBot, window: MainWindow, training: TrainingServer
) -> None:
    child = clients(training)[0]
    select_jarvenpaa(qtbot, window)
    type_text(window.desk.search.field, child.hetu.value)
    press(window.desk.search.field, Qt.Key.Key_Return)
    # Switch before the answer can have been delivered to the GUI thread.
    press(window, Qt.Key.Key_1, CTRL)
    wait_idle(qtbot, window)
    assert window.switcher.current_code() == "106"
    assert not shows(window, child.full_name)
    assert window.desk._client is None


def test_invalid_identity_code_is_explained_and_nothing_is_sent(
    qtbot: QtBot,
    window: MainWindow,
    training: TrainingServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    select_jarvenpaa(qtbot, window)
    lookups: list[object] = []
    monkeypatch.setattr(window.desk._context.workstation, "lookup", lambda *a: lookups.append(a))
    valid = clients(training)[0].hetu.value
    wrong_check = valid[:-1] + ("A" if valid[-1] != "A" else "B")
    type_text(window.desk.search.field, wrong_check)
    assert "tarkistusmerkki" in window.desk.search.problem.text()
    press(window.desk.search.field, Qt.Key.Key_Return)
    assert status_level(window) is Level.WARNING
    assert "tarkistusmerkki ei täsmää" in status_text(window)
    press(window, Qt.Key.Key_N, CTRL)
    assert not window.desk.form.is_open()
    wait_idle(qtbot, window)
    assert lookups == []
    assert inspect(training)[JARVENPAA] == []


def test_century_sign_is_kept_and_whitespace_forgiven(
    qtbot: QtBot, window: MainWindow, training: TrainingServer
) -> None:
    father = next(c for c in clients(training) if c.hetu.century_sign == "Y")
    select_jarvenpaa(qtbot, window)
    with qtbot.waitSignal(window.client_loaded, timeout=WAIT_MS):
        search(qtbot, window, f"  {father.hetu.value.lower()} ")
    assert window.desk.card.hetu.text() == father.hetu.value
    assert window.desk.card.name.text() == father.full_name


def test_unknown_client_is_told_plainly(
    qtbot: QtBot, window: MainWindow, training: TrainingServer
) -> None:
    select_jarvenpaa(qtbot, window)
    search(qtbot, window, UNKNOWN_CLIENT.value)
    assert status_level(window) is Level.WARNING
    assert "Henkilö ei ole asiakas (Järvenpää, Effica)" in status_text(window)
    assert "ei löytynyt" in window.desk.card.notice.text()
    press(window, Qt.Key.Key_N, CTRL)
    assert not window.desk.form.is_open()


def test_an_entry_for_an_unreachable_system_waits_in_the_outbox(
    qtbot: QtBot, opener: WindowOpener, training: TrainingServer
) -> None:
    policy = with_endpoint(training.policy, JARVENPAA, closed_port_url())
    window = opener.open(opener.context(policy))
    child = clients(training)[0]
    select_jarvenpaa(qtbot, window)
    search(qtbot, window, child.hetu.value)
    assert status_level(window) is Level.ERROR
    assert "ei saada yhteyttä (Järvenpää, Effica)" in status_text(window)
    assert "Tarkista VPN-yhteys" in status_text(window)
    assert "Asiakasta ei voitu hakea" in window.desk.card.notice.text()
    assert "lähtevissä" in window.desk.card.notice.text()
    qtbot.waitUntil(
        lambda: window.switcher.reachability(JARVENPAA) is Reachability.VPN_DOWN, timeout=WAIT_MS
    )

    narrative = "Poliisi pyysi arviota; järjestelmä ei vastaa."
    write_entry(qtbot, window, narrative)
    with qtbot.waitSignal(window.desk.entry_waiting, timeout=WAIT_MS):
        save(qtbot, window)
    assert status_level(window) is Level.WARNING
    assert "tallessa lähtevissä ja lähtee automaattisesti, kun Järvenpää" in status_text(window)
    assert not window.desk.form.is_open()
    qtbot.waitUntil(lambda: window.switcher.waiting(JARVENPAA) == 1, timeout=WAIT_MS)
    assert window.outbox_count.text() == "Lähtevät: 1"
    assert inspect(training)[JARVENPAA] == []


def test_income_support_is_refused_with_directions(
    qtbot: QtBot, window: MainWindow, training: TrainingServer
) -> None:
    adult = next(c for c in clients(training) if c.care_plan and "Aikuis" in c.care_plan.title)
    select_jarvenpaa(qtbot, window)
    with qtbot.waitSignal(window.client_loaded, timeout=WAIT_MS):
        search(qtbot, window, adult.hetu.value)
    write_entry(qtbot, window, "Asiakas pyytää rahaa ruokaan.")
    form = window.desk.form
    assert form.task_type.currentData() == TaskType.ADULT_SOCIAL_WORK
    form.task_type.setCurrentIndex(form.task_type.findData(TaskType.INCOME_SUPPORT))
    assert form.refusal.isVisible()
    assert "ei käsittele toimeentulotukea" in form.refusal.text()
    assert "Kela" in form.refusal.text()
    assert "+358 9 000 1860" in form.refusal.text()
    assert not form.save_button.isEnabled()
    save(qtbot, window)
    assert status_level(window) is Level.WARNING
    assert "ei käsittele toimeentulotukea" in status_text(window)
    assert not form.saving
    wait_idle(qtbot, window)
    assert inspect(training)[JARVENPAA] == []


def test_empty_narrative_is_not_sent(
    qtbot: QtBot, window: MainWindow, training: TrainingServer
) -> None:
    select_jarvenpaa(qtbot, window)
    with qtbot.waitSignal(window.client_loaded, timeout=WAIT_MS):
        search(qtbot, window, clients(training)[0].hetu.value)
    write_entry(qtbot, window, "   ")
    save(qtbot, window)
    assert "puuttuu kuvaus" in status_text(window)
    assert not window.desk.form.saving
    wait_idle(qtbot, window)
    assert inspect(training)[JARVENPAA] == []


def test_saving_twice_quickly_records_once(
    qtbot: QtBot, window: MainWindow, training: TrainingServer
) -> None:
    child = clients(training)[0]
    select_jarvenpaa(qtbot, window)
    with qtbot.waitSignal(window.client_loaded, timeout=WAIT_MS):
        search(qtbot, window, child.hetu.value)
    write_entry(qtbot, window, "Tallennetaan kahdesti")
    with qtbot.waitSignal(window.entry_delivered, timeout=WAIT_MS):
        save(qtbot, window)
        assert not window.desk.form.save_button.isEnabled()
        save(qtbot, window)
        QTest.mouseClick(window.desk.form.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: window.outbox_count.text() == "Lähtevät: 0", timeout=WAIT_MS)
    records = inspect(training)[JARVENPAA]
    assert [r["text"] for r in records] == ["Tallennetaan kahdesti"]


def test_temporary_code_is_flagged_outside_training(
    qtbot: QtBot, opener: WindowOpener, training: TrainingServer
) -> None:
    production_like = replace(training.policy, training=False)
    context = replace(opener.context(production_like), training=None)
    window = opener.open(context)
    assert window.windowTitle() == "Päivystys"
    assert window.findChild(QLabel, "trainingBanner") is None
    type_text(window.desk.search.field, clients(training)[0].hetu.value)
    assert window.desk.search.temporary.isVisible()
    assert "Väliaikainen tunnus" in window.desk.search.temporary.text()


def test_training_mode_is_unmistakable(
    qtbot: QtBot, window: MainWindow, training: TrainingServer
) -> None:
    assert window.windowTitle() == "Päivystys – HARJOITTELU"
    assert shows(window, training.description["inspect"])
    type_text(window.desk.search.field, clients(training)[0].hetu.value)
    assert not window.desk.search.temporary.isVisible()
    press(window, Qt.Key.Key_F, CTRL)
    assert window.desk.search.field.hasFocus()
    press(window, Qt.Key.Key_F1)
    help_box = window.findChild(QMessageBox)
    assert help_box is not None
    assert not help_box.isModal()
    assert "Ctrl+N" in help_box.text()
    help_box.close()


def test_probes_show_reachability(
    qtbot: QtBot, opener: WindowOpener, training: TrainingServer
) -> None:
    policy = with_endpoint(training.policy, "245", closed_port_url())
    window = opener.open(opener.context(policy))
    qtbot.waitUntil(
        lambda: all(
            window.switcher.reachability(code) is not Reachability.UNKNOWN
            for code in window.switcher.codes()
        ),
        timeout=WAIT_MS,
    )
    assert window.switcher.reachability("245") is Reachability.VPN_DOWN
    assert window.switcher.reachability(JARVENPAA) is Reachability.ONLINE
    assert "Effica · VPN ei yhteyttä" in window.switcher.item(2).text()
    assert "Effica · tavoitettavissa" in window.switcher.item(1).text()
    assert window.connectivity_summary.text() == "VPN: ei yhteyttä (1 kunta)"


def test_last_municipality_and_geometry_are_remembered(qtbot: QtBot, opener: WindowOpener) -> None:
    path = opener.settings_path
    window = opener.open()
    select_jarvenpaa(qtbot, window)
    window.close()
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["last_municipality"] == JARVENPAA
    assert saved["window_geometry"]

    again = opener.open()
    qtbot.waitUntil(lambda: again.switcher.current_code() == JARVENPAA, timeout=WAIT_MS)
    assert "Järvenpää" in again.desk.card.office_hours.text()


def test_a_broken_settings_file_is_not_fatal(qtbot: QtBot, opener: WindowOpener) -> None:
    path = opener.settings_path
    path.write_text("{not json", encoding="utf-8")
    window = opener.open()
    wait_idle(qtbot, window)
    assert window.switcher.current_code() is None
    assert SettingsStore(path).load() == UserSettings()


def test_run_shows_the_window_and_returns_the_exit_code(
    qtbot: QtBot, training: TrainingServer, tmp_path: Path
) -> None:
    shown: list[MainWindow] = []

    def close_when_shown() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        visible = [w for w in windows if w.isVisible()]
        if not visible:
            QTimer.singleShot(10, close_when_shown)
            return
        shown.extend(visible)
        for window in visible:
            window.close()

    QTimer.singleShot(0, close_when_shown)
    settings = tmp_path / "settings.json"
    with training_context(training, settings_path=settings, worker_name=WORKER) as context:
        assert run(context, ["paivystys"]) == 0
    assert [t.name for t in threading.enumerate() if t.name.startswith(BACKGROUND_THREADS)] == []
    assert len(shown) == 1
    assert shown[0].windowTitle() == "Päivystys – HARJOITTELU"
    assert shown[0].runner.pending == 0


def test_a_contact_time_that_is_no_date_is_not_saved(
    qtbot: QtBot, window: MainWindow, training: TrainingServer
) -> None:
    find_client(qtbot, window, clients(training)[0])
    write_entry(qtbot, window, "Yhteydenotto helmikuun viimeisenä iltana.")
    field = window.desk.form.contact_time
    field.setFocus()
    field.setSelectedSection(field.sectionAt(0))
    QTest.keyClicks(field, "31.2.2026 22.40")
    save(qtbot, window)
    assert "Yhteydenoton aika: Päivämäärää 31.2.2026 ei ole." in status_text(window)
    assert field.property("invalid") is True
    assert field.text().startswith("31.2.2026")
    assert not window.desk.form.saving
    wait_idle(qtbot, window)
    assert inspect(training)[JARVENPAA] == []
    # Corrected, it goes with the time typed.
    field.setSelectedSection(field.sectionAt(0))
    QTest.keyClicks(field, "28.2.2026 22.40")
    assert not field.property("invalid")
    with qtbot.waitSignal(window.entry_delivered, timeout=WAIT_MS):
        save(qtbot, window)
    (record,) = inspect(training)[JARVENPAA]
    assert record["text"] == "Yhteydenotto helmikuun viimeisenä iltana."
