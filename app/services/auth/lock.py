"""What the idle lock needs from sign-in: a way to ask the worker to sign in again.

The lock (:mod:`app.ui.lock`) calls it off the GUI thread; it blocks while the worker
signs in (the system browser, a card) and answers True when the same worker signed in
to the organisation again. The entry point wires it into
:attr:`app.services.context.AppContext.sign_in_again`; without one the lock offers
only the PIN (:mod:`app.services.auth.pin`).
"""

from __future__ import annotations

from typing import Protocol


class Reauthenticate(Protocol):
    def __call__(self) -> bool:
        """Sign the worker in again; True when it succeeded (blocking, never on the
        GUI thread)."""
        ...
