"""What the rules need to know about airports and countries, as plain values.

The rules never load reference data themselves (the domain does no I/O): the
caller passes a ``ReferenceData`` built by ``clearway.reference`` from the
airportsdata and pycountry packages, or a small fake in tests.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import tzinfo
from typing import Protocol


@dataclass(frozen=True)
class Airport:
    icao: str
    name: str
    country: str  # ISO 3166-1 alpha-3
    tz: tzinfo
    iata: str = ""  # the 3-letter IATA code, where the airport has one (PAXLST writes these)


class ReferenceData(Protocol):
    def airport(self, icao: str) -> Airport | None:
        """The airport with this ICAO code (upper case), or ``None`` if there is none."""
        ...

    def is_country_code(self, code: str) -> bool:
        """Whether ``code`` (upper case) is an ISO 3166-1 alpha-3 or ICAO Doc 9303 code."""
        ...


#: ICAO Doc 9303 Part 3 §5 codes that are not ISO 3166-1 alpha-3 (see standards/mrz.md §6).
ICAO_ONLY_CODES = frozenset(
    {
        "D", "GBD", "GBN", "GBO", "GBP", "GBS", "RKS", "EUE", "UNO", "UNA", "UNK",
        "XBA", "XIM", "XCC", "XCE", "XCO", "XEC", "XPO", "XES", "XMP", "XOM", "XDC",
        "XXA", "XXB", "XXC", "XXX", "ANT", "NTZ", "UTO", "IAO",
    }
)  # fmt: skip

#: Codes that name the same state (ICAO writes Germany as ``D``).
_SAME_STATE = {"D": "DEU"}


def same_state(a: str, b: str) -> bool:
    """Whether two country codes (any case) name the same state."""
    a, b = a.upper(), b.upper()
    return _SAME_STATE.get(a, a) == _SAME_STATE.get(b, b)
