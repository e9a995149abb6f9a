"""The connectivity model: outages of the real training systems, classified and timed."""

from __future__ import annotations

import socket
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

import pytest

from app.connectors import errors
from app.connectors.base import ClientSystem, Credentials
from app.connectors.registry import create_connector
from app.domain.policy import Policy, VpnConfig
from app.domain.schema import dump
from app.services.connectivity import (
    ConnectivityMonitor,
    Reachability,
    Timing,
    classify,
    open_vpn,
)
from app.services.policy.load import PolicyError, policy_from_data
from app.training.server import TRAINING_PASSWORD, TRAINING_USERNAME, TrainingServer

GOOD = Credentials(TRAINING_USERNAME, TRAINING_PASSWORD)
R = Reachability


class Recorder:
    """The on_change callback: every change, in order, and a way to wait for one."""

    def __init__(self) -> None:
        self.changes: list[tuple[str, Reachability]] = []
        self._changed = threading.Condition()

    def __call__(self, code: str, state: Reachability) -> None:
        with self._changed:
            self.changes.append((code, state))
            self._changed.notify_all()

    def of(self, code: str) -> list[Reachability]:
        with self._changed:
            return [state for changed, state in self.changes if changed == code]

    def wait_for(self, code: str, state: Reachability, timeout: float = 3.0) -> None:
        def reached() -> bool:
            states = [s for changed, s in self.changes if changed == code]
            return bool(states) and states[-1] is state

        with self._changed:
            assert self._changed.wait_for(reached, timeout), (code, state, self.of(code))

    def wait_all(self, codes: list[str], state: Reachability, timeout: float = 3.0) -> None:
        for code in codes:
            self.wait_for(code, state, timeout)


@dataclass
class Rig:
    training: TrainingServer
    monitor: ConnectivityMonitor
    changes: Recorder
    codes: list[str]


def make_rig(
    training: TrainingServer, policy: Policy, **options: object
) -> tuple[ConnectivityMonitor, Recorder, list[ClientSystem]]:
    connectors = {m.code: create_connector(m.system, GOOD) for m in policy.municipalities}

    def probe(code: str) -> None:
        connectors[code].probe()

    changes = Recorder()
    monitor = ConnectivityMonitor(policy, probe, changes, **options)  # type: ignore[arg-type]
    return monitor, changes, list(connectors.values())


@pytest.fixture
def rig_for(training: TrainingServer) -> Iterator[Callable[..., Rig]]:
    started: list[tuple[ConnectivityMonitor, list[ClientSystem]]] = []

    def build(policy: Policy | None = None, **options: object) -> Rig:
        policy = policy or training.policy
        monitor, changes, connectors = make_rig(training, policy, **options)
        started.append((monitor, connectors))
        monitor.start()
        codes = [m.code for m in policy.municipalities]
        changes.wait_all(codes, R.ONLINE)
        return Rig(training, monitor, changes, codes)

    yield build
    for monitor, connectors in started:
        monitor.stop()
        for connector in connectors:
            connector.close()
    assert not [t for t in threading.enumerate() if t.name.startswith("connectivity-")]


def test_outage_is_vpn_down_and_recovery_is_noticed_within_two_seconds(
    rig_for: Callable[..., Rig],
) -> None:
    rig = rig_for()
    code, *others = rig.codes
    rig.training.set_online(code, False)
    rig.monitor.probe_now(code)  # as after a failed delivery
    rig.changes.wait_for(code, R.VPN_DOWN)
    assert rig.monitor.state(code) is R.VPN_DOWN
    assert "Unreachable" in (rig.monitor.detail(code) or "")
    time.sleep(1.2)  # a few backoff probes, all failing: no new change

    rig.training.set_online(code, True)
    back_at = time.monotonic()
    rig.changes.wait_for(code, R.ONLINE)
    assert time.monotonic() - back_at <= 2.5
    assert rig.changes.of(code) == [R.ONLINE, R.VPN_DOWN, R.ONLINE]
    assert all(rig.changes.of(other) == [R.ONLINE] for other in others)


def test_reachable_check_host_means_the_service_is_down(
    training: TrainingServer, rig_for: Callable[..., Rig]
) -> None:
    check = socket.socket()
    check.bind(("127.0.0.1", 0))
    check.listen(8)  # accepts connections into its backlog: the "VPN" answers
    host = f"127.0.0.1:{check.getsockname()[1]}"
    try:
        rig = rig_for(replace(training.policy, vpn=VpnConfig(check_host=host, check_timeout=1)))
        code = rig.codes[0]
        training.set_online(code, False)
        rig.monitor.probe_now(code)
        rig.changes.wait_for(code, R.SERVICE_DOWN)
    finally:
        check.close()
    # Now the check host is gone too: the VPN is down.
    rig.monitor.probe_now(code)
    rig.changes.wait_for(code, R.VPN_DOWN, timeout=4)
    assert rig.changes.of(code) == [R.ONLINE, R.SERVICE_DOWN, R.VPN_DOWN]


def test_losing_the_network_is_no_network_at_once(rig_for: Callable[..., Rig]) -> None:
    rig = rig_for()
    down, *others = rig.codes
    rig.training.set_online(down, False)
    rig.monitor.set_network_available(False)
    # Marked at once, in this call, before any probe could time out.
    assert all(rig.changes.of(code)[:2] == [R.ONLINE, R.NO_NETWORK] for code in rig.codes)
    # Systems that still answer were misjudged by the platform: probes correct it.
    rig.changes.wait_all(others, R.ONLINE)
    time.sleep(0.3)
    assert rig.monitor.state(down) is R.NO_NETWORK

    rig.monitor.set_network_available(True)
    rig.changes.wait_for(down, R.VPN_DOWN, timeout=2)
    assert rig.changes.of(down) == [R.ONLINE, R.NO_NETWORK, R.VPN_DOWN]
    assert all(rig.changes.of(code) == [R.ONLINE, R.NO_NETWORK, R.ONLINE] for code in others)


def no_vpn(policy: Policy) -> Policy:
    # The example policy's check host is a placeholder name: never look it up.
    return replace(policy, vpn=VpnConfig())


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_backoff_is_short_early_in_an_outage_and_capped_later(example_policy: Policy) -> None:
    clock = FakeClock()
    outcome: list[Exception | None] = [None]

    def probe(code: str) -> None:
        if outcome[0] is not None:
            raise outcome[0]

    changes = Recorder()
    monitor = ConnectivityMonitor(no_vpn(example_policy), probe, changes, clock=clock)
    code = example_policy.municipalities[0].code

    def run_for(seconds: float) -> list[float]:
        delays, end = [], clock.now + seconds
        while clock.now < end:
            delay = monitor.step(code)
            delays.append(delay)
            clock.now += delay
        return delays

    assert monitor.step(code) == Timing().online_interval
    clock.now += 30
    outcome[0] = errors.Unreachable("GET /health: Connection refused")
    early = run_for(59)
    assert early[:3] == [1.0, 1.5, 1.5]
    assert max(early) <= 1.5
    late = run_for(400)
    assert [delay for delay in late if delay > 1.5][:6] == [3.0, 6.0, 12.0, 24.0, 48.0, 60.0]
    assert max(late) == 60.0
    assert changes.of(code) == [R.ONLINE, R.VPN_DOWN]  # once per change, not per probe

    outcome[0] = None
    assert monitor.step(code) == 30.0
    assert changes.of(code) == [R.ONLINE, R.VPN_DOWN, R.ONLINE]


def test_probe_now_makes_a_probe_due_at_once(example_policy: Policy) -> None:
    clock = FakeClock()
    probes: list[str] = []
    monitor = ConnectivityMonitor(no_vpn(example_policy), probes.append, Recorder(), clock=clock)
    code = example_policy.municipalities[0].code
    monitor.step(code)
    clock.now += 1
    assert monitor.step(code) == pytest.approx(29.0)
    monitor.probe_now(code)
    assert monitor.step(code) == 30.0
    assert probes == [code, code]


@pytest.mark.parametrize(
    ("error", "network", "vpn", "expected"),
    [
        (None, True, None, R.ONLINE),
        (None, False, False, R.ONLINE),
        (errors.AuthenticationFailed("GET /health: HTTP 401"), True, None, R.ONLINE),
        (errors.Unreachable("refused"), True, None, R.VPN_DOWN),
        (errors.Unreachable("refused"), True, False, R.VPN_DOWN),
        (errors.Unreachable("refused"), True, True, R.SERVICE_DOWN),
        (errors.Unreachable("refused"), False, True, R.NO_NETWORK),
        (errors.TimedOut("no answer"), True, True, R.SERVICE_DOWN),
        (errors.ServerFault("HTTP 503", 10.0), True, None, R.SERVICE_DOWN),
        (RuntimeError("a bug in a probe"), True, None, R.SERVICE_DOWN),
    ],
)
def test_classification(
    error: Exception | None, network: bool, vpn: bool | None, expected: Reachability
) -> None:
    assert classify(error, network_available=network, vpn_up=lambda: vpn) is expected


def with_command(policy: Policy, *command: str) -> Policy:
    return replace(policy, vpn=VpnConfig(connect_command=command))


def test_open_vpn_runs_the_command_without_a_shell(example_policy: Policy) -> None:
    result = open_vpn(with_command(example_policy, sys.executable, "-c", "print('ok')", "S3cret"))
    assert result.ok
    assert result.exit_code == 0
    assert result.message.endswith(": ok")
    assert "S3cret" not in result.message


def test_open_vpn_reports_failure_and_missing_commands(example_policy: Policy) -> None:
    failed = open_vpn(
        with_command(example_policy, sys.executable, "-c", "import sys; sys.exit('no route')")
    )
    assert (failed.ok, failed.exit_code) == (False, 1)
    assert "no route" in failed.message

    missing = open_vpn(with_command(example_policy, "paivystys-no-such-vpn-tool", "up"))
    assert (missing.ok, missing.exit_code) == (False, None)
    assert "not found" in missing.message

    slow = open_vpn(
        with_command(example_policy, sys.executable, "-c", "import time; time.sleep(10)"),
        timeout=0.3,
    )
    assert not slow.ok
    assert "did not finish" in slow.message

    assert not open_vpn(replace(example_policy, vpn=VpnConfig())).ok


def test_vpn_table_is_optional_and_validated(example_policy: Policy) -> None:
    assert example_policy.vpn.check_host == "vpn-check.keusote.example:443"
    assert example_policy.vpn.connect_command[:2] == ("nmcli", "connection")
    raw = dump(example_policy)
    del raw["vpn"]
    assert policy_from_data(raw, "no vpn").vpn == VpnConfig()
    for bad in ("vpn-check.example", "host:0", "host:70000", "http://host:443", ":443"):
        with pytest.raises(PolicyError) as caught:
            policy_from_data({**raw, "vpn": {"check_host": bad}}, "bad")
        assert caught.value.field == "vpn.check_host"
    with pytest.raises(PolicyError) as caught:
        policy_from_data({**raw, "vpn": {"connect_command": "nmcli up"}}, "bad")
    assert caught.value.field == "vpn.connect_command"


def test_training_policies_never_use_the_production_vpn(training: TrainingServer) -> None:
    assert training.policy.vpn == VpnConfig()
