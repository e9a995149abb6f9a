"""One clock: every time shown, stored, printed or sent is in the policy's zone.

:mod:`app.domain.clock` on its own; the policy's zone; the sources keep to it; and the
real window on a machine set to UTC and to New York time (:mod:`tests.clock_window`,
in a child process, since the zone is the whole process's).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from app.connectors.base import ChildWelfareNotification, NotificationUrgency
from app.domain import clock
from app.domain.hetu import make_hetu
from app.domain.policy import DutySchedule, Policy
from app.services.followup.notification import InvalidNotification, validate_notification
from app.services.policy.load import describe_policy
from tests.clock_window import ENTRY_AT, EXPECTED, NOTIFIED_AT

HELSINKI = ZoneInfo("Europe/Helsinki")
STOCKHOLM = ZoneInfo("Europe/Stockholm")
ROOT = Path(__file__).resolve().parents[2]


# --- the clock ------------------------------------------------------------------------


def test_an_instant_is_shown_in_the_zone_given_winter_and_summer() -> None:
    winter = dt.datetime(2026, 11, 26, 22, 47, tzinfo=dt.UTC)
    summer = dt.datetime(2026, 6, 30, 22, 5, tzinfo=dt.UTC)
    assert clock.local(winter, HELSINKI).isoformat() == "2026-11-27T00:47:00+02:00"
    assert clock.local(summer, HELSINKI).isoformat() == "2026-07-01T01:05:00+03:00"
    assert clock.local(winter, STOCKHOLM).isoformat() == "2026-11-26T23:47:00+01:00"


def test_a_time_without_its_zone_is_refused_not_guessed() -> None:
    naive = dt.datetime(2026, 11, 27, 0, 47)
    with pytest.raises(ValueError, match="time zone"):
        clock.local(naive, HELSINKI)
    with pytest.raises(ValueError, match="time zone"):
        clock.wall_clock(naive, HELSINKI)
    with pytest.raises(ValueError, match="naive"):
        clock.from_wall_clock(ENTRY_AT, HELSINKI)


def test_a_wall_clock_time_is_the_zones_and_comes_back_the_same() -> None:
    wall = clock.wall_clock(dt.datetime(2026, 11, 26, 22, 47, tzinfo=dt.UTC), HELSINKI)
    assert wall == dt.datetime(2026, 11, 27, 0, 47)
    assert wall.tzinfo is None
    back = clock.from_wall_clock(wall, HELSINKI)
    assert back.isoformat() == "2026-11-27T00:47:00+02:00"
    assert clock.from_wall_clock(wall, STOCKHOLM).isoformat() == "2026-11-27T00:47:00+01:00"


def test_wall_clock_times_at_the_daylight_saving_changes() -> None:
    # 29.3.2026 03.00 the clocks go forward to 04.00: 03.30 never shows; it is 04.30.
    gap = clock.from_wall_clock(dt.datetime(2026, 3, 29, 3, 30), HELSINKI)
    assert gap.isoformat() == "2026-03-29T04:30:00+03:00"
    # 25.10.2026 04.00 they go back to 03.00: 03.30 shows twice; the first is taken.
    twice = clock.from_wall_clock(dt.datetime(2026, 10, 25, 3, 30), HELSINKI)
    assert twice.isoformat() == "2026-10-25T03:30:00+03:00"
    assert twice.astimezone(dt.UTC) == dt.datetime(2026, 10, 25, 0, 30, tzinfo=dt.UTC)


def test_today_is_the_zones_date_not_the_machines() -> None:
    just_after_midnight = dt.datetime(2026, 11, 26, 22, 5, tzinfo=dt.UTC)
    assert clock.today(HELSINKI, lambda: just_after_midnight) == dt.date(2026, 11, 27)
    assert clock.today(STOCKHOLM, lambda: just_after_midnight) == dt.date(2026, 11, 26)


def test_now_is_the_present_in_the_zone() -> None:
    before = dt.datetime.now(dt.UTC)
    present = clock.now(HELSINKI)
    after = clock.utc_now()
    assert present.tzinfo is HELSINKI
    assert before <= present <= after
    assert after.utcoffset() == dt.timedelta(0)


# --- the policy's zone ----------------------------------------------------------------


def test_the_policys_zone_is_helsinki_unless_the_policy_names_another(
    example_policy: Policy,
) -> None:
    assert example_policy.duty_hours.time_zone == clock.DEFAULT_ZONE_NAME == "Europe/Helsinki"
    assert example_policy.zone is clock.HELSINKI
    stockholm = dataclasses.replace(
        example_policy, duty_hours=DutySchedule(time_zone="Europe/Stockholm")
    )
    assert stockholm.zone is STOCKHOLM
    described = describe_policy()
    assert "`duty_hours.time_zone`" in described
    assert "every time the app shows, stores, prints or sends" in described


def test_a_child_turning_18_is_an_adult_on_the_helsinki_day_of_receipt() -> None:
    # Received 1.7.2026 at 00.30 Helsinki time, still 30.6. in UTC: the 18th birthday
    # is the Helsinki date, and the notification is no longer about a child.
    received = dt.datetime(2026, 7, 1, 0, 30, tzinfo=HELSINKI)
    notification = ChildWelfareNotification(
        child_hetu=make_hetu(dt.date(2008, 7, 1), 953),
        child_last_name="Šuoŋŋa",
        child_first_names="Ánde",
        notifier_organisation="Itä-Uudenmaan poliisilaitos",
        notifier_person="Vanhempi konstaapeli Testi",
        notifier_phone="+358 29 000 0000",
        what_happened="Nuori tavattiin yöllä asemalta. Ž Đ ä",
        urgency=NotificationUrgency.URGENT,
        child_informed=True,
        guardians_informed=None,
        received_at=received,
        receiving_worker="Päivystäjä Testi",
    )
    with pytest.raises(InvalidNotification) as refused:
        validate_notification(notification, HELSINKI)
    assert refused.value.field == "child_hetu"
    validate_notification(notification, dt.UTC)


# --- the sources ----------------------------------------------------------------------

# Each reads or shows the machine's zone (or names Finland's outside the clock).
MACHINE_ZONE = {
    "astimezone() without a zone": re.compile(r"\.astimezone\(\s*\)"),
    "datetime.now() without a zone": re.compile(r"\bdatetime\.now\(\s*\)"),
    "date.today()": re.compile(r"\bdate\.today\("),
    "datetime.today()/fromtimestamp()": re.compile(r"\bdatetime\.(today|fromtimestamp)\("),
    "time.localtime()/mktime()": re.compile(r"\btime\.(localtime|mktime|strftime)\("),
    "Qt's local time": re.compile(
        r"\bQDateTime\.(currentDateTime|fromSecsSinceEpoch|fromMSecsSinceEpoch)\("
        r"|\bQDate\.currentDate\(|\bQTime\.currentTime\(|\.toLocalTime\("
    ),
    # (An example in a message may name it.)
    "the zone named outside the clock": re.compile(r"(?<!e\.g\. )[\"']Europe/Helsinki[\"']"),
}


def test_no_source_reads_the_machines_zone() -> None:
    found = []
    for path in sorted((ROOT / "app").rglob("*.py")):
        if path == ROOT / "app" / "domain" / "clock.py":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for what, pattern in MACHINE_ZONE.items():
                if pattern.search(line):
                    found.append(f"{path.relative_to(ROOT)}:{number}: {what}")
    assert found == [], "use app.domain.clock with the policy's zone:\n" + "\n".join(found)


# --- the window, on a machine in another zone -----------------------------------------


def _poppler_or_skip() -> None:
    if shutil.which("pdftotext") is None:
        if os.environ.get("CI"):
            pytest.fail("CI must provide poppler-utils (pdftotext)")
        pytest.skip("poppler-utils not installed")


@pytest.mark.gui
@pytest.mark.parametrize("zone", ["UTC", "America/New_York"])
def test_the_window_shows_sends_and_prints_helsinki_time_whatever_the_machines_zone(
    zone: str, tmp_path: Path
) -> None:
    _poppler_or_skip()
    report = tmp_path / "report.json"
    env = {**os.environ, "TZ": zone, "CLOCK_REPORT": str(report)}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    command = [
        sys.executable,
        *("-m", "pytest", "-q", "-p", "no:cacheprovider"),
        *("--basetemp", str(tmp_path / "child")),
        str(ROOT / "tests" / "clock_window.py"),
    ]
    done = subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600, check=False
    )
    assert done.returncode == 0, done.stdout[-6000:] + done.stderr[-3000:]
    assert "2 passed" in done.stdout
    observed = json.loads(report.read_text(encoding="utf-8"))

    # The child's machine really was in ``zone``: hours away from Helsinki.
    machine = ZoneInfo(zone)
    for key, instant in (
        ("machine_offset", ENTRY_AT),
        ("notification_machine_offset", NOTIFIED_AT),
    ):
        there = instant.astimezone(machine).utcoffset()
        here = instant.utcoffset()
        assert there is not None
        assert here is not None
        assert observed[key] == there.total_seconds() != here.total_seconds()

    for key in ("form", "record", "notification_form", "notification_record"):
        assert observed[key] == EXPECTED[key], key
    assert EXPECTED["printout_contact"] in observed["printout"]
    assert EXPECTED["printout_printed"] in observed["printout"]
    assert observed["switcher_expected"] in observed["switcher"]
