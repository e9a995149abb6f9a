"""OpenID Connect sign-in for a native app (RFC 8252): authorization code with PKCE S256.

The system browser is opened with ``webbrowser`` (so ``$BROWSER`` works) and the
identity provider redirects to a one-request listener on 127.0.0.1 with an ephemeral port.
``state`` and ``nonce`` are checked and the ID token is validated (issuer, audience,
signature against the provider's JWKS, expiry). The access token stays in memory only;
the refresh token too, for now (stored encrypted in a later increment).

Every outcome is one of ``Outcome``; its detail never carries a token or a claim value.
"""

from __future__ import annotations

import contextlib
import enum
import socket
import threading
import time
import webbrowser
from collections.abc import Callable
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any
from urllib.parse import parse_qs

import requests
from authlib.common.security import generate_token
from authlib.integrations.requests_client import OAuth2Session, OAuthError
from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet

# Asymmetric signatures only: never "none" or a shared-secret HMAC.
ALGORITHMS = ["ES256", "ES384", "RS256", "RS384", "RS512", "PS256", "PS384", "PS512"]
CALLBACK_PATH = "/callback"
MAX_DOCUMENT_BYTES = 64 * 1024
# An OAuth error at the token endpoint that means the grant is gone: sign in again.
_GRANT_GONE = {"invalid_grant", "invalid_token"}
_FORBIDDEN = {"access_denied", "unauthorized_client"}

_DONE_PAGE = (
    "<!DOCTYPE html><html lang='fi'><meta charset='utf-8'>"
    "<p>Kirjautuminen on käsitelty. Voit sulkea tämän välilehden ja palata Päivystykseen.</p>"
).encode()


class Outcome(enum.Enum):
    SIGNED_IN = "signed_in"
    OFFLINE = "offline"  # the provider could not be reached: try later, nothing is lost
    SIGN_IN_AGAIN = "sign_in_again"  # the grant is gone: the worker must sign in again
    FORBIDDEN = "forbidden"  # the organisation does not let this worker in
    REFUSED = "refused"  # the answer was not acceptable (state, nonce, token, protocol)


@dataclass(frozen=True)
class SignedInWorker:
    worker_id: str
    name: str
    auth_time: int


@dataclass(frozen=True)
class SignInResult:
    outcome: Outcome
    # Data-free: which check or step failed, never a token or a claim value.
    detail: str = ""
    worker: SignedInWorker | None = None


class _Refused(Exception):
    def __init__(self, outcome: Outcome, detail: str) -> None:
        super().__init__(detail)
        self.outcome = outcome
        self.detail = detail


def _provider_trouble_is_offline(response: requests.Response) -> requests.Response:
    """A 5xx from the token endpoint is the provider's trouble: try later, keep the grant."""
    if response.status_code >= 500:
        raise _Refused(Outcome.OFFLINE, f"token endpoint answered {response.status_code}")
    return response


class _Callback:
    """A one-request loopback listener for the redirect."""

    def __init__(self, port: int) -> None:
        self.params: dict[str, str] | None = None
        self.cancelled = False
        callback = self

        class Handler(BaseHTTPRequestHandler):
            # A browser's speculative connection that never sends a request is dropped.
            timeout = 5.0

            def do_GET(self) -> None:
                path, _, query = self.path.partition("?")
                if path != CALLBACK_PATH or callback.params is not None:
                    self.send_error(HTTPStatus.NOT_FOUND)
                    return
                try:
                    fields = parse_qs(query, max_num_fields=10)
                except ValueError:
                    fields = {}
                callback.params = {name: values[0] for name, values in fields.items()}
                self.send_response(HTTPStatus.OK)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(_DONE_PAGE)))
                self.end_headers()
                self.wfile.write(_DONE_PAGE)

            def log_message(self, format: str, *args: Any) -> None:
                return  # the request line carries the code

        self.server = HTTPServer(("127.0.0.1", port), Handler)
        self.redirect_uri = f"http://127.0.0.1:{self.server.server_address[1]}{CALLBACK_PATH}"

    def cancel(self) -> None:
        """Stop waiting (the browser could not be opened): wake the listener."""
        self.cancelled = True
        with contextlib.suppress(OSError):
            socket.create_connection(
                ("127.0.0.1", self.server.server_address[1]), timeout=1
            ).close()

    def wait(self, seconds: float) -> dict[str, str] | None:
        deadline = time.monotonic() + seconds
        try:
            while (
                self.params is None
                and not self.cancelled
                and (left := deadline - time.monotonic()) > 0
            ):
                self.server.timeout = left
                self.server.handle_request()
        finally:
            self.server.server_close()
        return self.params


class OidcSignIn:
    """One organisation's OIDC sign-in for this workstation (a public client)."""

    def __init__(  # noqa: PLR0913 - the options are keyword-only
        self,
        issuer: str,
        client_id: str,
        scope: str = "openid profile offline_access",
        *,
        timeout: float = 10.0,
        browser_wait: float = 300.0,
        leeway: int = 60,
        loopback_port: int = 0,
        open_browser: Callable[[str], bool] = webbrowser.open,
    ) -> None:
        self.issuer = issuer.rstrip("/")
        self.client_id = client_id
        self.scope = scope
        self.timeout = timeout
        self.browser_wait = browser_wait
        self.leeway = leeway
        # 0: an ephemeral port (RFC 8252). A fixed one for providers that match the whole
        # registered redirect URI, port included.
        self.loopback_port = loopback_port
        self._open_browser = open_browser
        self._lock = threading.Lock()
        self._metadata: dict[str, Any] | None = None
        self._keys: KeySet | None = None
        self._access_token: str | None = None
        self._access_expires = 0.0
        self._refresh_token: str | None = None
        self.worker: SignedInWorker | None = None

    @property
    def access_token(self) -> str | None:
        """The current access token (memory only), or None when there is none or it expired."""
        if self._access_token is None or time.time() >= self._access_expires:
            return None
        return self._access_token

    def sign_in(self) -> SignInResult:
        with self._lock:
            try:
                return self._sign_in()
            except _Refused as refused:
                return SignInResult(refused.outcome, refused.detail)

    def refresh(self) -> SignInResult:
        """New tokens from the refresh token; one refresh at a time. Offline keeps it."""
        with self._lock:
            if self._refresh_token is None:
                return SignInResult(Outcome.SIGN_IN_AGAIN, "no refresh token")
            try:
                return self._refresh()
            except _Refused as refused:
                if refused.outcome is Outcome.SIGN_IN_AGAIN:
                    self._refresh_token = None
                    self._access_token = None
                return SignInResult(refused.outcome, refused.detail)

    # --- steps --------------------------------------------------------------------------

    def _get_json(self, url: str) -> dict[str, Any]:
        try:
            response = requests.get(url, timeout=self.timeout)
        except requests.RequestException:
            raise _Refused(Outcome.OFFLINE, "provider unreachable") from None
        if response.status_code >= 500:
            raise _Refused(Outcome.OFFLINE, f"provider answered {response.status_code}")
        if response.status_code != 200 or len(response.content) > MAX_DOCUMENT_BYTES:
            raise _Refused(Outcome.REFUSED, f"provider answered {response.status_code}")
        try:
            document = response.json()
        except ValueError:
            raise _Refused(Outcome.REFUSED, "provider document is not JSON") from None
        if not isinstance(document, dict):
            raise _Refused(Outcome.REFUSED, "provider document is not an object")
        return document

    def _discover(self) -> dict[str, Any]:
        if self._metadata is None or self._keys is None:
            metadata = self._get_json(f"{self.issuer}/.well-known/openid-configuration")
            if metadata.get("issuer") != self.issuer:
                raise _Refused(Outcome.REFUSED, "issuer differs from the configured one")
            for name in ("authorization_endpoint", "token_endpoint", "jwks_uri"):
                if not isinstance(metadata.get(name), str):
                    raise _Refused(Outcome.REFUSED, f"provider metadata lacks {name}")
            try:
                jwks: Any = self._get_json(metadata["jwks_uri"])
                self._keys = KeySet.import_key_set(jwks)
            except (JoseError, ValueError, TypeError, KeyError):
                raise _Refused(Outcome.REFUSED, "provider keys unusable") from None
            self._metadata = metadata
        return self._metadata

    def _session(self, redirect_uri: str | None = None) -> OAuth2Session:
        session = OAuth2Session(
            self.client_id,
            redirect_uri=redirect_uri,
            scope=self.scope,
            code_challenge_method="S256",
            token_endpoint_auth_method="none",  # noqa: S106 - a public client has no secret
        )
        for hook in ("access_token_response", "refresh_token_response"):
            session.register_compliance_hook(hook, _provider_trouble_is_offline)
        return session

    def _sign_in(self) -> SignInResult:
        metadata = self._discover()
        try:
            callback = _Callback(self.loopback_port)
        except OSError:
            raise _Refused(Outcome.REFUSED, "loopback port unavailable") from None
        session = self._session(callback.redirect_uri)
        state, nonce, verifier = generate_token(32), generate_token(32), generate_token(64)
        url, _ = session.create_authorization_url(
            metadata["authorization_endpoint"], state=state, nonce=nonce, code_verifier=verifier
        )
        # The listener waits in its own thread: a $BROWSER command may run to its end first.
        answer: list[dict[str, str] | None] = []
        waiter = threading.Thread(
            target=lambda: answer.append(callback.wait(self.browser_wait)),
            name="oidc-loopback",
            daemon=True,
        )
        waiter.start()
        opened = self._open_browser(url)
        if not opened:
            callback.cancel()
        waiter.join()
        params = answer[0] if answer else None
        if params is None:
            detail = "no answer from the browser" if opened else "browser could not be opened"
            raise _Refused(Outcome.REFUSED, detail)
        if params.get("state") != state:
            raise _Refused(Outcome.REFUSED, "state does not match")
        if "error" in params:
            error = params["error"]
            outcome = Outcome.FORBIDDEN if error in _FORBIDDEN else Outcome.REFUSED
            raise _Refused(outcome, "provider refused the sign-in")
        if not params.get("code"):
            raise _Refused(Outcome.REFUSED, "no code in the redirect")
        token = self._call_token_endpoint(
            lambda: session.fetch_token(
                metadata["token_endpoint"],
                grant_type="authorization_code",
                code=params["code"],
                code_verifier=verifier,
                timeout=self.timeout,
            ),
            grant_gone=Outcome.REFUSED,
        )
        claims = self._validate_id_token(token.get("id_token"), nonce)
        return self._signed_in(token, claims)

    def _refresh(self) -> SignInResult:
        metadata = self._discover()
        session = self._session()
        token = self._call_token_endpoint(
            lambda: session.refresh_token(
                metadata["token_endpoint"],
                refresh_token=self._refresh_token,
                timeout=self.timeout,
            ),
            grant_gone=Outcome.SIGN_IN_AGAIN,
        )
        if token.get("id_token") is None:
            if self.worker is None:
                raise _Refused(Outcome.REFUSED, "no ID token")
            return self._signed_in(token, None)
        claims = self._validate_id_token(token.get("id_token"), None)
        if self.worker is not None and claims["sub"] != self.worker.worker_id:
            raise _Refused(Outcome.REFUSED, "refresh answered for another worker")
        return self._signed_in(token, claims)

    def _call_token_endpoint(
        self, call: Callable[[], dict[str, Any]], grant_gone: Outcome
    ) -> dict[str, Any]:
        try:
            token = dict(call())
        except OAuthError as error:
            if error.error in _GRANT_GONE:
                raise _Refused(grant_gone, f"token endpoint: {error.error}") from None
            if error.error in _FORBIDDEN:
                raise _Refused(Outcome.FORBIDDEN, f"token endpoint: {error.error}") from None
            raise _Refused(Outcome.REFUSED, "token endpoint refused") from None
        except requests.RequestException:
            raise _Refused(Outcome.OFFLINE, "token endpoint unreachable") from None
        except ValueError:
            raise _Refused(Outcome.REFUSED, "token endpoint answer unusable") from None
        if not isinstance(token.get("access_token"), str):
            raise _Refused(Outcome.REFUSED, "no access token")
        return token

    def _validate_id_token(self, id_token: object, nonce: str | None) -> dict[str, Any]:
        if not isinstance(id_token, str) or self._keys is None:
            raise _Refused(Outcome.REFUSED, "no ID token")
        try:
            claims = jwt.decode(id_token, self._keys, algorithms=ALGORITHMS).claims
        except (JoseError, ValueError):
            raise _Refused(Outcome.REFUSED, "ID token signature invalid") from None
        registry = jwt.JWTClaimsRegistry(
            leeway=self.leeway,
            iss={"essential": True, "value": self.issuer},
            aud={"essential": True, "value": self.client_id},
            sub={"essential": True},
            exp={"essential": True},
            iat={"essential": True},
        )
        try:
            registry.validate(claims)
        except JoseError as error:
            raise _Refused(Outcome.REFUSED, f"ID token rejected: {error.error}") from None
        if nonce is not None and claims.get("nonce") != nonce:
            raise _Refused(Outcome.REFUSED, "nonce does not match")
        if not isinstance(claims.get("sub"), str):
            raise _Refused(Outcome.REFUSED, "ID token subject unusable")
        return claims

    def _signed_in(self, token: dict[str, Any], claims: dict[str, Any] | None) -> SignInResult:
        if claims is not None:
            name = claims.get("name")
            auth_time = claims.get("auth_time", claims["iat"])
            self.worker = SignedInWorker(
                claims["sub"],
                name if isinstance(name, str) else "",
                int(auth_time) if isinstance(auth_time, int | float) else int(claims["iat"]),
            )
        expires_in = token.get("expires_in")
        lifetime = expires_in if isinstance(expires_in, int) and expires_in > 0 else 300
        self._access_token = token["access_token"]
        self._access_expires = time.time() + lifetime
        refresh_token = token.get("refresh_token")
        if isinstance(refresh_token, str):
            self._refresh_token = refresh_token  # rotation: the old one is spent
        return SignInResult(Outcome.SIGNED_IN, worker=self.worker)

    def restore(self, refresh_token: str, worker: SignedInWorker) -> None:
        """Take a kept refresh token (of an earlier session) for :meth:`refresh`."""
        with self._lock:
            self._refresh_token = refresh_token
            self.worker = worker

    def forget_access_token(self, token: str) -> None:
        """A system refused ``token``: the next :meth:`refresh` gets a new one."""
        with self._lock:
            if self._access_token == token:
                self._access_token = None

    @property
    def has_refresh_token(self) -> bool:
        return self._refresh_token is not None

    @property
    def refresh_token(self) -> str | None:
        """The held refresh token, for the encrypted store to come; never logged or shown."""
        return self._refresh_token
