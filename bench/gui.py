"""Measurement 3: the GUI event loop's largest stall, driving the real main window.

A ``QTimer`` (precise, every 5 ms) on the GUI thread notes the time of each
tick; a stall is the gap between two ticks (5 ms when nothing blocks). The
window is the app's own :class:`~app.ui.main_window.MainWindow` on an
``AppContext`` built by the entry point's ``training_context``, with its
own connectivity monitor, outbox and background sender. The bench acts as the
worker (selects municipalities, types an identity code and presses Enter) and
as the network (a system that hangs; a training system taken off the network
and back through the training server's control URL, from a thread of its own).

Scenarios:

a. a system hangs: its endpoint accepts connections and never answers;
b. the VPN drops: a system goes offline while lookups run back to back, and
   comes back;
c. 1,000 items flush: they wait in the window's outbox while the system is
   offline; it comes back and the window's own sender delivers them.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from PySide6.QtCore import QEventLoop, QObject, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.domain.hetu import Hetu
from app.domain.policy import Policy
from app.services.connectivity import Reachability
from app.services.outbox.delivery import DeliveryEvent, Outcome
from app.services.workstation import Workstation
from app.training.data import clients_for
from app.ui.main_window import MainWindow
from app.wiring import training_context
from bench.common import (
    NS_PER_MS,
    Result,
    Section,
    duty_entry,
    ms,
    outgoing,
    percentile,
    progress,
    verdict,
)
from bench.training import CREDENTIALS, TrainingProcess
from tests.fakes import hanging_server

STALL_TARGET_MS = 50.0
TICK_MS = 5
SETTLE_SECONDS = 1.0
HANG_READ_TIMEOUT = 3.0
IDLE_SECONDS = 3.0
WORKER = "Päivystäjä Benchmark"
DOWN = frozenset({Reachability.VPN_DOWN, Reachability.NO_NETWORK, Reachability.SERVICE_DOWN})


# -- the meter and the event loop ------------------------------------------------


@dataclass(frozen=True)
class Stalls:
    worst_ns: int
    worst_at: float  # seconds after the meter started
    p99_ns: int
    ticks: int
    seconds: float


class StallMeter(QObject):
    """Gaps between the ticks of a precise 5 ms timer on the GUI thread."""

    def __init__(self) -> None:
        super().__init__()
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)
        self._gaps: list[int] = []
        self._times: list[int] = []
        self._started = 0
        self._last = 0

    def start(self) -> None:
        self._gaps = []
        self._times = []
        self._started = self._last = time.perf_counter_ns()
        self._timer.start()

    def elapsed(self) -> float:
        return (time.perf_counter_ns() - self._started) / 1e9

    def _tick(self) -> None:
        now = time.perf_counter_ns()
        self._gaps.append(now - self._last)
        self._times.append(now)
        self._last = now

    def stop(self) -> Stalls:
        self._timer.stop()
        # The gap up to now counts too: a stall at the very end is a stall.
        self._tick()
        worst = max(range(len(self._gaps)), key=self._gaps.__getitem__)
        return Stalls(
            worst_ns=self._gaps[worst],
            worst_at=(self._times[worst] - self._started) / 1e9,
            p99_ns=percentile(self._gaps, 0.99),
            ticks=len(self._gaps),
            seconds=(self._last - self._started) / 1e9,
        )


def pump(seconds: float) -> None:
    """Run the event loop for ``seconds``."""
    loop = QEventLoop()
    QTimer.singleShot(max(0, round(seconds * 1000)), loop.quit)
    loop.exec()


def wait_until(condition: Callable[[], bool], timeout: float) -> bool:
    """Run the event loop until ``condition()`` holds (checked every 10 ms) or time runs out."""
    deadline = time.monotonic() + timeout
    loop = QEventLoop()
    poll = QTimer()
    poll.setInterval(10)

    def check() -> None:
        if condition() or time.monotonic() >= deadline:
            loop.quit()

    poll.timeout.connect(check)
    poll.start()
    if not condition():
        loop.exec()
    poll.stop()
    return condition()


def in_thread(work: Callable[[], object]) -> threading.Thread:
    """Run ``work`` off the GUI thread, as the network (not the app) would act."""
    thread = threading.Thread(target=work, name="bench-network", daemon=True)
    thread.start()
    return thread


# -- the window ------------------------------------------------------------------


@contextmanager
def main_window(server: TrainingProcess, policy: Policy, settings: Path) -> Iterator[MainWindow]:
    """The window on ``server``'s systems, shown, its outbox open and its first probes
    answered; its context built by ``app.main.training_context``, as the app builds it."""
    with training_context(
        server.url, policy=policy, settings_path=settings, worker_name=WORKER
    ) as context:
        window = MainWindow(context, initial_settings=context.settings.load())
        window.show()
        try:
            QTest.qWaitForWindowExposed(window)
            if not wait_until(lambda: window.outbox.available, 30):
                raise RuntimeError(f"the window's outbox did not open: {window.outbox.failure!r}")
            pump(SETTLE_SECONDS)
            yield window
        finally:
            window.close()


def search(window: MainWindow, code: str, hetu: Hetu) -> None:
    """Select ``code`` (if not current), type the code into the field and press Enter."""
    if window.switcher.current_code() != code:
        window.switcher.select(code)
    field = window.desk.search.field
    field.setText(hetu.value)
    QTest.keyClick(field, Qt.Key.Key_Return)


class Lookups:
    """Counts the desk's finished lookups; optionally starts the next one each time."""

    def __init__(self, window: MainWindow, code: str, hetus: list[Hetu]) -> None:
        self.window = window
        self.code = code
        self.hetus = hetus
        self.finished = 0
        self.looping = False
        window.desk.lookup_finished.connect(self._finished)

    def start(self) -> None:
        search(self.window, self.code, self.hetus[self.finished % len(self.hetus)])

    def _finished(self, _code: str) -> None:
        self.finished += 1
        if self.looping:
            QTimer.singleShot(50, self._next)

    def _next(self) -> None:
        if self.looping:
            self.start()


def hetus_of(policy: Policy, code: str) -> list[Hetu]:
    municipality = policy.municipality(code)
    return [client.hetu for client in clients_for(code, municipality.name_fi)]


# -- the scenarios ------------------------------------------------------------


@dataclass
class Scenario:
    key: str
    name: str
    stalls: Stalls | None = None
    notes: list[str] = field(default_factory=list)


def idle_window(server: TrainingProcess, directory: Path, seconds: float) -> Scenario:
    """(0) The window open and idle: the noise floor of this machine and Qt."""
    scenario = Scenario("3-idle", "the window is idle (context)")
    policy = server.training_policy
    with main_window(server, policy, directory / "idle-settings.json"):
        meter = StallMeter()
        meter.start()
        pump(seconds)
        scenario.stalls = meter.stop()
    return scenario


def hung_system(server: TrainingProcess, directory: Path, hung: str, good: str) -> Scenario:
    """(a) The worker looks a client up in a system that accepts and never answers."""
    scenario = Scenario("3a", "a system hangs")
    base = server.training_policy
    with hanging_server() as url:
        municipalities = tuple(
            replace(m, system=replace(m.system, endpoint=url, read_timeout=HANG_READ_TIMEOUT))
            if m.code == hung
            else m
            for m in base.municipalities
        )
        policy = replace(base, municipalities=municipalities)
        with main_window(server, policy, directory / "a-settings.json") as window:
            lookups = Lookups(window, hung, hetus_of(policy, hung))
            meter = StallMeter()
            meter.start()
            search(window, hung, lookups.hetus[0])  # hangs until the read timeout
            pump(1.0)
            search(window, good, hetus_of(policy, good)[0])  # the worker tries elsewhere
            wait_until(lambda: lookups.finished >= 1, 10)
            pump(0.5)
            search(window, hung, lookups.hetus[1])  # and back: hangs again
            finished = wait_until(lambda: lookups.finished >= 2, 3 * HANG_READ_TIMEOUT + 5)
            pump(0.5)
            scenario.stalls = meter.stop()
            state = window.connectivity.state(hung)
            scenario.notes.append(
                f"lookups finished: {lookups.finished} (the hung one ended by the "
                f"{HANG_READ_TIMEOUT:g} s read timeout: {finished}); monitor's state of the "
                f"hung system: {state.value}"
            )
    return scenario


def vpn_drop(server: TrainingProcess, directory: Path, code: str) -> Scenario:
    """(b) Lookups run back to back; the system goes offline and comes back."""
    scenario = Scenario("3b", "the VPN drops (system offline, then back)")
    policy = server.training_policy
    with main_window(server, policy, directory / "b-settings.json") as window:
        lookups = Lookups(window, code, hetus_of(policy, code))
        meter = StallMeter()
        meter.start()
        lookups.looping = True
        lookups.start()
        pump(1.0)
        cut = meter.elapsed()
        in_thread(lambda: server.set_online(code, False))
        noticed = wait_until(lambda: window.connectivity.state(code) in DOWN, 15)
        down_after = meter.elapsed() - cut
        pump(max(0.0, 2.5 - (meter.elapsed() - cut)))
        during = lookups.finished
        back = meter.elapsed()
        in_thread(lambda: server.set_online(code, True))
        returned = wait_until(lambda: window.connectivity.state(code) is Reachability.ONLINE, 15)
        up_after = meter.elapsed() - back
        pump(1.0)
        lookups.looping = False
        scenario.stalls = meter.stop()
        wait_until(lambda: window.runner.pending == 0, 10)
        scenario.notes.append(
            f"{lookups.finished} lookups finished ({during} by the time the system came back); "
            f"the monitor saw the outage after {down_after:.2f} s ({noticed}) and the return "
            f"after {up_after:.2f} s ({returned})"
        )
    return scenario


def flush_backlog(server: TrainingProcess, directory: Path, code: str, count: int) -> Scenario:
    """(c) ``count`` items wait while the system is offline; it returns and they flush."""
    scenario = Scenario("3c", f"{count:,} items flush through the background sender")
    policy = server.training_policy
    with main_window(server, policy, directory / "c-settings.json") as window:
        sending = window.outbox.sending
        assert sending is not None
        workstation = Workstation(policy, lambda _m: CREDENTIALS)
        refs = [workstation.connector(code).find_client(hetu) for hetu in hetus_of(policy, code)]
        workstation.close()
        clients = [(ref.hetu, ref.system_id) for ref in refs if ref is not None]
        delivered: list[float] = []
        meter = StallMeter()

        def on_delivery(event: DeliveryEvent) -> None:
            if event.outcome is Outcome.DELIVERED:
                delivered.append(meter.elapsed())

        window.outbox.delivery_reported.connect(on_delivery)
        offline = in_thread(lambda: server.set_online(code, False))
        while offline.is_alive():
            pump(0.05)
        window.connectivity.probe_now(code)  # F5: "Tarkista yhteydet nyt"
        wait_until(lambda: window.connectivity.state(code) in DOWN, 15)
        for index in range(count):
            hetu, system_id = clients[index % len(clients)]
            sending.outbox.put(outgoing(code, duty_entry(index, hetu, system_id)), sending.clock())
        pump(SETTLE_SECONDS)
        waiting_before = delivered.copy()
        meter.start()
        in_thread(lambda: server.set_online(code, True))
        done = wait_until(lambda: len(delivered) - len(waiting_before) >= count, 120)
        pump(0.3)
        scenario.stalls = meter.stop()
        wait_until(lambda: window.runner.pending == 0, 10)
        times = delivered[len(waiting_before) :]
        if times:
            span = times[-1] - times[0]
            rate = f"{(len(times) - 1) / span:.0f} items/s" if span > 0 else "n/a"
            scenario.notes.append(
                f"{len(times)} of {count} delivered (all: {done}); first delivery "
                f"{times[0]:.2f} s after the system came back, last {times[-1]:.2f} s "
                f"({rate} while flushing)"
            )
        else:
            scenario.notes.append(f"nothing of {count} was delivered within 120 s")
    return scenario


def measure_gui(server: TrainingProcess, directory: Path, count: int) -> Section:
    """Measurement 3: all three scenarios, each on a fresh window."""
    # Kept referenced for the whole measurement: the windows need it alive.
    application = QApplication.instance() or QApplication(["bench"])
    policy = server.training_policy
    codes = [m.code for m in policy.municipalities]
    good = next(m.code for m in policy.municipalities if m.system.type == "proconsona")
    hung = next(c for c in codes if c != good)
    progress("3. GUI stall: the idle window first (the noise floor)")
    scenarios = [idle_window(server, directory, IDLE_SECONDS)]
    progress(f"3a. GUI stall: {hung} hangs ({HANG_READ_TIMEOUT:g} s read timeout)")
    scenarios.append(hung_system(server, directory, hung, good))
    progress(f"3b. GUI stall: {good} goes offline during lookups, then comes back")
    scenarios.append(vpn_drop(server, directory, good))
    progress(f"3c. GUI stall: {count} items flush to {good} through the window's sender")
    scenarios.append(flush_backlog(server, directory, good, count))
    section = Section(
        title="3. Largest GUI event-loop stall",
        method=[
            "QApplication on the offscreen platform; the app's own `MainWindow` (its "
            "connectivity monitor, outbox and background sender included) on an `AppContext` "
            "built by `app.main.training_context`, as the app builds it in training mode "
            "(population register included), against the training systems of measurement 2's "
            "child process. A fresh window per scenario, shown, its outbox open and "
            f"{SETTLE_SECONDS:g} s settled before the meter starts.",
            f"Meter: a precise `QTimer` every {TICK_MS} ms on the GUI thread; a stall is the "
            f"largest gap between two ticks (about {TICK_MS} ms when nothing blocks, so the "
            f"figure includes one period). First {IDLE_SECONDS:g} s of an idle window: the "
            "noise floor of the machine and Qt, for comparison.",
            f"(a) {hung}'s endpoint is a socket that accepts and never answers (read timeout "
            f"{HANG_READ_TIMEOUT:g} s instead of 10 s, to keep the run short). The worker selects "
            f"{hung} and looks a client up; after 1 s switches to {good} and looks one up there; "
            f"then back to {hung} and looks up again until the timeout ends it. The monitor "
            "probes the hung system meanwhile.",
            f"(b) lookups in {good} back to back (50 ms apart); after 1 s the system goes off "
            "the network (`POST <control>/<code>/offline`: `TrainingServer.set_online(code, "
            "False)` in the child), about 2.5 s later back online; the window's monitor notices "
            "both. The control calls run on a thread of their own (the network, not the app).",
            f"(c) with the system offline and known unreachable, {count:,} items are put into the "
            "window's own outbox (untimed); the meter starts, the system comes back; the "
            "window's monitor notices, nudges its sender, and the sender delivers every item "
            "while each delivery is reported to the window (counts refreshed, as the app does).",
        ],
        table_header=("scenario", "largest gap", "at", "p99 gap", "ticks", "seconds"),
    )
    for scenario in scenarios:
        stalls = scenario.stalls
        assert stalls is not None
        worst_ms = stalls.worst_ns / NS_PER_MS
        label = scenario.key.removeprefix("3")
        section.table.append(
            (
                f"({label.lstrip('-')}) {scenario.name}",
                ms(stalls.worst_ns),
                f"{stalls.worst_at:.2f} s",
                ms(stalls.p99_ns),
                str(stalls.ticks),
                f"{stalls.seconds:.1f}",
            )
        )
        if scenario.key == "3-idle":
            section.results.append(
                Result("3", "Largest gap with the window idle (noise floor)", ms(stalls.worst_ns))
            )
            continue
        section.results.append(
            Result(
                scenario.key,
                f"Largest GUI stall while {scenario.name}",
                ms(stalls.worst_ns),
                f"≤ {STALL_TARGET_MS:g} ms",
                verdict(worst_ms <= STALL_TARGET_MS),
            )
        )
        section.notes += [f"({label}) {note}" for note in scenario.notes]
    application.processEvents()  # windows closed above are deleted before returning
    return section
