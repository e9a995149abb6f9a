"""Crash safety with real processes and kill -9: nothing lost, nothing recorded twice.

The campaign's logic is in :mod:`tests.crash_campaign`, the instrumented child in
:mod:`tests.crash_child`; ``docs/crash-safety.md`` explains both. The normal
suite runs over 100 kill trials (every step of an item's life, random moments
under load, a worker typing drafts, a sender killed holding the lock); the full
campaign is
``PAIVYSTYS_CRASH_TRIALS=1000 .venv/bin/pytest -m slow tests/services/test_crash.py``.
``PAIVYSTYS_CRASH_SEED`` replays a failure's seed.
"""

from __future__ import annotations

import collections
import json
import os
import sys
import threading
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from app.connectors import errors
from app.connectors.registry import create_connector
from app.domain.policy import Policy
from app.training.server import TrainingServer
from tests.crash_campaign import (
    DISCARD,
    DRAFTS,
    KEEP,
    RANDOM,
    SAVE,
    STEPS,
    CampaignFailure,
    Form,
    HoldingProxy,
    Lane,
    Plan,
    Saved,
    Tally,
    Typing,
    entry_key,
    make_entry,
    run_campaign,
    run_sender_rounds,
    trainee,
)

SEED = int(os.environ.get("PAIVYSTYS_CRASH_SEED", "20261126"))
STEP_ROUNDS = 14  # x 5 steps = 70 kills
RANDOM_TRIALS = 40
DRAFT_TRIALS = 6
FULL_TRIALS = int(os.environ.get("PAIVYSTYS_CRASH_TRIALS", "1000"))


@pytest.fixture(scope="module")
def server(example_policy: Policy) -> Iterator[TrainingServer]:
    """One training server for the module: every trial's keys are its own."""
    with TrainingServer(example_policy) as training:
        yield training


def codes(server: TrainingServer) -> list[str]:
    return [municipality.code for municipality in server.policy.municipalities]


def campaign(server: TrainingServer, workdir: Path, plan: Plan, first_lane: int) -> Tally:
    """Lanes are numbered apart per test: the keys of tests sharing the server differ."""
    return run_campaign(
        server.url, server.inspect, codes(server), workdir, plan, SEED, first_lane=first_lane
    )


def assert_clean(tally: Tally) -> None:
    summary = f"seed {SEED}: {tally.summary()}"
    assert tally.lost == 0, summary
    assert tally.duplicates == 0, summary
    assert tally.records == tally.delivered >= tally.saved, summary


def report(tally: Tally) -> None:
    """The numbers, in the test's captured output (``-rA`` or ``-s`` shows them)."""
    sys.stdout.write(f"crash campaign, seed {SEED}: {tally.summary()}\n")


def inspect_over_http(server: TrainingServer) -> dict[str, list[dict[str, Any]]]:
    with urllib.request.urlopen(server.description["inspect"], timeout=10) as reply:
        document: dict[str, list[dict[str, Any]]] = json.load(reply)
    return document


def test_kill_at_every_step_of_an_items_life(server: TrainingServer, tmp_path: Path) -> None:
    """Stored, marked sending, request sent (reply held back), response received, row
    deleted: a kill at each, and the next start-up (or the headless flush) recovers."""
    tally = campaign(server, tmp_path, Plan(STEP_ROUNDS, 0, lanes=2, chain_length=35), 0)
    report(tally)
    assert tally.by_kind == collections.Counter(dict.fromkeys(STEPS, STEP_ROUNDS))
    assert_clean(tally)
    # Every kill after 'marked sending' and before the deletion left a row 'sending'.
    assert tally.recovered_sending >= 3 * STEP_ROUNDS


def test_kill_at_random_moments_under_mixed_load(server: TrainingServer, tmp_path: Path) -> None:
    """Saving for several municipalities and clients while the background sender
    delivers (some systems unreachable for a while), killed at a random moment."""
    plan = Plan(0, RANDOM_TRIALS, lanes=2, chain_length=RANDOM_TRIALS // 2)
    tally = campaign(server, tmp_path, plan, 1_000)
    report(tally)
    assert tally.by_kind == collections.Counter({RANDOM: RANDOM_TRIALS})
    assert_clean(tally)
    assert tally.saved > 0
    # Proved from outside too: the inspect URL has every key once.
    keys = [r["idempotency_key"] for rs in inspect_over_http(server).values() for r in rs]
    assert len(keys) == len(set(keys))


def test_two_senders_and_the_headless_flush_never_deliver_twice(
    server: TrainingServer, tmp_path: Path
) -> None:
    """The sender locks: one holder mid-send locks out a second child and ``outbox
    flush``; a free race of all three delivers each item exactly once; a holder
    killed by SIGKILL hands over to the next, which delivers what it left."""
    tally = run_sender_rounds(server.url, server.inspect, tmp_path, SEED, rounds=1, lane=2_000)
    report(tally)
    assert tally.by_kind == collections.Counter({"sender_killed": 1})
    assert_clean(tally)
    assert tally.delivered == tally.saved == 6 + 24 + 4


def test_kill_while_typing_keeps_the_last_draft_or_its_entry(
    server: TrainingServer, tmp_path: Path
) -> None:
    """A worker types into forms (a draft saved at each step), saves some from their
    draft, discards or keeps others; killed at a random moment, or inside the put that
    saves a form from its draft, or right after that put or a discard. The next opener
    finds the last draft printed as saved with at least that text, or its entry (never
    both), every kept draft as it was, and no draft ever reaches a system."""
    plan = Plan(0, 0, lanes=1, chain_length=DRAFT_TRIALS, draft_trials=DRAFT_TRIALS)
    tally = campaign(server, tmp_path, plan, 3_000)
    report(tally)
    assert tally.by_kind == collections.Counter({DRAFTS: DRAFT_TRIALS})
    assert_clean(tally)
    assert tally.saved > 0
    assert tally.draft_saves > tally.draft_forms >= DRAFT_TRIALS
    assert tally.drafts_kept > 0
    assert sum(tally.cut.values()) == DRAFT_TRIALS
    # Every other trial the child died at a named moment of a form's end, each once.
    assert {"a draft", "an entry not printed", "discarded, not printed"} <= tally.cut.keys()


@pytest.mark.slow
def test_full_campaign(server: TrainingServer, tmp_path: Path) -> None:
    """``PAIVYSTYS_CRASH_TRIALS`` (default 1000) kill trials: a fifth while typing drafts,
    of the rest half at named steps."""
    tally = campaign(server, tmp_path, Plan.for_trials(FULL_TRIALS), 10_000)
    report(tally)  # before the sender rounds: the numbers even if those fail
    senders = run_sender_rounds(server.url, server.inspect, tmp_path, SEED, rounds=10, lane=100_000)
    report(senders)
    assert tally.trials >= FULL_TRIALS
    assert_clean(tally)
    assert_clean(senders)


# -- the campaign's own machinery -------------------------------------------------


def test_holding_proxy_keeps_back_only_the_reply_to_the_held_request(
    server: TrainingServer,
) -> None:
    """The 'request sent' step's proxy: the server stores the entry and answers, the
    client never hears; every other request passes unchanged."""
    municipality = server.policy.municipalities[0]
    client = server.systems[municipality.code].clients[0]
    held, passed = uuid.uuid4(), uuid.uuid4()
    endpoint = urlsplit(municipality.system.endpoint)
    assert endpoint.hostname is not None
    assert endpoint.port is not None
    stop = threading.Event()
    with HoldingProxy((endpoint.hostname, endpoint.port), str(held).encode(), stop.set) as proxy:
        system = replace(municipality.system, endpoint=proxy.url, read_timeout=5.0)
        connector = create_connector(system, trainee(municipality))
        try:
            receipt = connector.record_entry(make_entry(passed, client.hetu, "Läpi"))
            with pytest.raises(errors.ConnectorError):
                connector.record_entry(make_entry(held, client.hetu, "Pidätetty"))
        finally:
            connector.close()
    assert stop.is_set()
    assert not receipt.already_recorded
    keys = [r["idempotency_key"] for r in inspect_over_http(server)[municipality.code]]
    assert keys.count(str(held)) == 1
    assert keys.count(str(passed)) == 1


def test_the_checks_catch_lost_doubled_reordered_and_phantom_records(tmp_path: Path) -> None:
    """The campaign's verdicts are not vacuous: each broken promise is reported."""
    records: dict[str, list[dict[str, Any]]] = {"106": [], "186": []}
    lane = Lane("http://127.0.0.1:9", lambda: records, tmp_path, SEED, 0)
    keys = [str(entry_key(SEED, 0, 0, n)) for n in range(4)]
    for n, key in enumerate(keys):
        lane.made[key] = (0, n)
    for n, key in enumerate(keys[:2]):
        lane.saved[key] = Saved("106", 0, n)
    lane.last_saved[0] = 1

    def record(code: str, key: str, hetu: str = "010101-900A") -> None:
        records[code].append({"idempotency_key": key, "hetu": hetu})

    record("106", keys[0])
    with pytest.raises(CampaignFailure, match=r"(?s)1 lost .*seed=20261126"):
        lane.verify(None)
    record("106", keys[1])
    lane.verify(None, final=True)  # all well
    record("186", keys[2])  # the one a kill may have cut before its line: allowed
    lane.verify(None, final=True)
    record("186", keys[3])
    with pytest.raises(CampaignFailure, match="records no child saved"):
        lane.verify(None, final=True)
    records["186"].pop()
    record("106", keys[0])
    with pytest.raises(CampaignFailure, match="duplicate"):
        lane.verify(None)
    records["106"] = [
        {"idempotency_key": keys[1], "hetu": "010101-900A"},
        {"idempotency_key": keys[0], "hetu": "010101-900A"},
    ]
    with pytest.raises(CampaignFailure, match="out of saved order"):
        lane.verify(None)
    records["106"] = [{"idempotency_key": keys[0], "hetu": "x"}]
    records["186"] = [{"idempotency_key": keys[1], "hetu": "x"}]
    with pytest.raises(CampaignFailure, match="another municipality"):
        lane.verify(None)


def test_the_draft_checks_catch_lost_doubled_shortened_and_sent_drafts(tmp_path: Path) -> None:
    """What the next opener may find of the form a kill cut, and what it may not."""
    records: dict[str, list[dict[str, Any]]] = {"106": []}
    lane = Lane("http://127.0.0.1:9", lambda: records, tmp_path, SEED, 0)

    def form(n: int, outcome: str) -> Form:
        key = entry_key(SEED, 0, 0, n)
        lane.made[str(key)] = (0, n)
        return Form(0, n, key, "entry", "106", None, "Poliisi soitti yöllä", (3, 7, 14), outcome)

    def opened(cut: Form, acked: int, lengths: tuple[int, ...] = (), item: bool = False) -> None:
        lane.drafts.clear()
        lane.unsent.clear()
        lane.saved.clear()
        lane.typing = Typing(cut, acked)
        found = {str(cut.key): cut.reported(length) for length in lengths}
        lane.check_drafts(found, {str(cut.key)} if item else set(), None)

    saving, discarding = form(0, SAVE), form(1, DISCARD)
    opened(saving, 7, (7,))  # the last printed draft
    opened(saving, 7, (14,))  # the next one, committed before its line
    opened(saving, 0, (3,))  # a first draft never printed
    opened(saving, 14, item=True)  # the entry saved from it, not printed
    assert str(saving.key) in lane.saved
    opened(discarding, 14)  # discarded, not printed
    for acked, lengths, item, problem in [
        (7, (), False, "text lost"),
        (7, (3,), False, "not one of the texts typed"),
        (0, (7,), False, "not one of the texts typed"),
        (7, (7,), True, "both a draft and a saved entry"),
        (7, (), True, "before its text was done"),
    ]:
        with pytest.raises(CampaignFailure, match=problem):
            opened(saving, acked, lengths, item)
    with pytest.raises(CampaignFailure, match="text lost"):
        opened(discarding, 7)

    kept = form(2, KEEP)
    lane.drafts = {str(kept.key): kept.reported(14)}
    lane.check_drafts({str(kept.key): kept.reported(14)}, set(), None)
    for found in ({}, {str(kept.key): kept.reported(7)}):
        with pytest.raises(CampaignFailure, match="not as saved"):
            lane.check_drafts(found, set(), None)
    lane.unsent.add(str(kept.key))
    with pytest.raises(CampaignFailure, match="never saved are items"):
        lane.check_drafts({str(kept.key): kept.reported(14)}, {str(kept.key)}, None)
    lane.saved.clear()
    lane.last_saved[0] = 2
    records["106"].append({"idempotency_key": str(kept.key), "hetu": "x"})
    with pytest.raises(CampaignFailure, match="never saved reached a system"):
        lane.verify(None)
