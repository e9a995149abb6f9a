"""The training OpenID Connect provider: synthetic duty workers sign in here.

An authorization server for one public client (no secret), served like the training
systems (``SimulatedService``, so it can go offline and come back on the same port):

* ``/.well-known/openid-configuration`` and ``/jwks``;
* ``/authorize``: GET shows a small login page listing the synthetic workers; POST with a
  worker id and the training password redirects to the client's loopback ``redirect_uri``
  (``http://127.0.0.1:<any port>/...``, RFC 8252) with a one-time code;
* ``/token``: ``authorization_code`` with PKCE S256 required (a missing or wrong verifier
  gives ``invalid_grant``) and ``refresh_token`` with rotation (a used or revoked refresh
  token gives ``invalid_grant``).

ID tokens are ES256 JWS signed with a key made at start. Access tokens are opaque and
expire; ``validate_access_token`` lets the training systems check them. Everything held is
bounded, and the provider logs nothing.
"""

from __future__ import annotations

import base64
import hashlib
import html
import secrets
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any, ClassVar
from urllib.parse import parse_qs, urlencode, urlsplit

from joserfc import jwt
from joserfc.jwk import ECKey

from app.training.server import (
    LOOPBACK,
    TRAINING_PASSWORD,
    Binding,
    SimulatedService,
    SimulatorHandler,
)

CLIENT_ID = "paivystys"
SCOPES = ("openid", "profile", "offline_access")

# Bounds: at most this many of each kind of grant are held; the oldest goes first.
MAX_GRANTS = 1000
MAX_FORM_BYTES = 8 * 1024
MAX_FORM_FIELDS = 20
MAX_FIELD_CHARS = 512
CODE_LIFETIME = 60


@dataclass(frozen=True)
class SyntheticWorker:
    """An invented duty worker of the training provider."""

    id: str
    name: str
    # A worker the organisation has not given rights: the login ends in access_denied.
    allowed: bool = True


WORKERS = (
    SyntheticWorker("tyontekija-901", "Áilu Čuoŋžá"),
    SyntheticWorker("tyontekija-902", "Säde Šiŋŋá"),
    SyntheticWorker("tyontekija-903", "Åsa Đuoŧŧá"),
    SyntheticWorker("tyontekija-909", "Ánte Žiŋŋá (ei oikeuksia)", allowed=False),
)


@dataclass(frozen=True)
class _Code:
    client_id: str
    redirect_uri: str
    challenge: str
    nonce: str
    worker: SyntheticWorker
    auth_time: int
    expires: float


@dataclass(frozen=True)
class _Refresh:
    client_id: str
    worker: SyntheticWorker
    auth_time: int


def _bounded_put(store: OrderedDict[str, Any], key: str, value: Any) -> None:
    store[key] = value
    while len(store) > MAX_GRANTS:
        store.popitem(last=False)


def s256(verifier: str) -> str:
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def loopback_redirect(uri: str) -> bool:
    """A native app's loopback redirect: http on 127.0.0.1 with a port (RFC 8252 7.3)."""
    try:
        parts = urlsplit(uri)
        port = parts.port
    except ValueError:
        return False
    return parts.scheme == "http" and parts.hostname == "127.0.0.1" and port is not None


def parse_form(body: bytes) -> dict[str, str] | None:
    """A form body's fields (each given once), or None when it is malformed or too big."""
    if len(body) > MAX_FORM_BYTES:
        return None
    try:
        text = body.decode("ascii")
        fields = parse_qs(text, keep_blank_values=True, max_num_fields=MAX_FORM_FIELDS)
    except (UnicodeDecodeError, ValueError):
        return None
    if any(len(values) != 1 for values in fields.values()):
        return None
    form = {name: values[0] for name, values in fields.items()}
    if any(len(value) > MAX_FIELD_CHARS for value in form.values()):
        return None
    return form


class OidcProvider(SimulatedService):
    """The training sign-in service. The lifetimes are attributes so tests can shorten them;
    ``id_token_audience`` and ``nonce_override`` let tests make it misbehave."""

    def __init__(self, binding: Binding = LOOPBACK, workers: tuple[SyntheticWorker, ...] = WORKERS):
        handler_class = type("OidcHandler", (_OidcHandler,), {"provider": self})
        super().__init__(handler_class, "oidc", binding)
        self.workers = {worker.id: worker for worker in workers}
        self.key = ECKey.generate_key("P-256", parameters={"kid": secrets.token_urlsafe(8)})
        self.id_token_lifetime = 300
        self.access_token_lifetime = 300
        self.id_token_audience: str | None = None
        self.nonce_override: str | None = None
        # The token endpoint answers 503 (an identity provider having a bad night).
        self.token_endpoint_down = False
        self._lock = threading.Lock()
        self._codes: OrderedDict[str, _Code] = OrderedDict()
        self._refresh: OrderedDict[str, _Refresh] = OrderedDict()
        self._access: OrderedDict[str, tuple[SyntheticWorker, float]] = OrderedDict()

    @property
    def issuer(self) -> str:
        return self.url

    def configuration(self) -> dict[str, Any]:
        return {
            "issuer": self.issuer,
            "authorization_endpoint": f"{self.issuer}/authorize",
            "token_endpoint": f"{self.issuer}/token",
            "jwks_uri": f"{self.issuer}/jwks",
            "response_types_supported": ["code"],
            "grant_types_supported": ["authorization_code", "refresh_token"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["ES256"],
            "code_challenge_methods_supported": ["S256"],
            "token_endpoint_auth_methods_supported": ["none"],
            "scopes_supported": list(SCOPES),
        }

    def jwks(self) -> dict[str, Any]:
        return {"keys": [self.key.as_dict(private=False)]}

    # --- grants -------------------------------------------------------------------------

    def issue_code(
        self, client_id: str, redirect_uri: str, challenge: str, nonce: str, worker: SyntheticWorker
    ) -> str:
        code = secrets.token_urlsafe(32)
        now = time.time()
        grant = _Code(
            client_id, redirect_uri, challenge, nonce, worker, int(now), now + CODE_LIFETIME
        )
        with self._lock:
            _bounded_put(self._codes, code, grant)
        return code

    def exchange_code(self, form: dict[str, str]) -> dict[str, Any] | str:
        """The token response for a code, or the OAuth error code."""
        with self._lock:
            grant = self._codes.pop(form.get("code", ""), None)
        if grant is None or grant.expires < time.time():
            return "invalid_grant"
        if (
            form.get("client_id") != grant.client_id
            or form.get("redirect_uri") != grant.redirect_uri
        ):
            return "invalid_grant"
        verifier = form.get("code_verifier", "")
        if not 43 <= len(verifier) <= 128 or not secrets.compare_digest(
            s256(verifier), grant.challenge
        ):
            return "invalid_grant"
        return self._tokens(grant.client_id, grant.worker, grant.auth_time, grant.nonce)

    def refresh(self, form: dict[str, str]) -> dict[str, Any] | str:
        with self._lock:
            grant = self._refresh.pop(form.get("refresh_token", ""), None)
        if grant is None or form.get("client_id") != grant.client_id:
            return "invalid_grant"
        return self._tokens(grant.client_id, grant.worker, grant.auth_time, None)

    def revoke_refresh_tokens(self, worker_id: str) -> None:
        """The organisation takes the worker's sessions away: every refresh token goes."""
        with self._lock:
            for token in [t for t, g in self._refresh.items() if g.worker.id == worker_id]:
                del self._refresh[token]

    def validate_access_token(self, token: str) -> SyntheticWorker | None:
        """The worker an access token was issued to, or None if unknown or expired."""
        with self._lock:
            held = self._access.get(token)
        if held is None or held[1] < time.time():
            return None
        return held[0]

    def _tokens(
        self, client_id: str, worker: SyntheticWorker, auth_time: int, nonce: str | None
    ) -> dict[str, Any]:
        now = int(time.time())
        claims: dict[str, Any] = {
            "iss": self.issuer,
            "aud": self.id_token_audience or client_id,
            "sub": worker.id,
            "name": worker.name,
            "iat": now,
            "exp": now + self.id_token_lifetime,
            "auth_time": auth_time,
        }
        if nonce is not None:
            claims["nonce"] = self.nonce_override or nonce
        header = {"alg": "ES256", "kid": self.key.kid}
        access = secrets.token_urlsafe(32)
        refresh = secrets.token_urlsafe(32)
        with self._lock:
            _bounded_put(self._access, access, (worker, now + self.access_token_lifetime))
            _bounded_put(self._refresh, refresh, _Refresh(client_id, worker, auth_time))
        return {
            "access_token": access,
            "token_type": "Bearer",
            "expires_in": self.access_token_lifetime,
            "refresh_token": refresh,
            "id_token": jwt.encode(header, claims, self.key),
            "scope": " ".join(SCOPES),
        }


_PAGE = """<!DOCTYPE html>
<html lang="fi"><head><meta charset="utf-8"><title>Harjoituskirjautuminen</title></head>
<body><h1>Harjoituskirjautuminen</h1>
<p>Valitse harjoitustyöntekijä. Salasana on <code>{password}</code>.</p>{error}
<form method="post" action="/authorize">{hidden}
{workers}
<p><label>Salasana <input type="password" name="password"></label></p>
<p><button type="submit">Kirjaudu</button></p>
</form></body></html>
"""

# The authorization request's parameters that the login form carries on.
_CARRIED = ("client_id", "redirect_uri", "state", "nonce", "code_challenge", "scope")


class _OidcHandler(SimulatorHandler):
    provider: ClassVar[OidcProvider]

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        path, _, query = self.path.partition("?")
        if path == "/.well-known/openid-configuration":
            self.send_json(HTTPStatus.OK, self.provider.configuration())
        elif path == "/jwks":
            self.send_json(HTTPStatus.OK, self.provider.jwks())
        elif path == "/authorize":
            params = parse_form(query.encode("ascii", "replace"))
            if (
                params is None
                or params.get("response_type") != "code"
                or params.get("code_challenge_method") != "S256"
            ):
                self._bad_request()
                return
            self._authorize_page(params, "")
        else:
            self.send_json(HTTPStatus.NOT_FOUND, {"error": "not found"})

    def do_POST(self) -> None:  # noqa: N802 - http.server's name
        body = self.read_body()
        if body is None:
            return
        form = parse_form(body)
        path = self.path.split("?", 1)[0]
        if form is None:
            self._bad_request()
        elif path == "/authorize":
            self._login(form)
        elif path == "/token":
            self._token(form)
        else:
            self.send_json(HTTPStatus.NOT_FOUND, {"error": "not found"})

    def _valid_request(self, params: dict[str, str]) -> bool:
        return (
            params.get("client_id") == CLIENT_ID
            and loopback_redirect(params.get("redirect_uri", ""))
            and "openid" in params.get("scope", "").split()
            and 43 <= len(params.get("code_challenge", "")) <= 128
            and bool(params.get("state"))
            and bool(params.get("nonce"))
        )

    def _bad_request(self) -> None:
        body = "<!DOCTYPE html><p>Virheellinen kirjautumispyyntö.</p>".encode()
        self.send_bytes(HTTPStatus.BAD_REQUEST, body, "text/html; charset=utf-8")

    def _authorize_page(self, params: dict[str, str], error: str) -> None:
        if not self._valid_request(params):
            self._bad_request()
            return
        hidden = "".join(
            f'\n<input type="hidden" name="{name}" value="{html.escape(params[name])}">'
            for name in _CARRIED
        )
        workers = "\n".join(
            f'<p><label><input type="radio" name="worker" value="{html.escape(w.id)}">'
            f" {html.escape(w.name)} ({html.escape(w.id)})</label></p>"
            for w in self.provider.workers.values()
        )
        page = _PAGE.format(
            password=TRAINING_PASSWORD,
            error=f'<p role="alert">{html.escape(error)}</p>' if error else "",
            hidden=hidden,
            workers=workers,
        )
        self.send_bytes(HTTPStatus.OK, page.encode("utf-8"), "text/html; charset=utf-8")

    def _login(self, form: dict[str, str]) -> None:
        if not self._valid_request(form):
            self._bad_request()
            return
        worker = self.provider.workers.get(form.get("worker", ""))
        password_ok = secrets.compare_digest(
            form.get("password", "").encode(), TRAINING_PASSWORD.encode()
        )
        if worker is None or not password_ok:
            self._authorize_page(form, "Valitse työntekijä ja anna harjoitussalasana.")
            return
        answer: dict[str, str] = {"state": form["state"]}
        if worker.allowed:
            answer["code"] = self.provider.issue_code(
                form["client_id"],
                form["redirect_uri"],
                form["code_challenge"],
                form["nonce"],
                worker,
            )
        else:
            answer["error"] = "access_denied"
        location = f"{form['redirect_uri']}?{urlencode(answer)}"
        self.send_bytes(HTTPStatus.FOUND, b"", "text/plain", {"Location": location})

    def _token(self, form: dict[str, str]) -> None:
        if self.provider.token_endpoint_down:
            self.send_bytes(HTTPStatus.SERVICE_UNAVAILABLE, b"busy", "text/plain")
            return
        grant_type = form.get("grant_type")
        result: dict[str, Any] | str
        if grant_type == "authorization_code":
            result = self.provider.exchange_code(form)
        elif grant_type == "refresh_token":
            result = self.provider.refresh(form)
        else:
            result = "unsupported_grant_type"
        headers = {"Cache-Control": "no-store"}
        if isinstance(result, str):
            self.send_json(HTTPStatus.BAD_REQUEST, {"error": result}, headers)
        else:
            self.send_json(HTTPStatus.OK, result, headers)
