"""What happened to the flight: departure, arrival, and who was received."""

from __future__ import annotations

from typing import Literal

from pydantic import AwareDatetime, BaseModel, Field, field_validator

from clearway.domain.workflow import Permission
from clearway.services import workflow
from clearway.web.api import views
from clearway.web.api.deps import ApiRouter, Writer, needs
from clearway.web.api.errors import ERROR_RESPONSES

router = ApiRouter(prefix="/requests/{request_id}", tags=["events"], responses=ERROR_RESPONSES)


class DepartureBody(BaseModel):
    at: AwareDatetime = Field(description="When it actually departed: not in the future, not before the approval.")
    actual_registration: str = Field(min_length=1, max_length=16, description="The aircraft that departed.")


class Departed(BaseModel):
    state: str
    at: str
    actual_registration: str
    registration_mismatch: bool = Field(description="Not the cleared aircraft: flagged to both sides.")
    cleared_registration: str | None = Field(default=None, description="The cleared one, when they differ.")
    outside_validity: bool = Field(description="Outside the clearance's validity window: flagged to both sides.")
    valid_from: str | None = Field(default=None, description="The clearance's window, when outside it.")
    valid_until: str | None = None


class ArrivalBody(BaseModel):
    at: AwareDatetime = Field(description="When it actually arrived: not in the future, not before the departure.")


class PassengerOutcome(BaseModel):
    seq: int
    outcome: Literal["received", "not_on_board"]


class ReceptionBody(BaseModel):
    passengers: list[PassengerOutcome] = Field(min_length=1, description="Every passenger of the cleared manifest.")

    @field_validator("passengers")
    @classmethod
    def _each_once(cls, value: list[PassengerOutcome]) -> list[PassengerOutcome]:
        seqs = [item.seq for item in value]
        repeated = sorted({seq for seq in seqs if seqs.count(seq) > 1})
        if repeated:
            raise ValueError(f"each seq once; repeated: {', '.join(map(str, repeated))}")
        return value


class Received(BaseModel):
    state: str
    received: int
    not_on_board: int


@router.post(
    "/departure",
    operation_id="recordDeparture",
    summary="Record the departure: actual time and registration",
    openapi_extra=needs(Permission.EVENT_DEPARTURE),
)
def record_departure(ctx: Writer, request_id: str, body: DepartureBody) -> Departed:
    result = workflow.record_departure(
        ctx.session,
        ctx.actor,
        request_id,
        at=body.at,
        actual_registration=body.actual_registration,
        allowed_skew=ctx.settings.event_clock_skew,
    )
    return Departed.model_validate(result)


@router.post(
    "/arrival",
    operation_id="recordArrival",
    summary="Record the arrival (either side)",
    openapi_extra=needs(Permission.EVENT_ARRIVAL),
)
def record_arrival(ctx: Writer, request_id: str, body: ArrivalBody) -> views.NewState:
    result = workflow.record_arrival(
        ctx.session, ctx.actor, request_id, at=body.at, allowed_skew=ctx.settings.event_clock_skew
    )
    return views.NewState.model_validate(result)


@router.post(
    "/reception",
    operation_id="confirmReception",
    summary="Confirm, for every passenger, received or not on board; closes the request",
    openapi_extra=needs(Permission.EVENT_RECEPTION),
)
def confirm_reception(ctx: Writer, request_id: str, body: ReceptionBody) -> Received:
    outcomes = {item.seq: item.outcome for item in body.passengers}
    return Received.model_validate(workflow.confirm_reception(ctx.session, ctx.actor, request_id, outcomes))
