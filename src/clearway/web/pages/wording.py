"""How the pages word a request's keys and values: the flight form's names for the keys a finding
or a diff names (``legs[0].to`` is 'To (leg 1)'), and values as an officer reads them (a moment
in the page's language, not ISO 8601)."""

from __future__ import annotations

import re
from datetime import UTC, datetime, tzinfo

from babel import Locale
from babel.dates import format_date, format_time

from clearway.domain.snapshot import parse_iso_utc
from clearway.i18n import catalogue, translate

_LEG_KEY = re.compile(r"legs\[(\d+)\](?:\.(\w+))?")


def flight_field(path: str, lang: str) -> str:
    """A request key as the flight form names it (``legs[1].to``: 'To (leg 2)'); the key itself
    where the form has no name for it."""
    catalogue_ = catalogue()
    leg = _LEG_KEY.fullmatch(path)
    if leg is not None and not leg[2]:  # a whole leg, added or removed
        return translate("flight_field.legs", lang, number=int(leg[1]) + 1)
    if leg is not None and f"flight_field.legs.{leg[2]}" in catalogue_:
        field = translate(f"flight_field.legs.{leg[2]}", lang)
        return translate("flight_field.leg", lang, field=field, number=int(leg[1]) + 1)
    key = f"flight_field.{path}"
    return translate(key, lang) if key in catalogue_ else path


# The domain's reasons (clearway.domain.material), one per material change, in its stable words.
_REASONS = (
    (re.compile(r"passenger added: seq (?P<seq>\S+)"), "material.passenger_added"),
    (re.compile(r"passenger (?P<seq>\S+) identity: (?P<column>\w+)"), "material.passenger_identity"),
    (re.compile(r"passenger (?P<seq>\S+) (?P<column>[\w.]+)"), "material.passenger_field"),
    (re.compile(r"(?P<path>\S+) moved (?P<minutes>[\d.]+) min"), "material.moved"),
    (re.compile(r"(?P<path>\S+) lowered"), "material.lowered"),
    (re.compile(r"(?P<path>\S+) increased"), "material.increased"),
    (re.compile(r"(?P<path>\S+) added"), "material.added"),
    (re.compile(r"(?P<path>\S+) removed"), "material.removed"),
    (re.compile(r"(?P<path>\S+)"), "material.changed"),
)


def action_label(action: str, lang: str) -> str:
    """What an audit entry records, as the timeline names it; an action unknown here as written."""
    key = f"audit_action.{action}"
    return translate(key, lang) if key in catalogue() else action


def column_label(column: str, lang: str) -> str:
    """A manifest column as the pages name it ('Date of birth'); an unknown one as written."""
    key = f"manifest_column.{column}"
    return translate(key, lang) if key in catalogue() else column


def material_reason(reason: str, lang: str) -> str:
    """Why an amendment is material, in the page's language (``legs[0].arrival moved 180 min``:
    'Arrival (leg 1) moved by 180 min'); the domain's own words for one this code cannot read."""
    for pattern, key in _REASONS:
        found = pattern.fullmatch(reason)
        if found is None:
            continue
        params = found.groupdict()
        if "path" in params:
            params["field"] = flight_field(params.pop("path"), lang)
        if "column" in params:
            params["column"] = column_label(params["column"], lang)
        return translate(key, lang, **params)
    return reason


def shown_value(value: object, lang: str) -> str:
    """A value of a version as a page shows it: a moment in the language, anything else as written."""
    if isinstance(value, str) and _MOMENT.fullmatch(value):
        try:
            return moment(parse_iso_utc(value), lang)
        except ValueError:
            return value
    return "" if value is None else str(value)


_MOMENT = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})")


def moment(value: datetime | None, lang: str) -> str:
    """A moment in UTC, for the language (``1 dic 2026, 18:00 UTC``)."""
    if value is None:
        return ""
    return f"{day_and_time(value, UTC, lang)} UTC"


def day_and_time(value: datetime, zone: tzinfo, lang: str) -> str:
    """The day and the time of day at ``zone`` in the language's medium pattern, without seconds:
    the seconds of a schedule or of a decision say nothing to an officer, and every table of the
    pages shows its moments the same way."""
    local = value.astimezone(zone)
    pattern = str(Locale.parse(lang).datetime_formats["medium"])  # '{1}, {0}': day, then time
    return pattern.format(
        format_time(local, "short", tzinfo=zone, locale=lang), format_date(local.date(), "medium", locale=lang)
    )
