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


class TimedOut(ConnectorError):
    """Connected, but no answer within the read timeout. The request may have landed."""


class AuthenticationFailed(ConnectorError):
    """The system did not accept the worker's credentials or session."""

    remedy = Remedy.REAUTHENTICATE


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
