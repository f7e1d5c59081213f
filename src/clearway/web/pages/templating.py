"""The templates' environment per language: the gettext catalogue of the language (domain
``messages``, the one ``clearway.i18n`` reads for the keyed messages too), and
dates, times and numbers formatted for the language with Babel.

One Jinja2 environment per language, built once: the translations are installed into it,
so a template says ``{{ _("Flights") }}`` or ``{% trans %}`` and never picks a language.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, tzinfo
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import pycountry
from babel import Locale
from babel.dates import format_date, format_datetime, format_timedelta
from babel.numbers import format_decimal
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from clearway.i18n import LANGUAGES, finding_title, translations
from clearway.reference import PackagedReferenceData
from clearway.web.pages.manifest_html import manifest_rows, mask, precheck_items
from clearway.web.pages.wording import (
    action_label,
    column_label,
    day_and_time,
    flight_field,
    material_reason,
    moment,
    shown_value,
)

TEMPLATES = Path(str(files("clearway") / "web" / "templates"))
_REFERENCE = PackagedReferenceData()


@cache
def environment(lang: str) -> Environment:
    """The Jinja2 environment whose ``_``/``gettext``/``ngettext`` speak ``lang``."""
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}")
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.install_gettext_translations(translations(lang), newstyle=True)  # type: ignore[attr-defined]
    env.globals["lang"] = lang
    env.filters["moment"] = lambda value: moment(value, lang)
    env.filters["day"] = lambda value: day(value, lang)
    env.filters["number"] = lambda value: number(value, lang)
    env.filters["at_airport"] = lambda value, icao: at_airport(value, icao, lang)
    env.filters["duration"] = lambda value: duration(value, lang)
    env.filters["reason"] = lambda code: reason(code, lang)
    env.filters["country"] = lambda code: country_name(code, lang)
    env.filters["flight_field"] = lambda path: flight_field(path, lang)
    env.filters["column_label"] = lambda column: column_label(column, lang)
    env.filters["action_label"] = lambda action: action_label(action, lang)
    env.filters["material_reason"] = lambda reason: material_reason(reason, lang)
    env.filters["shown_value"] = lambda value: shown_value(value, lang)
    env.filters["mask"] = mask
    env.globals["manifest_rows"] = manifest_rows
    env.globals["precheck_items"] = precheck_items
    return env


def render(template: str, lang: str, **context: Any) -> str:
    return environment(lang).get_template(template).render(**context)


def country_name(code: str, lang: str) -> str:
    """A country by its name in the language, then its ISO 3166 alpha-3 code (``México (MEX)``)."""
    found = pycountry.countries.get(alpha_3=code)
    if found is None:
        return code
    name = Locale.parse(lang).territories.get(found.alpha_2, found.name)
    return f"{name} ({code})"


def reason(code: str, lang: str) -> str:
    """A reason code as an officer reads it: its title, then the code (``Documento caducado
    (DOCUMENT_EXPIRED)``); the code alone when it has no title."""
    title = finding_title(code, lang)
    return code if title == code else f"{title} ({code})"


def day(value: date | datetime | None, lang: str) -> str:
    """A calendar day for the language (a moment is taken in UTC)."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.astimezone(UTC).date()
    return format_date(value, "medium", locale=lang)


def number(value: int | float, lang: str) -> str:
    return format_decimal(value, locale=lang)


def airport_zone(icao: str) -> tzinfo | None:
    found = _REFERENCE.airport(icao.strip().upper())
    return found.tz if found is not None else None


def airport_name(icao: str) -> str | None:
    found = _REFERENCE.airport(icao.strip().upper())
    return found.name if found is not None else None


def at_airport(value: datetime | None, icao: str, lang: str) -> str:
    """A moment in the airport's local time with its offset, then in UTC:
    ``1 dic 2026, 12:00 (UTC−06:00) · 18:00 UTC``."""
    if value is None:
        return ""
    zone = airport_zone(icao)
    utc_text = f"{format_datetime(value, 'HH:mm', tzinfo=UTC, locale=lang)} UTC"
    if zone is None:
        return moment(value, lang)
    offset = format_datetime(value.astimezone(zone), "xxx", tzinfo=zone, locale=lang)
    local_text = day_and_time(value, zone, lang)
    return f"{local_text} (UTC{offset.replace('-', '−')}) · {utc_text}"


def duration(value: Any, lang: str) -> str:
    """A length of time in words (``3 days``, ``5 horas``)."""
    return format_timedelta(value, threshold=1.5, locale=Locale.parse(lang))
