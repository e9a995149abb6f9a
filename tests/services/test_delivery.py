"""The outbox's delivery: write-ahead saving, confirmation deletes, retries never stop."""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from app.connectors import errors
from app.connectors.base import Credentials
from app.domain.kinds import ItemKind
from app.domain.model import DeliveryReceipt
from app.domain.policy import Policy
from app.services.outbox.delivery import Backoff, Deliverer, Outcome
from app.services.outbox.items import PAYLOAD_UNREADABLE, Failure
from app.services.outbox.sending import SendingService
from app.services.outbox.store import ItemState, Outbox, StoredItem
from app.services.workstation import Workstation
from app.training.server import TRAINING_PASSWORD, TRAINING_USERNAME, TrainingServer
from tests.fakes import closed_port_url
from tests.helpers import SAVED_BY, entry_for, records

CREDENTIALS = Credentials(TRAINING_USERNAME, TRAINING_PASSWORD)


def first_client(training: TrainingServer, code: str, index: int = 0) -> Any:
    return training.systems[code].clients[index]


def test_saved_entry_is_delivered_once_and_leaves_the_outbox(
    training: TrainingServer, sending: SendingService, outbox: Outbox
) -> None:
    code = training.policy.municipalities[0].code
    entry = entry_for(first_client(training, code).hetu)
    stored = sending.save_entry(
        code, entry, first_names="Aino", last_name="Mäkelä", saved_by=SAVED_BY
    )
    assert stored.state is ItemState.WAITING
    assert stored.label.startswith("A. M. ")
    report = sending.flush()
    assert [event.outcome for event in report.events] == [Outcome.DELIVERED]
    assert outbox.items() == []
    assert code in outbox.last_delivery()
    assert [r["idempotency_key"] for r in records(training, code)] == [str(entry.idempotency_key)]


def test_unreachable_system_keeps_the_item_waiting_with_backoff(
    training: TrainingServer, outbox: Outbox, tmp_path: Path
) -> None:
    municipality = training.policy.municipalities[1]
    down = replace(municipality, system=replace(municipality.system, endpoint=closed_port_url()))
    policy = replace(training.policy, municipalities=(down,))
    station = Workstation(policy, lambda m: CREDENTIALS)
    service = SendingService(outbox, station)
    entry = entry_for(first_client(training, municipality.code).hetu)
    service.save_entry(municipality.code, entry, saved_by=SAVED_BY)
    for attempt in (1, 2, 3):
        report = service.flush(force=[municipality.code])
        assert [event.outcome for event in report.events] == [Outcome.RETRY]
        (item,) = outbox.items()
        assert item.state is ItemState.WAITING
        assert item.attempts == attempt
        assert item.failure is not None
        assert item.failure.cause == errors.Unreachable.__name__
        assert item.next_attempt > dt.datetime.now(dt.UTC)
    # Not due yet and not forced: nothing is tried.
    assert service.flush().events == []
    station.close()


def test_rejected_item_needs_attention_and_blocks_nobody(
    training: TrainingServer, sending: SendingService, outbox: Outbox
) -> None:
    code = training.policy.municipalities[0].code
    bad = entry_for(first_client(training, code, 0).hetu, narrative="   ")
    later_same_client = entry_for(first_client(training, code, 0).hetu)
    other_client = entry_for(first_client(training, code, 1).hetu)
    for entry in (bad, later_same_client, other_client):
        sending.save_entry(code, entry, saved_by=SAVED_BY)
    report = sending.flush()
    outcomes = {event.key: event.outcome for event in report.events}
    assert outcomes == {
        bad.idempotency_key: Outcome.ATTENTION,
        later_same_client.idempotency_key: Outcome.DELIVERED,
        other_client.idempotency_key: Outcome.DELIVERED,
    }
    (left,) = outbox.items()
    assert left.key == bad.idempotency_key
    assert left.state is ItemState.ATTENTION
    assert left.failure is not None
    assert left.failure.cause == errors.Rejected.__name__
    assert left.failure.detail  # the system's reason, shown to the worker as it is


def failing_first(send: Callable[[StoredItem], DeliveryReceipt], failures: int) -> Any:
    calls: list[StoredItem] = []

    def send_wrapper(item: StoredItem) -> DeliveryReceipt:
        calls.append(item)
        if len(calls) <= failures:
            raise errors.ServerFault("simulated 500")
        return send(item)

    send_wrapper.calls = calls  # type: ignore[attr-defined]
    return send_wrapper


def test_items_of_one_client_go_in_saved_order(
    training: TrainingServer, outbox: Outbox, workstation: Workstation
) -> None:
    code = training.policy.municipalities[0].code
    hetu = first_client(training, code).hetu
    entries = [entry_for(hetu, narrative=f"Kirjaus {n}") for n in range(3)]
    send = failing_first(workstation.send_item, failures=1)
    clock = [dt.datetime.now(dt.UTC)]
    deliverer = Deliverer(outbox, send, clock=lambda: clock[0])
    service = SendingService(outbox, workstation, clock=lambda: clock[0])
    for entry in entries:
        service.save_entry(code, entry, saved_by=SAVED_BY)
    first = deliverer.flush()
    # The first failed: the later ones of the same client must not overtake it.
    assert [event.outcome for event in first.events] == [Outcome.RETRY]
    clock[0] += dt.timedelta(hours=1)
    second = deliverer.flush()
    assert [event.outcome for event in second.events] == [Outcome.DELIVERED] * 3
    assert [r["text"] for r in records(training, code)] == ["Kirjaus 0", "Kirjaus 1", "Kirjaus 2"]


def test_lost_reply_is_delivered_once(
    training: TrainingServer, outbox: Outbox, workstation: Workstation
) -> None:
    """The system stores the entry but the answer never arrives: the retry is recognised."""
    code = training.policy.municipalities[1].code
    lost: list[StoredItem] = []

    def lose_first_reply(item: StoredItem) -> DeliveryReceipt:
        receipt = workstation.send_item(item)
        if not lost:
            lost.append(item)
            raise errors.TimedOut("reply lost")
        return receipt

    service = SendingService(outbox, workstation)
    entry = entry_for(first_client(training, code).hetu)
    service.save_entry(code, entry, saved_by=SAVED_BY)
    deliverer = Deliverer(outbox, lose_first_reply)
    assert [e.outcome for e in deliverer.flush().events] == [Outcome.RETRY]
    events = deliverer.flush(force=[code]).events
    assert [e.outcome for e in events] == [Outcome.DELIVERED]
    assert events[0].receipt is not None
    assert events[0].receipt.already_recorded
    assert len(records(training, code)) == 1
    assert outbox.items() == []


def test_item_left_sending_by_a_crash_is_sent_again(
    training: TrainingServer, sending: SendingService, outbox: Outbox
) -> None:
    code = training.policy.municipalities[0].code
    stored = sending.save_entry(
        code, entry_for(first_client(training, code).hetu), saved_by=SAVED_BY
    )
    assert outbox.mark_sending_many([stored.id]) == {stored.id}  # and then the process died
    report = sending.flush()
    assert report.recovered == 1
    assert [event.outcome for event in report.events] == [Outcome.DELIVERED]
    assert len(records(training, code)) == 1


def test_only_one_sender_at_a_time(
    training: TrainingServer, sending: SendingService, outbox: Outbox
) -> None:
    code = training.policy.municipalities[0].code
    sending.save_entry(code, entry_for(first_client(training, code).hetu), saved_by=SAVED_BY)
    other = outbox.sender_lock(code)
    assert other.try_acquire()
    try:
        report = sending.flush()
        assert report.locked_out
        assert report.busy == [code]
        assert report.events == []
        assert records(training, code) == []
    finally:
        other.release()
    assert [e.outcome for e in sending.flush().events] == [Outcome.DELIVERED]


def test_background_sender_delivers_soon_after_saving(
    training: TrainingServer, sending: SendingService, outbox: Outbox
) -> None:
    code = training.policy.municipalities[2].code
    delivered = threading.Event()
    sending.deliverer.on_event = lambda event: delivered.set()
    sending.start()
    try:
        started = time.monotonic()
        sending.save_entry(code, entry_for(first_client(training, code).hetu), saved_by=SAVED_BY)
        assert delivered.wait(10)
        assert time.monotonic() - started < 5
    finally:
        sending.stop()
    assert outbox.items() == []
    assert len(records(training, code)) == 1


def test_backoff_is_capped_and_honours_retry_after() -> None:
    backoff = Backoff(first=2.0, cap=300.0)
    delays = [backoff.delay(attempts) for attempts in range(12)]
    assert delays[:4] == [2.0, 4.0, 8.0, 16.0]
    assert max(delays) == 300.0
    assert backoff.delay(0, retry_after=120.0) == 120.0
    assert backoff.delay(100) == 300.0


def test_unreadable_payload_needs_attention(
    training: TrainingServer, outbox: Outbox, workstation: Workstation, example_policy: Policy
) -> None:
    import uuid

    from app.services.outbox.store import OutgoingItem

    code = training.policy.municipalities[0].code
    outbox.put(
        OutgoingItem(uuid.uuid4(), code, ItemKind.ENTRY, "x", "label", b"{not json"),
        dt.datetime.now(dt.UTC),
    )
    deliverer = Deliverer(outbox, workstation.send_item)
    assert [e.outcome for e in deliverer.flush().events] == [Outcome.ATTENTION]
    (item,) = outbox.items()
    assert item.state is ItemState.ATTENTION


def test_two_flushes_in_one_process_never_overlap(
    training: TrainingServer, outbox: Outbox, workstation: Workstation
) -> None:
    """Two flushes of one municipality are kept apart within a process too."""
    code = training.policy.municipalities[0].code
    inside = threading.Event()
    release = threading.Event()

    def slow_send(item: StoredItem) -> DeliveryReceipt:
        inside.set()
        assert release.wait(10)
        return workstation.send_item(item)

    deliverer = Deliverer(outbox, slow_send)
    SendingService(outbox, workstation).save_entry(
        code, entry_for(first_client(training, code).hetu), saved_by=SAVED_BY
    )
    first: list[Any] = []
    worker = threading.Thread(target=lambda: first.append(deliverer.flush()))
    worker.start()
    assert inside.wait(10)
    second = deliverer.flush()
    release.set()
    worker.join(10)
    assert second.locked_out
    assert second.recovered == 0
    assert [event.outcome for event in first[0].events] == [Outcome.DELIVERED]
    assert len(records(training, code)) == 1


def test_sender_does_not_spin_while_due_items_are_skipped(
    training: TrainingServer, outbox: Outbox, workstation: Workstation
) -> None:
    """During an outage the due items are skipped: the sender waits for a nudge or its poll."""
    code = training.policy.municipalities[0].code
    service = SendingService(outbox, workstation, skip=lambda c: c == code, poll=5.0)
    flushes: list[float] = []
    original = service.deliverer.flush

    def counting_flush(*args: Any, **kwargs: Any) -> Any:
        flushes.append(time.monotonic())
        return original(*args, **kwargs)

    service.deliverer.flush = counting_flush  # type: ignore[method-assign]
    service.save_entry(code, entry_for(first_client(training, code).hetu), saved_by=SAVED_BY)
    service.start()
    try:
        time.sleep(1.0)
        assert len(flushes) <= 2  # the first flush (and the save's nudge), not one per 50 ms
        assert records(training, code) == []
        service.nudge(force=[code])  # the system is back
        deadline = time.monotonic() + 5
        while outbox.items() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert outbox.items() == []
    finally:
        service.stop()
    assert len(records(training, code)) == 1


# -- the pipelined flush: lines side by side, confirmations in batches ----------


def put_lines(outbox: Outbox, clients: str, per_client: int) -> dict[str, list[StoredItem]]:
    """``per_client`` items for each client letter, saved interleaved (A1 B1 C1 A2 ...)."""
    import uuid

    from app.services.outbox.store import OutgoingItem

    now = dt.datetime.now(dt.UTC)
    saved: dict[str, list[StoredItem]] = {client: [] for client in clients}
    for _ in range(per_client):
        for client in clients:
            item = OutgoingItem(uuid.uuid4(), "186", ItemKind.ENTRY, client, "label", b"{}")
            saved[client].append(outbox.put(item, now))
    return saved


class Recorder:
    """A system that confirms everything, except the items it is told to fail once."""

    def __init__(self, fail: set[int] | None = None) -> None:
        self.sent: list[int] = []
        self.fail = set(fail or ())
        self._lock = threading.Lock()

    def __call__(self, item: StoredItem) -> DeliveryReceipt:
        with self._lock:
            self.sent.append(item.id)
            if item.id in self.fail:
                self.fail.discard(item.id)
                raise errors.ServerFault("simulated 503")
        return DeliveryReceipt(f"r{item.id}")


def test_a_retry_stops_every_line_and_puts_the_unsent_back_without_an_attempt(
    outbox: Outbox,
) -> None:
    saved = put_lines(outbox, "ABC", 3)
    failing = saved["B"][0]
    system = Recorder(fail={failing.id})
    deliverer = Deliverer(outbox, system)
    deliverer.per_system = 1  # lines one after another: A's, then B's (which fails)
    report = deliverer.flush()
    assert system.sent == [item.id for item in saved["A"]] + [failing.id]
    assert [e.outcome for e in report.events] == [Outcome.RETRY] + [Outcome.DELIVERED] * 3
    left = {item.id: item for item in outbox.items()}
    assert set(left) == {item.id for item in saved["B"] + saved["C"]}
    assert all(item.state is ItemState.WAITING for item in left.values())
    # Only the item that was tried counts an attempt; the others simply wait.
    assert {i: item.attempts for i, item in left.items() if item.attempts} == {failing.id: 1}


def test_confirmations_are_deleted_in_batches_and_reported_after_the_commit(
    outbox: Outbox,
) -> None:
    saved = put_lines(outbox, "ABCDEFGH", 40)
    commits: list[int] = []
    mark_delivered = outbox.mark_delivered

    def counting(items: Any, now: dt.datetime) -> None:
        commits.append(len(items))
        mark_delivered(items, now)

    outbox.mark_delivered = counting  # type: ignore[method-assign]
    gone_when_reported: list[bool] = []

    def on_event(event: Any) -> None:
        gone_when_reported.append(outbox.get(event.item_id) is None)

    deliverer = Deliverer(outbox, Recorder(), on_event=on_event)
    report = deliverer.flush()
    assert report.count(Outcome.DELIVERED) == 320
    assert outbox.items() == []
    assert gone_when_reported == [True] * 320  # never reported before its deletion committed
    assert sum(commits) == 320
    assert len(commits) <= 8  # 320 items in a few commits, not 320
    # Each client's items reached the system in the order saved.
    events = [e.item_id for e in report.events]
    for items in saved.values():
        ids = [item.id for item in items]
        assert [i for i in events if i in set(ids)] == ids


def test_an_item_discarded_after_the_lines_were_read_ends_its_line(outbox: Outbox) -> None:
    saved = put_lines(outbox, "A", 3)
    first, second, third = saved["A"]
    lines = outbox.lines
    discarded: list[int] = []

    def lines_then_discard(*args: Any, **kwargs: Any) -> list[list[StoredItem]]:
        found = lines(*args, **kwargs)
        if not discarded:  # the worker discards the second item meanwhile
            discarded.append(outbox.discard(second.id).id)
        return found

    outbox.lines = lines_then_discard  # type: ignore[method-assign]
    system = Recorder()
    report = Deliverer(outbox, system).flush()
    # The first went; the line ended before the discarded one; the next round sent the third.
    assert system.sent == [first.id, third.id]
    assert report.count(Outcome.DELIVERED) == 2
    assert outbox.items() == []


def test_a_failure_reads_back_as_written_and_from_older_outboxes() -> None:
    failure = Failure(errors.Rejected.__name__, "narrative: must not be empty")
    assert Failure.parse(str(failure)) == failure
    # The form outboxes of every earlier version hold (tests/golden).
    assert Failure.parse("Unreachable: connection refused") == Failure(
        "Unreachable", "connection refused"
    )
    assert Failure.parse("payload unreadable: bad json") == Failure(PAYLOAD_UNREADABLE, "bad json")
