"""The daily load a receiving country already carries, for the pre-check's daily caps."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from clearway.domain.precheck import DailyLoad
from clearway.domain.workflow import State
from clearway.store.models import ClearanceRequest, RequestVersion, VersionArrival

#: Requests that hold a clearance or are waiting for one (spec/agreements.md, caps).
#: Departed, arrived and closed flights still took their day's slot: closing a request
#: (reception confirmed) must not free a slot on a day that has already been used.
COUNTED_STATES = (
    State.SUBMITTED,
    State.INFO_REQUESTED,
    State.APPROVED,
    State.APPROVED_RESTRICTED,
    State.DEPARTED,
    State.ARRIVED,
    State.CLOSED,
)


def daily_load(
    session: Session,
    receiving_country: str,
    days: Iterable[date],
    excluding_request_id: int | None = None,
) -> dict[date, DailyLoad]:
    """Flights and returnees arriving in ``receiving_country`` on each of ``days`` (local dates).

    Counts the current version of every request in :data:`COUNTED_STATES`, except
    ``excluding_request_id`` (the request being checked, counted by the pre-check
    itself). Every day asked for is in the result, with zeros when nothing arrives.
    """
    wanted = sorted(set(days))
    load = {day: DailyLoad() for day in wanted}
    if not wanted:
        return load
    query = (
        select(VersionArrival.local_date, func.count(), func.coalesce(func.sum(VersionArrival.passengers), 0))
        .join(RequestVersion, RequestVersion.id == VersionArrival.version_id)
        .join(
            ClearanceRequest,
            (ClearanceRequest.id == RequestVersion.request_id)
            & (ClearanceRequest.current_version == RequestVersion.number),
        )
        .where(
            VersionArrival.local_date.in_(wanted),
            ClearanceRequest.receiving_country == receiving_country,
            ClearanceRequest.state.in_(COUNTED_STATES),
        )
        .group_by(VersionArrival.local_date)
    )
    if excluding_request_id is not None:
        query = query.where(ClearanceRequest.id != excluding_request_id)
    for day, flights, passengers in session.execute(query):
        load[day] = DailyLoad(flights=int(flights), passengers=int(passengers))
    return load
