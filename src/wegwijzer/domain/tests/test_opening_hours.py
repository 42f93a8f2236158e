"""Availability rules: shifts past midnight, weekends, feestdagen and DST changes (Europe/Amsterdam)."""

from datetime import date, datetime, timezone

import pytest

from wegwijzer.domain.hours import (
    AMSTERDAM,
    HOLIDAY_KEYS,
    InvalidShift,
    Schedule,
    availability,
    describe,
    dutch_holidays,
    holiday_on,
    parse_shift,
)

STANDARD = [k for k in HOLIDAY_KEYS if k not in ("goede-vrijdag", "bevrijdingsdag")]
FIER = Schedule.from_data(
    {
        "weekly": {d: ["16:00-06:00"] for d in ("mon", "tue", "wed", "thu", "fri")}
        | {"sat": ["20:00-06:00"], "sun": ["20:00-06:00"]},
        "holiday": ["20:00-06:00"],
        "holidays": "standaard",
    },
    STANDARD,
)
OFFICE = Schedule.from_data(
    {"weekly": {d: ["09:00-17:00"] for d in ("mon", "tue", "wed", "thu", "fri")}, "holiday": []}, STANDARD
)


def ams(*args) -> datetime:
    return datetime(*args, tzinfo=AMSTERDAM)


def test_fier_is_open_on_a_weekday_evening_until_six_next_morning():
    result = availability(FIER, ams(2026, 11, 23, 21, 30))  # Monday
    assert result.open
    assert result.next_change == ams(2026, 11, 24, 6, 0)
    assert describe(result, ams(2026, 11, 23, 21, 30)) == "nu open tot 06:00"


def test_shift_past_midnight_still_open_in_the_small_hours():
    result = availability(FIER, ams(2026, 11, 24, 3, 0))  # Tuesday 03:00, Monday's shift
    assert result.open and result.next_change == ams(2026, 11, 24, 6, 0)


def test_closed_in_the_morning_opens_at_four():
    at = ams(2026, 11, 24, 10, 0)
    result = availability(FIER, at)
    assert not result.open
    assert result.next_change == ams(2026, 11, 24, 16, 0)
    assert describe(result, at) == "gesloten, opent vandaag om 16:00"
    assert describe(result, at, "en") == "closed, opens today at 16:00"


def test_friday_shift_runs_into_saturday_and_saturday_opens_at_eight():
    assert availability(FIER, ams(2026, 11, 28, 5, 59)).open  # Saturday 05:59, Friday's shift
    result = availability(FIER, ams(2026, 11, 28, 6, 0))
    assert not result.open
    assert result.next_change == ams(2026, 11, 28, 20, 0)


def test_weekend_schedule_on_sunday_afternoon():
    result = availability(FIER, ams(2026, 11, 29, 17, 0))  # Sunday
    assert not result.open and result.next_change == ams(2026, 11, 29, 20, 0)


def test_holiday_on_a_weekday_uses_the_holiday_schedule():
    # Tweede Kerstdag 2025 is a Friday: the chat opens at 20:00 instead of 16:00.
    at = ams(2025, 12, 26, 17, 0)
    assert holiday_on(date(2025, 12, 26), STANDARD) == "tweede-kerstdag"
    result = availability(FIER, at)
    assert not result.open and result.next_change == ams(2025, 12, 26, 20, 0)


def test_uncounted_holiday_keeps_the_weekday_schedule():
    # Goede Vrijdag 2026 (3 April) is not in the standard set: normal Friday hours.
    assert dutch_holidays(2026)["goede-vrijdag"] == date(2026, 4, 3)
    assert availability(FIER, ams(2026, 4, 3, 17, 0)).open
    counting_good_friday = Schedule.from_data(
        {"weekly": {"fri": ["16:00-06:00"]}, "holiday": ["20:00-06:00"], "holidays": ["goede-vrijdag"]}, STANDARD
    )
    assert not availability(counting_good_friday, ams(2026, 4, 3, 17, 0)).open


def test_office_closed_on_a_holiday_and_over_the_weekend():
    # Kerst 2026: Friday 25 and Saturday 26 December. Next opening is Monday 28 December 09:00.
    result = availability(OFFICE, ams(2026, 12, 24, 18, 0))
    assert not result.open
    assert result.next_change == ams(2026, 12, 28, 9, 0)
    assert describe(result, ams(2026, 12, 24, 18, 0)) == "gesloten, opent maandag om 09:00"


def test_koningsdag_moves_to_saturday_when_27_april_is_a_sunday():
    assert dutch_holidays(2025)["koningsdag"] == date(2025, 4, 26)
    assert dutch_holidays(2026)["koningsdag"] == date(2026, 4, 27)


def test_easter_based_holidays():
    h = dutch_holidays(2027)
    assert h["eerste-paasdag"] == date(2027, 3, 28)
    assert h["hemelvaartsdag"] == date(2027, 5, 6)
    assert h["tweede-pinksterdag"] == date(2027, 5, 17)


def test_shift_across_the_autumn_dst_change_lasts_its_real_length():
    # 24 October 2026 (Saturday) -> 25 October: clocks go back at 03:00. Shift 20:00-06:00 = 11 real hours.
    start = availability(FIER, ams(2026, 10, 24, 19, 0)).next_change
    end = availability(FIER, ams(2026, 10, 24, 21, 0)).next_change
    assert start.utcoffset().total_seconds() == 7200  # CEST
    assert end == ams(2026, 10, 25, 6, 0) and end.utcoffset().total_seconds() == 3600  # CET
    assert (end.astimezone(timezone.utc) - start.astimezone(timezone.utc)).total_seconds() == 11 * 3600
    # In the repeated hour (02:30 occurs twice) the chat is open both times.
    first = datetime(2026, 10, 25, 0, 30, tzinfo=timezone.utc)  # 02:30 CEST
    second = datetime(2026, 10, 25, 1, 30, tzinfo=timezone.utc)  # 02:30 CET
    assert availability(FIER, first).open and availability(FIER, second).open


def test_shift_across_the_spring_dst_change():
    # 28 March 2026 (Saturday) -> 29 March: clocks go forward at 02:00. Shift 20:00-06:00 = 9 real hours.
    start = availability(FIER, ams(2026, 3, 28, 12, 0)).next_change
    end = availability(FIER, ams(2026, 3, 28, 23, 0)).next_change
    assert start == ams(2026, 3, 28, 20, 0)
    assert end == ams(2026, 3, 29, 6, 0) and end.utcoffset().total_seconds() == 7200
    assert (end.astimezone(timezone.utc) - start.astimezone(timezone.utc)).total_seconds() == 9 * 3600


def test_shift_starting_in_the_missing_hour_moves_to_after_the_gap():
    sched = Schedule.from_data({"weekly": {"sun": ["02:30-04:00"]}}, STANDARD)
    opens = availability(sched, ams(2026, 3, 29, 1, 0)).next_change
    assert opens.astimezone(timezone.utc) == datetime(2026, 3, 29, 1, 30, tzinfo=timezone.utc)  # 03:30 CEST


def test_always_open_has_no_next_change():
    result = availability(Schedule.from_data({"always": True}, STANDARD), ams(2026, 12, 25, 3, 0))
    assert result.open and result.next_change is None
    assert describe(result, ams(2026, 12, 25, 3, 0), "nl") == "dag en nacht bereikbaar"


def test_whole_day_shifts_merge_across_midnight():
    sched = Schedule.from_data({"weekly": {"mon": ["00:00-24:00"], "tue": ["00:00-12:00"]}}, STANDARD)
    result = availability(sched, ams(2026, 11, 23, 23, 0))
    assert result.open and result.next_change == ams(2026, 11, 24, 12, 0)


def test_naive_datetime_is_refused():
    with pytest.raises(ValueError):
        availability(FIER, datetime(2026, 1, 1, 12, 0))


@pytest.mark.parametrize("bad", ["16-06", "25:00-06:00", "10:00-10:00", "aa:bb-cc:dd", "24:00-02:00", "9:60-10:00"])
def test_bad_shifts_are_refused_with_a_message(bad):
    with pytest.raises(InvalidShift):
        parse_shift(bad)


def test_next_opening_more_than_a_week_away_names_the_date():
    sched = Schedule.from_data({"weekly": {"mon": ["09:00-10:00"]}, "holiday": [], "holidays": ["tweede-paasdag"]},
                               STANDARD)
    at = ams(2026, 3, 31, 12, 0)  # Tuesday after Easter; next Monday 6 April is Tweede Paasdag
    result = availability(sched, at)
    assert result.next_change == ams(2026, 4, 13, 9, 0)
    assert describe(result, at) == "gesloten, opent maandag 13-4 om 09:00"


def test_summary_groups_days_for_print():
    fier = {"weekly": {d: ["16:00-06:00"] for d in ("mon", "tue", "wed", "thu", "fri")}
            | {"sat": ["20:00-06:00"], "sun": ["20:00-06:00"]}, "holiday": ["20:00-06:00"]}
    from wegwijzer.domain.hours import summarise

    assert summarise(fier) == "ma t/m vr 16:00-06:00; za en zo 20:00-06:00; feestdagen 20:00-06:00"
    assert summarise(fier, "en") == "Mon to Fri 16:00-06:00; Sat and Sun 20:00-06:00; public holidays 20:00-06:00"
    assert summarise({"always": True}) == "dag en nacht, elke dag"
    office = {"weekly": {d: ["09:00-17:00"] for d in ("mon", "tue", "wed", "thu", "fri")}, "holiday": []}
    assert summarise(office) == "ma t/m vr 09:00-17:00; feestdagen gesloten"
