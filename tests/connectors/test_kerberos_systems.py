"""The ``kerberos`` sign-in end to end against a real MIT KDC: both training systems
accept the worker's ticket (HTTP Negotiate) where they have a keytab, and refuse it
when the ticket is gone; nothing is asked or stored."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.connectors import errors
from app.connectors.base import Negotiate
from app.connectors.registry import create_connector
from app.domain.author import SignInMethod
from app.domain.policy import AuthConfig, Policy
from app.services.auth.signins import SignIns, State
from app.services.workstation import Workstation
from app.training.server import TrainingServer
from tests.helpers import code_of
from tests.kerberos_realm import Realm


@pytest.fixture
def kerberized(training: TrainingServer, realm: Realm) -> TrainingServer:
    """The training systems with the keytab of HTTP/127.0.0.1 (their endpoints' host)."""
    for system in training.systems.values():
        system.keytab = realm.keytab_by_address
    return training


def kerberos_policy(training: TrainingServer) -> Policy:
    municipalities = tuple(
        replace(m, system=replace(m.system, auth=AuthConfig(method="kerberos")))
        for m in training.policy.municipalities
    )
    return replace(training.policy, municipalities=municipalities)


@pytest.mark.parametrize("system_type", ["proconsona", "effica"])
def test_the_workers_ticket_signs_in_and_without_it_sign_in_again(
    kerberized: TrainingServer, realm: Realm, system_type: str
) -> None:
    code = code_of(kerberized, system_type)
    municipality = kerberized.policy.municipality(code)
    client = kerberized.systems[code].clients[0]
    realm.kinit()
    connector = create_connector(municipality.system, Negotiate())
    try:
        ref = connector.find_client(client.hetu)
        assert ref is not None
        assert ref.hetu == client.hetu
    finally:
        connector.close()
    realm.kdestroy()
    connector = create_connector(municipality.system, Negotiate())
    try:
        with pytest.raises(errors.SignInRequired):
            connector.find_client(client.hetu)
    finally:
        connector.close()


def test_a_kerberos_policy_signs_in_with_the_session_and_names_its_principal(
    kerberized: TrainingServer, realm: Realm
) -> None:
    realm.kinit()
    policy = kerberos_policy(kerberized)
    sign_ins = SignIns(policy)
    code = code_of(kerberized, "proconsona")
    sign_in = sign_ins.of(code)
    assert sign_in is not None
    assert sign_in.method is SignInMethod.KERBEROS
    assert sign_in.state is State.SIGNED_IN  # nothing to ask
    author = sign_ins.author(code)
    assert author.worker_id == realm.user
    assert author.method is SignInMethod.KERBEROS
    station = Workstation(policy, lambda m: sign_ins.access(m.code), on_refused=sign_ins.failed)
    try:
        client = kerberized.systems[code].clients[0]
        assert station.lookup(code, client.hetu) is not None
        realm.kdestroy()
        station.forget(code)
        with pytest.raises(errors.SignInRequired):
            station.lookup(code, client.hetu)
        assert sign_ins.waiting_for_sign_in(code)
    finally:
        station.close()
