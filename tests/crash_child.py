"""The crash campaign's instrumented child: the app's real outbox and sender, then SIGKILL.

Run by :mod:`tests.crash_campaign` as ``python -m tests.crash_child MODE --server URL
--seed S --lane L --proc P ...`` in the lane's profile (through
:mod:`tests.app_in_profile`). Like the app in training mode it joins the training
server (policy from ``GET <server>/policy``), opens the training outbox through
``OutboxSetup`` (the key file the parent wrote there), saves through
``SendingService.save_entry`` and delivers through the real ``Deliverer``. No Qt.

Every mode first reports the outbox as the app's start-up finds it after the
previous child's kill: its ``integrity_check()``, every row's state and every
draft. Modes:

- ``step``: recover (a forced flush: 'sending' back in line, everything
  delivered), save ``--items`` entries, flush, and SIGKILL itself at ``--step``
  of entry ``--target``: ``stored`` (save_entry returned and the key was
  printed), ``sending`` (marked sending, nothing sent), ``request_sent`` (the
  server answered, but a proxy holds the answer back: it never arrives),
  ``response_received`` (``workstation.send_item`` returned, the row is still
  there) or ``deleted`` (the row was deleted on the confirmation).
- ``load``: recover, then save up to ``--items`` entries for several
  municipalities and clients while the app's background sender delivers them;
  with ``--outage CODE`` that municipality's system is unreachable for this
  process. Then idles until the parent kills it at a moment of its choosing.
- ``drafts``: recover, start the background sender, then type into the forms
  of :func:`tests.crash_campaign.typing_plan`: a draft saved (``Outbox.save_draft``)
  at each step of the text, then the form saved from its draft
  (``save_entry(..., draft_key=...)``), discarded (``delete_draft``) or kept as a
  draft. Idles after the last form until the parent kills it. ``--die MOMENT
  --die-form N``: SIGKILL itself at the end of form N instead, before its line:
  ``in_put`` (inside put's transaction, the entry inserted and the draft deleted,
  nothing committed), ``after_put`` or ``after_discard`` (once they returned).
- ``flush``: a competing sender. Waits for ``go`` on stdin, then flushes one
  municipality at a time until its own view of the outbox is empty (``--once``:
  one whole flush; ``--send-delay S``: every send takes S seconds longer, as on a
  slow network). ``--pause-first`` stops every send (the first one announces it), the
  items marked sending and the sender locks held, until a line arrives on stdin.

One line per event on stdout, flushed at once (so a kill loses none printed):
``integrity <json>``, ``pending <key> <state>`` (each row found on opening),
``draft <key> <form> <municipality> <text length> <digest>`` (each draft found on
opening), ``drafted <key> <text length>`` (save_draft returned), ``discarded <key>``
(delete_draft returned), ``recovered <put back> <delivered> <left> <busy 0|1>``, ``ready``,
``saved <key> <municipality>`` (only after save_entry returned), ``holding <key>``,
``sent <key> <already recorded 0|1>``, ``flushed <locked out 0|1> <put back>
<delivered>`` (locked out: another sender had every municipality it would have
flushed), ``done <delivered>``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import threading
import time
import uuid
from collections.abc import Sequence
from dataclasses import replace
from typing import NoReturn
from urllib.parse import urlsplit

from app.domain.model import DeliveryReceipt
from app.domain.policy import Policy
from app.services.outbox.delivery import Deliverer, DeliveryEvent, Outcome
from app.services.outbox.profile import OutboxSetup
from app.services.outbox.sending import SendingService
from app.services.outbox.store import Outbox, StoredItem
from app.services.policy.classroom import join
from app.services.workstation import Workstation
from app.training.data import SyntheticClient
from tests.crash_campaign import (
    DISCARD,
    SAVE,
    STEPS,
    HoldingProxy,
    child_rng,
    describe_draft,
    entry_key,
    make_entry,
    pick,
    trainee,
    typing_plan,
)
from tests.fakes import closed_port_url
from tests.helpers import SAVED_BY
from tests.portable import kill_self_hard

FLUSH_DEADLINE = 60.0
_emit_lock = threading.Lock()


def emit(*words: object) -> None:
    """One whole line on stdout, flushed: what the parent may count on."""
    line = " ".join(str(word) for word in words) + "\n"
    with _emit_lock:
        sys.stdout.write(line)
        sys.stdout.flush()


def die() -> NoReturn:
    kill_self_hard()
    raise SystemExit(99)  # not reached


def with_endpoint(policy: Policy, code: str, url: str) -> Policy:
    municipalities = tuple(
        replace(m, system=replace(m.system, endpoint=url)) if m.code == code else m
        for m in policy.municipalities
    )
    return replace(policy, municipalities=municipalities)


def codes_of(policy: Policy) -> list[str]:
    return [municipality.code for municipality in policy.municipalities]


def recover(service: SendingService, outbox: Outbox, policy: Policy) -> None:
    """What start-up does: under each municipality's sender lock, put 'sending' back and
    deliver all."""
    report = service.flush(force=codes_of(policy))
    left = len(outbox.items())
    delivered = report.count(Outcome.DELIVERED)
    # Any municipality another sender had counts: after a kill nobody should have one.
    emit("recovered", report.recovered, delivered, left, int(bool(report.busy)))


class Saver:
    """Saves the planned entries of this process, printing each key once it is durable."""

    def __init__(self, args: argparse.Namespace, policy: Policy, service: SendingService) -> None:
        self.args = args
        self.service = service
        self.policy = policy
        self.rng = child_rng(args.seed, args.lane, args.proc)
        self.n = 0

    def plan(self) -> tuple[str, SyntheticClient]:
        return pick(self.rng, self.policy)

    def save(self, code: str, client: SyntheticClient) -> str:
        key = entry_key(self.args.seed, self.args.lane, self.args.proc, self.n)
        text = f"Kriisitesti {self.args.lane}/{self.args.proc}/{self.n}"
        self.service.save_entry(
            code,
            make_entry(key, client.hetu, text),
            first_names=client.first_names,
            last_name=client.last_name,
            saved_by=SAVED_BY,
        )
        emit("saved", key, code)
        self.n += 1
        return str(key)


def run_step(args: argparse.Namespace, outbox: Outbox, policy: Policy) -> int:
    step = args.step
    target = str(entry_key(args.seed, args.lane, args.proc, args.target))
    station = Workstation(policy, trainee)
    service = SendingService(outbox, station)
    saver = Saver(args, policy, service)
    plan = [saver.plan() for _ in range(args.items)]
    if step == "request_sent":
        # The target's municipality goes through a proxy that lets the server store the
        # entry and answer, and then kills this process before the answer is passed on.
        code = plan[args.target][0]
        endpoint = urlsplit(policy.municipality(code).system.endpoint)
        assert endpoint.hostname is not None
        assert endpoint.port is not None
        proxy = HoldingProxy((endpoint.hostname, endpoint.port), target.encode(), die)
        proxy.start()
        station = Workstation(with_endpoint(policy, code, proxy.url), trainee)
    recover(service, outbox, policy)

    def send(item: StoredItem) -> DeliveryReceipt:
        if step == "sending" and str(item.key) == target:
            die()  # marked sending (committed), nothing sent yet
        receipt = station.send_item(item)
        if step == "response_received" and str(item.key) == target:
            die()  # the system confirmed; the row is not deleted yet
        return receipt

    def on_event(event: DeliveryEvent) -> None:
        if step == "deleted" and str(event.key) == target and event.outcome is Outcome.DELIVERED:
            die()  # the row is deleted

    service.deliverer.send = send
    service.deliverer.on_event = on_event
    for index, (code, client) in enumerate(plan):
        saver.save(code, client)
        if step == "stored" and index == args.target:
            die()  # put returned and the key is printed; no attempt yet
    service.flush()
    emit("survived")
    return 3


def run_load(args: argparse.Namespace, outbox: Outbox, policy: Policy) -> int:
    service = SendingService(outbox, Workstation(policy, trainee), poll=0.5)
    recover(service, outbox, policy)
    if args.outage is not None:
        # This process cannot reach one system (a VPN outage of its own): its items
        # there wait with backoff, and the next process's recovery delivers them.
        down = Workstation(with_endpoint(policy, args.outage, closed_port_url()), trainee)
        service.deliverer.send = down.send_item
    saver = Saver(args, policy, service)
    emit("ready")
    service.start()
    for _ in range(args.items):
        saver.save(*saver.plan())
        if saver.rng.random() < 0.3:
            time.sleep(saver.rng.uniform(0.0, 0.01))  # a worker pauses now and then
    emit("loaded")
    sys.stdin.read()  # until the parent kills us (or closes stdin)
    service.stop()
    return 0


def die_inside_put(outbox: Outbox, key: uuid.UUID) -> None:
    """Arm a SIGKILL inside the transaction of the put that deletes this form's draft.

    A temporary trigger on this connection only: it fires after the entry's row was
    inserted and the draft's deleted, before the commit.
    """
    connection = outbox._connection
    assert connection is not None
    connection.create_function("crash_now", 0, die)
    outbox._query(
        "CREATE TEMP TRIGGER die_in_put AFTER DELETE ON drafts"
        f" WHEN old.key = '{key}' BEGIN SELECT crash_now(); END"
    )


def run_drafts(args: argparse.Namespace, outbox: Outbox, policy: Policy) -> int:
    """A worker typing, as the forms do it: a draft a step, then save, discard or keep."""
    service = SendingService(outbox, Workstation(policy, trainee), poll=0.5)
    recover(service, outbox, policy)
    forms = typing_plan(args.seed, args.lane, args.proc, policy)
    pauses = random.Random(f"paivystys-crash/{args.seed}/{args.lane}/{args.proc}/pauses")
    emit("ready")
    service.start()
    for form in forms:
        for length in form.lengths:
            outbox.save_draft(form.draft(length, dt.datetime.now(dt.UTC)))
            emit("drafted", form.key, length)
            if pauses.random() < 0.3:
                time.sleep(pauses.uniform(0.0, 0.01))  # the worker thinks
        dies = args.die if form.n == args.die_form else None
        if form.outcome == SAVE:
            assert form.client is not None
            entry = make_entry(form.key, form.client.hetu, form.text[: form.lengths[-1]])
            if dies == "in_put":
                die_inside_put(outbox, form.key)
            service.save_entry(form.code, entry, draft_key=form.key, saved_by=SAVED_BY)
            if dies == "after_put":
                die()
            emit("saved", form.key, form.code)
        elif form.outcome == DISCARD:
            if not outbox.delete_draft(form.key):
                return 5
            if dies == "after_discard":
                die()
            emit("discarded", form.key)
    emit("loaded")
    sys.stdin.read()  # until the parent kills us
    service.stop()
    return 0


def run_flush(args: argparse.Namespace, outbox: Outbox, policy: Policy) -> int:
    station = Workstation(policy, trainee)
    first = threading.Lock()
    resume = threading.Event()
    if not args.pause_first:
        resume.set()

    def send(item: StoredItem) -> DeliveryReceipt:
        # The deliverer sends for several municipalities at once: the first send
        # announces the pause, every one waits, so nothing leaves before the parent says.
        if not resume.is_set() and first.acquire(blocking=False):
            emit("holding", item.key)
            sys.stdin.readline()  # the parent says when to go on (or kills us)
            resume.set()
        resume.wait()
        if args.send_delay:
            time.sleep(args.send_delay)  # a slow network: the lock is held longer
        return station.send_item(item)

    def on_event(event: DeliveryEvent) -> None:
        if event.outcome is Outcome.DELIVERED:
            assert event.receipt is not None
            emit("sent", event.key, int(event.receipt.already_recorded))

    deliverer = Deliverer(outbox, send, on_event=on_event)
    codes = codes_of(policy)
    emit("ready")
    if sys.stdin.readline().strip() != "go":
        return 2
    deadline = time.monotonic() + FLUSH_DEADLINE
    delivered = 0
    for turn in range(1_000_000):
        # One municipality per flush: the lock changes hands between senders often.
        report = deliverer.flush(None if args.once else [codes[turn % len(codes)]])
        delivered += report.count(Outcome.DELIVERED)
        emit(
            "flushed",
            int(report.locked_out),
            report.recovered,
            report.count(Outcome.DELIVERED),
        )
        if args.once or not outbox.items():
            break
        if time.monotonic() > deadline:
            emit("timeout")
            return 4
        if report.locked_out:
            time.sleep(0.002)  # another sender holds the lock: try again soon
    emit("done", delivered)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.crash_child")
    parser.add_argument("mode", choices=("step", "load", "flush", "drafts"))
    parser.add_argument("--server", required=True, help="the training server's URL")
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--lane", type=int, required=True)
    parser.add_argument("--proc", type=int, required=True)
    parser.add_argument("--step", choices=STEPS)
    parser.add_argument("--items", type=int, default=1)
    parser.add_argument("--target", type=int, default=0)
    parser.add_argument("--outage", default=None)
    parser.add_argument("--once", action="store_true")
    parser.add_argument("--pause-first", action="store_true")
    parser.add_argument("--send-delay", type=float, default=0.0)
    parser.add_argument("--die", choices=("in_put", "after_put", "after_discard"))
    parser.add_argument("--die-form", type=int, default=-1)
    args = parser.parse_args(argv)
    _, policy = join(args.server)
    with OutboxSetup.for_mode(training=True).open() as outbox:
        emit("integrity", json.dumps(outbox.integrity_check()))
        for item in outbox.items():
            emit("pending", item.key, item.state.value)
        for draft in outbox.drafts():
            emit("draft", *describe_draft(draft))
        if args.mode == "step":
            return run_step(args, outbox, policy)
        if args.mode == "load":
            return run_load(args, outbox, policy)
        if args.mode == "drafts":
            return run_drafts(args, outbox, policy)
        return run_flush(args, outbox, policy)


if __name__ == "__main__":
    sys.exit(main())
