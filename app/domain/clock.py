"""The app's one clock: every time it shows, stores, prints or sends is in the policy's zone.

The policy names the zone (``duty_hours.time_zone``, Europe/Helsinki by default; read
it as :attr:`app.domain.policy.Policy.zone`). The machine's own zone never matters:
a laptop left on UTC or on New York time shows, stores and prints Finnish time, the
same as the registrar's system records. So the app never calls ``astimezone()`` or
``datetime.now()`` without a zone, nor ``date.today()``; a test keeps it so.

An instant is an aware datetime, and a naive one is refused wherever its zone would
have to be guessed. A wall-clock time (what the worker reads in or types into a time
field) is naive and belongs to a zone: :func:`wall_clock` and :func:`from_wall_clock`
go between the two.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from zoneinfo import ZoneInfo

DEFAULT_ZONE_NAME = "Europe/Helsinki"
# zoneinfo reads the system's zone database, or the tzdata package (a dependency on
# Windows, which has none): without it this import fails, rather than the app falling
# back to the machine's zone and quietly showing another time.
HELSINKI: dt.tzinfo = ZoneInfo(DEFAULT_ZONE_NAME)

Clock = Callable[[], dt.datetime]
"""Gives the present instant, aware. The app's is :func:`utc_now`; tests set their own."""


def zone_named(name: str) -> dt.tzinfo:
    """The zone ``name`` from the zone database; ZoneInfoNotFoundError if it has none."""
    return ZoneInfo(name)


def utc_now() -> dt.datetime:
    """The present instant (in UTC: which zone shows it is for :func:`local` to say)."""
    return dt.datetime.now(dt.UTC)


def utc_from_epoch(seconds: float) -> dt.datetime:
    """The instant ``seconds`` after the Unix epoch (e.g. a log record's time), in UTC."""
    return dt.datetime.fromtimestamp(seconds, dt.UTC)


def now(zone: dt.tzinfo) -> dt.datetime:
    """The present instant in ``zone``."""
    return dt.datetime.now(zone)


def _aware(moment: dt.datetime) -> dt.datetime:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("a time without its time zone: which instant it is would be a guess")
    return moment


def local(moment: dt.datetime, zone: dt.tzinfo) -> dt.datetime:
    """The instant ``moment`` in ``zone``; a naive ``moment`` is refused (ValueError)."""
    return _aware(moment).astimezone(zone)


def today(zone: dt.tzinfo, clock: Clock = utc_now) -> dt.date:
    """The date in ``zone`` at ``clock``'s present instant."""
    return local(clock(), zone).date()


def wall_clock(moment: dt.datetime, zone: dt.tzinfo) -> dt.datetime:
    """What a clock on the wall in ``zone`` shows at ``moment``: naive, for a time field."""
    return local(moment, zone).replace(tzinfo=None)


def from_wall_clock(wall: dt.datetime, zone: dt.tzinfo) -> dt.datetime:
    """The instant at which a clock in ``zone`` shows ``wall`` (naive), in ``zone``.

    A wall time that occurs twice when the clocks go back is the first of the two; one
    that does not exist when they go forward (03.30 on the last Sunday of March in
    Finland) is read with the offset before the change and comes out as the real time
    it is (04.30), so what is stored and sent is always a time the wall clock showed.
    """
    if wall.tzinfo is not None:
        raise ValueError("a wall-clock time is naive: its zone is the one given")
    return wall.replace(tzinfo=zone, fold=0).astimezone(dt.UTC).astimezone(zone)
