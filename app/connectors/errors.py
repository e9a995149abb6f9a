"""The one error taxonomy the UI acts on, whatever the client system.

Messages carry no client data: they may reach logs and helpdesk. The UI words
each kind for the worker; ``detail`` is for helpdesk.
"""

from __future__ import annotations

from enum import Enum


class Remedy(Enum):
    """What the worker (or a later retry) should do about a failure."""

    RETRY_LATER = "retry_later"
    REAUTHENTICATE = "reauthenticate"
    CORRECT_AND_RESEND = "correct_and_resend"
    # The policy now points the municipality elsewhere than when the item was saved:
    # a person confirms the new address before anything goes there.
    CONFIRM_DESTINATION = "confirm_destination"


class ConnectorError(Exception):
    remedy = Remedy.RETRY_LATER

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


class Unreachable(ConnectorError):
    """No connection could be made: network or VPN down, or the host refuses."""


class TrustProblem(Enum):
    """Why a connection was not trusted; the UI words each for the worker."""

    NOT_TRUSTED = "certificate not trusted"
    EXPIRED = "certificate expired or not yet valid"
    WRONG_HOST = "certificate is for another host"
    PIN_MISMATCH = "certificate's key matches no pin_sha256 of the policy"
    PLAIN_HTTP = "plain http:// beyond this machine refused"
    CREDENTIALS_IN_URL = "credentials in the URL refused"
    CA_BUNDLE = "the policy's ca_bundle cannot be used"


class Untrusted(Unreachable):
    """No trusted connection could be made, and nothing was sent: the system's
    certificate failed verification (not trusted, expired, for another host, or its key
    is not the one pinned), or the policy's address is one the transport never uses
    (plain http:// beyond this machine, credentials in the URL). Helpdesk has to fix
    it; an item waits in the outbox meanwhile. ``problem`` says which.
    """

    def __init__(self, detail: str, problem: TrustProblem) -> None:
        super().__init__(detail)
        self.problem = problem


class TimedOut(ConnectorError):
    """Connected, but no answer within the read timeout. The request may have landed."""


class AuthenticationFailed(ConnectorError):
    """The system did not accept the worker's credentials or session."""

    remedy = Remedy.REAUTHENTICATE


class SignInRequired(AuthenticationFailed):
    """The worker has to sign in (again) to the system's organisation: not signed in yet,
    or the system refused the token and a refresh could not renew it. Nothing was
    recorded; the organisation's items wait for the sign-in."""


class SignInUnavailable(AuthenticationFailed):
    """The policy's sign-in method cannot be used on this machine: the library it needs
    is not installed (Kerberos without requests-kerberos and gssapi, say). Nothing is
    sent, and no other way of signing in is tried; helpdesk installs what is missing.
    An item waits in the outbox meanwhile, as it does for a sign-in."""


class Rejected(ConnectorError):
    """The system refused the request for a reason of its own, e.g. validation.

    ``reason`` is the system's own explanation, shown to the worker.
    """

    remedy = Remedy.CORRECT_AND_RESEND

    def __init__(self, detail: str, reason: str, status: int | None = None) -> None:
        super().__init__(detail)
        self.reason = reason
        self.status = status


class ServerFault(ConnectorError):
    """The system answered with a fault or an answer that makes no sense."""

    def __init__(self, detail: str, retry_after: float | None = None) -> None:
        super().__init__(detail)
        self.retry_after = retry_after


class NotSupported(ConnectorError):
    """The connector does not have the capability asked for (a programming error)."""

    remedy = Remedy.CORRECT_AND_RESEND


class DestinationChanged(ConnectorError):
    """The item was saved for another registrar, system or endpoint than the policy
    now names for its municipality. Raised before any connection is made."""

    remedy = Remedy.CONFIRM_DESTINATION
