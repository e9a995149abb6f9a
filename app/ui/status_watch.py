"""The window's state at a glance: the duty, the VPN and the outbox, for the tray icon and
for the screen reader.

:class:`StatusWatch` listens to the signals the status bar listens to (the duty banner's
``status_changed``, the connectivity monitor's ``reachability_changed``, the outbox's
``snapshot_changed``, ``delivery_reported`` and ``open_failed``); it never polls. It
words what it knows with counts and municipality names only: a delivery event carries
no client data, and none is looked up here.

What it says:

* :attr:`StatusWatch.tooltip`, :attr:`StatusWatch.level` and :attr:`StatusWatch.undelivered`,
  for the tray's tooltip and icon;
* ``notify(title, message, warning)``: something the worker should hear of even with
  the window out of sight: items that waited have been delivered, an item needs attention;
* ``announce(message)``: a status change for the screen reader (delivered, waiting,
  VPN down or back, needs attention), so that it is not told only by a colour.
"""

from __future__ import annotations

import uuid
from collections import Counter
from enum import Enum
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal

from app.domain.kinds import ItemKind
from app.domain.policy import Policy
from app.services.connectivity import Reachability
from app.services.duty_hours import DutyStatus
from app.services.outbox.delivery import DeliveryEvent, Outcome
from app.ui.duty_banner import status_text
from app.ui.locale_format import number_text
from app.ui.outbox import messages as outbox_messages
from app.ui.outbox.controller import OutboxSnapshot

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

DOWN = frozenset({Reachability.VPN_DOWN, Reachability.NO_NETWORK, Reachability.SERVICE_DOWN})


class Level(Enum):
    """The worst that is true now, as the tray icon draws it."""

    OK = "ok"
    WAITING = "waiting"
    VPN_DOWN = "vpn_down"
    ATTENTION = "attention"


class StatusWatch(QObject):
    """The duty, the VPN and the outbox as one summary; see the module's docstring.

    Signals:
        changed(): :attr:`tooltip`, :attr:`level` or :attr:`undelivered` changed.
        notify(str, str, bool): a desktop notification to show (title, message, whether
            it is a warning).
        announce(str): a status change for assistive technology.
    """

    changed = Signal()
    notify = Signal(str, str, bool)
    announce = Signal(str)

    def __init__(
        self, policy: Policy, parent: QObject | None = None, *, training: bool = False
    ) -> None:
        super().__init__(parent)
        self._names = {m.code: m.name_fi for m in policy.municipalities}
        self._training = training or policy.training
        self._duty: DutyStatus | None = None
        self._states = {code: Reachability.UNKNOWN for code in self._names}
        self._snapshot: OutboxSnapshot | None = None
        self._unavailable = False
        # Items that waited: a delivery attempt failed (retry), or their municipality
        # was down while they were in the outbox.
        self._retried: set[uuid.UUID] = set()
        self._waiting_in: set[str] = set()
        self._delivered: Counter[str] = Counter()
        self._attention: Counter[str] = Counter()
        self._vpn_text = outbox_messages.connectivity_summary(self._states)

    # -- what it says ---------------------------------------------------------------------

    @property
    def undelivered(self) -> int:
        return 0 if self._snapshot is None else self._snapshot.undelivered

    @property
    def attention(self) -> int:
        return 0 if self._snapshot is None else self._snapshot.counts.attention

    @property
    def duty_on(self) -> bool | None:
        return None if self._duty is None else self._duty.on

    @property
    def vpn_down(self) -> bool:
        return bool(DOWN & set(self._states.values()))

    @property
    def level(self) -> Level:
        if self._unavailable or self.attention:
            return Level.ATTENTION
        if self.vpn_down:
            return Level.VPN_DOWN
        if self.undelivered:
            return Level.WAITING
        return Level.OK

    def outbox_text(self) -> str:
        if self._unavailable:
            return QCoreApplication.translate("StatusWatch", "Lähtevät: ei käytössä")
        if self._snapshot is None:
            return QCoreApplication.translate("StatusWatch", "Lähtevät: avataan…")
        return outbox_messages.outbox_count(self.undelivered, self.attention)

    @property
    def tooltip(self) -> str:
        title = QCoreApplication.translate("StatusWatch", "Päivystys")
        if self._training:
            title += " – " + QCoreApplication.translate("StatusWatch", "HARJOITTELU")
        lines = [title]
        if self._duty is not None:
            lines.append(status_text(self._duty))
        lines.append(self._vpn_text)
        lines.append(self.outbox_text())
        return "\n".join(lines)

    # -- what it hears --------------------------------------------------------------------

    def on_duty(self, status: DutyStatus) -> None:
        self._duty = status
        self.changed.emit()

    def on_reachability(self, code: str, value: str) -> None:
        state = Reachability(value)
        was_down = self.vpn_down
        self._states[code] = state
        if state in DOWN and self._waits_in(code):
            self._now_waiting(code)
        text = outbox_messages.connectivity_summary(self._states)
        changed_text = text != self._vpn_text
        self._vpn_text = text
        if self.vpn_down != was_down and changed_text:
            self.announce.emit(text)
        self.changed.emit()

    def on_snapshot(self, snapshot: OutboxSnapshot) -> None:
        self._snapshot = snapshot
        self._unavailable = False
        for code, count in sorted(snapshot.counts.per_municipality.items()):
            if count and self._states.get(code) in DOWN:
                self._now_waiting(code)
        self._tell_delivered(snapshot)
        self._tell_attention()
        for code in list(self._waiting_in):
            if not snapshot.counts.per_municipality.get(code):
                self._waiting_in.discard(code)
        self.changed.emit()

    def on_delivery(self, event: DeliveryEvent) -> None:
        if event.kind is ItemKind.ACCESS:
            return  # the registrar's record, not the worker's work
        code = event.municipality
        if event.outcome is Outcome.RETRY:
            self._retried.add(event.key)
            self._now_waiting(code)
        elif event.outcome is Outcome.DELIVERED:
            if event.key in self._retried or code in self._waiting_in:
                self._delivered[code] += 1
            self._retried.discard(event.key)
        else:
            self._retried.discard(event.key)
            self._attention[code] += 1

    def on_outbox_failed(self, _error: object) -> None:
        self._unavailable = True
        text = QCoreApplication.translate(
            "StatusWatch", "Lähtevät eivät ole käytössä: kirjauksia ei voi tallentaa."
        )
        self.notify.emit(QCoreApplication.translate("StatusWatch", "Päivystys"), text, True)
        self.announce.emit(text)
        self.changed.emit()

    # -- helpers --------------------------------------------------------------------------

    def _now_waiting(self, code: str) -> None:
        """Items wait for ``code``'s system: said once, until they have left."""
        if code in self._waiting_in:
            return
        self._waiting_in.add(code)
        self.announce.emit(
            QCoreApplication.translate("StatusWatch", "Odottaa lähtevissä: {place}").format(
                place=self._names.get(code, code)
            )
        )

    def _waits_in(self, code: str) -> bool:
        snapshot = self._snapshot
        return snapshot is not None and bool(snapshot.counts.per_municipality.get(code))

    def _places(self, counts: Counter[str]) -> str:
        return ", ".join(
            f"{self._names.get(code, code)} ({number_text(count)})"
            for code, count in sorted(counts.items())
        )

    def _tell_delivered(self, snapshot: OutboxSnapshot) -> None:
        if not self._delivered:
            return
        places = self._places(self._delivered)
        self._delivered.clear()
        text = QCoreApplication.translate(
            "StatusWatch", "Odottaneet kirjaukset toimitettu: {places}."
        ).format(places=places)
        left = snapshot.undelivered
        if left:
            text += " " + QCoreApplication.translate(
                "StatusWatch", "Lähtevissä vielä {count}."
            ).format(count=number_text(left))
        self.notify.emit(
            QCoreApplication.translate("StatusWatch", "Päivystys: toimitettu"), text, False
        )
        self.announce.emit(text)

    def _tell_attention(self) -> None:
        if not self._attention:
            return
        places = self._places(self._attention)
        self._attention.clear()
        text = QCoreApplication.translate(
            "StatusWatch", "Vaatii toimia: {places}. Avaa lähtevät (Ctrl+L)."
        ).format(places=places)
        self.notify.emit(
            QCoreApplication.translate("StatusWatch", "Päivystys: vaatii toimia"), text, True
        )
        self.announce.emit(text)


def watch_window(window: MainWindow) -> StatusWatch:
    """A watch on ``window``'s signals, the ones its status bar follows."""
    context = window.context
    watch = StatusWatch(context.policy, window, training=context.training is not None)
    watch.setObjectName("statusWatch")
    if window.duty.status is not None:
        watch.on_duty(window.duty.status)
    for code, state in window.connectivity.states().items():
        watch.on_reachability(code, state.value)
    if window.outbox.snapshot is not None:
        watch.on_snapshot(window.outbox.snapshot)
    window.duty.status_changed.connect(watch.on_duty)
    window.connectivity.reachability_changed.connect(watch.on_reachability)
    window.outbox.snapshot_changed.connect(watch.on_snapshot)
    window.outbox.delivery_reported.connect(watch.on_delivery)
    window.outbox.open_failed.connect(watch.on_outbox_failed)
    return watch
