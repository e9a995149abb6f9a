"""Reachability of each municipality's system, on the GUI thread.

Wraps :class:`app.services.connectivity.ConnectivityMonitor` (which probes on
threads of its own) and feeds it the platform's network reachability from
``QNetworkInformation`` when a backend is available; offscreen and on some
machines there is none, and the probes alone decide.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtNetwork import QNetworkInformation

from app.domain.policy import Policy
from app.services.connectivity import ConnectivityMonitor, Reachability, VpnResult, open_vpn
from app.services.workstation import Workstation
from app.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

# Known unreachable: the sender does not even try these until a probe answers.
UNREACHABLE = frozenset({Reachability.VPN_DOWN, Reachability.NO_NETWORK})


class ConnectivityController(QObject):
    """Probes every municipality's system while the window is open.

    Signals:
        reachability_changed(str, str): a municipality's system changed state
            (code, :class:`Reachability` value); on the GUI thread.
        came_online(str): a municipality's system became reachable (code).
        vpn_opened(object): the policy's VPN command ran (a VpnResult).
    """

    reachability_changed = Signal(str, str)
    came_online = Signal(str)
    vpn_opened = Signal(object)
    # Emitted on the monitor's threads; queued to the GUI thread.
    _changed = Signal(str, str)

    def __init__(
        self,
        policy: Policy,
        workstation: Workstation,
        runner: TaskRunner,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._policy = policy
        self._runner = runner
        self._network: QNetworkInformation | None = None
        self._states = {m.code: Reachability.UNKNOWN for m in policy.municipalities}

        def probe(code: str) -> None:
            workstation.probe(code)

        self.monitor = ConnectivityMonitor(policy, probe, self._report)
        self._changed.connect(self._on_changed, Qt.ConnectionType.QueuedConnection)
        self._started = False

    def _report(self, code: str, state: Reachability) -> None:
        try:
            self._changed.emit(code, state.value)
        except RuntimeError:  # the window is gone
            log.info("reachability change after the window closed")

    def start(self) -> None:
        if self._started:
            return
        self._started = True
        self.monitor.start()
        self._watch_network()

    def _watch_network(self) -> None:
        try:
            loaded = QNetworkInformation.loadDefaultBackend()
        except Exception:  # a broken platform plugin must not stop the window
            log.exception("network information backend failed to load")
            loaded = False
        network = QNetworkInformation.instance() if loaded else None
        if network is None:
            log.info("no network information backend: probes alone decide")
            return
        self._network = network
        network.reachabilityChanged.connect(self.on_network_reachability)
        self.on_network_reachability(network.reachability())

    def on_network_reachability(self, reachability: QNetworkInformation.Reachability) -> None:
        """What the platform says about the network (QNetworkInformation's signal)."""
        if reachability is QNetworkInformation.Reachability.Unknown:
            return
        available = reachability is not QNetworkInformation.Reachability.Disconnected
        # The monitor asks no system on this call; it wakes the probe threads.
        self.monitor.set_network_available(available)

    def state(self, code: str) -> Reachability:
        """The last state reported to the GUI thread."""
        return self._states[code]

    def states(self) -> dict[str, Reachability]:
        return dict(self._states)

    def known_unreachable(self, code: str) -> bool:
        """Thread-safe: for the sender, which runs on threads of its own."""
        return self.monitor.state(code) in UNREACHABLE

    def probe_now(self, code: str | None = None) -> None:
        self.monitor.probe_now(code)

    def _on_changed(self, code: str, value: str) -> None:
        state = Reachability(value)
        previous = self._states.get(code)
        self._states[code] = state
        self.reachability_changed.emit(code, value)
        if state is Reachability.ONLINE and previous is not Reachability.ONLINE:
            self.came_online.emit(code)

    @property
    def vpn_command_configured(self) -> bool:
        return bool(self._policy.vpn.connect_command)

    def open_vpn(self) -> None:
        """Run the policy's VPN command in the background, then probe every system."""
        policy = self._policy
        self._runner.run(lambda: open_vpn(policy), self._vpn_done, self._vpn_failed)

    def _vpn_done(self, result: VpnResult) -> None:
        self.monitor.probe_now()
        self.vpn_opened.emit(result)

    def _vpn_failed(self, error: Exception) -> None:
        log.error("VPN command failed unexpectedly: %s", type(error).__name__)
        self._vpn_done(VpnResult(False, None, type(error).__name__))

    def shutdown(self) -> None:
        """Stop probing; bounded by the monitor's stop timeout."""
        if self._network is not None:
            self._network.reachabilityChanged.disconnect(self.on_network_reachability)
            self._network = None
        if self._started:
            self.monitor.stop()
