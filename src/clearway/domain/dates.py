"""Dates as the manifest writes them, including partly unknown dates of birth.

ICAO allows an unknown day or month; the manifest writes it as ``00``
(``1984-06-00``, ``1984-00-00``). spec/findings.md fixes how such a date is used:
minor rules take the latest possible date, ``AGE_IMPLAUSIBLE`` the earliest, and
two partly unknown dates are equal only when written the same.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

# [0-9], not \d: \d also matches other scripts' digits (١٩٧٩), which a date field may not hold.
_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")


@dataclass(frozen=True, order=True)
class PartialDate:
    """A calendar date whose month and/or day may be unknown (``None``)."""

    year: int
    month: int | None
    day: int | None

    @classmethod
    def parse(cls, text: str) -> PartialDate | None:
        """Read ``YYYY-MM-DD`` with ``00`` for an unknown part; ``None`` when it is not a date.

        An unknown month with a known day (``1984-00-12``) is not a date: the day
        means nothing without its month.
        """
        match = _ISO_DATE.fullmatch(text.strip())
        if not match:
            return None
        year, month, day = (int(part) for part in match.groups())
        if year < 1:
            return None
        if month == 0:
            return cls(year, None, None) if day == 0 else None
        if not 1 <= month <= 12:
            return None
        if day == 0:
            return cls(year, month, None)
        if not 1 <= day <= calendar.monthrange(year, month)[1]:
            return None
        return cls(year, month, day)

    @classmethod
    def from_date(cls, value: date) -> PartialDate:
        return cls(value.year, value.month, value.day)

    @property
    def is_complete(self) -> bool:
        return self.month is not None and self.day is not None

    def earliest(self) -> date:
        """The earliest day this could be (the oldest possible age)."""
        return date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> date:
        """The latest day this could be (the youngest possible age)."""
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return date(self.year, month, day)

    def iso(self) -> str:
        """As the manifest writes it: unknown parts as ``00``."""
        return f"{self.year:04d}-{self.month or 0:02d}-{self.day or 0:02d}"

    def __str__(self) -> str:
        return self.iso()


def parse_full_date(text: str) -> date | None:
    """A complete ``YYYY-MM-DD`` date, or ``None`` (expiry dates and the like may not be partial)."""
    parsed = PartialDate.parse(text)
    if parsed is None or not parsed.is_complete:
        return None
    return parsed.earliest()


def age_on(born: date, on: date) -> int:
    """Completed years on ``on`` (a person born on 29 February turns a year older on 1 March)."""
    years = on.year - born.year
    if (on.month, on.day) < (born.month, born.day):
        years -= 1
    return years
