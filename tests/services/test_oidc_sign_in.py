"""OIDC sign-in through the real flow: $BROWSER is a script that completes the training
provider's login page and follows the redirect to the app's loopback listener."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest

from app.services.auth.oidc import OidcSignIn, Outcome
from app.training.oidc import CLIENT_ID, OidcProvider
from tests.helpers import login_browser


@pytest.fixture(autouse=True)
def browser(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for name in ("PAIVYSTYS_LOGIN_WORKER", "PAIVYSTYS_LOGIN_TAMPER"):
        monkeypatch.delenv(name, raising=False)
    with login_browser():
        yield


@pytest.fixture
def provider() -> Iterator[OidcProvider]:
    service = OidcProvider()
    service.start()
    yield service
    service.stop()


def sign_in_to(provider: OidcProvider, **options: float) -> OidcSignIn:
    return OidcSignIn(provider.issuer, CLIENT_ID, timeout=5.0, browser_wait=30.0, **options)  # type: ignore[arg-type]


def test_signs_in_through_the_browser(provider: OidcProvider) -> None:
    client = sign_in_to(provider)
    result = client.sign_in()
    assert result.outcome is Outcome.SIGNED_IN, result.detail
    assert result.worker is not None
    assert result.worker.worker_id == "tyontekija-901"
    assert result.worker.name == "Áilu Čuoŋžá"
    token = client.access_token
    assert token is not None
    worker = provider.validate_access_token(token)
    assert worker is not None
    assert worker.id == "tyontekija-901"


def test_the_chosen_worker_is_the_one_signed_in(
    provider: OidcProvider, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PAIVYSTYS_LOGIN_WORKER", "tyontekija-903")
    result = sign_in_to(provider).sign_in()
    assert result.worker is not None
    assert result.worker.name == "Åsa Đuoŧŧá"


def test_a_worker_without_rights_is_forbidden(
    provider: OidcProvider, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PAIVYSTYS_LOGIN_WORKER", "tyontekija-909")
    client = sign_in_to(provider)
    assert client.sign_in().outcome is Outcome.FORBIDDEN
    assert client.access_token is None


def test_wrong_state_is_refused(provider: OidcProvider, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PAIVYSTYS_LOGIN_TAMPER", "state")
    result = sign_in_to(provider).sign_in()
    assert (result.outcome, result.detail) == (Outcome.REFUSED, "state does not match")


def test_substituted_pkce_challenge_is_refused_at_the_token_endpoint(
    provider: OidcProvider, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PAIVYSTYS_LOGIN_TAMPER", "challenge")
    result = sign_in_to(provider).sign_in()
    assert (result.outcome, result.detail) == (Outcome.REFUSED, "token endpoint: invalid_grant")


def test_wrong_nonce_is_refused(provider: OidcProvider) -> None:
    provider.nonce_override = "toisen-istunnon-nonce"
    client = sign_in_to(provider)
    result = client.sign_in()
    assert (result.outcome, result.detail) == (Outcome.REFUSED, "nonce does not match")
    assert client.access_token is None


def test_wrong_audience_is_refused(provider: OidcProvider) -> None:
    provider.id_token_audience = "toinen-sovellus"
    result = sign_in_to(provider).sign_in()
    assert result.outcome is Outcome.REFUSED
    assert result.detail.startswith("ID token rejected")


def test_expired_id_token_is_refused(provider: OidcProvider) -> None:
    provider.id_token_lifetime = -600
    result = sign_in_to(provider, leeway=60).sign_in()
    assert result.outcome is Outcome.REFUSED
    assert result.detail.startswith("ID token rejected")


def test_refresh_rotates_and_a_used_token_means_sign_in_again(provider: OidcProvider) -> None:
    client = sign_in_to(provider)
    assert client.sign_in().outcome is Outcome.SIGNED_IN
    first_refresh, first_access = client.refresh_token, client.access_token
    result = client.refresh()
    assert result.outcome is Outcome.SIGNED_IN, result.detail
    assert result.worker is not None
    assert result.worker.worker_id == "tyontekija-901"
    assert client.refresh_token not in (None, first_refresh)
    assert client.access_token not in (None, first_access)

    # Another copy of the app replays the spent refresh token: the provider refuses it.
    replay = sign_in_to(provider)
    assert replay.sign_in().outcome is Outcome.SIGNED_IN
    replay._refresh_token = first_refresh
    assert replay.refresh().outcome is Outcome.SIGN_IN_AGAIN
    assert replay.refresh_token is None
    assert replay.access_token is None


def test_revoked_refresh_token_means_sign_in_again(provider: OidcProvider) -> None:
    client = sign_in_to(provider)
    assert client.sign_in().outcome is Outcome.SIGNED_IN
    provider.revoke_refresh_tokens("tyontekija-901")
    assert client.refresh().outcome is Outcome.SIGN_IN_AGAIN
    assert client.refresh().outcome is Outcome.SIGN_IN_AGAIN


def test_provider_offline_is_offline_and_keeps_the_refresh_token(provider: OidcProvider) -> None:
    client = sign_in_to(provider)
    assert client.sign_in().outcome is Outcome.SIGNED_IN
    held = client.refresh_token
    provider.set_online(False)
    result = client.refresh()
    assert result.outcome is Outcome.OFFLINE
    assert client.refresh_token == held
    provider.set_online(True)
    assert client.refresh().outcome is Outcome.SIGNED_IN


def test_token_endpoint_5xx_is_offline_and_keeps_the_refresh_token(provider: OidcProvider) -> None:
    client = sign_in_to(provider)
    assert client.sign_in().outcome is Outcome.SIGNED_IN
    held = client.refresh_token
    provider.token_endpoint_down = True
    result = client.refresh()
    assert (result.outcome, result.detail) == (Outcome.OFFLINE, "token endpoint answered 503")
    assert client.refresh_token == held
    provider.token_endpoint_down = False
    assert client.refresh().outcome is Outcome.SIGNED_IN


def test_unreachable_provider_is_offline() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    result = OidcSignIn(f"http://127.0.0.1:{port}", CLIENT_ID, timeout=5.0).sign_in()
    assert (result.outcome, result.detail) == (Outcome.OFFLINE, "provider unreachable")


def test_a_browser_that_cannot_open_stops_the_wait(provider: OidcProvider) -> None:
    client = OidcSignIn(provider.issuer, CLIENT_ID, open_browser=lambda url: False)
    result = client.sign_in()
    assert (result.outcome, result.detail) == (Outcome.REFUSED, "browser could not be opened")
