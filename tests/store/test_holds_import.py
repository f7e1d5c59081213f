"""Importing hold lists: rows as written plus keys, invalid rows counted, one current list."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from clearway.domain.dates import PartialDate
from clearway.domain.errors import UnusableInput
from clearway.domain.identity import Identity
from clearway.store import holds
from clearway.store.holds import current_hold_list, hold_candidates, import_hold_list
from clearway.store.models import HoldEntry, HoldInvalidRow, HoldList, Organisation

HEADER = "hold_ref,surname,second_surname,given_names,date_of_birth,nationality,hold_type,until\n"

MakeOrg = Callable[..., Organisation]


def write_list(path: Path, *rows: str) -> Path:
    path.write_text(HEADER + "".join(f"{row}\n" for row in rows), encoding="utf-8")
    return path


def entry_count(session: Session, hold_list: HoldList) -> int:
    return (
        session.scalar(select(func.count()).select_from(HoldEntry).where(HoldEntry.hold_list_id == hold_list.id)) or 0
    )


def test_rows_are_stored_as_written_with_their_keys_and_invalid_rows_are_counted(
    session: Session, make_org: MakeOrg, tmp_path: Path
) -> None:
    source = write_list(
        tmp_path / "holds.csv",
        "H1,García-López,,José Luis,1984-06-00,MEX,stay_of_removal,",  # line 2
        "H2,Muñoz,Pérez,Ana,1990-01-31,GTM,court_order,2026-12-31",  # line 3
        "H3,Bad,,Date,1990-02-30,GTM,court_order,",  # line 4: no such date
        "",  # a blank line is not a row
        "H4,,,Nobody,1990-01-01,GTM,court_order,",  # line 6: no surname
        "H5,Late,,Until,1990-01-01,GTM,court_order,31/12/2026",  # line 7: until not ISO
        "H6,Extra,,Cells,1990-01-01,GTM,court_order,,surprise",  # line 8: a cell too many
        "H7,O’Brien,,Seán,1975-00-00,IRL,pending_appeal,",  # line 9
    )
    progress: list[tuple[int, int]] = []
    org = make_org()
    hold_list = import_hold_list(session, org.id, source, progress=lambda done, total: progress.append((done, total)))

    size = source.stat().st_size
    assert hold_list.is_current
    assert hold_list.source_name == "holds.csv"
    assert hold_list.content_sha256 == hashlib.sha256(source.read_bytes()).hexdigest()
    assert (hold_list.row_count, hold_list.invalid_row_count) == (3, 4)
    assert hold_list.first_invalid_lines == [
        {"line": 4, "reason": "date_of_birth"},
        {"line": 6, "reason": "surname"},
        {"line": 7, "reason": "until"},
        {"line": 8, "reason": "columns"},
    ]
    invalid = session.execute(
        select(HoldInvalidRow.line, HoldInvalidRow.reason).where(HoldInvalidRow.hold_list_id == hold_list.id)
    ).all()
    assert sorted(invalid) == [(4, "date_of_birth"), (6, "surname"), (7, "until"), (8, "columns")]
    assert progress[0] == (0, size) and progress[-1] == (size, size)
    assert [done for done, _ in progress] == sorted(done for done, _ in progress)

    entries = session.scalars(
        select(HoldEntry).where(HoldEntry.hold_list_id == hold_list.id).order_by(HoldEntry.line)
    ).all()
    assert [(e.line, e.hold_ref, e.surname, e.given_names, e.date_of_birth, e.until, e.block_key) for e in entries] == [
        (2, "H1", "García-López", "José Luis", "1984-06-00", None, "garcia|jose"),
        (3, "H2", "Muñoz", "Ana", "1990-01-31", date(2026, 12, 31), "munoz|ana"),
        (9, "H7", "O’Brien", "Seán", "1975-00-00", None, "o|sean"),
    ]
    assert entries[1].second_surname == "Pérez" and entries[1].nationality == "GTM"
    assert entries[1].hold_type == "court_order"


def test_candidates_are_found_by_blocking_key(session: Session, make_org: MakeOrg, tmp_path: Path) -> None:
    source = write_list(
        tmp_path / "holds.csv",
        "H1,García,López,José Luis,1984-06-00,MEX,stay_of_removal,",
        "H2,Garcia,,Jose,1984-06-00,MEX,court_order,",
        "H3,García,López,José Luis,1984-06-01,MEX,court_order,",  # another date of birth
        "H4,López,,José,1984-06-00,MEX,court_order,",  # another first surname
    )
    hold_list = import_hold_list(session, make_org().id, source)
    person = Identity("GARCIA", "LOPEZ", "JOSE ANTONIO", PartialDate(1984, 6, None))
    assert [entry.hold_ref for entry in hold_candidates(session, hold_list.id, [person])] == ["H1", "H2"]
    assert hold_candidates(session, hold_list.id, []) == []


def test_a_new_list_replaces_the_current_one(session: Session, make_org: MakeOrg, tmp_path: Path) -> None:
    org, other = make_org(), make_org()
    first = import_hold_list(session, org.id, write_list(tmp_path / "a.csv", "A1,Uno,,Ana,1980-01-01,MEX,x,"))
    theirs = import_hold_list(session, other.id, write_list(tmp_path / "c.csv", "C1,Tres,,Eva,1980-01-01,MEX,x,"))
    second = import_hold_list(
        session,
        org.id,
        write_list(tmp_path / "b.csv", "B1,Dos,,Bea,1980-01-01,MEX,x,", "B2,Dos,,Cruz,1980-01-01,MEX,x,"),
        source_name="weekly export",
    )
    session.refresh(first)
    assert current_hold_list(session, org.id) is second
    assert not first.is_current and second.is_current
    assert (entry_count(session, first), entry_count(session, second)) == (0, 2)
    assert first.row_count == 1 and first.content_sha256  # the record of the old import stays
    assert second.source_name == "weekly export"
    assert current_hold_list(session, other.id) is theirs and entry_count(session, theirs) == 1


def test_an_unusable_list_leaves_the_current_one_untouched(session: Session, make_org: MakeOrg, tmp_path: Path) -> None:
    org = make_org()
    kept = import_hold_list(session, org.id, write_list(tmp_path / "good.csv", "G1,Bueno,,Ana,1980-01-01,MEX,x,"))
    rows = [f"R{n},Apellido{n},,Nombre,1980-01-01,MEX,x," for n in range(25_000)]
    broken = write_list(tmp_path / "broken.csv", *rows)
    with broken.open("ab") as handle:  # Latin-1 bytes, far past the first batch already inserted
        handle.write("R-last,Núñez,,Ana,1980-01-01,MEX,x,\n".encode("latin-1"))
    with pytest.raises(UnusableInput) as refused:
        import_hold_list(session, org.id, broken)
    assert (refused.value.key, refused.value.params["line"]) == ("holds.not_utf8", 25_002)
    assert current_hold_list(session, org.id) is kept
    assert entry_count(session, kept) == 1
    assert session.scalar(select(func.count()).select_from(HoldList)) == 1  # no half-imported list
    assert session.scalar(select(func.count()).select_from(HoldEntry)) == 1


def test_a_missing_file_is_refused_before_anything_changes(session: Session, make_org: MakeOrg, tmp_path: Path) -> None:
    with pytest.raises(UnusableInput) as refused:
        import_hold_list(session, make_org().id, tmp_path / "absent.csv")
    assert refused.value.key == "holds.missing"
    assert session.scalar(select(func.count()).select_from(HoldList)) == 0


def test_large_lists_stream_through_copy_on_postgresql_and_batches_elsewhere(
    session: Session, make_org: MakeOrg, tmp_path: Path, backend: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    used: list[str] = []
    for name in ("_copy_entries", "_insert_entries"):
        real = getattr(holds, name)

        def spy(*args: Any, _real: Any = real, _name: str = name) -> Any:
            used.append(_name)
            return _real(*args)

        monkeypatch.setattr(holds, name, spy)
    rows = [
        f"R{n},Apellido{n % 997},,Nombre{n % 89},19{50 + n % 50}-0{1 + n % 9}-1{n % 10},MEX,x," for n in range(25_000)
    ]
    rows[12_345] = "R-bad,Sin,,Fecha,not-a-date,MEX,x,"
    progress: list[tuple[int, int]] = []
    hold_list = import_hold_list(
        session, make_org().id, write_list(tmp_path / "big.csv", *rows), progress=lambda *p: progress.append(p)
    )
    assert used == (["_copy_entries"] if backend == "postgresql" else ["_insert_entries"])
    assert (hold_list.row_count, hold_list.invalid_row_count) == (24_999, 1)
    assert hold_list.first_invalid_lines == [{"line": 12_347, "reason": "date_of_birth"}]
    assert entry_count(session, hold_list) == 24_999
    assert len(progress) >= 4  # start, two intermediate batches, end
    row = session.get(HoldEntry, (hold_list.id, 25_001))
    assert row is not None and row.hold_ref == "R24999" and row.block_key == "apellido74|nombre79"
