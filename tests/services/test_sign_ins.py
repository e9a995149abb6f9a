"""Signing in as the policy says, against the training server's real identity provider.

Every sign-in goes through the real flow: the provider's login page completed by
``$BROWSER`` (tests/browser_login.py), never an injected token.
"""

from __future__ import annotations

import time
from pathlib import Path

import keyring
import pytest

from app.connectors import errors
from app.domain.author import SignInMethod
from app.services.auth.oidc import Outcome
from app.services.auth.signins import POPULATION, SignIn, SignIns, State
from app.services.auth.vault import TokenVault
from app.services.outbox.delivery import Outcome as Delivery
from app.services.outbox.sending import SendingService
from app.services.outbox.store import Outbox
from app.services.workstation import Workstation
from app.training.server import TRAINING_PASSWORD, TRAINING_USERNAME, TrainingServer
from tests.helpers import entry_for, login_browser, records
from tests.keyring_backend import MemoryKeyring

OIDC = "106"  # Hyvinkää, Pro Consona: the region's identity provider
OIDC_EFFICA = "186"  # Järvenpää, Effica: the same provider, so the same sign-in
PASSWORD = "245"  # Kerava, a legacy Effica: its own password


@pytest.fixture
def memory_keyring() -> MemoryKeyring:
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    return backend


@pytest.fixture
def sign_ins(training: TrainingServer, tmp_path: Path, memory_keyring: MemoryKeyring) -> SignIns:
    return SignIns(training.policy, vault=TokenVault(tmp_path / "sign-in", training=True))


def state_of(sign_in: SignIn) -> State:
    return sign_in.state


def station_for(training: TrainingServer, sign_ins: SignIns) -> Workstation:
    return Workstation(
        training.policy, lambda m: sign_ins.access(m.code), on_refused=sign_ins.failed
    )


def test_the_training_policy_practises_both_kinds_of_sign_in(sign_ins: SignIns) -> None:
    oidc, effica, password = sign_ins.of(OIDC), sign_ins.of(OIDC_EFFICA), sign_ins.of(PASSWORD)
    assert oidc is not None
    assert password is not None
    assert oidc.method is SignInMethod.OIDC
    assert password.method is SignInMethod.PASSWORD
    # One identity provider, one sign-in: for both systems and the population register.
    assert effica is oidc
    assert sign_ins.of(POPULATION) is oidc
    assert all(s.state is State.SIGNED_OUT for s in sign_ins.all())


def test_nothing_is_asked_before_the_worker_signs_in(
    training: TrainingServer, sign_ins: SignIns
) -> None:
    station = station_for(training, sign_ins)
    client = training.systems[OIDC].clients[0]
    with pytest.raises(errors.SignInRequired):
        station.lookup(OIDC, client.hetu)
    with pytest.raises(errors.SignInRequired):
        sign_ins.author(OIDC)
    station.close()


def test_signed_in_worker_reads_both_kinds_of_system(
    training: TrainingServer, sign_ins: SignIns
) -> None:
    oidc, password = sign_ins.of(OIDC), sign_ins.of(PASSWORD)
    assert oidc is not None
    assert password is not None
    with login_browser():
        assert oidc.sign_in().outcome is Outcome.SIGNED_IN
    assert password.sign_in_with_password(TRAINING_USERNAME, TRAINING_PASSWORD, "").outcome is (
        Outcome.SIGNED_IN
    )
    station = station_for(training, sign_ins)
    for code in (OIDC, OIDC_EFFICA, PASSWORD):
        client = training.systems[code].clients[0]
        summary = station.lookup(code, client.hetu)
        assert summary is not None
        assert summary.ref.hetu == client.hetu
    author = sign_ins.author(OIDC)
    assert (author.worker_id, author.method, author.organisation) == (
        "tyontekija-901",
        SignInMethod.OIDC,
        "keusote",
    )
    assert sign_ins.author(PASSWORD).worker_id == TRAINING_USERNAME
    station.close()


def test_a_wrong_password_ends_the_sign_in_and_says_sign_in_again(
    training: TrainingServer, sign_ins: SignIns
) -> None:
    password = sign_ins.of(PASSWORD)
    assert password is not None
    password.sign_in_with_password(TRAINING_USERNAME, "väärä-Ŋ", "")
    station = station_for(training, sign_ins)
    client = training.systems[PASSWORD].clients[0]
    with pytest.raises(errors.AuthenticationFailed):
        station.lookup(PASSWORD, client.hetu)
    assert password.state is State.SIGN_IN_AGAIN
    with pytest.raises(errors.SignInRequired):  # the password was dropped from memory
        station.lookup(PASSWORD, client.hetu)
    station.close()


def test_token_expiring_offline_waits_then_sign_in_again_sends_each_item_once(
    training: TrainingServer, sign_ins: SignIns, outbox: Outbox
) -> None:
    """The issue's acceptance: sign in to an oidc and a password system, record entries,
    the token expires while the system is offline; the items wait; "sign in again"
    when the system is back; after signing in each item is recorded exactly once."""
    provider = training.oidc
    provider.access_token_lifetime = 2
    oidc, password = sign_ins.of(OIDC), sign_ins.of(PASSWORD)
    assert oidc is not None
    assert password is not None
    with login_browser():
        assert oidc.sign_in().outcome is Outcome.SIGNED_IN
    password.sign_in_with_password(TRAINING_USERNAME, TRAINING_PASSWORD, "")
    station = station_for(training, sign_ins)
    service = SendingService(outbox, station)
    entries = {code: entry_for(training.systems[code].clients[0].hetu) for code in (OIDC, PASSWORD)}
    training.set_online(OIDC, False)
    for code, entry in entries.items():
        service.save_entry(code, entry, saved_by=sign_ins.author(code))
    report = service.flush(force=[PASSWORD])
    assert {e.municipality: e.outcome for e in report.events} == {
        PASSWORD: Delivery.DELIVERED,
        OIDC: Delivery.RETRY,
    }
    # Offline (the identity provider too), and meanwhile the access token expires: the
    # item waits, and the worker stays signed in.
    training.oidc.set_online(False)
    time.sleep(provider.access_token_lifetime + 0.5)
    assert [e.outcome for e in service.flush(force=[OIDC]).events] == [Delivery.RETRY]
    assert oidc.state is State.SIGNED_IN
    training.oidc.set_online(True)
    # Meanwhile the organisation ended the session; the system comes back.
    provider.revoke_refresh_tokens("tyontekija-901")
    training.set_online(OIDC, True)
    assert [e.outcome for e in service.flush(force=[OIDC]).events] == [Delivery.RETRY]
    assert state_of(oidc) is State.SIGN_IN_AGAIN
    assert sign_ins.waiting_for_sign_in(OIDC)
    (waiting,) = outbox.items()
    assert waiting.municipality == OIDC
    assert records(training, OIDC) == []
    with login_browser():
        assert oidc.sign_in().outcome is Outcome.SIGNED_IN
    assert [e.outcome for e in service.flush(force=[OIDC]).events] == [Delivery.DELIVERED]
    assert outbox.items() == []
    for code, entry in entries.items():
        (record,) = records(training, code)
        assert record["idempotency_key"] == str(entry.idempotency_key)
        # Attributed to the worker who signed in and saved it.
        assert record["author_id"] == ("tyontekija-901" if code == OIDC else TRAINING_USERNAME)
        assert record["auth_method"] == ("oidc" if code == OIDC else "password")
    station.close()


def test_a_kept_refresh_token_resumes_the_sign_in_after_a_restart(
    training: TrainingServer, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    first = SignIns(training.policy, vault=TokenVault(tmp_path / "s", training=True))
    first_oidc = first.of(OIDC)
    assert first_oidc is not None
    with login_browser():
        assert first_oidc.sign_in().outcome is Outcome.SIGNED_IN
    # The refresh token is on the disk only encrypted; its key is in the keyring.
    (kept,) = (tmp_path / "s").glob("*.token")
    assert first_oidc._oidc is not None
    refresh_token = first_oidc._oidc.refresh_token
    assert refresh_token is not None
    assert refresh_token.encode() not in kept.read_bytes()
    again = SignIns(training.policy, vault=TokenVault(tmp_path / "s", training=True))
    again.resume_all()
    resumed = again.of(OIDC)
    assert resumed is not None
    assert resumed.state is State.SIGNED_IN
    assert again.author(OIDC).worker_id == "tyontekija-901"
    # Without the keyring's key the file is useless: nothing resumes.
    memory_keyring.passwords.clear()
    third = SignIns(training.policy, vault=TokenVault(tmp_path / "s", training=True))
    third.resume_all()
    not_resumed = third.of(OIDC)
    assert not_resumed is not None
    assert not_resumed.state is State.SIGNED_OUT


def test_another_workers_items_wait_for_their_author(
    training: TrainingServer, sign_ins: SignIns
) -> None:
    oidc = sign_ins.of(OIDC)
    assert oidc is not None
    with login_browser():
        oidc.sign_in()
    assert sign_ins.may_send(OIDC, "tyontekija-901")
    assert sign_ins.may_send(OIDC, None)
    assert not sign_ins.may_send(OIDC, "tyontekija-902")
    assert not sign_ins.may_send(PASSWORD, None)  # no one signed in there


def test_another_workers_sign_in_neither_sends_nor_clears_the_first_workers_items(
    training: TrainingServer,
    sign_ins: SignIns,
    outbox: Outbox,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    oidc = sign_ins.of(OIDC)
    assert oidc is not None
    with login_browser():
        assert oidc.sign_in().outcome is Outcome.SIGNED_IN
    station = station_for(training, sign_ins)
    service = SendingService(outbox, station, may_send=sign_ins.item_may_send)
    entry = entry_for(training.systems[OIDC].clients[0].hetu)
    training.set_online(OIDC, False)
    service.save_entry(OIDC, entry, saved_by=sign_ins.author(OIDC))
    training.set_online(OIDC, True)
    # The next worker at the same machine signs in to the same organisation.
    monkeypatch.setenv("PAIVYSTYS_LOGIN_WORKER", "tyontekija-902")
    with login_browser():
        assert oidc.sign_in().outcome is Outcome.SIGNED_IN
    assert sign_ins.author(OIDC).worker_id == "tyontekija-902"
    assert service.flush(force=[OIDC]).events == []
    (kept,) = outbox.items()
    assert kept.author is not None
    assert kept.author.worker_id == "tyontekija-901"
    assert records(training, OIDC) == []
    assert not sign_ins.shows(OIDC, "tyontekija-901")
    # The first worker signs in again: their entry goes, once, attributed to them.
    monkeypatch.setenv("PAIVYSTYS_LOGIN_WORKER", "tyontekija-901")
    with login_browser():
        assert oidc.sign_in().outcome is Outcome.SIGNED_IN
    assert [e.outcome for e in service.flush(force=[OIDC]).events] == [Delivery.DELIVERED]
    (record,) = records(training, OIDC)
    assert record["author_id"] == "tyontekija-901"
    station.close()
