"""Duty hours across 2026–2027: the regional duty is on exactly when issue 4 says.

Instants in the table are Finnish local times (no offset: parse_instant reads
them as Europe/Helsinki). Expected ``since``/``until`` carry their offset, so a
wrong side of a daylight-saving change shows up as a wrong string.
"""

from __future__ import annotations

import copy
import json
import sys
import time
from datetime import UTC, datetime, timedelta
from typing import Any, NamedTuple

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain import schema
from app.domain.policy import DutySchedule, Policy
from app.services.duty_hours import (
    DutyHours,
    duty_status,
    parse_instant,
    status_document,
    status_lines,
)
from app.services.policy.load import PolicyError, policy_from_data
from tests.helpers import example_data

HOURS = DutyHours(DutySchedule())


class Case(NamedTuple):
    at: str
    on: bool
    reason: str
    since: str | None = None
    until: str | None = None


CASES = {
    # An ordinary week in January 2026 (loppiainen was Tue 6.1.).
    "Mon 10:00 office hours": Case(
        "2026-01-12T10:00",
        False,
        "office_hours",
        "2026-01-12T08:00:00+02:00",
        "2026-01-12T15:00:00+02:00",
    ),
    "Mon 15:00 opens": Case(
        "2026-01-12T15:00",
        True,
        "weekday_evening",
        "2026-01-12T15:00:00+02:00",
        "2026-01-13T08:00:00+02:00",
    ),
    "Tue 07:59 still on": Case(
        "2026-01-13T07:59",
        True,
        "weekday_evening",
        "2026-01-12T15:00:00+02:00",
        "2026-01-13T08:00:00+02:00",
    ),
    "Tue 08:00 closes": Case(
        "2026-01-13T08:00", False, "office_hours", until="2026-01-13T15:00:00+02:00"
    ),
    "Thu 14:59 off": Case("2026-01-15T14:59", False, "office_hours"),
    "Fri 12:59 off": Case(
        "2026-01-16T12:59", False, "office_hours", until="2026-01-16T13:00:00+02:00"
    ),
    "Fri 13:00 to Mon 08:00": Case(
        "2026-01-16T13:00",
        True,
        "weekend",
        "2026-01-16T13:00:00+02:00",
        "2026-01-19T08:00:00+02:00",
    ),
    "Sat night": Case("2026-01-17T03:00", True, "weekend", until="2026-01-19T08:00:00+02:00"),
    "Sun evening": Case("2026-01-18T23:00", True, "weekend", until="2026-01-19T08:00:00+02:00"),
    "Mon 07:59 after the weekend": Case("2026-01-19T07:59", True, "weekend"),
    "Mon 08:00 after the weekend": Case("2026-01-19T08:00", False, "office_hours"),
    # Loppiainen Tue 6.1.2026: its eve, a Monday, opens at 13:00.
    "loppiainen eve 12:59": Case("2026-01-05T12:59", False, "office_hours"),
    "loppiainen eve 13:00": Case(
        "2026-01-05T13:00",
        True,
        "holiday_eve",
        "2026-01-05T13:00:00+02:00",
        "2026-01-07T08:00:00+02:00",
    ),
    # Pääsiäinen 2026: Thu 2.4. opens 13:00, on until Tue 7.4. 08:00.
    "kiirastorstai 12:59": Case("2026-04-02T12:59", False, "office_hours"),
    "kiirastorstai 13:00": Case(
        "2026-04-02T13:00",
        True,
        "holiday_eve",
        "2026-04-02T13:00:00+03:00",
        "2026-04-07T08:00:00+03:00",
    ),
    "pitkäperjantai": Case(
        "2026-04-03T10:00",
        True,
        "holiday",
        "2026-04-02T13:00:00+03:00",
        "2026-04-07T08:00:00+03:00",
    ),
    "pääsiäislauantai": Case("2026-04-04T12:00", True, "weekend"),
    "2. pääsiäispäivä": Case("2026-04-06T12:00", True, "holiday"),
    "Tue after Easter 07:59": Case("2026-04-07T07:59", True, "holiday"),
    "Tue after Easter 08:00": Case("2026-04-07T08:00", False, "office_hours"),
    # Helatorstai Thu 14.5.2026 and its eve.
    "helatorstai eve 12:59": Case("2026-05-13T12:59", False, "office_hours"),
    "helatorstai eve 13:00": Case(
        "2026-05-13T13:00",
        True,
        "holiday_eve",
        "2026-05-13T13:00:00+03:00",
        "2026-05-15T08:00:00+03:00",
    ),
    "helatorstai": Case("2026-05-14T10:00", True, "holiday", until="2026-05-15T08:00:00+03:00"),
    "Fri after helatorstai": Case(
        "2026-05-15T10:00", False, "office_hours", until="2026-05-15T13:00:00+03:00"
    ),
    # Juhannusaatto Fri 19.6.2026 is a holiday in the package: its eve opens 13:00.
    "juhannusaatto eve 13:00": Case(
        "2026-06-18T13:00",
        True,
        "holiday_eve",
        "2026-06-18T13:00:00+03:00",
        "2026-06-22T08:00:00+03:00",
    ),
    "juhannusaatto": Case("2026-06-19T10:00", True, "holiday"),
    # Itsenäisyyspäivä 2026 is a Sunday: no eve rule, the Friday opens as usual.
    "Fri before itsenäisyyspäivä 2026": Case("2026-12-04T12:59", False, "office_hours"),
    "itsenäisyyspäivä 2026 (Sun)": Case(
        "2026-12-06T10:00",
        True,
        "holiday",
        "2026-12-04T13:00:00+02:00",
        "2026-12-07T08:00:00+02:00",
    ),
    # Itsenäisyyspäivä 2027 is a Monday: its eve is a Sunday, on anyway.
    "Sun before itsenäisyyspäivä 2027": Case(
        "2027-12-05T10:00",
        True,
        "weekend",
        "2027-12-03T13:00:00+02:00",
        "2027-12-07T08:00:00+02:00",
    ),
    "itsenäisyyspäivä 2027 (Mon)": Case("2027-12-06T10:00", True, "holiday"),
    "Tue after itsenäisyyspäivä 2027": Case("2027-12-07T08:00", False, "office_hours"),
    # Jouluaatto Thu 24.12.2026: the eve 23.12. opens 13:00, on until Mon 28.12.
    "23.12.2026 12:59": Case("2026-12-23T12:59", False, "office_hours"),
    "jouluaatto 2026": Case(
        "2026-12-24T10:00",
        True,
        "holiday",
        "2026-12-23T13:00:00+02:00",
        "2026-12-28T08:00:00+02:00",
    ),
    # Vappu 2027 is a Saturday: the Friday before opens at the Friday time.
    "vappuaatto 2027 12:59": Case("2027-04-30T12:59", False, "office_hours"),
    "vappu 2027 (Sat)": Case(
        "2027-05-01T10:00",
        True,
        "holiday",
        "2027-04-30T13:00:00+03:00",
        "2027-05-03T08:00:00+03:00",
    ),
    # Vappu 2026 is a Friday: Thursday 30.4. opens 13:00.
    "vappuaatto 2026 13:00": Case("2026-04-30T13:00", True, "holiday_eve"),
}


@pytest.mark.parametrize("name", list(CASES))
def test_duty_hours_table(name: str) -> None:
    case = CASES[name]
    status = HOURS.status(parse_instant(case.at))
    assert (status.on, status.reason) == (case.on, case.reason)
    if case.since is not None:
        assert status.since.isoformat() == case.since
    if case.until is not None:
        assert status.until.isoformat() == case.until


def test_holiday_names_come_from_the_calendar() -> None:
    assert HOURS.status(parse_instant("2026-04-03T10:00")).holiday == "Pitkäperjantai"
    assert HOURS.status(parse_instant("2026-05-13T14:00")).holiday == "Helatorstai"
    assert HOURS.status(parse_instant("2026-12-24T10:00")).holiday == "Jouluaatto"
    assert HOURS.status(parse_instant("2026-06-19T10:00")).holiday == "Juhannusaatto"
    assert HOURS.status(parse_instant("2026-01-12T16:00")).holiday is None


SPRING = ("2026-03-27T13:00:00+02:00", "2026-03-30T08:00:00+03:00")  # 03:00 → 04:00
AUTUMN = ("2026-10-23T13:00:00+03:00", "2026-10-26T08:00:00+02:00")  # 04:00 → 03:00


@pytest.mark.parametrize(
    ("at", "offset", "period"),
    [
        ("2026-03-29T02:59:59+02:00", "+02:00", SPRING),
        ("2026-03-29T04:00:00+03:00", "+03:00", SPRING),
        ("2026-10-25T03:59:59+03:00", "+03:00", AUTUMN),  # first 03:00–04:00
        ("2026-10-25T03:00:00+02:00", "+02:00", AUTUMN),  # the repeated hour
        ("2026-10-25T04:00:00+02:00", "+02:00", AUTUMN),
    ],
)
def test_daylight_saving_changes(at: str, offset: str, period: tuple[str, str]) -> None:
    status = HOURS.status(datetime.fromisoformat(at))
    assert status.on
    assert status.at.isoformat()[-6:] == offset
    assert (status.since.isoformat(), status.until.isoformat()) == period


def test_duty_periods_across_daylight_saving_have_their_real_length() -> None:
    spring = HOURS.status(parse_instant("2026-03-28T12:00"))
    autumn = HOURS.status(parse_instant("2026-10-24T12:00"))
    # Fri 13:00 to Mon 08:00 is 67 hours on the wall clock. Subtract in UTC: Python
    # subtracts two datetimes of the same zone by wall clock.
    assert spring.until.astimezone(UTC) - spring.since.astimezone(UTC) == timedelta(hours=66)
    assert autumn.until.astimezone(UTC) - autumn.since.astimezone(UTC) == timedelta(hours=68)


def test_nonexistent_and_ambiguous_local_times_do_not_crash() -> None:
    gap = parse_instant("2026-03-29T03:30")  # never shown on a Finnish clock
    assert HOURS.status(gap).on
    overlap = parse_instant("2026-10-25T03:30")  # shown twice; the first one is meant
    assert overlap.astimezone(UTC) == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)
    assert HOURS.status(overlap).on
    second = HOURS.status(overlap.replace(fold=1))
    assert second.at.astimezone(UTC) == datetime(2026, 10, 25, 1, 30, tzinfo=UTC)


@pytest.mark.skipif(sys.platform == "win32", reason="time.tzset needs a POSIX platform")
def test_a_time_without_offset_is_helsinki_time_whatever_the_machine_zone() -> None:
    if sys.platform == "win32":
        return  # skipped above
    else:  # not code after a return: mypy --platform win32 would call it unreachable
        try:
            with pytest.MonkeyPatch.context() as patch:
                patch.setenv("TZ", "America/New_York")
                time.tzset()
                assert datetime(2026, 1, 12, 12, 0).astimezone().utcoffset() == timedelta(hours=-5)
                moment = parse_instant("2026-01-12T14:30")
                assert moment.utcoffset() == timedelta(hours=2)
                assert not HOURS.status(moment).on
                # 14:30 in New York would be 21:30 in Helsinki: on.
                assert not HOURS.status(datetime(2026, 1, 12, 14, 30)).on
                assert HOURS.status(parse_instant("2026-01-12T14:30-05:00")).on
        finally:
            time.tzset()


def test_parse_instant_accepts_iso_8601_and_rejects_the_rest() -> None:
    assert parse_instant("2026-04-03T10:00Z") == datetime(2026, 4, 3, 10, tzinfo=UTC)
    assert parse_instant(" 2026-04-03 10:00:30+03:00 ").second == 30
    with pytest.raises(ValueError, match="ISO 8601"):
        parse_instant("huomenna")


dates_2026_2027 = st.datetimes(
    min_value=datetime(2026, 1, 1), max_value=datetime(2027, 12, 31, 23, 59), timezones=st.just(UTC)
)


@settings(max_examples=300, deadline=None)
@given(dates_2026_2027)
def test_since_and_until_are_real_transitions(at: datetime) -> None:
    status = HOURS.status(at)
    assert status.since.astimezone(UTC) <= at < status.until.astimezone(UTC)
    assert HOURS.status(status.since).on == status.on
    assert HOURS.status(status.since - timedelta(microseconds=1)).on != status.on
    assert HOURS.status(status.until).on != status.on
    assert HOURS.status(status.until - timedelta(microseconds=1)).on == status.on
    assert status.on == (status.reason != "office_hours")
    assert str(status.until.tzinfo) == "Europe/Helsinki"


def test_a_schedule_from_the_policy_is_used(example_policy: Policy) -> None:
    data = example_data()
    data["duty_hours"] = {"weekday_opens_at": "16:00", "public_holidays_all_day": False}
    policy = policy_from_data(data, "test")
    late = DutyHours(policy.duty_hours)
    assert not late.status(parse_instant("2026-01-12T15:30")).on
    assert not late.status(parse_instant("2026-04-03T10:00")).on  # pitkäperjantai as a weekday
    assert example_policy.duty_hours == DutySchedule()


def test_every_default_validates() -> None:
    schema.load(DutySchedule, schema.dump(DutySchedule()))


def broken(section: dict[str, Any]) -> PolicyError:
    data = copy.deepcopy(example_data())
    data["duty_hours"].update(section)
    with pytest.raises(PolicyError) as caught:
        policy_from_data(data, "policy.toml")
    return caught.value


@pytest.mark.parametrize(
    ("section", "field", "problem"),
    [
        ({"weekday_opens_at": "25:00"}, "duty_hours.weekday_opens_at", "HH:MM"),
        ({"closes_at": "8:00"}, "duty_hours.closes_at", "HH:MM"),
        ({"friday_opens_at": 1300}, "duty_hours.friday_opens_at", "must be text"),
        ({"time_zone": "Europe/Espoo"}, "duty_hours.time_zone", "time zone"),
        ({"holiday_country": "SE"}, "duty_hours.holiday_country", "one of 'FI'"),
        ({"holiday_eve_opens_at": "07:00"}, "duty_hours.holiday_eve_opens_at", "later than"),
        ({"opens_at": "15:00"}, "duty_hours.opens_at", "unknown field"),
    ],
)
def test_bad_schedule_names_the_field(section: dict[str, Any], field: str, problem: str) -> None:
    error = broken(section)
    assert error.field == field
    assert problem in error.problem
    assert f"policy.toml: {field}" in str(error)


def test_document_when_on(example_policy: Policy) -> None:
    status = duty_status(example_policy, "2026-04-03T10:00")
    document = json.loads(json.dumps(status_document(status, example_policy)))
    assert document["on"] is True
    assert document["since"] == "2026-04-02T13:00:00+03:00"
    assert document["until"] == "2026-04-07T08:00:00+03:00"
    assert document["reason"] == "holiday"
    assert document["responsible"] == {
        "kind": "regional_duty",
        "name": example_policy.duty_unit.name,
        "phone": example_policy.duty_unit.phone,
    }
    text = "\n".join(status_lines(status, example_policy))  # Finnish by default
    assert "päivystys: AUKI: pyhäpäivä: Pitkäperjantai" in text
    assert "Pitkäperjantai" in text
    assert "ti 07.04.2026 08:00 +03:00" in text
    assert example_policy.duty_unit.name in text


def test_document_in_office_hours_names_every_municipality(example_policy: Policy) -> None:
    status = duty_status(example_policy, "2026-01-12T10:00+02:00")
    document = status_document(status, example_policy)
    assert document["on"] is False
    assert document["until"] == "2026-01-12T15:00:00+02:00"
    contacts = document["responsible"]["contacts"]
    assert document["responsible"]["kind"] == "municipalities"
    assert [contact["code"] for contact in contacts] == [
        municipality.code for municipality in example_policy.municipalities
    ]
    kerava = example_policy.municipality("245").office_hours
    assert contacts[2] == {
        "code": "245",
        "name_fi": "Kerava",
        "unit": kerava.unit,
        "phone": kerava.phone,
        "fax": kerava.fax,
    }
    text = "\n".join(status_lines(status, example_policy))  # Finnish by default
    assert "päivystys: KIINNI: virka-aika" in text
    assert kerava.phone in text


def test_now_is_the_default(example_policy: Policy) -> None:
    before = datetime.now(UTC)
    status = duty_status(example_policy)
    assert before <= status.at.astimezone(UTC) <= datetime.now(UTC)
