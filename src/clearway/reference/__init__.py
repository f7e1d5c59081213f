"""Reference data from well-kept packages, loaded only as far as a check needs it.

Start-up time matters (``clearway check`` runs as a new process), so neither
package is imported the usual way: airportsdata's ``load()`` parses all ~28,000
airports and pycountry's import reads its package metadata (~60 ms). Both ship
their data as plain files; we read those files directly and only look up the
codes a request uses.
"""

from __future__ import annotations

import csv
import json
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from zoneinfo import ZoneInfo

from clearway.domain.reference import ICAO_ONLY_CODES, Airport

_ICAO_PATTERN_LENGTH = 4


def _package_dir(name: str) -> Path:
    spec = find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"the {name} package is not installed")
    return Path(next(iter(spec.submodule_search_locations)))


@cache
def _iso3166() -> tuple[frozenset[str], dict[str, str]]:
    """(alpha-3 codes, alpha-2 → alpha-3) from pycountry's bundled ISO 3166-1 table."""
    path = _package_dir("pycountry") / "databases" / "iso3166-1.json"
    entries = json.loads(path.read_bytes())["3166-1"]
    alpha3 = frozenset(entry["alpha_3"] for entry in entries)
    alpha2_to_3 = {entry["alpha_2"]: entry["alpha_3"] for entry in entries}
    return alpha3, alpha2_to_3


@cache
def _airport_table() -> bytes:
    return (_package_dir("airportsdata") / "airports.csv").read_bytes()


class PackagedReferenceData:
    """``ReferenceData`` backed by the airportsdata and pycountry packages."""

    def __init__(self) -> None:
        self._airports: dict[str, Airport | None] = {}

    def airport(self, icao: str) -> Airport | None:
        if icao not in self._airports:
            self._airports[icao] = self._find_airport(icao)
        return self._airports[icao]

    def is_country_code(self, code: str) -> bool:
        return code in ICAO_ONLY_CODES or code in _iso3166()[0]

    @staticmethod
    def _find_airport(icao: str) -> Airport | None:
        # airportsdata also lists FAA/local identifiers such as "00AA"; an ICAO
        # location indicator is four letters.
        if len(icao) != _ICAO_PATTERN_LENGTH or not icao.isascii() or not icao.isalpha():
            return None
        table = _airport_table()
        start = table.find(b'\n"' + icao.encode("ascii") + b'",')
        if start < 0:
            return None
        end = table.find(b"\n", start + 1)
        line = table[start + 1 : end if end > 0 else None].decode("utf-8")
        row = next(csv.reader([line]))
        # columns: icao, iata, name, city, subd, country, elevation, lat, lon, tz, lid
        country = _iso3166()[1].get(row[5], row[5])
        return Airport(icao=icao, name=row[2], country=country, tz=ZoneInfo(row[9]), iata=row[1].strip().upper())


def country_codes() -> list[str]:
    """Every code a nationality or issuer may take: ISO 3166-1 alpha-3 and the ICAO additions, sorted."""
    return sorted(_iso3166()[0] | ICAO_ONLY_CODES)
