"""Each outbox item is bound to where it was saved for (issue 10, finding 4).

A policy that later points a municipality at another registrar, system or
endpoint does not take the items saved before it there: they wait for a person
to confirm the new address, and nothing is sent meanwhile.
"""

from __future__ import annotations

import socket
from dataclasses import replace

from app.connectors import errors
from app.connectors.base import Credentials
from app.domain.policy import Municipality, Policy
from app.services.outbox.delivery import Outcome
from app.services.outbox.sending import SendingService
from app.services.outbox.store import ItemState, Outbox
from app.services.workstation import Workstation
from app.training.server import TRAINING_PASSWORD, TRAINING_USERNAME, TrainingServer
from tests.helpers import SAVED_BY, entry_for, records

CREDENTIALS = Credentials(TRAINING_USERNAME, TRAINING_PASSWORD)


def with_municipality(policy: Policy, changed: Municipality) -> Policy:
    municipalities = tuple(changed if m.code == changed.code else m for m in policy.municipalities)
    return replace(policy, municipalities=municipalities)


def station(policy: Policy) -> Workstation:
    return Workstation(policy, lambda municipality: CREDENTIALS)


def test_the_destination_names_registrar_system_and_production_endpoint(
    example_policy: Policy,
) -> None:
    municipality = example_policy.municipalities[0]
    production = replace(example_policy, training=False)
    bound = station(production).destination(municipality.code)
    assert bound == (
        f"{municipality.registrar} {municipality.system.type} {municipality.system.endpoint}"
    )
    moved = replace(municipality.system, endpoint="https://elsewhere.example/api")
    assert (
        station(with_municipality(production, replace(municipality, system=moved))).destination(
            municipality.code
        )
        != bound
    )
    # Training systems move to a new loopback port at every start: the port is not bound.
    training = replace(example_policy, training=True)
    assert station(training).destination(municipality.code) == station(
        with_municipality(training, replace(municipality, system=moved))
    ).destination(municipality.code)


def test_items_for_a_municipality_moved_to_another_registrar_wait_for_confirmation(
    training: TrainingServer, outbox: Outbox
) -> None:
    municipality = training.policy.municipalities[0]
    code = municipality.code
    saving = SendingService(outbox, station(training.policy))
    first = saving.save_entry(
        code, entry_for(training.systems[code].clients[0].hetu), saved_by=SAVED_BY
    )
    second = saving.save_entry(
        code, entry_for(training.systems[code].clients[1].hetu), saved_by=SAVED_BY
    )
    assert first.destination == f"{municipality.registrar} {municipality.system.type} training"
    other = next(r.id for r in training.policy.registrars if r.id != municipality.registrar)
    moved_policy = with_municipality(training.policy, replace(municipality, registrar=other))
    moved = SendingService(outbox, station(moved_policy))

    report = moved.flush(force=[code])

    assert {event.outcome for event in report.events} == {Outcome.ATTENTION}
    assert records(training, code) == []  # nothing went anywhere
    held = outbox.items()
    assert [item.state for item in held] == [ItemState.ATTENTION] * 2
    failure = held[0].failure
    assert failure is not None
    assert failure.cause == errors.DestinationChanged.__name__
    assert first.destination in failure.detail
    # An item saved under the new policy is bound to it and goes at once.
    third = moved.save_entry(
        code, entry_for(training.systems[code].clients[2].hetu), saved_by=SAVED_BY
    )
    moved.flush()
    assert [r["idempotency_key"] for r in records(training, code)] == [str(third.key)]

    assert moved.confirm_destination(code) == 2

    moved.flush()
    assert outbox.items() == []
    delivered = [r["idempotency_key"] for r in records(training, code)]
    assert sorted(delivered) == sorted(str(i.key) for i in (first, second, third))


def test_a_moved_endpoint_is_refused_before_any_connection(
    training: TrainingServer, outbox: Outbox
) -> None:
    municipality = training.policy.municipalities[1]
    code = municipality.code
    production = replace(training.policy, training=False)
    saving = SendingService(outbox, station(production))
    saving.save_entry(code, entry_for(training.systems[code].clients[0].hetu), saved_by=SAVED_BY)
    with socket.create_server(("127.0.0.1", 0)) as listener:
        listener.settimeout(0.2)
        port = listener.getsockname()[1]
        moved = replace(municipality.system, endpoint=f"http://127.0.0.1:{port}/api")
        elsewhere = SendingService(
            outbox, station(with_municipality(production, replace(municipality, system=moved)))
        )
        report = elsewhere.flush(force=[code])
        assert [event.outcome for event in report.events] == [Outcome.ATTENTION]
        try:
            listener.accept()[0].close()
            connected = True
        except TimeoutError:
            connected = False
    assert not connected
    assert outbox.items()[0].state is ItemState.ATTENTION


def test_unbound_items_from_before_version_5_go_where_the_policy_says(
    training: TrainingServer, outbox: Outbox
) -> None:
    """An item from an older outbox has no destination (''): it is sent as before."""
    code = training.policy.municipalities[0].code
    saving = SendingService(outbox, station(training.policy))
    item = saving.save_entry(
        code, entry_for(training.systems[code].clients[0].hetu), saved_by=SAVED_BY
    )
    outbox._query("UPDATE items SET destination = ''")
    assert outbox.rebind(code, "other registrar", item.created) == 0  # unbound stays unbound
    saving.flush()
    assert outbox.items() == []
    assert [r["idempotency_key"] for r in records(training, code)] == [str(item.key)]
