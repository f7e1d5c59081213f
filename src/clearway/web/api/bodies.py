"""The request content the API accepts: ``flight`` as in a request file, ``passengers`` as manifest rows.

Typed here so the OpenAPI document shows the shape; unknown keys are let through, because
the request format reports them as ``UNKNOWN_KEY`` warnings rather than refusing them, and
the values reach ``services.requests.snapshot_from_body`` as the client wrote them.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, StrictInt, StrictStr


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow", populate_by_name=True)


class AircraftBody(_Open):
    type: StrictStr = Field(description="ICAO aircraft type designator.", examples=["B738"])
    registration: StrictStr = Field(examples=["N316AC"])
    callsign: StrictStr = Field(examples=["EXA476"])
    category: StrictStr = Field(description="civil_charter, military or state_other.", examples=["civil_charter"])
    seats: StrictInt


class LegBody(_Open):
    origin: StrictStr = Field(alias="from", description="ICAO airport code.", examples=["KHRL"])
    to: StrictStr = Field(description="ICAO airport code.", examples=["MMTJ"])
    departure: StrictStr = Field(description="ISO 8601 with a zone offset.", examples=["2025-01-21T20:22:00Z"])
    arrival: StrictStr = Field(description="ISO 8601 with a zone offset.", examples=["2025-01-22T00:15:00Z"])


class PeopleBody(_Open):
    crew: StrictInt
    escorts: StrictInt
    medical_staff: StrictInt
    monitors: StrictInt
    declared_passengers: StrictInt


class FlightBody(_Open):
    """The flight part of a request (spec/flight-request.md)."""

    reference: StrictStr
    sending_authority: StrictStr
    receiving_country: StrictStr
    operator: StrictStr
    submitted_at: StrictStr | None = None
    aircraft: AircraftBody
    legs: list[LegBody] = Field(min_length=1)
    people: PeopleBody


class RequestBody(BaseModel):
    """A request's content: what one version holds."""

    flight: FlightBody
    passengers: list[dict[str, Any]] = Field(
        min_length=1,
        description="Manifest rows: column name to text or whole number (spec/manifest-csv.md).",
        examples=[[{"seq": 1, "surname": "Hernández", "given_names": "Tomás", "sex": "M"}]],
    )

    def document(self) -> dict[str, Any]:
        """The body as written (keys as in the request file, absent keys left absent)."""
        return {
            "flight": self.flight.model_dump(by_alias=True, exclude_unset=True),
            "passengers": self.passengers,
        }


class EditBody(RequestBody):
    """A new version, and the version it was made from (a stale one is refused with the current number).

    A version document as ``GET .../versions/{number}`` returns it can be sent back as it is:
    its read-only fields are ignored and it is taken as based on its ``number``.
    """

    based_on_version: int | None = Field(
        default=None, ge=1, description="The version this content was made from (default: number)."
    )
    number: int | None = Field(
        default=None,
        ge=1,
        description="Set in a version document sent back as it is: the version it was read from, "
        "which is then the version it is based on (the document's own based_on_version is ignored).",
    )
    justification: str | None = Field(
        default=None,
        description="After an approval, required for a material amendment while the pre-check has errors; "
        "shown to the receiving side.",
    )

    def base_version(self) -> int | None:
        return self.number if self.number is not None else self.based_on_version
