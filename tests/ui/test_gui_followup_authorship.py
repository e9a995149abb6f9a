"""The open handoffs (Ctrl+J) list only what the worker signed in here may see: another
worker's handoffs and notifications on the same machine are not listed (nor sent, nor
cleared); an item of unknown author is.

A real window offscreen whose worker signs in as the policy says (Kerava: the system's
own password, through the window's dialog), a real encrypted outbox in the test's own
training profile. Faxes are manual items: nothing is sent, whoever signs in.
"""

from __future__ import annotations

import uuid

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.domain.author import Author, SignInMethod
from app.domain.kinds import ItemKind
from app.services.auth.signins import State
from app.services.followup.items import (
    FaxItem,
    FaxRecipient,
    Handoff,
    fax_to_payload,
    handoff_label,
)
from app.services.outbox.items import OutgoingItem
from app.services.outbox.sending import SendingService
from app.services.outbox.store import ItemState, StoredItem
from app.training.data import SyntheticClient
from app.training.server import TRAINING_PASSWORD, TRAINING_USERNAME, TrainingServer
from app.ui.followup.handoff_list import HandoffList
from app.ui.main_window import MainWindow
from app.ui.sign_in import PasswordDialog
from tests.gui_helpers import (
    CTRL,
    WAIT_MS,
    WORKER,
    WindowOpener,
    activate,
    clients,
    press,
    type_text,
    widget_texts,
)
from tests.helpers import author

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore(r"^This plugin does not support propagateSizeHints\(\)$"),
]

KERAVA = "245"  # Effica, the system's own password (Ctrl+3): handoffs are faxes
CASE = "Poliisi toi lapsen päivystykseen yöllä; lapsi vietiin mummolaan. Ŋ Đ Ŧ ä ö"


def save_fax(window: MainWindow, client: SyntheticClient, saved_by: Author | None) -> StoredItem:
    """A handoff fax to Kerava for ``client`` as the handoff dialog saves it, by
    ``saved_by`` (None: saved before the outbox recorded authors)."""
    sending = window.outbox.sending
    assert isinstance(sending, SendingService)
    policy = window.context.policy
    handoff = Handoff(
        hetu=client.hetu,
        last_name=client.last_name,
        first_names=client.first_names,
        non_disclosure=False,
        address=None,
        responsible_worker=None,
        text=CASE,
        follow_up="",
        author=WORKER,
    )
    now = sending.clock()
    fax = FaxItem(FaxRecipient.of(policy.municipality(KERAVA)), now, uuid.uuid4(), handoff)
    label = handoff_label(handoff, now, policy.zone)
    if saved_by is not None:
        return sending.save_fax(KERAVA, fax, label, saved_by=saved_by)
    unknown = OutgoingItem(
        fax.idempotency_key,
        KERAVA,
        ItemKind.FAX,
        client.hetu.value,
        label,
        fax_to_payload(fax),
        author=None,
    )
    return sending.outbox.put(unknown, now, ItemState.MANUAL)


def labels(handoffs: HandoffList) -> set[str]:
    table = handoffs.table
    return {cell.text() for row in range(table.rowCount()) if (cell := table.item(row, 0))}


def sign_in_by_password(qtbot: QtBot, window: MainWindow) -> None:
    """Ctrl+3, Ctrl+Shift+K, the training user name and password in the dialog."""

    def fill_in() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, PasswordDialog)
        type_text(dialog.user, TRAINING_USERNAME)
        press(dialog.user, Qt.Key.Key_Tab)
        type_text(dialog.password, TRAINING_PASSWORD)
        press(dialog.password, Qt.Key.Key_Return)

    activate(qtbot, window)
    with qtbot.waitSignal(window.municipality_selected, timeout=WAIT_MS):
        press(window, Qt.Key.Key_3, CTRL)
    assert window.switcher.current_code() == KERAVA
    sign_in = window.sign_in
    assert sign_in is not None
    QTimer.singleShot(0, fill_in)
    with qtbot.waitSignal(sign_in.signed_in, timeout=WAIT_MS):
        press(window, Qt.Key.Key_K, CTRL | Qt.KeyboardModifier.ShiftModifier)


def test_another_workers_handoffs_are_not_listed_once_the_worker_has_signed_in(
    qtbot: QtBot, opener: WindowOpener, training: TrainingServer
) -> None:
    window = opener.open(opener.context(sign_in=True))
    sign_ins = window.context.sign_ins
    assert sign_ins is not None
    registrar = window.context.policy.municipality(KERAVA).registrar
    people = clients(training, KERAVA)
    # The worker who signs in below, another worker who used this machine before, and an
    # item saved before the outbox recorded authors.
    mine = save_fax(
        window,
        people[0],
        author(WORKER, TRAINING_USERNAME, registrar, SignInMethod.PASSWORD),
    )
    anothers = save_fax(
        window, people[1], author("Đuro Šámi", "duro-902", registrar, SignInMethod.PASSWORD)
    )
    unknown = save_fax(window, people[2], None)
    assert len({mine.label, anothers.label, unknown.label}) == 3

    # No one has signed in on this profile yet: nothing tells whose items are whose.
    activate(qtbot, window)
    press(window, Qt.Key.Key_J, CTRL)
    handoffs = window.findChild(HandoffList, "handoffList")
    assert handoffs is not None
    qtbot.waitUntil(lambda: handoffs.table.rowCount() == 3, timeout=WAIT_MS)

    # The worker signs in: the open list reads the outbox again, without the other
    # worker's handoff (its client's initials and birth date are nowhere on it).
    sign_in_by_password(qtbot, window)
    kerava = sign_ins.of(KERAVA)
    assert kerava is not None
    assert (kerava.state, kerava.worker_id) == (State.SIGNED_IN, TRAINING_USERNAME)
    qtbot.waitUntil(lambda: handoffs.table.rowCount() == 2, timeout=WAIT_MS)
    assert labels(handoffs) == {mine.label, unknown.label}
    assert not any(anothers.label in text for text in widget_texts(handoffs))
    assert "Avoinna 2, joista faksattavia 2" in handoffs.message.text()

    # The outbox view agrees; not listed is not gone (nor sent: a fax goes by hand).
    view = window.show_outbox()
    qtbot.waitUntil(lambda: view.table.rowCount() == 2, timeout=WAIT_MS)
    sending = window.outbox.sending
    assert sending is not None
    assert {item.id for item in sending.outbox.items()} == {mine.id, anothers.id, unknown.id}
