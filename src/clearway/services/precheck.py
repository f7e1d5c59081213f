"""The pre-check as the service runs it: the same domain rules as ``clearway check``, with
the agreements, daily loads and legal-hold list taken from the database."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from clearway.domain.findings import Finding, Phrase
from clearway.domain.precheck import PrecheckResult, run_precheck
from clearway.domain.precheck.legs import arrival_date, judged_legs
from clearway.domain.snapshot import RequestSnapshot, manifest_of
from clearway.i18n import DEFAULT_LANGUAGE, catalogue, translate
from clearway.reference import PackagedReferenceData
from clearway.services.agreements import agreements_between
from clearway.services.screening import current_screen
from clearway.store.capacity import daily_load
from clearway.store.models import VersionArrival


def precheck_snapshot(
    session: Session,
    snapshot: RequestSnapshot,
    *,
    sending_org_id: int,
    at: datetime,
    request_id: int | None = None,
) -> PrecheckResult:
    """Every finding for this content, as the receiving side would raise them.

    Daily caps add the other requests' arrivals on the same local days (``request_id``,
    the request being checked, is not counted twice). Raises ``UnusableInput`` when no
    leg arrives in the receiving country.
    """
    reference = PackagedReferenceData()
    flight = snapshot.flight
    legs = judged_legs(flight, reference, "request")
    days = {local.date() for judged in legs if (local := judged.local_arrival) is not None} | {arrival_date(legs)}
    load = daily_load(session, flight.receiving_country.strip().upper(), days, excluding_request_id=request_id)
    return run_precheck(
        flight,
        manifest_of(snapshot),
        agreements_between(session, flight.sending_authority, flight.receiving_country),
        reference,
        at=at,
        holds=current_screen(session, sending_org_id),
        existing_load=load,
        request_source="request",
    )


def stored_findings(result: PrecheckResult) -> list[dict[str, Any]]:
    """Findings as stored with a version: codes, details and the message's parameters, never a
    rendered sentence, so each reader gets the catalogue's current words in their language
    (a corrected translation reaches old versions too)."""
    return [finding_document(item) for item in result.findings]


#: How a ``Phrase`` parameter is stored: its catalogue keys under this one key.
_PHRASE = "$phrase"


def finding_document(item: Finding) -> dict[str, Any]:
    return {
        "code": str(item.code),
        "severity": str(item.severity),
        "scope": str(item.scope),
        "seq": item.seq,
        "field": item.field,
        "message_key": item.message_key,
        "params": {str(name): _stored_param(value) for name, value in item.params.items()},
        "details": _json_safe(item.details),
    }


def _stored_param(value: Any) -> Any:
    if isinstance(value, Phrase):
        return {_PHRASE: list(value.keys)}
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)  # as the message template would show it


def _read_param(value: Any) -> Any:
    if isinstance(value, dict) and set(value) == {_PHRASE}:
        return Phrase(tuple(value[_PHRASE]))
    return value


def finding_message(item: dict[str, Any], lang: str) -> str:
    """A stored finding's message, rendered now in ``lang``."""
    key = item.get("message_key")
    if key is None:  # stored before findings kept their parameters: the sentence as written then
        written: dict[str, str] = item.get("message") or {}
        return written.get(lang) or written.get(DEFAULT_LANGUAGE) or str(item["code"])
    if key not in catalogue():  # a variant without its own sentence uses the code's
        key = str(item["code"])
    params = {name: _read_param(value) for name, value in (item.get("params") or {}).items()}
    return translate(key, lang, seq=item.get("seq"), field=item.get("field"), **params)


def _json_safe(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(key): _json_safe(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_json_safe(item) for item in value]
    if isinstance(value, Phrase):
        return list(value.keys)
    return value


def arrivals_of(result: PrecheckResult, snapshot: RequestSnapshot) -> list[VersionArrival]:
    """One row per leg arriving in the receiving country, for counting daily caps.

    Returnees count once, on the day of the first such arrival; each leg counts as a flight.
    """
    reference = PackagedReferenceData()
    rows = []
    for position, judged in enumerate(judged_legs(snapshot.flight, reference, "request")):
        local = judged.local_arrival
        if local is None:
            continue  # an unknown airport has no local day; UNKNOWN_AIRPORT says so
        rows.append(
            VersionArrival(
                leg_index=judged.index,
                airport=judged.leg.destination.strip().upper()[:4],
                local_date=local.date(),
                passengers=len(snapshot.passengers) if position == 0 else 0,
            )
        )
    return rows


def has_errors(findings: list[dict[str, Any]]) -> bool:
    return any(item["severity"] == "error" for item in findings)


#: How long before the first arrival a clearance becomes valid, and how long after it stays so.
CLEARANCE_OPENS_BEFORE = timedelta(days=7)
CLEARANCE_CLOSES_AFTER = timedelta(hours=24)
