"""The flights list, creating and editing a flight, and the airport look-up beside its fields."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Request, Response

from clearway.domain.errors import UnusableInput
from clearway.domain.flights import AIRCRAFT_CATEGORIES
from clearway.domain.workflow import OrgKind, Permission, State
from clearway.i18n import render_unusable
from clearway.services import agreements, pages_actions, pages_views
from clearway.services.errors import Forbidden, NotFound, ServiceError
from clearway.services.requests import snapshot_of
from clearway.web.pages.flight_form import FlightForm, read_flight_form
from clearway.web.pages.kit import Flash, PageContext, form_errors, run
from clearway.web.pages.templating import airport_name, airport_zone, country_name

router = APIRouter(include_in_schema=False)

#: Service field paths (``flight.aircraft.registration``, ``legs[0].to``) -> the form's fields.
FLIGHT_FIELDS = {
    "flight.reference": "reference",
    "flight.receiving_country": "receiving_country",
    "flight.aircraft.registration": "registration",
    "legs[0].to": "leg0_to",
    "legs[0].from": "leg0_from",
    "legs": "leg0_to",
}


def _date(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


@router.get("/flights")
async def flights(request: Request) -> Response:
    return await run(request, _flights)


def _flights(ctx: PageContext) -> Response:
    query = ctx.request.query_params
    state = query.get("state") or ""
    sort = query.get("sort") or "updated"
    if sort not in pages_views.SORTS:
        sort = "updated"
    descending = query.get("order", "desc") != "asc"
    try:
        page_number = int(query.get("page", "1"))
    except ValueError:
        page_number = 1
    filters = {
        "state": state if state in {str(item) for item in State} else "",
        "destination": (query.get("destination") or "").strip().upper()[:4],
        "from": query.get("from") or "",
        "to": query.get("to") or "",
    }
    listing = pages_views.list_flights(
        ctx.session,
        ctx.actor,
        state=State(filters["state"]) if filters["state"] else None,
        destination=filters["destination"] or None,
        arrival_from=_date(filters["from"]),
        arrival_to=_date(filters["to"]),
        sort=sort,
        descending=descending,
        page=page_number,
    )
    kept = "&".join(f"{name}={value}" for name, value in filters.items() if value)
    return ctx.render(
        "flights/list.html",
        listing=listing,
        filters=filters,
        sort=sort,
        descending=descending,
        states=[str(item) for item in State],
        base=f"/flights?{kept}&sort={sort}&order={'desc' if descending else 'asc'}&",
        filter_query=kept,
    )


def _countries(ctx: PageContext) -> list[tuple[str, str]]:
    """The receiving countries this sender has an agreement with, by name in the page's language."""
    codes = sorted({row.receiving_country for row in agreements.list_agreements(ctx.session, ctx.actor)})
    return [(code, country_name(code, ctx.lang)) for code in codes]


def _categories(ctx: PageContext) -> list[tuple[str, str]]:
    labels = {
        "civil_charter": ctx._("Civil charter"),
        "military": ctx._("Military"),
        "state_other": ctx._("Other state aircraft"),
    }
    return [(category, labels[category]) for category in AIRCRAFT_CATEGORIES]


@router.get("/flights/new")
async def new_flight(request: Request) -> Response:
    return await run(request, _new_flight)


def _new_flight(ctx: PageContext, form: FlightForm | None = None, status: int = 200) -> Response:
    ctx.actor.require(Permission.REQUEST_CREATE)
    if ctx.actor.kind is not OrgKind.SENDING:
        ctx.actor.require(Permission.REQUEST_CREATE)
    form = form or FlightForm(
        {"category": "civil_charter", "crew": "6", "escorts": "0", "medical_staff": "0", "monitors": "0"}
    )
    return ctx.render(
        "flights/form.html",
        status_code=status,
        form=form,
        countries=_countries(ctx),
        categories=_categories(ctx),
        action="/flights/new",
        editing=None,
        preview=None,
    )


@router.post("/flights/new")
async def create_flight(request: Request) -> Response:
    return await run(request, _create_flight)


def _create_flight(ctx: PageContext) -> Response:
    ctx.actor.require(Permission.REQUEST_CREATE)
    form, flight = read_flight_form(ctx, ctx.actor.country or "USA")
    if flight is None:
        return _new_flight(ctx, form, status=422)
    try:
        created = pages_actions.create_flight(ctx.session, ctx.actor, flight)
    except (Forbidden, NotFound):  # the error pages, not a message beside a field
        raise
    except ServiceError as error:
        form.errors.update(form_errors(ctx, error, FLIGHT_FIELDS))
        ctx.unit.session.rollback()
        return _new_flight(ctx, form, status=error.status)
    except UnusableInput as error:
        form.errors["leg0_to"] = render_unusable(error, ctx.lang)
        ctx.unit.session.rollback()
        return _new_flight(ctx, form, status=422)
    return ctx.redirect(
        f"/requests/{created.public_id}",
        Flash("success", ctx._("Draft %(reference)s created. Upload its manifest next.", reference=created.reference)),
    )


@router.get("/requests/{request_id}/flight")
async def edit_flight(request: Request, request_id: str) -> Response:
    return await run(request, _edit_flight, request_id=request_id)


def _edit_flight(
    ctx: PageContext, request_id: str, form: FlightForm | None = None, status: int = 200, preview: object = None
) -> Response:
    ctx.actor.require(Permission.REQUEST_CREATE)
    view = pages_views.request_page(ctx.session, ctx.actor, request_id, ctx.lang)
    form = form or FlightForm.of(snapshot_of(view.version).flight)
    return ctx.render(
        "flights/form.html",
        status_code=status,
        form=form,
        countries=_countries(ctx),
        categories=_categories(ctx),
        action=f"/requests/{request_id}/flight",
        editing=view,
        preview=preview,
    )


@router.post("/requests/{request_id}/flight")
async def save_flight(request: Request, request_id: str) -> Response:
    return await run(request, _save_flight, request_id=request_id)


def _save_flight(ctx: PageContext, request_id: str) -> Response:
    ctx.actor.require(Permission.REQUEST_CREATE)
    view = pages_views.request_page(ctx.session, ctx.actor, request_id, ctx.lang)
    fixed = (view.request.reference, view.snapshot.flight.receiving_country)
    form, flight = read_flight_form(ctx, view.snapshot.flight.sending_authority, fixed=fixed)
    if flight is None:
        return _edit_flight(ctx, request_id, form, status=422)
    based_on = int(ctx.value("based_on") or view.version.number)
    approved = str(view.request.state) in ("approved", "approved_restricted")
    if approved and ctx.value("confirm") != "yes":
        preview = pages_actions.preview_change(ctx.session, ctx.actor, request_id, flight=flight)
        return _edit_flight(ctx, request_id, form, preview=preview)
    try:
        _, version, reasons = pages_actions.save_flight(
            ctx.session, ctx.actor, request_id, based_on, flight, ctx.value("justification") or None
        )
    except (Forbidden, NotFound):  # the error pages, not a message beside a field
        raise
    except ServiceError as error:
        ctx.unit.session.rollback()
        form.errors.update(form_errors(ctx, error, FLIGHT_FIELDS))
        # Refused after a preview (errors without a justification, say): the preview stays, with its field.
        preview = pages_actions.preview_change(ctx.session, ctx.actor, request_id, flight=flight) if approved else None
        return _edit_flight(ctx, request_id, form, status=error.status, preview=preview)
    except UnusableInput as error:
        ctx.unit.session.rollback()
        form.errors["leg0_to"] = render_unusable(error, ctx.lang)
        return _edit_flight(ctx, request_id, form, status=422)
    return ctx.redirect(f"/requests/{request_id}", _saved_flash(ctx, version.number, reasons, approved))


def _saved_flash(ctx: PageContext, number: int, reasons: list[str], approved: bool) -> Flash:
    if approved and reasons:
        return Flash(
            "warning",
            ctx._(
                "Version %(number)s saved. The change is material: the request goes back to the receiving side for a new decision.",
                number=number,
            ),
        )
    if approved:
        return Flash(
            "success", ctx._("Version %(number)s saved. The change is not material: the decision stays.", number=number)
        )
    return Flash("success", ctx._("Version %(number)s saved.", number=number))


@router.get("/airports/lookup")
async def airport_lookup(request: Request) -> Response:
    return await run(request, _airport_lookup)


def _airport_lookup(ctx: PageContext) -> Response:
    """The airport's name and its local time now, for the hint beside an airport field (htmx)."""
    from datetime import UTC, datetime

    code = (ctx.request.query_params.get("code") or "").strip().upper()
    if not code:
        for parameter, value in ctx.request.query_params.items():
            if parameter.endswith("_from") or parameter.endswith("_to"):
                code = value.strip().upper()
    name = airport_name(code) if len(code) == 4 else None
    zone = airport_zone(code) if name else None
    now = datetime.now(UTC)
    return ctx.render("flights/_airport.html", code=code, name=name, now=now, zone=zone)
