"""Every system in its own lane (issue 10, finding 3): a system that drips its answer
holds up only its own items: the background sender, a flush beside another sender and
``doctor`` go on with the others."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from app.connectors.base import Credentials
from app.domain.policy import Municipality, Policy
from app.services import helpdesk
from app.services.outbox.delivery import DeliveryEvent, Outcome
from app.services.outbox.profile import OutboxSetup
from app.services.outbox.sending import SendingService
from app.services.outbox.store import ItemState, Outbox
from app.services.workstation import Workstation
from app.training.server import TRAINING_PASSWORD, TRAINING_USERNAME, TrainingServer
from tests.helpers import SAVED_BY, entry_for, port_of, records, with_system
from tests.proxy import FaultProxy

CREDENTIALS = Credentials(TRAINING_USERNAME, TRAINING_PASSWORD)


def wait_until(condition: Callable[[], bool], seconds: float = 60.0) -> bool:
    """Poll ``condition`` until it holds; generous, so that a loaded machine passes."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True


@pytest.fixture
def dripping(training: TrainingServer) -> Iterator[FaultProxy]:
    """The first municipality's system behind a proxy that drips every answer."""
    slow = training.policy.municipalities[0]
    proxy = FaultProxy("127.0.0.1", port_of(slow.system.endpoint), "drip", delay=0.2)
    proxy.start()
    yield proxy
    proxy.close()  # ends the drips: a send still waiting fails at once


def slow_and_healthy(training: TrainingServer) -> tuple[Municipality, Municipality]:
    return training.policy.municipalities[0], training.policy.municipalities[1]


def dripping_policy(training: TrainingServer, proxy: FaultProxy, read_timeout: float) -> Policy:
    slow = training.policy.municipalities[0]
    return with_system(training.policy, slow.code, endpoint=proxy.url, read_timeout=read_timeout)


def test_a_dripping_system_holds_up_only_its_own_items(
    training: TrainingServer, outbox: Outbox, dripping: FaultProxy
) -> None:
    """The slow system's item is saved first and its send starts; an entry saved for a
    healthy municipality meanwhile is delivered while the slow send still drips."""
    slow, healthy = slow_and_healthy(training)
    # The slow system's request deadline (connect + read timeout) is far off: only the
    # lanes let the healthy entry go meanwhile.
    station = Workstation(dripping_policy(training, dripping, 300.0), lambda m: CREDENTIALS)
    events: list[DeliveryEvent] = []
    delivered = threading.Event()

    def on_event(event: DeliveryEvent) -> None:
        events.append(event)
        if event.municipality == healthy.code and event.outcome is Outcome.DELIVERED:
            delivered.set()

    service = SendingService(outbox, station, on_event=on_event)
    slow_item = service.save_entry(
        slow.code, entry_for(training.systems[slow.code].clients[0].hetu), saved_by=SAVED_BY
    )
    service.start()
    try:

        def slow_send_under_way() -> bool:
            item = outbox.get(slow_item.id)
            return item is not None and item.state is ItemState.SENDING and dripping.requests > 0

        assert wait_until(slow_send_under_way)
        healthy_item = service.save_entry(
            healthy.code,
            entry_for(training.systems[healthy.code].clients[0].hetu),
            saved_by=SAVED_BY,
        )
        assert delivered.wait(60), "the healthy municipality's entry waited for the slow one"
        # Delivered while the slow send still drips: its item has not moved, nothing of it
        # was reported.
        still = outbox.get(slow_item.id)
        assert still is not None
        assert still.state is ItemState.SENDING
        assert [(e.municipality, e.outcome) for e in events] == [(healthy.code, Outcome.DELIVERED)]
        assert outbox.get(healthy_item.id) is None
        assert len(records(training, healthy.code)) == 1
    finally:
        dripping.close()
        service.stop()
        station.close()
    # The cut drip is a failure like any other: the slow item waits for its retry.
    after = outbox.get(slow_item.id)
    assert after is not None
    assert after.state is ItemState.WAITING


def test_a_municipality_another_sender_has_is_left_to_it(
    training: TrainingServer, outbox: Outbox, workstation: Workstation
) -> None:
    """Per municipality: another sender delivering there keeps its items (even those it
    has marked sending: they are not a crash's leftovers); the others are flushed."""
    theirs, ours = slow_and_healthy(training)
    sending = SendingService(outbox, workstation)
    being_sent = sending.save_entry(
        theirs.code, entry_for(training.systems[theirs.code].clients[0].hetu), saved_by=SAVED_BY
    )
    waiting = sending.save_entry(
        theirs.code, entry_for(training.systems[theirs.code].clients[1].hetu), saved_by=SAVED_BY
    )
    left_by_crash = sending.save_entry(
        ours.code, entry_for(training.systems[ours.code].clients[0].hetu), saved_by=SAVED_BY
    )
    assert outbox.mark_sending_many([being_sent.id, left_by_crash.id]) == {
        being_sent.id,
        left_by_crash.id,
    }
    other = outbox.sender_lock(theirs.code)  # the other sender, mid-send
    assert other.try_acquire()
    try:
        report = sending.flush()
        assert (report.busy, report.flushed, report.locked_out) == (
            [theirs.code],
            [ours.code],
            False,
        )
        assert report.recovered == 1  # ours only
        assert [(e.municipality, e.outcome) for e in report.events] == [
            (ours.code, Outcome.DELIVERED)
        ]
        states = {item.id: item.state for item in outbox.items()}
        assert states == {being_sent.id: ItemState.SENDING, waiting.id: ItemState.WAITING}
        assert records(training, theirs.code) == []
        # Only theirs is due now: a flush can do nothing at all.
        assert sending.flush().locked_out
    finally:
        other.release()
    # The other sender died without a word: its 'sending' item is a leftover now.
    report = sending.flush()
    assert (report.busy, report.recovered, report.count(Outcome.DELIVERED)) == ([], 1, 2)
    assert outbox.items() == []


def test_doctor_answers_within_its_deadline_while_a_system_drips(
    training: TrainingServer, dripping: FaultProxy, profile: Path
) -> None:
    """The dripping system's probe is left behind at doctor's deadline, reported as no
    answer; every other system's answer is there."""
    slow, _ = slow_and_healthy(training)
    policy = dripping_policy(training, dripping, 300.0)
    station = Workstation(policy, lambda m: CREDENTIALS)
    try:
        report = helpdesk.doctor(policy, OutboxSetup.for_mode(training=True), station, deadline=1.0)
        assert dripping.requests > 0  # the probe did go out, and is still dripping
    finally:
        dripping.close()
        station.close()
    assert report.exit_code == helpdesk.EXIT_NEEDS_ACTION
    systems = report.document["systems"]
    assert systems[slow.code] == {
        "reachable": False,
        "error": "NoAnswer",
        "detail": "no answer within 1 s",
    }
    assert all(systems[m.code]["reachable"] for m in policy.municipalities if m.code != slow.code)
    # The lines in Finnish, the command line's language by default.
    line = next(line for line in report.lines if line.startswith(f"järjestelmä {slow.code} "))
    assert line.endswith("EI tavoitettavissa (ei vastausta 1 s:ssa)")


def test_doctor_waits_for_the_systems_own_deadlines_by_default(
    training: TrainingServer, dripping: FaultProxy, profile: Path
) -> None:
    """Without a deadline given, doctor waits for the slowest system's request deadline
    (and a margin): a dripping system's own deadline cuts it first."""
    slow, _ = slow_and_healthy(training)
    policy = with_system(dripping_policy(training, dripping, 1.0), slow.code, connect_timeout=0.5)
    station = Workstation(policy, lambda m: CREDENTIALS)
    try:
        report = helpdesk.doctor(policy, OutboxSetup.for_mode(training=True), station)
    finally:
        dripping.close()
        station.close()
    assert report.document["systems"][slow.code]["error"] == "TimedOut"
    assert report.exit_code == helpdesk.EXIT_NEEDS_ACTION
