"""Training: practise an outage by taking a training system off the network and back.

The training server's control URL takes ``POST <control>/<code>/offline``
and ``/online``; the call goes out on the network pool with a timeout.
"""

from __future__ import annotations

import json
import logging
import urllib.request
from functools import partial

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from app.domain.policy import Municipality
from app.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

CONTROL_TIMEOUT = 5.0


def set_online(control_url: str, code: str, online: bool) -> bool:
    """Ask the training server to take ``code``'s system off the network or back on."""
    url = f"{control_url.rstrip('/')}/{code}/{'online' if online else 'offline'}"
    request = urllib.request.Request(url, data=b"", method="POST")  # noqa: S310 - training URL
    with urllib.request.urlopen(request, timeout=CONTROL_TIMEOUT) as reply:  # noqa: S310
        answer = json.load(reply)
    return bool(answer.get("online")) if isinstance(answer, dict) else online


class OutagePractice(QObject):
    """The "Harjoittelu" menu's checkable "Katkaise yhteys: <kunta>" actions.

    Signals:
        outage_changed(str, bool): the training server took the system off the
            network or brought it back (municipality code, online).
        outage_failed(str): the training server could not be asked (municipality code).
    """

    outage_changed = Signal(str, bool)
    outage_failed = Signal(str)

    def __init__(
        self,
        menu: QMenu,
        municipalities: tuple[Municipality, ...],
        control_url: str,
        runner: TaskRunner,
    ) -> None:
        super().__init__(menu)
        self._control_url = control_url
        self._runner = runner
        self.actions: dict[str, QAction] = {}
        for municipality in municipalities:
            action = QAction(
                self.tr("Katkaise yhteys: {name}").format(name=municipality.name_fi), menu
            )
            action.setObjectName(f"outage-{municipality.code}")
            action.setCheckable(True)
            action.toggled.connect(partial(self._toggled, municipality.code))
            menu.addAction(action)
            self.actions[municipality.code] = action

    def _toggled(self, code: str, cut: bool) -> None:
        control = self._control_url
        self._runner.run(
            lambda: set_online(control, code, not cut),
            lambda online: self.outage_changed.emit(code, online),
            partial(self._failed, code, cut),
        )

    def _failed(self, code: str, cut: bool, error: Exception) -> None:
        log.warning("training control failed: %s", type(error).__name__)
        action = self.actions[code]
        action.blockSignals(True)
        action.setChecked(not cut)
        action.blockSignals(False)
        self.outage_failed.emit(code)
