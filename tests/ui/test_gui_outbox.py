"""The window's outbox: write-ahead saving, outages, the outbox view, failures to open.

Against the real training systems and a real SQLCipher outbox in the test's
own training profile.
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from dataclasses import replace
from urllib.parse import urlsplit

import pytest
from PySide6.QtCore import Qt
from PySide6.QtNetwork import QNetworkInformation
from PySide6.QtWidgets import QMessageBox, QPlainTextEdit, QPushButton
from pytestqt.qtbot import QtBot

from app.connectors import errors
from app.connectors.base import Capability
from app.domain.hetu import make_hetu
from app.domain.kinds import ItemKind
from app.domain.model import DutyEntry
from app.domain.policy import VpnConfig
from app.services.connectivity import Reachability
from app.services.outbox import wal
from app.services.outbox.codec import entry_to_payload, item_client
from app.services.outbox.items import OutgoingItem
from app.services.outbox.keys import KeyMissing, KeyringTimeout, NoKeyringBackend, OutboxIOError
from app.services.outbox.profile import OutboxSetup
from app.services.outbox.sending import SendingService
from app.services.outbox.store import Damaged, OutboxError, WrongKey
from app.training.data import SyntheticClient
from app.training.server import TrainingServer
from app.ui.main_window import MainWindow
from app.ui.message_bar import Level
from app.ui.outbox.editor import CorrectionEditor, DiscardDialog, FieldsCorrectionEditor
from app.ui.outbox.view import OutboxView
from tests.gui_helpers import (
    CTRL,
    HYVINKAA,
    JARVENPAA,
    WAIT_MS,
    WORKER,
    WindowOpener,
    click,
    clients,
    find_client,
    inspect,
    police_call,
    press,
    put_refused,
    put_rejected_entry,
    save,
    status_level,
    status_text,
    type_text,
    wait_idle,
    widget_texts,
    with_endpoint,
    write_entry,
)
from tests.helpers import SAVED_BY, author
from tests.proxy import FaultProxy

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore(r"^This plugin does not support propagateSizeHints\(\)$"),
]


def open_outbox_view(qtbot: QtBot, window: MainWindow) -> OutboxView:
    # Shortcuts work in the active window: the view may have been in front.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)
    press(window, Qt.Key.Key_L, CTRL)
    view = window.findChild(OutboxView, "outboxView")
    assert view is not None
    qtbot.waitUntil(view.isVisible, timeout=WAIT_MS)
    return view


def rows(view: OutboxView) -> list[list[str]]:
    table = view.table
    return [
        [cell.text() if (cell := table.item(row, column)) else "" for column in range(7)]
        for row in range(table.rowCount())
    ]


def client_fragments(client: SyntheticClient, narrative: str) -> list[str]:
    """What no outbox list may show: the code, the names, the narrative."""
    return [client.hetu.value, client.full_name, client.last_name, narrative]


def wait_for_attention(qtbot: QtBot, window: MainWindow) -> OutboxView:
    view = open_outbox_view(qtbot, window)
    qtbot.waitUntil(lambda: [row[3] for row in rows(view)] == ["vaatii toimia"], timeout=WAIT_MS)
    view.table.selectRow(0)
    assert view.correct_button.isEnabled()
    assert view.discard_button.isEnabled()
    return view


def test_an_entry_waits_out_an_outage_and_leaves_when_the_system_returns(
    qtbot: QtBot, window: MainWindow, training: TrainingServer
) -> None:
    child = clients(training)[0]
    find_client(qtbot, window, child)
    training.set_online(JARVENPAA, False)
    narrative = "Poliisi soitti: nuori ei palannut kotiin."
    write_entry(qtbot, window, narrative)
    with qtbot.waitSignal(window.desk.entry_waiting, timeout=WAIT_MS):
        save(qtbot, window)
    assert status_level(window) is Level.WARNING
    assert (
        "Kirjaus on tallessa lähtevissä ja lähtee automaattisesti, kun Järvenpää on taas "
        "tavoitettavissa" in status_text(window)
    )
    assert not window.desk.form.is_open()
    qtbot.waitUntil(lambda: window.switcher.waiting(JARVENPAA) == 1, timeout=WAIT_MS)
    qtbot.waitUntil(
        lambda: window.switcher.reachability(JARVENPAA) is Reachability.VPN_DOWN, timeout=WAIT_MS
    )
    assert "odottaa lähtevissä: 1" in window.switcher.item(1).text()
    assert "VPN ei yhteyttä" in window.switcher.item(1).text()
    assert window.outbox_count.text() == "Lähtevät: 1"
    assert window.connectivity_summary.text() == "VPN: ei yhteyttä (1 kunta)"
    assert inspect(training)[JARVENPAA] == []

    back = time.monotonic()
    with qtbot.waitSignal(window.entry_delivered, timeout=WAIT_MS) as delivered:
        training.set_online(JARVENPAA, True)
    # The promise is delivery within 2 s of the system's return (probes every 1.5 s
    # early in an outage); a second of slack for a loaded machine.
    assert time.monotonic() - back < 3.0
    records = inspect(training)[JARVENPAA]
    assert [(r["text"], r["hetu"]) for r in records] == [(narrative, child.hetu.value)]
    assert delivered.args is not None
    assert f"Kirjaus toimitettu: Järvenpää, Effica (tunniste {delivered.args[1]})" in (
        status_text(window)
    )
    qtbot.waitUntil(lambda: window.outbox_count.text() == "Lähtevät: 0", timeout=WAIT_MS)
    assert window.switcher.waiting(JARVENPAA) == 0
    assert "toimitettu viimeksi" in window.switcher.item(1).text()


@pytest.mark.parametrize(
    ("error", "expected", "retry"),
    [
        (
            NoKeyringBackend("no usable credential store"),
            ["Salausavainten säilö (keyring) puuttuu tästä koneesta", "paivystys doctor"],
            False,
        ),
        (
            KeyMissing("no key"),
            ["salausavain puuttuu", "toimittamattomia kirjauksia", "Soita tukeen heti"],
            False,
        ),
        (WrongKey("wrong key"), ["ei aukea", "Lähteviä ei muutettu", "Soita tukeen"], False),
        (
            Damaged("log damaged", wal.check_bytes(b"")),
            ["lokitiedosto on vioittunut", "Lähteviä ei muutettu", "paivystys outbox salvage"],
            False,
        ),
        (OutboxIOError("disk"), ["levy täynnä", "Yritä uudelleen"], True),
        (KeyringTimeout("no answer"), ["Avaa avainsäilön lukitus", "Yritä uudelleen"], True),
    ],
    ids=lambda value: getattr(value, "code", None) if isinstance(value, OutboxError) else None,
)
def test_an_outbox_that_cannot_open_is_explained_and_saving_is_refused(
    qtbot: QtBot,
    opener: WindowOpener,
    training: TrainingServer,
    monkeypatch: pytest.MonkeyPatch,
    error: OutboxError,
    expected: list[str],
    retry: bool,
) -> None:
    def fail(self: OutboxSetup) -> None:
        raise error

    monkeypatch.setattr(OutboxSetup, "open", fail)
    window = opener.open()
    banner = window.banner
    assert banner.isVisible()
    for fragment in expected:
        assert fragment in banner.text.text()
    assert "Asiakkaiden haku toimii edelleen" in banner.text.text()
    assert banner.retry.isVisible() is retry
    assert window.outbox_count.text() == "Lähtevät: ei käytössä"

    child = clients(training)[0]
    find_client(qtbot, window, child)  # lookups still work
    narrative = "Tämä teksti ei saa kadota."
    write_entry(qtbot, window, narrative)
    with qtbot.waitSignal(window.desk.entry_failed, timeout=WAIT_MS):
        save(qtbot, window)
    assert status_level(window) is Level.ERROR
    assert "Kirjausta ei voi tallentaa" in status_text(window)
    form = window.desk.form
    assert form.is_open()
    assert form.narrative.toPlainText() == narrative
    assert form.save_button.isEnabled()
    assert banner.isVisible()
    wait_idle(qtbot, window)
    assert inspect(training)[JARVENPAA] == []


def test_retry_opens_the_outbox_once_the_keyring_answers(
    qtbot: QtBot, opener: WindowOpener, training: TrainingServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(self: OutboxSetup) -> None:
        raise KeyringTimeout("no answer")

    monkeypatch.setattr(OutboxSetup, "open", fail)
    window = opener.open()
    assert window.banner.isVisible()
    monkeypatch.undo()
    with qtbot.waitSignal(window.outbox.opened, timeout=WAIT_MS):
        click(window.banner.retry)
    assert not window.banner.isVisible()
    qtbot.waitUntil(lambda: window.outbox_count.text() == "Lähtevät: 0", timeout=WAIT_MS)
    find_client(qtbot, window, clients(training)[0])
    write_entry(qtbot, window, "Avainsäilö avattiin.")
    with qtbot.waitSignal(window.entry_delivered, timeout=WAIT_MS):
        save(qtbot, window)
    assert [r["text"] for r in inspect(training)[JARVENPAA]] == ["Avainsäilö avattiin."]


def test_a_save_that_fails_on_disk_keeps_the_text_and_the_entry(
    qtbot: QtBot, window: MainWindow, training: TrainingServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(self: SendingService, code: str, entry: DutyEntry, **names: str) -> None:
        raise OutboxIOError("the outbox could not be read or written (SQLITE_FULL)")

    monkeypatch.setattr(SendingService, "save_entry", disk_full)
    find_client(qtbot, window, clients(training)[0])
    sent: list[DutyEntry] = []
    window.desk.form.save_requested.connect(sent.append)
    narrative = "Levy on täynnä, mutta teksti jää."
    write_entry(qtbot, window, narrative)
    for _attempt in range(2):
        with qtbot.waitSignal(window.desk.entry_failed, timeout=WAIT_MS):
            save(qtbot, window)
        assert status_level(window) is Level.ERROR
        assert "levy on täynnä" in status_text(window)
        assert "Mitään ei tallennettu" in status_text(window)
        assert window.desk.form.narrative.toPlainText() == narrative
        assert window.desk.form.save_button.isEnabled()
    # One entry object, one idempotency key, for every attempt of the form.
    assert len(sent) == 2
    assert sent[0] is sent[1]
    wait_idle(qtbot, window)
    assert inspect(training)[JARVENPAA] == []
    assert window.outbox.snapshot is not None
    assert window.outbox.snapshot.undelivered == 0


def test_the_outbox_view_shows_the_least_client_data(
    qtbot: QtBot, window: MainWindow, training: TrainingServer
) -> None:
    child = clients(training)[0]
    find_client(qtbot, window, child)
    training.set_online(JARVENPAA, False)
    narrative = "Salainen kuvaus tilanteesta"
    write_entry(qtbot, window, narrative)
    with qtbot.waitSignal(window.desk.entry_waiting, timeout=WAIT_MS):
        save(qtbot, window)
    view = open_outbox_view(qtbot, window)
    qtbot.waitUntil(lambda: view.table.rowCount() == 1, timeout=WAIT_MS)
    [row] = rows(view)
    born = child.hetu.birth_date
    assert f"{born.day}.{born.month}.{born.year}" in row[0]
    assert row[1:4] == ["Järvenpää", "kirjaus", "odottaa"]
    texts = widget_texts(view)
    for fragment in client_fragments(child, narrative):
        assert not any(fragment in text for text in texts), fragment
    for name in child.first_names.split():
        assert not any(name in text for text in texts), name
    assert not view.correct_button.isEnabled()
    assert not view.discard_button.isEnabled()


def test_an_item_needing_attention_is_discarded_only_with_a_reason(
    qtbot: QtBot, window: MainWindow, training: TrainingServer
) -> None:
    child = clients(training)[0]
    rejected = put_rejected_entry(window, child)
    view = wait_for_attention(qtbot, window)
    sending = window.outbox.sending
    assert sending is not None
    [stored] = sending.outbox.items()
    assert stored.failure is not None
    assert stored.failure.detail
    assert rows(view)[0][6] == stored.failure.detail  # the system's own reason, as it is
    for fragment in client_fragments(child, "   ")[:3]:
        assert not any(fragment in text for text in widget_texts(view))
    qtbot.waitUntil(
        lambda: window.outbox_count.text() == "Lähtevät: 1, 1 vaatii toimia", timeout=WAIT_MS
    )

    click(view.discard_button)
    dialog = view.findChild(DiscardDialog, "discardDialog")
    assert dialog is not None
    assert not dialog.confirm.isEnabled()
    type_text(dialog.reason, "   ")
    assert not dialog.confirm.isEnabled()
    click(dialog.confirm)
    wait_idle(qtbot, window)
    assert [item.key for item in sending.outbox.items()] == [rejected.idempotency_key]

    reason = "Kirjattu uudelleen oikealle asiakkaalle."
    dialog.reason.setPlainText(reason)
    assert dialog.confirm.isEnabled()
    with qtbot.waitSignal(view.item_discarded, timeout=WAIT_MS):
        click(dialog.confirm)
    if window.desk._context.workstation.connector(JARVENPAA).supports(Capability.EVENT_LOG):
        qtbot.waitUntil(lambda: len(inspect(training)[JARVENPAA]) == 1, timeout=WAIT_MS)
        [record] = inspect(training)[JARVENPAA]
        assert record["kind"] == "event"
        assert record["text"] == reason
        qtbot.waitUntil(lambda: window.outbox_count.text() == "Lähtevät: 0", timeout=WAIT_MS)
    else:
        # The connector cannot record events yet: the discard waits as an event item.
        items = sending.outbox.items()
        assert [item.kind for item in items] == [ItemKind.EVENT]
        assert rejected.idempotency_key not in [item.key for item in items]
        assert inspect(training)[JARVENPAA] == []


def test_an_item_needing_attention_can_be_corrected_and_resent(
    qtbot: QtBot, window: MainWindow, training: TrainingServer
) -> None:
    child = clients(training)[0]
    rejected = put_rejected_entry(window, child)
    view = wait_for_attention(qtbot, window)
    click(view.correct_button)
    qtbot.waitUntil(
        lambda: view.findChild(CorrectionEditor, "correctionEditor") is not None, timeout=WAIT_MS
    )
    editor = view.findChild(CorrectionEditor, "correctionEditor")
    assert editor is not None
    assert editor.narrative.toPlainText() == "   "
    click(editor.resend)
    assert "puuttuu kuvaus" in editor.problem.text()
    editor.narrative.setPlainText("Korjattu kuvaus.")
    with qtbot.waitSignal(view.item_corrected, timeout=WAIT_MS):
        click(editor.resend)
    qtbot.waitUntil(lambda: len(inspect(training)[JARVENPAA]) == 1, timeout=WAIT_MS)
    [record] = inspect(training)[JARVENPAA]
    assert record["text"] == "Korjattu kuvaus."
    assert record["idempotency_key"] == str(rejected.idempotency_key)
    qtbot.waitUntil(lambda: window.outbox_count.text() == "Lähtevät: 0", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: view.table.rowCount() == 0, timeout=WAIT_MS)


def test_the_status_bar_always_shows_connectivity_and_the_outbox(
    qtbot: QtBot, window: MainWindow, training: TrainingServer
) -> None:
    bar = window.statusBar()
    assert window.connectivity_summary.parent() is bar
    assert window.outbox_count.parent() is bar
    qtbot.waitUntil(lambda: window.connectivity_summary.text() == "VPN: yhteys", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: window.outbox_count.text() == "Lähtevät: 0", timeout=WAIT_MS)
    assert window.connectivity_summary.isVisible()
    assert window.outbox_count.isVisible()

    # Training: the VPN is simulated, so there is no command to open it.
    assert not window.open_vpn_action.isEnabled()
    assert "vpn.connect_command" in window.open_vpn_action.toolTip()

    practice = window.outage_practice
    assert practice is not None
    cut = practice.actions["245"]
    assert cut.text() == "Katkaise yhteys: Kerava"
    with qtbot.waitSignal(practice.outage_changed, timeout=WAIT_MS):
        cut.setChecked(True)
    assert training.control_state()["245"] is False
    qtbot.waitUntil(
        lambda: window.connectivity_summary.text() == "VPN: ei yhteyttä (1 kunta)",
        timeout=WAIT_MS,
    )
    assert "VPN ei yhteyttä" in window.switcher.item(2).text()
    with qtbot.waitSignal(practice.outage_changed, timeout=WAIT_MS):
        cut.setChecked(False)
    assert training.control_state()["245"] is True
    qtbot.waitUntil(lambda: window.connectivity_summary.text() == "VPN: yhteys", timeout=WAIT_MS)

    click(window.outbox_count)
    view = window.findChild(OutboxView, "outboxView")
    assert view is not None
    qtbot.waitUntil(view.isVisible, timeout=WAIT_MS)
    assert not view.isModal()
    qtbot.waitUntil(lambda: "Lähtevissä ei ole mitään." in view.message.text(), timeout=WAIT_MS)
    view.close()
    assert open_outbox_view(qtbot, window) is view


def test_the_platform_losing_the_network_is_shown_at_once(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.connectivity_summary.text() == "VPN: yhteys", timeout=WAIT_MS)
    seen: list[tuple[str, str]] = []
    window.reachability_changed.connect(lambda code, state: seen.append((code, state)))
    codes = window.switcher.codes()
    window.connectivity.on_network_reachability(QNetworkInformation.Reachability.Disconnected)
    qtbot.waitUntil(
        lambda: {code for code, state in seen if state == "no_network"} == set(codes),
        timeout=WAIT_MS,
    )
    # The platform can be wrong (a VPN's own interface): a probe that answers wins.
    window.connectivity.on_network_reachability(QNetworkInformation.Reachability.Online)
    qtbot.waitUntil(lambda: window.connectivity_summary.text() == "VPN: yhteys", timeout=WAIT_MS)


@pytest.mark.parametrize(
    ("script", "level", "expected"),
    [
        ("pass", Level.INFO, "VPN-yhteys avattu"),
        ("import sys; sys.exit(3)", Level.ERROR, "VPN-yhteyttä ei saatu avattua"),
    ],
    ids=["opens", "fails"],
)
def test_the_vpn_command_runs_in_the_background(
    qtbot: QtBot,
    opener: WindowOpener,
    training: TrainingServer,
    script: str,
    level: Level,
    expected: str,
) -> None:
    vpn = VpnConfig(connect_command=(sys.executable, "-c", script))
    window = opener.open(opener.context(replace(training.policy, vpn=vpn)))
    action = window.open_vpn_action
    assert action.isEnabled()
    with qtbot.waitSignal(window.connectivity.vpn_opened, timeout=WAIT_MS):
        action.trigger()
    assert status_level(window) is level
    assert expected in status_text(window)


def test_a_refused_notification_is_corrected_in_its_own_fields_and_resent(
    qtbot: QtBot, window: MainWindow, training: TrainingServer
) -> None:
    key = put_refused(window, training, "notification")
    view = wait_for_attention(qtbot, window)
    assert rows(view)[0][2] == "lastensuojeluilmoitus"
    click(view.correct_button)
    qtbot.waitUntil(
        lambda: view.findChild(FieldsCorrectionEditor, "fieldsCorrectionEditor") is not None,
        timeout=WAIT_MS,
    )
    editor = view.findChild(FieldsCorrectionEditor, "fieldsCorrectionEditor")
    assert editor is not None
    assert editor.windowTitle() == "Korjaa lastensuojeluilmoitus"
    assert editor.values()["what_happened"] == " "
    assert editor.values()["notifier_organisation"] == "Itä-Uudenmaan poliisilaitos"
    click(editor.resend)
    assert editor.problem.text() == "Kenttä Mitä tapahtui on tyhjä. Täytä se."
    what = editor.editors["what_happened"]
    assert isinstance(what, QPlainTextEdit)
    what.setPlainText("Poliisi toi lapsen päivystykseen klo 2.10; äiti päihtynyt.")
    with qtbot.waitSignal(view.item_corrected, timeout=WAIT_MS):
        click(editor.resend)
    assert view.message.text() == "Korjattu lastensuojeluilmoitus lähtee uudelleen."
    qtbot.waitUntil(lambda: len(inspect(training)[HYVINKAA]) == 1, timeout=WAIT_MS)
    [record] = inspect(training)[HYVINKAA]
    assert (record["kind"], record["idempotency_key"]) == ("notification", str(key))
    qtbot.waitUntil(lambda: window.outbox_count.text() == "Lähtevät: 0", timeout=WAIT_MS)


def test_a_refused_mail_is_discarded_with_a_reason_recorded_as_a_discarded_message(
    qtbot: QtBot, window: MainWindow, training: TrainingServer
) -> None:
    key = put_refused(window, training, "mail")
    view = wait_for_attention(qtbot, window)
    assert rows(view)[0][2] == "viesti virka-aikaiselle"
    click(view.discard_button)
    dialog = view.findChild(DiscardDialog, "discardDialog")
    assert dialog is not None
    assert dialog.windowTitle() == "Hylkää lähtevä viesti"
    assert dialog.confirm.text() == "Hylkää viesti"
    reason = "Sovittu puhelimessa virka-aikaisen kanssa."
    dialog.reason.setPlainText(reason)
    with qtbot.waitSignal(view.item_discarded, timeout=WAIT_MS):
        click(dialog.confirm)
    assert view.message.text().startswith("Viesti hylättiin.")
    qtbot.waitUntil(lambda: len(inspect(training)[HYVINKAA]) == 1, timeout=WAIT_MS)
    [record] = inspect(training)[HYVINKAA]
    assert (record["kind"], record["event_kind"]) == ("event", "discarded_mail")
    assert (record["refers_to"], record["text"]) == (str(key), reason)


def test_a_refused_record_of_a_discard_is_removed_after_a_question(
    qtbot: QtBot, window: MainWindow, training: TrainingServer
) -> None:
    """An entry for a client the system does not know, discarded: the system refuses the
    record of the discard too. The worker removes it; it does not wait for ever."""
    sending = window.outbox.sending
    assert sending is not None
    unknown = make_hetu(dt.date(1990, 1, 1), 987)
    entry = police_call(unknown, "Poliisi soitti; henkilötunnus osoittautui vääräksi.")
    first = sending.save_entry(JARVENPAA, entry, saved_by=SAVED_BY)
    view = wait_for_attention(qtbot, window)
    sending.discard(first.id, "Väärä henkilötunnus", author(WORKER))
    sending.nudge()
    qtbot.waitUntil(
        lambda: [row[2:4] for row in rows(view)] == [["hylkäysmerkintä", "vaatii toimia"]],
        timeout=WAIT_MS,
    )
    view.table.selectRow(0)
    assert not view.correct_button.isEnabled()
    assert view.discard_button.isEnabled()
    click(view.discard_button)
    box = view.findChild(QMessageBox, "confirmRemoveEvent")
    assert box is not None
    assert "ei tunne asiakasta" in box.informativeText()
    yes = box.findChild(QPushButton, "confirmRemoveEventYes")
    assert yes is not None
    with qtbot.waitSignal(view.item_discarded, timeout=WAIT_MS):
        click(yes)
    assert view.message.text() == "Hylkäysmerkintä poistettiin lähtevistä."
    qtbot.waitUntil(lambda: window.outbox_count.text() == "Lähtevät: 0", timeout=WAIT_MS)
    assert inspect(training)[JARVENPAA] == []


def test_the_outbox_view_words_a_connection_failure_for_the_worker(
    qtbot: QtBot, window: MainWindow, training: TrainingServer
) -> None:
    child = clients(training)[0]
    training.set_online(JARVENPAA, False)
    sending = window.outbox.sending
    assert sending is not None
    put_rejected_entry(window, child)
    # The window's own lane for the municipality tries it at once (the save nudges it).
    qtbot.waitUntil(
        lambda: [item.failure is not None for item in sending.outbox.items()] == [True],
        timeout=WAIT_MS,
    )
    [stored] = sending.outbox.items()
    assert stored.failure is not None
    assert stored.failure.cause in (errors.Unreachable.__name__, errors.TimedOut.__name__)
    view = open_outbox_view(qtbot, window)
    qtbot.waitUntil(lambda: view.table.rowCount() == 1, timeout=WAIT_MS)
    assert rows(view)[0][6] in ("ei yhteyttä järjestelmään", "järjestelmä ei vastannut ajoissa")


def test_an_item_held_for_a_changed_address_goes_only_after_the_worker_confirms(
    qtbot: QtBot, window: MainWindow, training: TrainingServer
) -> None:
    """Saved while the policy named another registrar for the municipality: the item
    waits, the view says why, and it goes to the new address only on an explicit yes."""
    sending = window.outbox.sending
    assert sending is not None
    child = clients(training)[0]
    entry = police_call(child.hetu, "Poliisi soitti; tallennettu ennen kunnan siirtoa.")
    earlier = "entinen-alue effica training"
    sending.outbox.put(
        OutgoingItem(
            entry.idempotency_key,
            JARVENPAA,
            ItemKind.ENTRY,
            item_client(entry),
            "Ä. Š. kirjaus",
            entry_to_payload(entry),
            earlier,
        ),
        dt.datetime.now(dt.UTC),
    )
    sending.nudge()
    view = open_outbox_view(qtbot, window)
    qtbot.waitUntil(lambda: [row[3] for row in rows(view)] == ["vaatii toimia"], timeout=WAIT_MS)
    assert rows(view)[0][6] == "kunnan järjestelmän osoite on muuttunut: vahvista"
    assert inspect(training)[JARVENPAA] == []
    view.table.selectRow(0)
    assert not view.correct_button.isEnabled()
    assert view.confirm_destination_button.isEnabled()

    click(view.confirm_destination_button)  # first: the worker says no
    box = view.findChild(QMessageBox, "confirmDestination")
    assert box is not None
    assert earlier in box.informativeText()
    assert window.context.policy.destination(JARVENPAA) in box.informativeText()
    press(box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: view.findChild(QMessageBox, "confirmDestination") is None)
    [held] = sending.outbox.items()
    assert held.destination == earlier

    click(view.confirm_destination_button)
    box = view.findChild(QMessageBox, "confirmDestination")
    assert box is not None
    yes = box.findChild(QPushButton, "confirmDestinationYes")
    assert yes is not None
    click(yes)
    qtbot.waitUntil(lambda: window.outbox_count.text() == "Lähtevät: 0", timeout=WAIT_MS)
    keys = [record["idempotency_key"] for record in inspect(training)[JARVENPAA]]
    assert keys == [str(entry.idempotency_key)]


def test_an_entry_behind_a_waiting_access_event_is_told_waiting(
    qtbot: QtBot, opener: WindowOpener, training: TrainingServer
) -> None:
    """The system stops answering access events (its answer is lost on the way: a
    retry, not "down"): they go first in the client's line, so the entry saved behind
    them waits too, and the worker is told so rather than left believing it went."""
    system = urlsplit(training.systems[JARVENPAA].url)
    assert system.hostname is not None
    assert system.port is not None
    # Set before any connection: a mode applies to new connections.
    lost = FaultProxy(system.hostname, system.port, "drop_reply", match=b"AccessEvent")
    with lost as proxy:
        policy = with_endpoint(training.policy, JARVENPAA, proxy.url)
        window = opener.open(opener.context(policy))
        child = clients(training)[0]
        find_client(qtbot, window, child)
        write_entry(qtbot, window, "Kirjaus jonon perällä")
        with qtbot.waitSignal(window.desk.entry_waiting, timeout=WAIT_MS):
            save(qtbot, window)
        assert "lähtee automaattisesti, kun Järvenpää on taas" in status_text(window)
        for each in opener.opened:
            each.close()


def test_an_entry_in_flight_when_the_system_is_found_down_is_told_waiting(
    qtbot: QtBot, opener: WindowOpener, training: TrainingServer
) -> None:
    """The monitor finds the system down while the entry's delivery hangs (no attempt
    has ended to say so): the worker is told at once that the entry waits."""
    system = urlsplit(training.systems[JARVENPAA].url)
    assert system.hostname is not None
    assert system.port is not None
    # The entry's answer drips a byte a second, with a deadline beyond the test's wait: in
    # flight all along, no attempt ends meanwhile.
    hanging = FaultProxy(system.hostname, system.port, "drip", delay=1.0, match=b"DailyNote")
    with hanging as proxy:
        policy = with_endpoint(training.policy, JARVENPAA, proxy.url, read_timeout=120.0)
        window = opener.open(opener.context(policy))
        find_client(qtbot, window, clients(training)[0])
        write_entry(qtbot, window, "Kirjaus, jonka lähetys jää roikkumaan")
        with qtbot.waitSignal(window.desk.entry_saved, timeout=WAIT_MS):
            save(qtbot, window)
        assert "lähtee automaattisesti" not in status_text(window)
        with qtbot.waitSignal(window.desk.entry_waiting, timeout=WAIT_MS):
            window.connectivity.reachability_changed.emit(JARVENPAA, Reachability.VPN_DOWN.value)
        assert "lähtee automaattisesti, kun Järvenpää on taas" in status_text(window)
        proxy.reset_all()  # the dripping delivery ends now (a retry), not at its deadline
        for each in opener.opened:
            each.close()
