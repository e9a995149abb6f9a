"""The worker's sign-ins for one session: one per organisation's sign-in, Qt-free.

The policy says how each system is signed in to (``auth.method``). Systems that
share a sign-in share one :class:`SignIn`: every ``oidc`` system of the same
identity provider and client id (the population register too, where it uses the
same provider), every ``kerberos`` system of one registrar; a ``password``
system has its own.

Each outcome of a sign-in is one of :class:`~app.services.auth.oidc.Outcome`:
signed in, offline (try later), sign in again, forbidden, refused.

Offline is not signed out: losing the network never signs the worker out or
drops a token. A refused token (401) or a refused refresh ends the sign-in
(:attr:`State.SIGN_IN_AGAIN`): the organisation's items wait, never wiped, and
go once the worker signed in again. Listeners hear every change of state.
"""

from __future__ import annotations

import datetime as dt
import getpass
import logging
import threading
import webbrowser
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum

from app.connectors import errors
from app.connectors.base import Access, Credentials, Negotiate
from app.domain.author import Author, SignInMethod
from app.domain.clock import utc_from_epoch
from app.domain.policy import AuthConfig, Policy
from app.services.auth.oidc import OidcSignIn, Outcome, SignedInWorker, SignInResult
from app.services.auth.vault import TokenVault
from app.services.outbox.store import StoredItem

log = logging.getLogger(__name__)

POPULATION = "population"


class State(StrEnum):
    SIGNED_OUT = "signed_out"  # not signed in yet in this session
    SIGNED_IN = "signed_in"
    SIGN_IN_AGAIN = "sign_in_again"  # the session ended: refused token or grant


@dataclass(frozen=True)
class _Worker:
    worker_id: str
    name: str
    signed_in_at: dt.datetime


class SignIn:
    """One sign-in: its method, its state, its worker; a token source for connectors."""

    def __init__(
        self,
        key: str,
        auth: AuthConfig,
        codes: tuple[str, ...],
        *,
        vault: TokenVault | None,
        open_browser: Callable[[str], bool] | None,
        notify: Callable[[SignIn], None],
    ) -> None:
        self.key = key
        self.auth = auth
        self.method = SignInMethod(auth.method)
        self.codes = codes
        self._vault = vault
        # The last sign-in on this profile, read once here (never on the GUI thread later).
        remembered = None if vault is None else vault.remembered(key)
        self._remembered = None if remembered is None else _Worker(*remembered)
        self._notify = notify
        self._lock = threading.Lock()  # state, worker, credentials
        self._state = State.SIGNED_OUT
        self._worker: _Worker | None = None
        self._credentials: Credentials | None = None
        self._oidc: OidcSignIn | None = None
        if self.method is SignInMethod.KERBEROS:
            # The worker's session is the sign-in: nothing to ask, nothing stored.
            self._state = State.SIGNED_IN
            self._worker = _kerberos_worker()
        if self.method is SignInMethod.OIDC:
            # The policy checked both.
            assert auth.issuer is not None
            assert auth.client_id is not None
            self._oidc = OidcSignIn(
                auth.issuer,
                auth.client_id,
                auth.scope,
                loopback_port=auth.loopback_port,
                open_browser=open_browser or webbrowser.open,
            )

    @property
    def state(self) -> State:
        return self._state

    @property
    def worker_id(self) -> str | None:
        worker = self._worker
        return None if worker is None else worker.worker_id

    def current_worker_id(self) -> str | None:
        """Who works under this sign-in now: signed in in this session, or last on this
        profile (the organisation out of reach); None before anyone ever signed in."""
        worker = self._worker or self._remembered
        return None if worker is None else worker.worker_id

    def author(self, organisation: str) -> Author | None:
        """The author of an item saved now for ``organisation``; None before any sign-in.

        A sign-in that has ended (or gone offline) still names its worker: the item
        was written by them, and goes once the worker has signed in again.
        """
        # Signed in in an earlier session, the organisation out of reach now: the same
        # worker (the idle lock's PIN vouches for who is at the keyboard).
        worker = self._worker or self._remembered
        if worker is None:
            return None
        return Author(worker.worker_id, worker.name, organisation, self.method, worker.signed_in_at)

    # -- signing in ----------------------------------------------------------------

    def sign_in(self) -> SignInResult:
        """Interactive: the browser for oidc (blocks until the worker is done or the wait
        ends). Not for ``password`` (:meth:`sign_in_with_password`)."""
        if self._oidc is None:
            if self.method is SignInMethod.KERBEROS:
                # The session's Kerberos ticket is used as it is; nothing to ask.
                self._signed_in(_kerberos_worker())
                return SignInResult(Outcome.SIGNED_IN)
            return SignInResult(Outcome.REFUSED, "a password sign-in needs the password")
        result = self._oidc.sign_in()
        self._took(result)
        return result

    def sign_in_with_password(self, username: str, password: str, name: str) -> SignInResult:
        """A legacy system's sign-in: held in memory for the session, never stored. The
        system checks it at the first request."""
        if self.method is not SignInMethod.PASSWORD:
            return SignInResult(Outcome.REFUSED, "this system does not take a password")
        if not username.strip() or not password:
            return SignInResult(Outcome.REFUSED, "user name and password are required")
        with self._lock:
            self._credentials = Credentials(username.strip(), password)
        self._signed_in(_Worker(username.strip(), name or username.strip(), _now()))
        return SignInResult(Outcome.SIGNED_IN)

    def resume(self) -> SignInResult:
        """Silently, from a refresh token kept from an earlier session (oidc only)."""
        oidc, vault = self._oidc, self._vault
        if oidc is None or vault is None:
            return SignInResult(Outcome.SIGN_IN_AGAIN, "nothing to resume")
        last = self._remembered
        token = None if last is None else vault.load(self.key, last.worker_id)
        if last is None or token is None:
            return SignInResult(Outcome.SIGN_IN_AGAIN, "no kept sign-in")
        oidc.restore(token, SignedInWorker(last.worker_id, last.name, 0))
        result = oidc.refresh()
        self._took(result)
        return result

    # -- the token source of the connectors ------------------------------------------

    def access(self) -> Access:
        """What the connectors authenticate with; SignInRequired before a sign-in."""
        if self.method is SignInMethod.KERBEROS:
            if self._state is State.SIGN_IN_AGAIN:
                raise errors.SignInRequired("the Kerberos ticket was refused")
            return Negotiate(self.auth.service_principal)
        if self._oidc is not None:
            if self._state is State.SIGNED_OUT:
                raise errors.SignInRequired("not signed in")
            return self
        with self._lock:
            credentials = self._credentials
        if credentials is None:
            raise errors.SignInRequired("not signed in")
        return credentials

    def token(self) -> str:
        oidc = self._oidc
        if oidc is None:
            raise errors.SignInRequired("no token sign-in")
        if self._state is not State.SIGNED_IN:
            raise errors.SignInRequired("the worker has to sign in again")
        current = oidc.access_token
        if current is not None:
            return current
        result = oidc.refresh()
        self._took(result)
        if result.outcome is Outcome.OFFLINE:
            raise errors.Unreachable(f"identity provider: {result.detail}")
        current = oidc.access_token
        if result.outcome is not Outcome.SIGNED_IN or current is None:
            raise errors.SignInRequired(f"refresh: {result.outcome.value}")
        return current

    def refused(self, token: str) -> None:
        """A system answered 401 to ``token``: refresh once (another thread's refresh
        counts); a refused refresh ends the sign-in."""
        if self._oidc is not None:
            self._oidc.forget_access_token(token)
            self.token()

    def failed(self) -> None:
        """The system refused this sign-in outright (a wrong password, a 401 after a
        renewed token): the worker has to sign in again. The items wait."""
        with self._lock:
            if self._state is not State.SIGNED_IN:
                return
            self._state = State.SIGN_IN_AGAIN
            self._credentials = None
        log.info("sign-in %s ended: sign in again", self.method.value)
        self._notify(self)

    # -- internals ---------------------------------------------------------------------

    def _took(self, result: SignInResult) -> None:
        oidc = self._oidc
        if result.outcome is Outcome.SIGNED_IN and oidc is not None and oidc.worker is not None:
            worker = oidc.worker
            at = utc_from_epoch(worker.auth_time) if worker.auth_time else _now()
            self._signed_in(_Worker(worker.worker_id, worker.name or worker.worker_id, at))
            token = oidc.refresh_token
            if token is not None and self._vault is not None:
                self._vault.store(self.key, worker.worker_id, token)
        elif result.outcome in (Outcome.SIGN_IN_AGAIN, Outcome.FORBIDDEN):
            worker_id = self.worker_id
            if worker_id is not None and self._vault is not None:
                self._vault.forget(self.key, worker_id)
            self.failed()

    def _signed_in(self, worker: _Worker) -> None:
        with self._lock:
            previous = self._worker
            # Another worker's sign-in: the first worker's items stay, unsent and unseen.
            if previous is not None and previous.worker_id != worker.worker_id:
                log.info("another worker signed in (%s)", self.method.value)
            self._worker = worker
            self._state = State.SIGNED_IN
        if self._vault is not None:
            self._vault.remember(self.key, worker.worker_id, worker.name, worker.signed_in_at)
        self._notify(self)


class SignIns:
    """Every sign-in the policy declares, by municipality code (and ``population``)."""

    def __init__(
        self,
        policy: Policy,
        *,
        vault: TokenVault | None = None,
        open_browser: Callable[[str], bool] | None = None,
        training_password: tuple[str, str] | None = None,
    ) -> None:
        self.policy = policy
        self._listeners: list[Callable[[SignIn], None]] = []
        self._by_code: dict[str, SignIn] = {}
        declared: dict[str, tuple[AuthConfig, list[str]]] = {}
        for code, auth, registrar in _systems(policy):
            key = _key(auth, code, registrar)
            declared.setdefault(key, (auth, []))[1].append(code)
        for key, (auth, codes) in declared.items():
            sign_in = SignIn(
                key,
                auth,
                tuple(codes),
                vault=vault,
                open_browser=open_browser,
                notify=self._changed,
            )
            for code in codes:
                self._by_code[code] = sign_in
        self.training_password = training_password

    def listen(self, listener: Callable[[SignIn], None]) -> None:
        self._listeners.append(listener)

    def of(self, code: str) -> SignIn | None:
        """The sign-in of municipality ``code`` (or ``population``); None where the policy
        declares none (a production system without ``auth``: it cannot be signed in to)."""
        return self._by_code.get(code)

    def all(self) -> list[SignIn]:
        return list(dict.fromkeys(self._by_code.values()))

    def access(self, code: str) -> Access:
        """What municipality ``code``'s connector authenticates with; SignInRequired when
        the worker has not signed in there (or no sign-in is declared)."""
        sign_in = self.of(code)
        if sign_in is None:
            raise errors.SignInRequired(f"{code}: the policy declares no sign-in (auth)")
        return sign_in.access()

    def author(self, code: str) -> Author:
        """The author of an item saved now for municipality ``code``; SignInRequired when
        no one has signed in there in this session."""
        sign_in = self.of(code)
        author = (
            None if sign_in is None else sign_in.author(self.policy.municipality(code).registrar)
        )
        if author is None:
            raise errors.SignInRequired(f"{code}: no one has signed in")
        return author

    def waiting_for_sign_in(self, code: str) -> bool:
        """Whether municipality ``code``'s deliveries wait for a sign-in (its line pauses)."""
        sign_in = self.of(code)
        return sign_in is None or sign_in.state is not State.SIGNED_IN

    def may_send(self, code: str, worker_id: str | None) -> bool:
        """Whether an item of ``code`` by ``worker_id`` may go now: only under its author's
        own sign-in (an item of unknown author under whoever is signed in there)."""
        sign_in = self.of(code)
        if sign_in is None or sign_in.state is not State.SIGNED_IN:
            return False
        return worker_id is None or worker_id == sign_in.worker_id

    def item_may_send(self, item: StoredItem) -> bool:
        """:meth:`may_send` for an outbox item, by its recorded author."""
        author = item.author
        return self.may_send(item.municipality, None if author is None else author.worker_id)

    def shows(self, code: str, worker_id: str | None) -> bool:
        """Whether an item of ``code`` by ``worker_id`` is shown to whoever works here now:
        another worker's items are neither sent nor shown (nor cleared). Before anyone has
        signed in on this profile, everything is shown; an item of unknown author too."""
        sign_in = self.of(code)
        current = None if sign_in is None else sign_in.current_worker_id()
        return worker_id is None or current is None or worker_id == current

    def sign_in_again(self) -> bool:
        """The idle lock's unlock (blocking): the worker signs in again where they had
        signed in (the browser for oidc; the session for Kerberos). True only for the
        same worker; a password system has no such sign-in (the PIN unlocks there)."""
        for sign_in in self.all():
            before = sign_in.worker_id
            if sign_in.method is SignInMethod.PASSWORD or before is None:
                continue
            result = sign_in.sign_in()
            return result.outcome is Outcome.SIGNED_IN and sign_in.worker_id == before
        return False

    def resume_all(self) -> None:
        """Silently resume every oidc sign-in kept from an earlier session (blocking)."""
        for sign_in in self.all():
            if sign_in.method is SignInMethod.OIDC and sign_in.state is State.SIGNED_OUT:
                sign_in.resume()

    def failed(self, code: str) -> None:
        sign_in = self.of(code)
        if sign_in is not None:
            sign_in.failed()

    def _changed(self, sign_in: SignIn) -> None:
        for listener in list(self._listeners):
            listener(sign_in)


def _systems(policy: Policy) -> Iterable[tuple[str, AuthConfig, str]]:
    for municipality in policy.municipalities:
        auth = municipality.system.auth
        if auth is not None:
            yield municipality.code, auth, municipality.registrar
    if policy.population is not None and policy.population.auth is not None:
        yield POPULATION, policy.population.auth, POPULATION


def _key(auth: AuthConfig, code: str, registrar: str) -> str:
    match auth.method:
        case "oidc":
            return f"oidc {auth.issuer} {auth.client_id}"
        case "kerberos":
            return f"kerberos {registrar}"
        case _:
            return f"password {code}"


def _kerberos_worker() -> _Worker:
    """The worker as the session's Kerberos knows them (the ticket's principal, e.g.
    ``etunimi.sukunimi@KEUSOTE.FI``); the login name where it cannot be read."""
    name = getpass.getuser()
    try:
        import gssapi

        name = str(gssapi.Credentials(usage="initiate").name)
    except Exception:
        log.info("Kerberos principal not readable; the login name stands for the worker")
    return _Worker(name, name, _now())


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)
