"""The legal-hold list of a sending organisation, screened from the database with the
same matcher as ``clearway check`` (``clearway.domain.identity.match_identity``)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy.orm import Session

from clearway.domain.dates import PartialDate
from clearway.domain.identity import Identity, match_identity
from clearway.screening import HoldEntry, HoldMatch
from clearway.store.holds import current_hold_list, hold_candidates
from clearway.store.models import HoldList


class StoredHoldScreen:
    """``HoldScreen`` over one stored hold list: candidates by blocking key, the rule decides."""

    def __init__(self, session: Session, hold_list: HoldList) -> None:
        self._session = session
        self._list = hold_list
        self.invalid_row_count = hold_list.invalid_row_count
        self.first_invalid_lines = tuple(int(item["line"]) for item in hold_list.first_invalid_lines)

    def screen(self, people: Sequence[Identity]) -> list[list[HoldMatch]]:
        by_dob: dict[str, list[HoldEntry]] = defaultdict(list)
        for stored in hold_candidates(self._session, self._list.id, people):
            born = PartialDate.parse(stored.date_of_birth)
            if born is None:  # only readable rows are stored as entries; kept as a guard
                continue
            by_dob[stored.date_of_birth].append(
                HoldEntry(
                    hold_ref=stored.hold_ref,
                    identity=Identity(stored.surname, stored.second_surname, stored.given_names, born),
                    nationality=stored.nationality,
                    hold_type=stored.hold_type,
                    until=stored.until,
                    line=stored.line,
                )
            )
        results: list[list[HoldMatch]] = []
        for person in people:
            matches = []
            for entry in by_dob.get(person.date_of_birth.iso(), []):
                found = match_identity(person, entry.identity)
                if found is not None:
                    matches.append(HoldMatch(entry=entry, match=found))
            results.append(matches)
        return results


def current_screen(session: Session, organisation_id: int) -> StoredHoldScreen | None:
    """The organisation's current hold list, ready to screen; None when it has none."""
    hold_list = current_hold_list(session, organisation_id)
    return StoredHoldScreen(session, hold_list) if hold_list is not None else None
