"""How the pages write moments: the day and the time without seconds, in the page's language
(CLDR puts a narrow no-break space, U+202F, before AM and PM);
at an airport in its local time with the offset, then in UTC; reason codes with their titles."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from clearway.domain.audit_events import AuditAction
from clearway.domain.findings import Code
from clearway.i18n import LANGUAGES, finding_title
from clearway.web.pages.templating import at_airport, moment, reason
from clearway.web.pages.wording import action_label, flight_field, material_reason, shown_value

DECIDED = datetime(2026, 12, 1, 18, 5, 33, tzinfo=UTC)


@pytest.mark.parametrize(("lang", "shown"), [("en", "Dec 1, 2026, 6:05\u202fPM UTC"), ("es", "1 dic 2026, 18:05 UTC")])
def test_a_moment_is_a_day_and_a_time_in_utc_without_seconds(lang: str, shown: str) -> None:
    assert moment(DECIDED, lang) == shown


@pytest.mark.parametrize(
    ("lang", "shown"),
    [
        ("en", "Dec 1, 2026, 12:05\u202fPM (UTC−06:00) · 18:05 UTC"),
        ("es", "1 dic 2026, 12:05 (UTC−06:00) · 18:05 UTC"),
    ],
)
def test_a_moment_at_an_airport_is_its_local_time_with_the_offset_then_utc(lang: str, shown: str) -> None:
    assert at_airport(DECIDED, "MMMX", lang) == shown


def test_a_local_day_is_the_airport_s_own_even_when_utc_is_already_the_next() -> None:
    late = datetime(2026, 12, 2, 3, 30, tzinfo=UTC)  # 21:30 the day before in Mexico City
    assert at_airport(late, "MMMX", "es").startswith("1 dic 2026, 21:30 (UTC−06:00)")


def test_an_airport_without_a_known_zone_is_shown_in_utc() -> None:
    assert at_airport(DECIDED, "ZZZZ", "en") == "Dec 1, 2026, 6:05\u202fPM UTC"


@pytest.mark.parametrize(
    ("code", "lang", "shown"),
    [
        ("DOCUMENT_EXPIRED", "en", "Document expired (DOCUMENT_EXPIRED)"),
        ("DOCUMENT_EXPIRED", "es", "Documento caducado (DOCUMENT_EXPIRED)"),
        ("OTHER", "es", "Otro motivo (OTHER)"),
        ("A_CODE_OF_A_LATER_VERSION", "es", "A_CODE_OF_A_LATER_VERSION"),
    ],
)
def test_a_reason_code_is_shown_with_its_title(code: str, lang: str, shown: str) -> None:
    assert reason(code, lang) == shown


def test_every_finding_code_has_a_title_in_every_language() -> None:
    for code in Code:
        for lang in LANGUAGES:
            assert finding_title(code, lang) != code, (code, lang)


@pytest.mark.parametrize(
    ("path", "lang", "shown"),
    [
        ("aircraft.registration", "es", "Matrícula"),
        ("people.escorts", "en", "Escorts"),
        ("legs[0].arrival", "en", "Arrival (leg 1)"),
        ("legs[1].to", "es", "Destino (tramo 2)"),
        ("legs[2]", "en", "Leg 3"),
        ("a.key.of.a.later.version", "es", "a.key.of.a.later.version"),
    ],
)
def test_a_request_key_is_named_as_the_flight_form_names_it(path: str, lang: str, shown: str) -> None:
    assert flight_field(path, lang) == shown


@pytest.mark.parametrize(
    ("reason", "lang", "shown"),
    [
        ("aircraft.registration", "en", "Registration changed"),
        ("legs[0].arrival moved 180 min", "en", "Arrival (leg 1) moved by 180 min"),
        ("people.escorts lowered", "es", "Escoltas: reducido"),
        ("people.declared_passengers increased", "en", "Passengers (returnees) declared raised"),
        ("legs[1] added", "en", "Leg 2 added"),
        ("passenger added: seq 12", "es", "Pasajero 12 añadido"),
        ("passenger 4 identity: date_of_birth", "en", "Passenger 4: Date of birth changed (identity)"),
        ("passenger 4 family_group", "es", "Pasajero 4: cambió Grupo familiar"),
    ],
)
def test_why_an_amendment_is_material_is_said_in_the_page_s_words(reason: str, lang: str, shown: str) -> None:
    assert material_reason(reason, lang) == shown


def test_a_moment_of_a_version_is_shown_in_the_language_and_other_values_as_written() -> None:
    assert shown_value("2026-12-10T18:00:00Z", "es") == "10 dic 2026, 18:00 UTC"
    assert (shown_value("N304AC", "es"), shown_value(7, "en"), shown_value(None, "en")) == ("N304AC", "7", "")


def test_every_audit_action_has_a_name_on_the_timeline_in_every_language() -> None:
    for action in AuditAction:
        for lang in LANGUAGES:
            assert action_label(action, lang) != action.value, (action, lang)
