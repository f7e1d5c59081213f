"""What a signed decision covers, sentence by sentence, as catalogue keys and values.

The domain does not translate; entry points render these lines with
``clearway.i18n.translate``. Times are written the same way in every language.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from clearway.domain.clearance import LEGACY_FORMAT, ClearanceClaims, ClearedLeg
from clearway.domain.snapshot import iso_utc


@dataclass(frozen=True)
class CoverageLine:
    """One sentence of a decision's description: a catalogue key (``clearance.line.*``) and its values."""

    key: str
    params: dict[str, str | int]


def coverage(claims: ClearanceClaims, *, development_key: bool = False) -> list[CoverageLine]:
    """What the signed decision covers, in reading order.

    ``development_key`` is true when the key set marks the signing key as protected only
    by the development secret, whatever the token itself says.
    """
    lines: list[CoverageLine] = []
    if claims.development_key or development_key:
        lines.append(CoverageLine("clearance.line.development_key", {}))
    if claims.format_version == LEGACY_FORMAT:
        lines.append(CoverageLine("clearance.line.format_1", {}))
    issued = {"issuer": claims.issuer_name, "country": claims.issuer_country, "issued_at": shown_time(claims.issued_at)}
    if claims.decision.grants:
        lines.append(CoverageLine("clearance.line.number", {"number": claims.number or "", **issued}))
    else:
        line = CoverageLine(f"clearance.line.decision.{claims.decision}", {"number": claims.number or "", **issued})
        lines.append(line)
    lines += [
        CoverageLine(
            "clearance.line.request",
            {"reference": claims.request_reference, "version": claims.version, "request_id": claims.request_id},
        ),
        CoverageLine(
            "clearance.line.aircraft",
            {
                "registration": claims.aircraft_registration,
                "callsign": claims.aircraft_callsign,
                "type": claims.aircraft_type,
            },
        ),
    ]
    lines += [_leg_line(position, leg) for position, leg in enumerate(claims.legs, start=1)]
    lines.append(
        CoverageLine(
            "clearance.line.manifest", {"count": claims.passenger_count, "manifest_hash": claims.manifest_hash}
        )
    )
    if claims.reason_codes:
        lines.append(CoverageLine("clearance.line.reasons", {"codes": ", ".join(claims.reason_codes)}))
    if claims.excluded_seqs:
        seqs = ", ".join(str(seq) for seq in claims.excluded_seqs)
        lines.append(CoverageLine("clearance.line.excluded", {"seqs": seqs}))
    if claims.conditions:
        lines.append(CoverageLine("clearance.line.conditions", {"conditions": claims.conditions}))
    if claims.decision.grants:
        if not claims.has_restrictions:
            lines.append(CoverageLine("clearance.line.no_restrictions", {}))
        assert claims.valid_from is not None and claims.valid_until is not None  # an approval has both
        lines.append(
            CoverageLine(
                "clearance.line.validity",
                {"valid_from": shown_time(claims.valid_from), "valid_until": shown_time(claims.valid_until)},
            )
        )
    lines += [
        CoverageLine("clearance.line.key", {"key_id": claims.key_id}),
        # Offline, nobody can see a later revocation or a superseding amendment: say so every time.
        CoverageLine("clearance.line.offline_limits", {}),
    ]
    return lines


def _leg_line(position: int, leg: ClearedLeg) -> CoverageLine:
    params: dict[str, str | int] = {
        "number": position,
        "origin": leg.origin,
        "destination": leg.destination,
        "departure": shown_time(leg.departure),
        "arrival": shown_time(leg.arrival),
    }
    if leg.departure_offset is None or leg.arrival_offset is None:
        return CoverageLine("clearance.line.leg", params)
    params["departure_local"] = shown_local(leg.departure, leg.departure_offset)
    params["arrival_local"] = shown_local(leg.arrival, leg.arrival_offset)
    return CoverageLine("clearance.line.leg_local", params)


def shown_time(moment: datetime) -> str:
    """A UTC time for people, the same in every language: ``2025-01-22 00:15 UTC``."""
    text = iso_utc(moment)
    return f"{text[:10]} {text[11:16]} UTC" if text.endswith(":00Z") else f"{text[:10]} {text[11:-1]} UTC"


def shown_local(moment: datetime, offset_minutes: int) -> str:
    """The local time at an offset: ``2025-01-21 16:15 UTC-08:00``."""
    local = moment.astimezone(timezone(timedelta(minutes=offset_minutes)))
    sign = "+" if offset_minutes >= 0 else "-"
    hours, minutes = divmod(abs(offset_minutes), 60)
    return f"{local:%Y-%m-%d %H:%M} UTC{sign}{hours:02d}:{minutes:02d}"
