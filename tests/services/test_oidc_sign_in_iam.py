"""OIDC sign-in against an identity provider no one here wrote: Canaille, through
pytest-iam (it enforces PKCE and issues refresh tokens). Skipped where pytest-iam is not
installed (it is in the test extras). Canaille matches the whole redirect URI, so the
loopback listener takes a fixed port here."""

from __future__ import annotations

import os
import secrets
import socket
from collections.abc import Iterator
from typing import Any

import pytest
import requests

if os.environ.get("PAIVYSTYS_REQUIRE_IAM"):  # .ci/run: these tests must run
    import pytest_iam  # noqa: F401
else:
    pytest.importorskip("pytest_iam")

from app.services.auth.oidc import OidcSignIn, Outcome
from tests.helpers import login_browser


@pytest.fixture(autouse=True)
def browser(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.delenv("PAIVYSTYS_LOGIN_TAMPER", raising=False)
    with login_browser():
        yield


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def registered(iam_server: Any, audience_elsewhere: bool = False) -> OidcSignIn:
    """A public client registered at Canaille, with a signed-in, consenting user."""
    port = free_port()
    client_id = f"paivystys-{secrets.token_hex(4)}"
    client = iam_server.models.Client(
        client_id=client_id,
        client_name="Päivystys",
        redirect_uris=[f"http://127.0.0.1:{port}/callback"],
        token_endpoint_auth_method="none",
        grant_types=["authorization_code", "refresh_token"],
        response_types=["code"],
        scope=["openid", "profile", "offline_access"],
    )
    iam_server.backend.save(client)
    audience = client
    if audience_elsewhere:
        audience = iam_server.models.Client(client_id=f"muu-{secrets.token_hex(4)}")
        iam_server.backend.save(audience)
    # Canaille puts a client's audience list in its ID tokens' aud.
    iam_server.backend.update(client, audience=[audience])
    iam_server.backend.save(client)
    user = iam_server.random_user()
    iam_server.login(user)
    iam_server.consent(user, client)
    issuer = requests.get(f"{iam_server.url}.well-known/openid-configuration").json()["issuer"]
    return OidcSignIn(issuer, client_id, timeout=10.0, browser_wait=30.0, loopback_port=port)


def test_signs_in_refreshes_and_a_replayed_refresh_token_means_sign_in_again(
    iam_server: Any,
) -> None:
    sign_in = registered(iam_server)
    result = sign_in.sign_in()
    assert result.outcome is Outcome.SIGNED_IN, result.detail
    assert result.worker is not None
    assert result.worker.worker_id
    first_refresh = sign_in.refresh_token
    assert first_refresh is not None

    refreshed = sign_in.refresh()
    assert refreshed.outcome is Outcome.SIGNED_IN, refreshed.detail
    assert sign_in.access_token is not None
    assert sign_in.refresh_token not in (None, first_refresh)

    sign_in._refresh_token = first_refresh
    assert sign_in.refresh().outcome is Outcome.SIGN_IN_AGAIN


def test_substituted_pkce_challenge_is_refused(
    iam_server: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PAIVYSTYS_LOGIN_TAMPER", "challenge")
    result = registered(iam_server).sign_in()
    assert (result.outcome, result.detail) == (Outcome.REFUSED, "token endpoint: invalid_grant")


def test_wrong_state_is_refused(iam_server: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PAIVYSTYS_LOGIN_TAMPER", "state")
    result = registered(iam_server).sign_in()
    assert (result.outcome, result.detail) == (Outcome.REFUSED, "state does not match")


def test_id_token_for_another_audience_is_refused(iam_server: Any) -> None:
    result = registered(iam_server, audience_elsewhere=True).sign_in()
    assert result.outcome is Outcome.REFUSED
    assert result.detail.startswith("ID token rejected")


def test_a_revoked_refresh_token_means_sign_in_again(iam_server: Any) -> None:
    sign_in = registered(iam_server)
    assert sign_in.sign_in().outcome is Outcome.SIGNED_IN
    # The organisation ends the worker's sessions: every token it issued goes.
    for token in iam_server.backend.query(iam_server.models.Token):
        iam_server.backend.delete(token)
    assert sign_in.refresh().outcome is Outcome.SIGN_IN_AGAIN
    assert not sign_in.has_refresh_token


def test_an_id_token_with_another_nonce_is_refused(
    iam_server: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PAIVYSTYS_LOGIN_TAMPER", "nonce")
    result = registered(iam_server).sign_in()
    assert result.outcome is Outcome.REFUSED
    assert "nonce" in result.detail


def test_an_expired_id_token_is_refused(iam_server: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from canaille.oidc import provider

    # Canaille issues ID tokens that expired five minutes before they were made.
    monkeypatch.setattr(provider.OpenIDCode, "DEFAULT_EXPIRES_IN", -300)
    result = registered(iam_server).sign_in()
    assert result.outcome is Outcome.REFUSED
    assert result.detail.startswith("ID token rejected")
