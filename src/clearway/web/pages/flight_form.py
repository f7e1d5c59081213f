"""The flight form: its fields, read from a posted form into a ``FlightRequest`` with errors per field.

Times are typed in UTC (``datetime-local`` inputs labelled UTC): the airport's local time
is shown beside them, and a moment in UTC means the same thing to both sides.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from clearway.domain.flights import AIRCRAFT_CATEGORIES, Aircraft, FlightRequest, Leg, PeopleOnBoard
from clearway.web.pages.kit import PageContext

PEOPLE_FIELDS = ("crew", "escorts", "medical_staff", "monitors", "declared_passengers")
MAX_LEGS = 4


@dataclass
class FlightForm:
    """The form's values as text (what the user typed), and one message per field at fault."""

    values: dict[str, str] = field(default_factory=dict)
    legs: int = 1
    errors: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, flight: FlightRequest) -> FlightForm:
        values = {
            "reference": flight.reference,
            "receiving_country": flight.receiving_country,
            "operator": flight.operator,
            "aircraft_type": flight.aircraft.type,
            "registration": flight.aircraft.registration,
            "callsign": flight.aircraft.callsign,
            "category": flight.aircraft.category,
            "seats": str(flight.aircraft.seats),
        }
        for name in PEOPLE_FIELDS:
            values[name] = str(getattr(flight.people, name))
        for index, leg in enumerate(flight.legs):
            values[f"leg{index}_from"] = leg.origin
            values[f"leg{index}_to"] = leg.destination
            values[f"leg{index}_departure"] = _local_input(leg.departure)
            values[f"leg{index}_arrival"] = _local_input(leg.arrival)
        return cls(values, legs=max(1, len(flight.legs)))


def _local_input(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M")


def read_flight_form(
    ctx: PageContext, sending_authority: str, fixed: tuple[str, str] | None = None
) -> tuple[FlightForm, FlightRequest | None]:
    """The posted flight form, and the flight when every field can be used."""
    names = [
        "reference",
        "receiving_country",
        "operator",
        "aircraft_type",
        "registration",
        "callsign",
        "category",
        "seats",
    ]
    values = {name: ctx.value(name) for name in names + list(PEOPLE_FIELDS)}
    legs = 1
    for index in range(MAX_LEGS):
        if ctx.value(f"leg{index}_from") or ctx.value(f"leg{index}_to") or index == 0:
            legs = index + 1
            for part in ("from", "to", "departure", "arrival"):
                values[f"leg{index}_{part}"] = ctx.value(f"leg{index}_{part}")
    if fixed is not None:  # an edit: the addressing was fixed when the request was created
        values["reference"], values["receiving_country"] = fixed
    form = FlightForm(values, legs)
    errors = form.errors
    for name, message in (
        ("reference", ctx._("Enter the flight's reference.")),
        ("receiving_country", ctx._("Choose the receiving country.")),
        ("operator", ctx._("Enter the operator.")),
        ("aircraft_type", ctx._("Enter the aircraft type, for example B738.")),
        ("registration", ctx._("Enter the aircraft's registration.")),
        ("callsign", ctx._("Enter the callsign.")),
    ):
        if not values[name]:
            errors[name] = message
    if values["category"] not in AIRCRAFT_CATEGORIES:
        errors["category"] = ctx._("Choose the aircraft category.")
    # Each message names its field: the error summary at the top lists them without their labels.
    count_messages = {
        "seats": ctx._("Enter the number of seats: a whole number, 0 or more."),
        "declared_passengers": ctx._("Enter the number of passengers (returnees) declared: a whole number, 0 or more."),
        "crew": ctx._("Enter the number of crew: a whole number, 0 or more."),
        "escorts": ctx._("Enter the number of escorts: a whole number, 0 or more."),
        "medical_staff": ctx._("Enter the number of medical staff: a whole number, 0 or more."),
        "monitors": ctx._("Enter the number of monitors: a whole number, 0 or more."),
    }
    time_messages = {
        "departure": ctx._("Enter the departure's date and time in UTC."),
        "arrival": ctx._("Enter the arrival's date and time in UTC."),
    }
    counts: dict[str, int] = {}
    for name in ("seats", *PEOPLE_FIELDS):
        text = values[name]
        if not text.isdigit():
            errors[name] = count_messages[name]
        else:
            counts[name] = int(text)
    parsed_legs: list[Leg] = []
    for index in range(legs):
        origin, destination = values[f"leg{index}_from"].upper(), values[f"leg{index}_to"].upper()
        if len(origin) != 4 or not origin.isalpha():
            errors[f"leg{index}_from"] = ctx._("Enter the airport's four-letter ICAO code, for example KHRL.")
        if len(destination) != 4 or not destination.isalpha():
            errors[f"leg{index}_to"] = ctx._("Enter the airport's four-letter ICAO code, for example MMTJ.")
        moments = {}
        for part in ("departure", "arrival"):
            try:
                moments[part] = datetime.fromisoformat(values[f"leg{index}_{part}"]).replace(tzinfo=UTC)
            except ValueError:
                errors[f"leg{index}_{part}"] = time_messages[part]
        if len(moments) == 2 and moments["arrival"] <= moments["departure"]:
            errors[f"leg{index}_arrival"] = ctx._("The arrival must be after the departure.")
        if not any(name.startswith(f"leg{index}_") for name in errors) and len(moments) == 2:
            parsed_legs.append(Leg(origin, destination, moments["departure"], moments["arrival"]))
    if errors:
        _in_page_order(errors, names, legs)
        return form, None
    flight = FlightRequest(
        reference=values["reference"],
        sending_authority=sending_authority,
        receiving_country=values["receiving_country"].upper(),
        operator=values["operator"],
        submitted_at=None,
        aircraft=Aircraft(
            type=values["aircraft_type"],
            registration=values["registration"],
            callsign=values["callsign"],
            category=values["category"],
            seats=counts["seats"],
        ),
        legs=tuple(parsed_legs),
        people=PeopleOnBoard(**{name: counts[name] for name in PEOPLE_FIELDS}),
    )
    return form, flight


def _in_page_order(errors: dict[str, str], names: list[str], legs: int) -> None:
    """Reorder ``errors`` as the form shows its fields, so the error summary reads top to bottom."""
    order = [*names]
    for index in range(legs):
        order += [f"leg{index}_{part}" for part in ("from", "departure", "to", "arrival")]
    order += ["declared_passengers", "crew", "escorts", "medical_staff", "monitors"]
    ordered = sorted(errors.items(), key=lambda item: order.index(item[0]) if item[0] in order else len(order))
    errors.clear()
    errors.update(ordered)
