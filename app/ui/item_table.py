"""What the outbox view and the open-handoffs list share: the read-only, one-row-at-a-time
table, the message line and the dialog frame around them."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.policy import Policy
from app.ui.focus import show_focus
from app.ui.labels import plain_label
from app.ui.outbox.controller import OutboxController


def item_table(parent: QWidget, name: str, accessible: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setAccessibleName(accessible)
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    table.verticalHeader().setVisible(False)
    # Tab leaves the table for the buttons; cell by cell it would be a trap.
    table.setTabKeyNavigation(False)
    return table


def message_line(parent: QWidget, name: str) -> QLabel:
    """Plain text only: a system's refusal reason must never be read as markup."""
    return plain_label(parent, name)


def named_button(parent: QWidget, name: str, text: str) -> QPushButton:
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.setAccessibleName(text.replace("&", "").rstrip("…"))
    return button


ID_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class TableRow:
    """One row to show: its item's id, the cells' texts and tooltips by column."""

    item_id: int
    cells: list[str]
    tips: dict[int, str] = field(default_factory=dict)


class ItemListDialog(QDialog):
    """The frame of the outbox view and the open-handoffs list: a read-only table of
    outbox items, a message line and a row of buttons ending in "Sulje".

    It opens with the focus in the table and a row always chosen (the arrow keys
    choose another). Enter on a row presses the first button, the default; Tab goes
    on to the buttons; a dialog opened from the list gives the focus back to the
    table when it closes. The focused widget has the ring of :mod:`app.ui.focus`,
    which the default button's look does not share.

    A re-read asked for while one is on its way (a flush reports every item) runs
    once more after it, not once per request; the selection follows the item's id
    across re-reads. A subclass starts its read in :meth:`_read`, ends it with
    :meth:`_read_done`, and shows rows with :meth:`fill`.

    Signals:
        loaded(): the list shows the outbox as just read.
    """

    loaded = Signal()

    def __init__(
        self,
        name: str,
        policy: Policy,
        outbox: OutboxController,
        parent: QWidget | None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setModal(False)
        self._policy = policy
        self._outbox = outbox
        self._reading = False
        self._read_again = False
        outbox.items_changed.connect(self.reload)

    def _lay_out(
        self, table: QTableWidget, message: QLabel, buttons: list[QPushButton], close_name: str
    ) -> None:
        self.table = table
        self.message = message
        close = named_button(self, close_name, self.tr("Sulje"))
        close.clicked.connect(self.close)
        if buttons:
            # Enter on a row (the table passes it on) does the row's first action.
            buttons[0].setDefault(True)
        row = QHBoxLayout()
        for button in buttons:
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(table, 1)
        layout.addWidget(message)
        layout.addLayout(row)
        table.itemSelectionChanged.connect(self._update_buttons)
        show_focus(self)
        table.setFocus()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.reload()

    def reload(self) -> None:
        """Re-read the outbox; while a read is on its way, once more after it."""
        if not self.isVisible():
            return
        if not self._outbox.available:
            self._unavailable()
            self.message.setText(self.tr("Lähtevät eivät ole käytössä (katso punainen ilmoitus)."))
            return
        if self._reading:
            self._read_again = True
            return
        self._reading = True
        self._read()

    def _read_done(self) -> None:
        self._reading = False
        if self._read_again:
            self._read_again = False
            self.reload()

    def fill(self, rows: list[TableRow]) -> None:
        selected = self.selected_id()
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            for column, text in enumerate(row.cells):
                cell = QTableWidgetItem(text)
                cell.setData(ID_ROLE, row.item_id)
                if row.tips.get(column):
                    cell.setToolTip(row.tips[column])
                self.table.setItem(index, column, cell)
            if row.item_id == selected:
                self.table.selectRow(index)
        if rows and self.selected_id() is None:
            # A current row without a selection shows a focus frame while every button
            # stays off; the first row is chosen instead, and the arrows go on from it.
            self.table.selectRow(0)
        self.table.resizeColumnsToContents()
        self._update_buttons()

    def selected_id(self) -> int | None:
        items = self.table.selectedItems()
        if not items:
            return None
        item_id = items[0].data(ID_ROLE)
        return int(item_id) if isinstance(item_id, int) else None

    def return_focus(self) -> None:
        """Back to the table once a dialog opened from it closes. The window manager
        may activate the main window instead, and the button that opened the dialog
        is often off by then (its item is gone), which would pass the focus on to
        "Sulje". No raise: the dialog closing lay on top of the list."""
        if self.isVisible():
            self.table.setFocus()
            self.activateWindow()

    def _municipality_name(self, code: str) -> str:
        try:
            return self._policy.municipality(code).name_fi
        except KeyError:
            return code

    def _read(self) -> None:
        raise NotImplementedError

    def _unavailable(self) -> None:
        """The outbox is not open: show no rows."""
        raise NotImplementedError

    def _update_buttons(self) -> None:
        raise NotImplementedError
