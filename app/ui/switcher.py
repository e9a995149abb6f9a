"""The municipality switcher: which municipality's system the duty is working in."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

from app.domain.policy import Municipality
from app.services.connectivity import Reachability
from app.ui import colours
from app.ui.locale_format import number_text
from app.ui.messages import system_name
from app.ui.outbox.messages import moment, reachability_text

__all__ = ["MunicipalitySwitcher", "Reachability"]

_CODE_ROLE = Qt.ItemDataRole.UserRole

# Light and dark variants: readable on the desktop's palette (app/ui/colours.py).
_COLOURS = {
    Reachability.UNKNOWN: colours.GREY,
    Reachability.ONLINE: colours.GREEN,
    Reachability.VPN_DOWN: colours.RED,
    Reachability.NO_NETWORK: colours.RED,
    Reachability.SERVICE_DOWN: colours.AMBER,
}


class MunicipalitySwitcher(QListWidget):
    """The policy's municipalities in policy order: system, reachability, waiting items.

    Signals:
        municipality_selected(str): the worker selected the municipality with
            this code (by click, keyboard or :meth:`select`).
    """

    municipality_selected = Signal(str)

    def __init__(
        self,
        municipalities: tuple[Municipality, ...],
        parent: QWidget | None = None,
        *,
        zone: dt.tzinfo,
    ):
        """``zone`` is the policy's: the time of the last delivery is shown in it."""
        super().__init__(parent)
        self._zone = zone
        self.setObjectName("municipalitySwitcher")
        self.setAccessibleName(self.tr("Kunta"))
        self.setAccessibleDescription(
            self.tr("Asiakkaan kunta; Ctrl+1…Ctrl+9 valitsee kunnan järjestyksessä.")
        )
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSpacing(2)
        self._municipalities = {m.code: m for m in municipalities}
        self._states: dict[str, Reachability] = {}
        self._waiting: dict[str, int] = {}
        self._last_delivery: dict[str, dt.datetime] = {}
        for index, municipality in enumerate(municipalities):
            item = QListWidgetItem(self)
            item.setData(_CODE_ROLE, municipality.code)
            self._states[municipality.code] = Reachability.UNKNOWN
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
        self._render_code(code)

    def waiting(self, code: str) -> int:
        return self._waiting.get(code, 0)

    def set_outbox(self, waiting: dict[str, int], last_delivery: dict[str, dt.datetime]) -> None:
        """Items not yet delivered and the last confirmed delivery, per municipality."""
        changed = {
            code
            for code in self._municipalities
            if self._waiting.get(code, 0) != waiting.get(code, 0)
            or self._last_delivery.get(code) != last_delivery.get(code)
        }
        self._waiting = dict(waiting)
        self._last_delivery = dict(last_delivery)
        for code in changed:
            self._render_code(code)

    def _render_code(self, code: str) -> None:
        row = self.codes().index(code)
        self._render(self.item(row), row)

    def _render(self, item: QListWidgetItem, row: int) -> None:
        code: str = item.data(_CODE_ROLE)
        municipality = self._municipalities[code]
        state = self._states[code]
        shortcut = f"Ctrl+{row + 1}" if row < 9 else ""
        system = system_name(municipality.system.type)
        status = reachability_text(state)
        lines = [f"{municipality.name_fi}  {shortcut}", f"{system} · {status}"]
        outbox = self._outbox_line(code)
        if outbox:
            lines.append(outbox)
        item.setText("\n".join(lines))
        item.setForeground(colours.colour(_COLOURS[state]))
        tip = self.tr("{name}: {system}, {status}").format(
            name=municipality.name_fi, system=system, status=status
        )
        item.setToolTip(f"{tip}. {outbox}" if outbox else tip)

    def _outbox_line(self, code: str) -> str:
        parts = []
        waiting = self._waiting.get(code, 0)
        if waiting:
            parts.append(self.tr("odottaa lähtevissä: {count}").format(count=number_text(waiting)))
        delivered = self._last_delivery.get(code)
        if delivered is not None:
            when = moment(delivered, self._zone)
            parts.append(self.tr("toimitettu viimeksi {when}").format(when=when))
        return " · ".join(parts)

    def _on_selection_changed(self) -> None:
        code = self.current_code()
        if code is not None:
            self.municipality_selected.emit(code)
