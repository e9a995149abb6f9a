"""The outbox view names each item's author, or says it is not known, and lists only
what its filter shows (another worker's items are not shown).

Against the real training systems (one kept offline, so the items wait) and a real
SQLCipher outbox in the test's own training profile.
"""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from app.domain.kinds import ItemKind
from app.services.outbox.codec import entry_to_payload, item_client
from app.services.outbox.items import OutgoingItem, StoredItem
from app.training.server import TrainingServer
from app.ui.main_window import MainWindow
from app.ui.outbox.view import OutboxView
from tests.gui_helpers import JARVENPAA, WAIT_MS, clients, police_call
from tests.helpers import author

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore(r"^This plugin does not support propagateSizeHints\(\)$"),
]

AUTHOR_COLUMN = 7


def authors(view: OutboxView) -> list[str]:
    table = view.table
    return [
        cell.text() if (cell := table.item(row, AUTHOR_COLUMN)) else ""
        for row in range(table.rowCount())
    ]


def test_the_outbox_view_names_each_author_and_shows_only_what_its_filter_allows(
    qtbot: QtBot, window: MainWindow, training: TrainingServer
) -> None:
    training.set_online(JARVENPAA, False)
    sending = window.outbox.sending
    assert sending is not None
    registrar = window.context.policy.municipality(JARVENPAA).registrar
    first = author("Áilu Čuoŋžá", "ailu-901", registrar)
    second = author("Đuro Šámi", "duro-902", registrar)
    people = clients(training)
    sending.save_entry(JARVENPAA, police_call(people[0].hetu, "Ensimmäinen."), saved_by=first)
    sending.save_entry(JARVENPAA, police_call(people[1].hetu, "Toinen."), saved_by=second)
    # Saved before the outbox recorded authors (as a migrated item is): none.
    old = police_call(people[2].hetu, "Vanha.")
    sending.outbox.put(
        OutgoingItem(
            old.idempotency_key,
            JARVENPAA,
            ItemKind.ENTRY,
            item_client(old),
            "vanha",
            entry_to_payload(old),
            author=None,
        ),
        sending.clock(),
    )

    everyone = OutboxView(window.context.policy, window.outbox, window.context.author, window)
    everyone.show()
    qtbot.waitUntil(lambda: everyone.table.rowCount() == 3, timeout=WAIT_MS)
    header = everyone.table.horizontalHeaderItem(AUTHOR_COLUMN)
    assert header is not None
    assert header.text() == "Tekijä"
    assert sorted(authors(everyone)) == sorted(["Áilu Čuoŋžá", "Đuro Šámi", "tekijä ei tiedossa"])

    def not_anothers(item: StoredItem) -> bool:
        return item.author is None or item.author.worker_id == first.worker_id

    mine = OutboxView(
        window.context.policy, window.outbox, window.context.author, window, shows=not_anothers
    )
    mine.show()
    qtbot.waitUntil(lambda: mine.table.rowCount() == 2, timeout=WAIT_MS)
    assert sorted(authors(mine)) == sorted(["Áilu Čuoŋžá", "tekijä ei tiedossa"])
    assert len(sending.outbox.items()) == 3  # not shown is not gone
    everyone.close()
    mine.close()
