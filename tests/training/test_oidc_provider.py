"""The training OIDC provider over real HTTP: login page, PKCE, refresh rotation, bounds."""

from __future__ import annotations

import base64
import hashlib
import re
import secrets
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from joserfc import jwt
from joserfc.jwk import KeySet

from app.training.oidc import CLIENT_ID, OidcProvider
from app.training.server import TRAINING_PASSWORD

REDIRECT = "http://127.0.0.1:45678/callback"


@pytest.fixture
def provider() -> Iterator[OidcProvider]:
    service = OidcProvider()
    service.start()
    yield service
    service.stop()


def challenge_for(verifier: str) -> str:
    digest = hashlib.sha256(verifier.encode()).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def request_fields(verifier: str) -> dict[str, str]:
    return {
        "client_id": CLIENT_ID,
        "redirect_uri": REDIRECT,
        "scope": "openid profile offline_access",
        "state": "tila-1",
        "nonce": "kertakäyttö-1",
        "code_challenge": challenge_for(verifier),
    }


def login(provider: OidcProvider, verifier: str, worker: str = "tyontekija-901") -> str:
    """Post the login form as a browser would and return the code from the redirect."""
    fields = request_fields(verifier)
    fields.update(worker=worker, password=TRAINING_PASSWORD)
    answer = requests.post(f"{provider.issuer}/authorize", data=fields, allow_redirects=False)
    assert answer.status_code == 302
    location = urlsplit(answer.headers["Location"])
    assert f"http://{location.netloc}{location.path}" == REDIRECT
    params = parse_qs(location.query)
    assert params["state"] == ["tila-1"]
    return params["code"][0]


def token(provider: OidcProvider, **fields: str) -> requests.Response:
    return requests.post(f"{provider.issuer}/token", data={"client_id": CLIENT_ID, **fields})


def exchange(provider: OidcProvider, code: str, verifier: str | None) -> requests.Response:
    fields = {"grant_type": "authorization_code", "code": code, "redirect_uri": REDIRECT}
    if verifier is not None:
        fields["code_verifier"] = verifier
    return token(provider, **fields)


def test_discovery_and_keys(provider: OidcProvider) -> None:
    config = requests.get(f"{provider.issuer}/.well-known/openid-configuration").json()
    assert config["issuer"] == provider.issuer
    assert config["code_challenge_methods_supported"] == ["S256"]
    assert config["token_endpoint_auth_methods_supported"] == ["none"]
    keys = requests.get(config["jwks_uri"]).json()["keys"]
    assert [key["kty"] for key in keys] == ["EC"]
    assert "d" not in keys[0]


def test_login_page_lists_the_synthetic_workers(provider: OidcProvider) -> None:
    fields = request_fields(secrets.token_urlsafe(48))
    page = requests.get(
        f"{provider.issuer}/authorize",
        params={**fields, "response_type": "code", "code_challenge_method": "S256"},
    ).text
    assert "Áilu Čuoŋžá" in page
    assert "tyontekija-901" in page
    assert re.search(r'name="state" value="tila-1"', page)


def test_authorize_refuses_a_request_that_is_not_a_loopback_pkce_one(
    provider: OidcProvider,
) -> None:
    fields = {
        **request_fields(secrets.token_urlsafe(48)),
        "response_type": "code",
        "code_challenge_method": "S256",
    }
    assert requests.get(f"{provider.issuer}/authorize", params=fields).status_code == 200
    for change in (
        {"response_type": "token"},
        {"redirect_uri": "https://elsewhere.example/callback"},
        {"client_id": "joku-muu"},
        {"code_challenge_method": "plain"},
    ):
        answer = requests.get(f"{provider.issuer}/authorize", params={**fields, **change})
        assert answer.status_code == 400


def test_wrong_password_shows_the_page_again(provider: OidcProvider) -> None:
    fields = request_fields(secrets.token_urlsafe(48))
    fields.update(worker="tyontekija-901", password="väärä")
    answer = requests.post(f"{provider.issuer}/authorize", data=fields, allow_redirects=False)
    assert answer.status_code == 200
    assert 'role="alert"' in answer.text


def test_code_needs_the_right_pkce_verifier_and_works_once(provider: OidcProvider) -> None:
    verifier = secrets.token_urlsafe(48)
    code = login(provider, verifier)
    assert exchange(provider, code, None).json() == {"error": "invalid_grant"}
    # The failed attempt spent the code: a code is tried once.
    assert exchange(provider, code, verifier).json() == {"error": "invalid_grant"}

    code = login(provider, verifier)
    answer = exchange(provider, code, secrets.token_urlsafe(48))
    assert answer.status_code == 400
    assert answer.json() == {"error": "invalid_grant"}

    code = login(provider, verifier)
    tokens = exchange(provider, code, verifier).json()
    assert exchange(provider, code, verifier).json() == {"error": "invalid_grant"}
    keys = KeySet.import_key_set(provider.jwks())  # type: ignore[arg-type]
    claims: dict[str, Any] = jwt.decode(tokens["id_token"], keys, algorithms=["ES256"]).claims
    assert claims["iss"] == provider.issuer
    assert claims["aud"] == CLIENT_ID
    assert claims["sub"] == "tyontekija-901"
    assert claims["name"] == "Áilu Čuoŋžá"
    assert claims["nonce"] == "kertakäyttö-1"
    assert claims["exp"] > claims["iat"]
    assert "auth_time" in claims
    worker = provider.validate_access_token(tokens["access_token"])
    assert worker is not None
    assert worker.id == "tyontekija-901"
    assert provider.validate_access_token("keksitty") is None


def test_refresh_rotates_and_a_used_or_revoked_token_is_invalid(provider: OidcProvider) -> None:
    verifier = secrets.token_urlsafe(48)
    first = exchange(provider, login(provider, verifier), verifier).json()["refresh_token"]
    second = token(provider, grant_type="refresh_token", refresh_token=first).json()
    assert second["refresh_token"] != first
    assert provider.validate_access_token(second["access_token"]) is not None
    used = token(provider, grant_type="refresh_token", refresh_token=first)
    assert used.status_code == 400
    assert used.json() == {"error": "invalid_grant"}

    provider.revoke_refresh_tokens("tyontekija-901")
    revoked = token(provider, grant_type="refresh_token", refresh_token=second["refresh_token"])
    assert revoked.json() == {"error": "invalid_grant"}


def test_malformed_and_oversized_forms_are_refused(provider: OidcProvider) -> None:
    assert token(provider, grant_type="password").json() == {"error": "unsupported_grant_type"}
    repeated = "grant_type=refresh_token&refresh_token=a&refresh_token=b"
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    answer = requests.post(f"{provider.issuer}/token", data=repeated, headers=headers)
    assert answer.status_code == 400
    big = requests.post(f"{provider.issuer}/token", data={"code": "x" * 20_000})
    assert big.status_code == 400
    many = requests.post(f"{provider.issuer}/token", data={f"k{i}": "v" for i in range(50)})
    assert many.status_code == 400


def test_the_training_server_describes_its_provider(training: Any) -> None:
    description = requests.get(training.url + "/").json()
    issuer = description["oidc"]
    config = requests.get(f"{issuer}/.well-known/openid-configuration").json()
    assert config["issuer"] == issuer
