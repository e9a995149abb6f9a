"""Whether each municipality's system can be reached, and why not: plain Python, no Qt.

:class:`ConnectivityMonitor` probes every system of the policy from threads of
its own and classifies the result as a :class:`Reachability`:

- a probe that answers → ``ONLINE``;
- ``Unreachable`` → ``NO_NETWORK`` while the platform says the network is
  gone (``set_network_available(False)``); otherwise ``VPN_DOWN`` when the
  policy's VPN check host does not answer either, or when there is no check
  host to tell; ``SERVICE_DOWN`` when the check host answers (the VPN is up,
  the system is not);
- ``TimedOut``, ``ServerFault`` and anything else → ``SERVICE_DOWN``: the
  path works, the system does not;
- ``AuthenticationFailed`` → ``ONLINE``. The probe needs no credentials, so a
  system that refuses them has answered; deliveries to it must be tried so
  that the worker is asked to log in again (``Remedy.REAUTHENTICATE``), which
  waiting for connectivity would never fix. ``detail(code)`` reports it.

Scheduling (the fields of :class:`Timing`): every ``online_interval`` (30 s)
while ``ONLINE``; otherwise with exponential backoff from ``first_retry``
(1 s), doubled after each failure and reset by each change of state. For the
first ``recent_window`` (60 s) of an outage the backoff stays at most
``recent_cap`` (1.5 s), so a system that comes back after a short drop is
noticed within ~2 s and deliveries start; after that it grows to
``max_backoff`` (60 s). ``probe_now()`` covers the rest: the caller wakes the
probes after a failed delivery, after opening the VPN and on network events,
so a long outage does not delay recovery either.

Each system has its own thread because a probe may block for the system's
connect timeout: one system behind a dead route must not delay noticing
another. ``on_change(code, state)`` is called once per change, on those
threads or in ``set_network_available`` (the Qt layer forwards it to the GUI
thread with a signal).
"""

from __future__ import annotations

import logging
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from app.connectors import errors
from app.domain.policy import Policy, split_host_port

log = logging.getLogger(__name__)

FIRST_RETRY = 1.0
RECENT_CAP = 1.5
RECENT_WINDOW = 60.0
MAX_BACKOFF = 60.0
ONLINE_INTERVAL = 30.0
# Back-to-back probe_now() calls (a burst of failed deliveries) probe at most this often.
MIN_GAP = 0.2
# One VPN check answers for every system's thread for this long.
VPN_CHECK_TTL = 1.0
STOP_JOIN_SECONDS = 5.0
VPN_COMMAND_TIMEOUT = 60.0
MAX_MESSAGE = 200


class Reachability(StrEnum):
    UNKNOWN = "unknown"
    NO_NETWORK = "no_network"
    VPN_DOWN = "vpn_down"
    SERVICE_DOWN = "service_down"
    ONLINE = "online"


def classify(
    error: Exception | None, *, network_available: bool, vpn_up: Callable[[], bool | None]
) -> Reachability:
    """The state a probe's outcome means. ``vpn_up`` is asked only when it matters."""
    if error is None or isinstance(error, errors.AuthenticationFailed):
        return Reachability.ONLINE
    if not isinstance(error, errors.Unreachable):
        return Reachability.SERVICE_DOWN
    if not network_available:
        return Reachability.NO_NETWORK
    return Reachability.SERVICE_DOWN if vpn_up() else Reachability.VPN_DOWN


def tcp_check(host: str, port: int, timeout: float) -> bool:
    """Whether ``host:port`` accepts a TCP connection within ``timeout`` seconds.

    A host name is resolved first, which the timeout does not bound: an IP
    address in ``vpn.check_host`` avoids waiting on a resolver behind the VPN.
    """
    try:
        socket.create_connection((host, port), timeout=timeout).close()
    except OSError:
        return False
    return True


@dataclass(frozen=True)
class Timing:
    """When to probe (seconds); see the module's description."""

    first_retry: float = FIRST_RETRY
    recent_cap: float = RECENT_CAP
    recent_window: float = RECENT_WINDOW
    max_backoff: float = MAX_BACKOFF
    online_interval: float = ONLINE_INTERVAL


@dataclass
class _Schedule:
    state: Reachability = Reachability.UNKNOWN
    due: float = 0.0
    backoff: float = FIRST_RETRY
    down_since: float | None = None
    last_probe: float | None = None
    forced: bool = False
    detail: str | None = None


class ConnectivityMonitor:
    """Probes each municipality's system and reports changes of its reachability."""

    def __init__(
        self,
        policy: Policy,
        probe: Callable[[str], None],
        on_change: Callable[[str, Reachability], None],
        *,
        vpn_check: Callable[[], bool] | None = None,
        clock: Callable[[], float] = time.monotonic,
        timing: Timing = Timing(),
    ) -> None:
        self._probe = probe
        self._on_change = on_change
        self._clock = clock
        self._timing = timing
        self._vpn_check = vpn_check or _policy_vpn_check(policy)
        self._vpn_cache: tuple[float, bool] | None = None
        self._vpn_lock = threading.Lock()
        self._lock = threading.Lock()
        codes = [municipality.code for municipality in policy.municipalities]
        self._schedules = {code: _Schedule(backoff=timing.first_retry) for code in codes}
        # Held while a code's state changes and its on_change runs, so that the
        # callbacks of one code come in the order of its changes. Re-entrant: a
        # callback may call back into the monitor.
        self._notify_locks = {code: threading.RLock() for code in codes}
        self._wakes = {code: threading.Event() for code in codes}
        self._network_available = True
        self._stopping = threading.Event()
        self._threads: list[threading.Thread] = []

    # -- what the rest of the app asks --------------------------------------

    def state(self, code: str) -> Reachability:
        with self._lock:
            return self._schedules[code].state

    def states(self) -> dict[str, Reachability]:
        with self._lock:
            return {code: schedule.state for code, schedule in self._schedules.items()}

    def detail(self, code: str) -> str | None:
        """The last probe's problem (error kind and call, never client data), if any."""
        with self._lock:
            return self._schedules[code].detail

    def probe_now(self, code: str | None = None) -> None:
        """Probe one system (or all) at once, e.g. after a failed delivery."""
        now = self._clock()
        with self._lock:
            for target in [code] if code is not None else list(self._schedules):
                schedule = self._schedules[target]
                schedule.forced = True
                schedule.due = min(schedule.due, now)
        for target in [code] if code is not None else list(self._wakes):
            self._wakes[target].set()

    def set_network_available(self, available: bool) -> None:
        """What the platform says (QNetworkInformation). Either way, everyone is probed now.

        Losing the network marks every system ``NO_NETWORK`` at once, before any
        connect timeout; a probe that still succeeds (the platform's view can be
        wrong, e.g. about a VPN's own interface) makes that system ``ONLINE`` again.
        """
        with self._lock:
            changed = self._network_available != available
            self._network_available = available
            self._vpn_cache = None
        if changed and not available:
            for code in self._schedules:
                self._transition(code, Reachability.NO_NETWORK, "the network is down")
        self.probe_now()

    # -- lifecycle --------------------------------------------------------

    def start(self) -> None:
        for code in self._schedules:
            thread = threading.Thread(
                target=self._run, args=(code,), name=f"connectivity-{code}", daemon=True
            )
            self._threads.append(thread)
            thread.start()

    def stop(self) -> None:
        """Stop probing. A probe under way ends within its connector's timeouts."""
        self._stopping.set()
        for wake in self._wakes.values():
            wake.set()
        deadline = time.monotonic() + STOP_JOIN_SECONDS
        for thread in self._threads:
            thread.join(max(0.0, deadline - time.monotonic()))
        self._threads = [thread for thread in self._threads if thread.is_alive()]

    def __enter__(self) -> ConnectivityMonitor:
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    # -- probing ------------------------------------------------------------

    def step(self, code: str) -> float:
        """Probe ``code`` if it is due; the seconds until it is due (next).

        The threads call this in a loop; with an injected clock a test drives
        it directly, without threads.
        """
        now = self._clock()
        with self._lock:
            schedule = self._schedules[code]
            if schedule.due > now:
                return schedule.due - now
            if schedule.last_probe is not None and now - schedule.last_probe < MIN_GAP:
                return schedule.last_probe + MIN_GAP - now
            schedule.forced = False
            schedule.last_probe = now
        error: Exception | None = None
        try:
            self._probe(code)
        except Exception as failure:  # any failure is a classification, not a crash
            error = failure
        with self._lock:
            network_available = self._network_available
        state = classify(error, network_available=network_available, vpn_up=self._vpn_up)
        self._transition(code, state, _describe(error))
        return self._reschedule(code)

    def _run(self, code: str) -> None:
        wake = self._wakes[code]
        while not self._stopping.is_set():
            try:
                delay = self.step(code)
            except Exception:
                # on_change or the clock failed: keep monitoring, but not in a hot loop.
                log.exception("connectivity probe of %s failed", code)
                delay = self._timing.first_retry
            if delay > 0:
                wake.wait(delay)
                wake.clear()

    def _transition(self, code: str, state: Reachability, detail: str | None) -> bool:
        with self._notify_locks[code]:
            with self._lock:
                schedule = self._schedules[code]
                schedule.detail = detail
                if schedule.state == state:
                    return False
                schedule.state = state
                now = self._clock()
                if state is Reachability.ONLINE:
                    schedule.down_since = None
                elif schedule.down_since is None:
                    schedule.down_since = now
                schedule.backoff = self._timing.first_retry
            self._on_change(code, state)
            return True

    def _reschedule(self, code: str) -> float:
        now = self._clock()
        with self._lock:
            schedule = self._schedules[code]
            if schedule.state is Reachability.ONLINE:
                interval = self._timing.online_interval
            else:
                # A change of state has just reset the backoff to first_retry.
                interval = schedule.backoff
                down_since = schedule.down_since if schedule.down_since is not None else now
                recent = now - down_since < self._timing.recent_window
                cap = self._timing.recent_cap if recent else self._timing.max_backoff
                schedule.backoff = min(interval * 2, cap)
            # A probe_now() that came during this probe asked about the present state.
            schedule.due = now if schedule.forced else now + interval
            return schedule.due - now

    def _vpn_up(self) -> bool | None:
        """The VPN check's answer (None without one), shared by all threads briefly."""
        if self._vpn_check is None:
            return None
        with self._vpn_lock:
            now = self._clock()
            with self._lock:
                cached = self._vpn_cache
            if cached is not None and now - cached[0] < VPN_CHECK_TTL:
                return cached[1]
            try:
                up = bool(self._vpn_check())
            except Exception:  # a broken check says nothing about the VPN
                log.exception("VPN check failed")
                return None
            with self._lock:
                self._vpn_cache = (self._clock(), up)
            return up


def _policy_vpn_check(policy: Policy) -> Callable[[], bool] | None:
    if policy.vpn.check_host is None:
        return None
    host, port = split_host_port(policy.vpn.check_host)
    timeout = policy.vpn.check_timeout

    def check() -> bool:
        return tcp_check(host, port, timeout)

    return check


def _describe(error: Exception | None) -> str | None:
    if error is None:
        return None
    if isinstance(error, errors.ConnectorError):
        # Connector details name the call and status only, never a client.
        return f"{type(error).__name__}: {error.detail}"[:MAX_MESSAGE]
    return type(error).__name__


@dataclass(frozen=True)
class VpnResult:
    """What running the policy's VPN command did. ``message`` is short and for people."""

    ok: bool
    exit_code: int | None
    message: str


def open_vpn(policy: Policy, timeout: float = VPN_COMMAND_TIMEOUT) -> VpnResult:
    """Run the policy's ``vpn.connect_command`` (no shell) and say how it went.

    The message names the program and the exit code, plus the last line the
    program printed (trimmed); never the arguments, which may name accounts.
    Call ``ConnectivityMonitor.probe_now()`` afterwards.
    """
    command = policy.vpn.connect_command
    if not command:
        return VpnResult(False, None, "No VPN command is configured in the policy (vpn).")
    program = command[0]
    try:
        done = subprocess.run(  # noqa: S603 - argv from the machine policy, no shell
            list(command),
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=timeout,
            check=False,
            # No console window flashing up on Windows.
            creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
        )
    except FileNotFoundError:
        return VpnResult(
            False, None, f"VPN command {program!r} not found: check vpn.connect_command."
        )
    except PermissionError:
        return VpnResult(False, None, f"VPN command {program!r} cannot be run (permission).")
    except subprocess.TimeoutExpired:
        return VpnResult(False, None, f"VPN command {program!r} did not finish in {timeout:g} s.")
    except OSError as error:
        return VpnResult(
            False, None, f"VPN command {program!r} failed to start ({error.strerror})."
        )
    said = _last_line(done.stderr) or _last_line(done.stdout)
    outcome = "opened the VPN" if done.returncode == 0 else f"failed (exit {done.returncode})"
    message = f"VPN command {program!r} {outcome}" + (f": {said}" if said else ".")
    return VpnResult(done.returncode == 0, done.returncode, message[:MAX_MESSAGE])


def _last_line(output: bytes) -> str:
    encoding = "oem" if sys.platform == "win32" else "utf-8"
    try:
        text = output.decode(encoding, errors="replace")
    except LookupError:
        text = output.decode("utf-8", errors="replace")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[-1][:MAX_MESSAGE] if lines else ""
