"""The municipality switcher: which municipality's system the duty is working in."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

from app.services.policy import Municipality
from app.ui.messages import system_name

_CODE_ROLE = Qt.ItemDataRole.UserRole


class Reachability(Enum):
    CHECKING = "checking"
    REACHABLE = "reachable"
    UNREACHABLE = "unreachable"


def reachability_text(state: Reachability) -> str:
    texts = {
        Reachability.CHECKING: QCoreApplication.translate("Switcher", "tarkistetaan"),
        Reachability.REACHABLE: QCoreApplication.translate("Switcher", "tavoitettavissa"),
        Reachability.UNREACHABLE: QCoreApplication.translate("Switcher", "ei yhteyttä"),
    }
    return texts[state]


_COLOURS = {
    Reachability.CHECKING: QColor("#5f6b76"),
    Reachability.REACHABLE: QColor("#1e6b2a"),
    Reachability.UNREACHABLE: QColor("#a3231b"),
}


class MunicipalitySwitcher(QListWidget):
    """The policy's municipalities in policy order, with system and reachability.

    Signals:
        municipality_selected(str): the worker selected the municipality with
            this code (by click, keyboard or :meth:`select`).
    """

    municipality_selected = Signal(str)

    def __init__(self, municipalities: tuple[Municipality, ...], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("municipalitySwitcher")
        self.setAccessibleName(self.tr("Kunta"))
        self.setAccessibleDescription(
            self.tr("Asiakkaan kunta; Ctrl+1…Ctrl+9 valitsee kunnan järjestyksessä.")
        )
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSpacing(2)
        self._municipalities = {m.code: m for m in municipalities}
        self._states: dict[str, Reachability] = {}
        for index, municipality in enumerate(municipalities):
            item = QListWidgetItem(self)
            item.setData(_CODE_ROLE, municipality.code)
            self._states[municipality.code] = Reachability.CHECKING
            self._render(item, index)
        # Selection, not the current item: Qt makes the first item current when
        # the list merely gets focus, and that must not pick a municipality.
        self.itemSelectionChanged.connect(self._on_selection_changed)

    def codes(self) -> list[str]:
        return list(self._municipalities)

    def current_code(self) -> str | None:
        """The selected municipality; None until the worker has chosen one."""
        selected = self.selectedItems()
        if not selected:
            return None
        code: str = selected[0].data(_CODE_ROLE)
        return code

    def select(self, code: str | None, *, notify: bool = True) -> None:
        """Make ``code`` current; ``notify=False`` reverts without a signal."""
        row = self.codes().index(code) if code is not None else -1
        if not notify:
            self.blockSignals(True)
        try:
            self.setCurrentRow(row)
        finally:
            if not notify:
                self.blockSignals(False)

    def select_index(self, index: int) -> bool:
        """Select the municipality at ``index`` in policy order; False if none."""
        codes = self.codes()
        if not 0 <= index < len(codes):
            return False
        self.select(codes[index])
        return True

    def reachability(self, code: str) -> Reachability:
        return self._states[code]

    def set_reachability(self, code: str, state: Reachability) -> None:
        self._states[code] = state
        row = self.codes().index(code)
        self._render(self.item(row), row)

    def _render(self, item: QListWidgetItem, row: int) -> None:
        code: str = item.data(_CODE_ROLE)
        municipality = self._municipalities[code]
        state = self._states[code]
        shortcut = f"Ctrl+{row + 1}" if row < 9 else ""
        system = system_name(municipality.system.type)
        status = reachability_text(state)
        item.setText(f"{municipality.name_fi}  {shortcut}\n{system} · {status}")
        item.setForeground(_COLOURS[state])
        item.setToolTip(
            self.tr("{name}: {system}, {status}").format(
                name=municipality.name_fi, system=system, status=status
            )
        )

    def _on_selection_changed(self) -> None:
        code = self.current_code()
        if code is not None:
            self.municipality_selected.emit(code)
