"""What a form shows once it has saved a fax item: the fax is not sent yet.

The handoff dialog and the notification form show this panel when the municipality's
system cannot take the item: whom to fax and call and what to say, "Tulosta faksi"
and "Merkitse lähetetyksi…" (through :class:`app.ui.followup.fax_actions.FaxActions`). The text
sends the worker on to the open handoffs with Ctrl+J, so Ctrl+J works in the form's
window too while the panel shows.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from app.domain.policy import Municipality
from app.services.followup.items import FaxDocument
from app.ui.followup import messages as followup_messages
from app.ui.followup.fax_actions import FaxActions
from app.ui.labels import data_label

_NOT_SENT_STYLE = (
    "background: #fff4d6; color: #4a3500; border: 2px solid #b07d00; padding: 6px; "
    "font-weight: bold;"
)
_SENT_STYLE = "background: #e5f4e6; color: #123d16; border: 2px solid #2e7d32; padding: 6px;"


class FaxPanel(QGroupBox):
    """The fax item saved by a form, until the worker marks it sent.

    Signals:
        sent(): the worker marked the fax sent; it left the outbox.
    """

    sent = Signal()

    def __init__(self, actions: FaxActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("faxPanel")
        self.setTitle(self.tr("Faksi ja puhelu"))
        self._actions = actions
        self._item_id: int | None = None
        self._what = ""
        self._sent = False
        self.state = data_label(self, "faxState", self.tr("Faksin tila"))
        self.call_note = data_label(self, "faxCallNote", self.tr("Puhelinmuistio"))
        self.print_button = QPushButton(self.tr("Tulosta faksi"), self)
        self.print_button.setObjectName("printFaxButton")
        self.print_button.setAccessibleName(self.tr("Tulosta faksi"))
        self.mark_button = QPushButton(self.tr("Merkitse lähetetyksi…"), self)
        self.mark_button.setObjectName("markFaxSentButton")
        self.mark_button.setAccessibleName(self.tr("Merkitse faksi lähetetyksi"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.mark_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addWidget(self.call_note)
        layout.addLayout(buttons)
        self.print_button.clicked.connect(self._print)
        self.mark_button.clicked.connect(self._mark)
        actions.marked_sent.connect(self._marked)
        # Active only while the panel shows: a hidden widget's shortcut is off.
        self.open_handoffs = QShortcut(QKeySequence("Ctrl+J"), self)
        self.open_handoffs.setContext(Qt.ShortcutContext.WindowShortcut)
        self.open_handoffs.setWhatsThis(self.tr("Avoimet siirrot"))
        self.open_handoffs.activated.connect(actions.request_open_handoffs)
        self.setVisible(False)

    @property
    def item_id(self) -> int | None:
        return self._item_id

    @property
    def pending(self) -> bool:
        """A fax is shown and not yet marked sent."""
        return self._item_id is not None and not self._sent

    def show_item(
        self, item_id: int, what: str, municipality: Municipality, document: FaxDocument
    ) -> None:
        """Show the saved fax ``item_id``; ``what`` names it in the confirmation."""
        self._item_id = item_id
        self._what = what
        self.state.setText(followup_messages.fax_not_sent_yet(municipality))
        self.state.setStyleSheet(_NOT_SENT_STYLE)
        self.call_note.setText(followup_messages.call_note(municipality, document))
        self.print_button.setEnabled(True)
        self.mark_button.setEnabled(True)
        self.setVisible(True)
        self.print_button.setFocus()

    def _print(self) -> None:
        if self._item_id is not None:
            self._actions.print_fax(self._item_id)

    def _mark(self) -> None:
        if self._item_id is not None:
            self._actions.mark_sent(self._item_id, self._what, self)

    def _marked(self, item_id: int) -> None:
        if item_id != self._item_id:
            return
        self._sent = True
        self.state.setText(self.tr("✔ Faksi merkitty lähetetyksi. Voit sulkea ikkunan."))
        self.state.setStyleSheet(_SENT_STYLE)
        self.print_button.setEnabled(False)
        self.mark_button.setEnabled(False)
        self.sent.emit()
