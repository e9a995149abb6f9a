"""When the regional duty is on, and who is responsible when it is not.

The rule (issue 4, docs/policy.md "Duty hours"): the regional social emergency
duty is on outside office hours. Office hours are Monday to Friday from
``closes_at`` (08:00) until the day's opening time, ``weekday_opens_at`` (15:00)
Mon–Thu and ``friday_opens_at`` (13:00) on Friday. Saturday and Sunday are duty
all day, and so are public holidays. On the eve of a public holiday that falls
on Mon–Fri the duty opens at ``holiday_eve_opens_at`` (13:00) when that is
earlier than the usual opening.

Public holidays are those of the ``holidays`` package (FI). It lists
juhannusaatto and jouluaatto as holidays and we follow it: both are duty all
day, and their eves (a Thursday, and 23 December) open at 13:00.

Times in the schedule are wall-clock times in its zone (Europe/Helsinki), which
is the policy's zone of every time (:mod:`app.domain.clock`). The arithmetic is
done in UTC because Python compares and subtracts two datetimes that share a
tzinfo by wall clock, ignoring the offset, which is wrong across a
daylight-saving change.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any, Literal
from zoneinfo import ZoneInfo

import holidays

from app.domain.clock import DEFAULT_ZONE_NAME
from app.domain.policy import DutySchedule, time_of_day
from app.services.i18n import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from app.domain.policy import Policy

HELSINKI = DEFAULT_ZONE_NAME
_ONE_DAY = timedelta(days=1)
# The longest stretch without a change is a long holiday weekend (about five
# days); a schedule that never changes would be a bug, not a reason to loop.
_MAX_WALK_DAYS = 60

Reason = Literal["weekday_evening", "weekend", "holiday", "holiday_eve", "office_hours"]


@dataclass(frozen=True)
class DutyStatus:
    """Whether the duty is on at ``at``, since and until when (aware, schedule zone).

    To compare or subtract these across a daylight-saving change, convert them
    to UTC first: within one zone Python uses the wall clock.
    """

    at: datetime
    on: bool
    since: datetime
    until: datetime
    reason: Reason
    holiday: str | None = None  # the holiday's name for "holiday" and "holiday_eve"


@dataclass(frozen=True)
class _Segment:
    start: datetime  # UTC
    end: datetime  # UTC
    on: bool
    reason: Reason
    holiday: str | None


def parse_instant(text: str, time_zone: str = HELSINKI) -> datetime:
    """An ISO 8601 time; without an offset it is local time in ``time_zone``.

    The machine's own zone never matters: helpdesk asks about Finnish time.
    A wall time that does not exist or occurs twice at a daylight-saving change
    is taken with the offset in force before the change (zoneinfo's fold=0).
    """
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(
            f"not an ISO 8601 time: {text!r} (e.g. 2026-04-03T10:00 or 2026-04-03T10:00+03:00)"
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=ZoneInfo(time_zone))
    return moment


class DutyHours:
    """Answers whether the regional duty is on at an instant, per a schedule."""

    def __init__(self, schedule: DutySchedule, language: str = "fi") -> None:
        """``language``: the holidays' names (the ``holidays`` package's: "fi", "sv_FI",
        "en_US")."""
        self.schedule = schedule
        self._zone = ZoneInfo(schedule.time_zone)
        self._closes = time_of_day(schedule.closes_at)
        self._weekday_opens = time_of_day(schedule.weekday_opens_at)
        self._friday_opens = time_of_day(schedule.friday_opens_at)
        self._eve_opens = time_of_day(schedule.holiday_eve_opens_at)
        # Without years the calendar fills in each year on first lookup.
        self._holidays = holidays.country_holidays(schedule.holiday_country, language=language)

    def status(self, at: datetime) -> DutyStatus:
        """The duty at ``at``; a naive ``at`` is local time in the schedule's zone."""
        moment = self._utc(at)
        day, segment = self._containing(moment)
        since = segment.start
        for earlier in self._backward(day):
            if earlier.end > since:
                continue  # the segment itself and what follows it
            if earlier.on != segment.on:
                break
            since = earlier.start
        else:
            raise RuntimeError("the duty schedule never changes")
        until = segment.end
        for later in self._forward(day):
            if later.start < until:
                continue
            if later.on != segment.on:
                break
            until = later.end
        else:
            raise RuntimeError("the duty schedule never changes")
        return DutyStatus(
            at=moment.astimezone(self._zone),
            on=segment.on,
            since=since.astimezone(self._zone),
            until=until.astimezone(self._zone),
            reason=segment.reason,
            holiday=segment.holiday,
        )

    def _utc(self, at: datetime) -> datetime:
        if at.tzinfo is None or at.utcoffset() is None:
            at = at.replace(tzinfo=self._zone)
        return at.astimezone(UTC)

    def _instant(self, day: date, clock: time) -> datetime:
        # fold=0: a wall time in a spring-forward gap or a fall-back overlap gets
        # the offset before the change, a real instant; it never raises.
        return datetime.combine(day, clock, tzinfo=self._zone).astimezone(UTC)

    def _containing(self, moment: datetime) -> tuple[date, _Segment]:
        local_day = moment.astimezone(self._zone).date()
        # The neighbours only matter if a zone changes its clock at midnight.
        for day in (local_day, local_day - _ONE_DAY, local_day + _ONE_DAY):
            for segment in self._segments(day):
                if segment.start <= moment < segment.end:
                    return day, segment
        raise RuntimeError(f"no duty segment contains {moment.isoformat()}")

    def _forward(self, day: date) -> Iterator[_Segment]:
        for offset in range(_MAX_WALK_DAYS):
            yield from self._segments(day + offset * _ONE_DAY)

    def _backward(self, day: date) -> Iterator[_Segment]:
        for offset in range(_MAX_WALK_DAYS):
            yield from reversed(self._segments(day - offset * _ONE_DAY))

    def _segments(self, day: date) -> list[_Segment]:
        """The local calendar day cut into on/off pieces, in order, in UTC."""
        start = self._instant(day, time(0))
        end = self._instant(day + _ONE_DAY, time(0))
        closed = self._closed_day(day)
        if closed is not None:
            return [_Segment(start, end, True, *closed)]
        opens, reason, holiday = self._opening(day)
        closes = self._instant(day, self._closes)
        opening = self._instant(day, opens)
        pieces = [
            # The small hours belong to the previous day's evening duty.
            _Segment(start, closes, True, *self._evening(day - _ONE_DAY)),
            _Segment(closes, opening, False, "office_hours", None),
            _Segment(opening, end, True, reason, holiday),
        ]
        return [piece for piece in pieces if piece.start < piece.end]

    def _holiday(self, day: date) -> str | None:
        name = self._holidays.get(day)
        return str(name) if name else None

    def _closed_day(self, day: date) -> tuple[Reason, str | None] | None:
        """Why ``day`` has no office hours at all, or None for a working day."""
        holiday = self._holiday(day)
        if holiday is not None and self.schedule.public_holidays_all_day:
            return "holiday", holiday
        if day.weekday() >= 5:
            return "weekend", None
        return None

    def _opening(self, day: date) -> tuple[time, Reason, str | None]:
        """When a working day's evening duty starts, and why."""
        friday = day.weekday() == 4
        opens = self._friday_opens if friday else self._weekday_opens
        tomorrow = day + _ONE_DAY
        holiday = self._holiday(tomorrow)
        if holiday is not None and tomorrow.weekday() < 5:
            return min(opens, self._eve_opens), "holiday_eve", holiday
        return opens, ("weekend" if friday else "weekday_evening"), None

    def _evening(self, day: date) -> tuple[Reason, str | None]:
        closed = self._closed_day(day)
        if closed is not None:
            return closed
        _, reason, holiday = self._opening(day)
        return reason, holiday


@functools.cache
def duty_hours_for(schedule: DutySchedule, language: str = "fi") -> DutyHours:
    """One :class:`DutyHours` per schedule and holiday language for the process. Making
    one reads the holiday calendar's translations from disk: the app does it on its
    start-up thread, before the window's duty banner asks (``app.ui.main_window.load_parts``)."""
    return DutyHours(schedule, language)


def duty_status(policy: Policy, at: str | None = None) -> DutyStatus:
    """The policy's duty at ``at`` (ISO 8601; naive = the schedule's zone) or now.

    Raises ValueError with a message for helpdesk when ``at`` is not a time.
    """
    schedule = policy.duty_hours
    moment = datetime.now(UTC) if at is None else parse_instant(at, schedule.time_zone)
    return DutyHours(schedule).status(moment)


def status_document(status: DutyStatus, policy: Policy) -> dict[str, Any]:
    """The status as JSON-ready data (``paivystys duty-hours --json``)."""
    responsible: dict[str, Any]
    if status.on:
        responsible = {
            "kind": "regional_duty",
            "name": policy.duty_unit.name,
            "phone": policy.duty_unit.phone,
        }
    else:
        responsible = {
            "kind": "municipalities",
            "contacts": [
                {
                    "code": municipality.code,
                    "name_fi": municipality.name_fi,
                    "unit": municipality.office_hours.unit,
                    "phone": municipality.office_hours.phone,
                    "fax": municipality.office_hours.fax,
                }
                for municipality in policy.municipalities
            ],
        }
    return {
        "at": status.at.isoformat(),
        "on": status.on,
        "since": status.since.isoformat(),
        "until": status.until.isoformat(),
        "reason": status.reason,
        "holiday": status.holiday,
        "time_zone": policy.duty_hours.time_zone,
        "responsible": responsible,
    }


# The lines are in the command line's language (app.services.i18n); the JSON document
# (status_document) in English whatever the language.
_REASON_TEXT: dict[Reason, str] = {
    "weekday_evening": QT_TRANSLATE_NOOP("DutyHours", "arki-ilta ja -yö"),
    "weekend": QT_TRANSLATE_NOOP("DutyHours", "viikonloppu"),
    "holiday": QT_TRANSLATE_NOOP("DutyHours", "pyhäpäivä"),
    "holiday_eve": QT_TRANSLATE_NOOP("DutyHours", "pyhän aatto"),
    "office_hours": QT_TRANSLATE_NOOP("DutyHours", "virka-aika"),
}


def _when(moment: datetime) -> str:
    offset = moment.isoformat()[-6:]  # "+03:00": shows which side of a DST change
    weekdays = translate("DutyHours", "ma ti ke to pe la su").split()
    return f"{weekdays[moment.weekday()]} {moment:%d.%m.%Y %H:%M} {offset}"


def status_lines(status: DutyStatus, policy: Policy) -> list[str]:
    """The status as text for helpdesk (``paivystys duty-hours``)."""
    reason = translate("DutyHours", _REASON_TEXT[status.reason])
    if status.holiday:
        reason += f": {status.holiday}"
    if status.on:
        lines = [translate("DutyHours", "päivystys: AUKI: {reason}").format(reason=reason)]
    else:
        lines = [translate("DutyHours", "päivystys: KIINNI: {reason}").format(reason=reason)]
    lines += [
        translate("DutyHours", "  hetkellä:  {when}").format(when=_when(status.at)),
        translate("DutyHours", "  alkaen:    {when}").format(when=_when(status.since)),
        translate("DutyHours", "  päättyen:  {when}").format(when=_when(status.until)),
    ]
    if status.on:
        if policy.duty_unit.phone:
            regional = translate("DutyHours", "vastaa: alueellinen päivystys, {unit}, puh. {phone}")
        else:
            regional = translate("DutyHours", "vastaa: alueellinen päivystys, {unit}")
        lines.append(regional.format(unit=policy.duty_unit.name, phone=policy.duty_unit.phone))
        return lines
    lines.append(translate("DutyHours", "vastaa: kunkin kunnan virka-aikainen päivystys"))
    for municipality in policy.municipalities:
        contact = municipality.office_hours
        if contact.fax:
            line = translate("DutyHours", "  {code} {name}: {unit}, puh. {phone}, faksi {fax}")
        else:
            line = translate("DutyHours", "  {code} {name}: {unit}, puh. {phone}")
        lines.append(
            line.format(
                code=municipality.code,
                name=municipality.name_fi,
                unit=contact.unit,
                phone=contact.phone,
                fax=contact.fax,
            )
        )
    return lines
