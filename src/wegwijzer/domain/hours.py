"""Opening hours, Dutch public holidays and availability. Plain Python, no Django.

Rules (see docs/content-format.md):
- A shift ``"HH:MM-HH:MM"`` belongs to the day it starts on. An end at or before the start means the
  shift runs past midnight into the next day (``"16:00-06:00"``); ``"00:00-24:00"`` is the whole day.
- On a day that is a counted feestdag, the holiday schedule replaces that day's weekly shifts.
- Which feestdagen count is a per-contact setting.
- All wall-clock times are Europe/Amsterdam. Instants are compared in UTC, so a shift across a DST
  change lasts its real length (a 20:00-06:00 shift lasts 11 hours on the night clocks go back).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from dateutil.easter import easter

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
WEEKDAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

# Every Dutch public holiday (domain.md §5), as a function of the year.
HOLIDAY_KEYS = (
    "nieuwjaarsdag",
    "goede-vrijdag",
    "eerste-paasdag",
    "tweede-paasdag",
    "koningsdag",
    "bevrijdingsdag",
    "hemelvaartsdag",
    "eerste-pinksterdag",
    "tweede-pinksterdag",
    "eerste-kerstdag",
    "tweede-kerstdag",
)


def dutch_holidays(year: int) -> dict[str, date]:
    """All Dutch public holidays of ``year``, by key. Bevrijdingsdag is listed every year (not only in
    lustrum years): whether it counts is the contact's setting, not this function's."""
    e = easter(year)
    koningsdag = date(year, 4, 27)
    if koningsdag.weekday() == 6:  # 27 April on a Sunday -> Saturday 26 April
        koningsdag = date(year, 4, 26)
    return {
        "nieuwjaarsdag": date(year, 1, 1),
        "goede-vrijdag": e - timedelta(days=2),
        "eerste-paasdag": e,
        "tweede-paasdag": e + timedelta(days=1),
        "koningsdag": koningsdag,
        "bevrijdingsdag": date(year, 5, 5),
        "hemelvaartsdag": e + timedelta(days=39),
        "eerste-pinksterdag": e + timedelta(days=49),
        "tweede-pinksterdag": e + timedelta(days=50),
        "eerste-kerstdag": date(year, 12, 25),
        "tweede-kerstdag": date(year, 12, 26),
    }


def holiday_on(day: date, counted: Iterable[str]) -> str | None:
    """The key of the counted holiday that falls on ``day``, or None."""
    counted = set(counted)
    for key, when in dutch_holidays(day.year).items():
        if when == day and key in counted:
            return key
    return None


class InvalidShift(ValueError):
    pass


def _parse_time(text: str) -> tuple[int, int]:
    try:
        hh, mm = text.strip().split(":")
        h, m = int(hh), int(mm)
    except ValueError as exc:
        raise InvalidShift(f"tijd {text!r} is geen HH:MM") from exc
    if not (0 <= h <= 24 and 0 <= m < 60) or (h == 24 and m != 0):
        raise InvalidShift(f"tijd {text!r} bestaat niet")
    return h, m


def parse_shift(text: str) -> tuple[tuple[int, int], tuple[int, int]]:
    """``"16:00-06:00"`` -> ((16, 0), (6, 0)). Raises :class:`InvalidShift` with a Dutch message."""
    if not isinstance(text, str) or text.count("-") != 1:
        raise InvalidShift(f"dienst {text!r} is geen 'HH:MM-HH:MM'")
    start_text, end_text = text.split("-")
    start, end = _parse_time(start_text), _parse_time(end_text)
    if start == (24, 0):
        raise InvalidShift(f"dienst {text!r} kan niet om 24:00 beginnen")
    if start == end and start != (0, 0):
        raise InvalidShift(f"dienst {text!r} heeft geen lengte")
    return start, end


@dataclass(frozen=True)
class Schedule:
    """Opening hours of one contact."""

    always: bool = False
    weekly: Mapping[str, Sequence[str]] = None  # type: ignore[assignment]
    holiday: Sequence[str] | None = None
    holidays: frozenset[str] = frozenset()

    @classmethod
    def from_data(cls, data: Mapping, standard_holidays: Iterable[str]) -> Schedule:
        counted = data.get("holidays", "standaard")
        if counted == "standaard":
            counted = standard_holidays
        return cls(
            always=bool(data.get("always", False)),
            weekly={k: tuple(v) for k, v in (data.get("weekly") or {}).items()},
            holiday=None if data.get("holiday") is None else tuple(data["holiday"]),
            holidays=frozenset(counted),
        )

    def shifts_starting_on(self, day: date) -> Sequence[str]:
        if self.holiday is not None and holiday_on(day, self.holidays):
            return self.holiday
        return (self.weekly or {}).get(WEEKDAY_KEYS[day.weekday()], ())

    def intervals(self, first: date, last: date) -> list[tuple[datetime, datetime]]:
        """Open intervals (UTC, merged) of shifts that start between ``first`` and ``last``."""
        raw: list[tuple[datetime, datetime]] = []
        day = first
        while day <= last:
            for shift in self.shifts_starting_on(day):
                (sh, sm), (eh, em) = parse_shift(shift)
                start = _local(day, sh, sm)
                end_day = day if (eh, em) > (sh, sm) else day + timedelta(days=1)
                end = _local(end_day, eh, em)
                raw.append((start, end))
            day += timedelta(days=1)
        raw.sort()
        merged: list[tuple[datetime, datetime]] = []
        for start, end in raw:
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        return merged


def _local(day: date, hour: int, minute: int) -> datetime:
    """A wall-clock time in Amsterdam as an aware UTC instant. 24:00 is the next day's 00:00. A time
    that does not exist (02:30 on the night clocks go forward) moves forward by the gap."""
    if hour == 24:
        day, hour = day + timedelta(days=1), 0
    naive = datetime.combine(day, time(hour, minute))
    # fold=0 (PEP 495): a repeated time is its first occurrence; a missing time uses the offset from
    # before the change, which lands it after the gap (02:30 -> 03:30 CEST).
    utc = naive.replace(tzinfo=AMSTERDAM, fold=0).astimezone(timezone.utc)
    return utc


@dataclass(frozen=True)
class Availability:
    open: bool
    next_change: datetime | None  # aware, Europe/Amsterdam; None = no change within the horizon (24/7)
    open_until: datetime | None = None
    opens_at: datetime | None = None


HORIZON_DAYS = 14


def availability(schedule: Schedule, at: datetime) -> Availability:
    """Is the contact reachable at ``at`` (aware), and when does that change?"""
    if at.tzinfo is None:
        raise ValueError("at must be timezone-aware")
    if schedule.always:
        return Availability(open=True, next_change=None)
    at_utc = at.astimezone(timezone.utc)
    local_day = at.astimezone(AMSTERDAM).date()
    intervals = schedule.intervals(local_day - timedelta(days=2), local_day + timedelta(days=HORIZON_DAYS))
    for start, end in intervals:
        if start <= at_utc < end:
            until = end.astimezone(AMSTERDAM)
            return Availability(open=True, next_change=until, open_until=until)
        if start > at_utc:
            opens = start.astimezone(AMSTERDAM)
            return Availability(open=False, next_change=opens, opens_at=opens)
    return Availability(open=False, next_change=None)


def describe(avail: Availability, at: datetime, lang: str = "nl") -> str:
    """A short human sentence: "nu open tot 06:00", "opent vandaag om 20:00", "24 uur per dag bereikbaar"."""
    now_local = at.astimezone(AMSTERDAM)
    nl = lang != "en"
    if avail.open and avail.next_change is None:
        return "dag en nacht bereikbaar" if nl else "available day and night"
    if avail.open:
        until = avail.open_until
        if until - now_local < timedelta(hours=24):  # "nu open tot 06:00" is unambiguous within a day
            return f"nu open tot {until:%H:%M}" if nl else f"open now until {until:%H:%M}"
        day = _day_word(until.date(), now_local.date(), nl)
        return f"nu open tot {day} {until:%H:%M}" if nl else f"open now until {day} {until:%H:%M}"
    if avail.opens_at is None:
        return "voorlopig gesloten" if nl else "closed for now"
    opens = avail.opens_at
    day = _day_word(opens.date(), now_local.date(), nl)
    return f"gesloten, opent {day} om {opens:%H:%M}" if nl else f"closed, opens {day} at {opens:%H:%M}"


NL_DAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
EN_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _day_word(day: date, today: date, nl: bool) -> str:
    delta = (day - today).days
    if delta == 0:
        return "vandaag" if nl else "today"
    if delta == 1:
        return "morgen" if nl else "tomorrow"
    name = (NL_DAYS if nl else EN_DAYS)[day.weekday()]
    if delta < 7:
        return name if nl else f"on {name}"
    return f"{name} {day.day}-{day.month}" if nl else f"on {name} {day.day}/{day.month}"


SUMMARY_WORDS = {
    "nl": {"days": ("ma", "di", "wo", "do", "vr", "za", "zo"), "and": "en", "to": "t/m", "holidays": "feestdagen",
           "closed": "gesloten", "always": "dag en nacht, elke dag", "none": "geen openingstijden bekend"},
    "en": {"days": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"), "and": "and", "to": "to",
           "holidays": "public holidays", "closed": "closed", "always": "day and night, every day",
           "none": "no opening hours known"},
}


def summarise(hours: Mapping | None, lang: str = "nl", words: Mapping | None = None) -> str:
    """A one-line description of opening hours for print: "ma t/m vr 16:00-06:00; za en zo 20:00-06:00;
    feestdagen 20:00-06:00". Consecutive days with the same shifts are grouped. ``words`` gives the
    words for another language (days Monday first, "and", "to", "holidays", "closed", "always", "none")."""
    words = words or SUMMARY_WORDS["en" if lang == "en" else "nl"]
    if not hours:
        return words["none"]
    if hours.get("always"):
        return words["always"]
    names = words["days"]
    weekly = hours.get("weekly") or {}
    groups: list[tuple[int, int, tuple]] = []
    for i, key in enumerate(WEEKDAY_KEYS):
        shifts = tuple(weekly.get(key, ()))
        if groups and groups[-1][2] == shifts and groups[-1][1] == i - 1:
            groups[-1] = (groups[-1][0], i, shifts)
        else:
            groups.append((i, i, shifts))
    parts = []
    for first, last, shifts in groups:
        if not shifts:
            continue
        if first == last:
            days = names[first]
        elif last == first + 1:
            days = f"{names[first]} {words['and']} {names[last]}"
        else:
            days = f"{names[first]} {words['to']} {names[last]}"
        parts.append(f"{days} {', '.join(shifts)}")
    holiday = hours.get("holiday")
    if holiday is not None:
        label = words["holidays"]
        parts.append(f"{label} {', '.join(holiday)}" if holiday else f"{label} {words['closed']}")
    return "; ".join(parts)
