"""Importing a legal-hold list CSV into the database, and finding candidates in it.

The CSV is read by ``clearway.screening.holdlist`` (the same reader as ``clearway check
--holds``), so a row the pre-check would refuse is refused here too, with the same
reason. Readable rows are stored as written, plus a blocking key from
``clearway.domain.identity``; unreadable rows are stored by line number and reason,
never dropped in silence.

A list may hold millions of rows. On PostgreSQL they stream through ``COPY FROM
STDIN`` (psycopg's ``cursor.copy``), an order of magnitude faster than INSERTs; on
SQLite they go in as batched ``executemany``. Either way the import runs in the
caller's transaction, inside a savepoint: a list that turns out unusable half-way
(a malformed CSV at line 800,000) leaves the previous current list untouched.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Table, delete, insert, select, update
from sqlalchemy.orm import Session

from clearway.domain.identity import Identity, blocking_key, normalise_words
from clearway.screening.holdlist import HOLD_COLUMNS, HoldRow, InvalidRow, check_file, read_rows
from clearway.screening.index import HashingReader
from clearway.settings import DEFAULT_LIMITS, InputLimits
from clearway.store.models import HoldEntry, HoldInvalidRow, HoldList, Organisation, metadata

Progress = Callable[[int, int], None]
"""Called as ``progress(done_bytes, total_bytes)`` while a list is read."""

_BATCH = 10_000  # rows per INSERT batch, and per progress report
_FIRST_INVALID_KEPT = 20  # invalid rows listed on the HoldList itself (all are in hold_invalid_rows)
_SQLITE_IMPORT_CACHE_KIB = -131072  # negative: KiB, so 128 MiB
_LOOKUP_CHUNK = 400  # dates of birth per candidate query

_INVALID_ROWS: Table = metadata.tables[HoldInvalidRow.__tablename__]
#: The list, the line of the file, the hold list's own columns, then the blocking key.
_ENTRY_COLUMNS = ("hold_list_id", "line", *HOLD_COLUMNS, "block_key")


def name_key(surname: str, second_surname: str, given_names: str) -> str:
    """``first surname word|first given-name word``, normalised: the stored ``block_key``.

    Normalised words hold only letters and digits, so ``|`` cannot occur inside one.
    Screening looks entries up by date of birth and then by
    ``clearway.domain.identity.blocking_key`` (first letters by class, so that a name in
    MRZ form finds the written one), computed from the stored names, so a key stored
    by an earlier release of the normalisation never hides an entry.
    """
    surnames = normalise_words(surname) or normalise_words(second_surname)
    given = normalise_words(given_names)
    return f"{surnames[0] if surnames else ''}|{given[0] if given else ''}"


def _entry(hold_list_id: int, row: HoldRow) -> tuple[Any, ...]:
    """The row's values in ``_ENTRY_COLUMNS`` order, as the drivers take them.

    ``until`` stays ISO text (the reader has checked it is a full ``YYYY-MM-DD`` date):
    PostgreSQL's COPY parses it into a ``date``, and it is exactly how SQLAlchemy
    stores a ``Date`` on SQLite, so both read back as ``datetime.date``.
    """
    return (
        hold_list_id,
        row.line,
        row.hold_ref,
        row.surname,
        row.second_surname,
        row.given_names,
        row.date_of_birth,
        row.nationality,
        row.hold_type,
        row.until or None,
        name_key(row.surname, row.second_surname, row.given_names),
    )


class _Tally:
    """What an import has seen so far."""

    def __init__(self) -> None:
        self.rows = 0
        self.invalid: list[tuple[int, str]] = []


def import_hold_list(
    session: Session,
    organisation_id: int,
    path: Path,
    *,
    source_name: str | None = None,
    imported_by: int | None = None,
    progress: Progress | None = None,
    limits: InputLimits = DEFAULT_LIMITS,
) -> HoldList:
    """Store the list at ``path`` as the organisation's current hold list, replacing the previous one.

    Runs in the caller's transaction (commit to keep it). Raises ``UnusableInput``
    (``holds.*``) for a list that cannot be used at all; nothing is then changed.
    """
    total = check_file(path).st_size
    # Lock the organisation: two imports for it at once would otherwise both try to become current.
    organisation = session.execute(
        select(Organisation).where(Organisation.id == organisation_id).with_for_update()
    ).scalar_one_or_none()
    if organisation is None:
        raise ValueError(f"no organisation with id {organisation_id}")

    with session.begin_nested():
        hold_list = HoldList(
            organisation_id=organisation_id,
            source_name=source_name or path.name,
            content_sha256="",
            imported_by=imported_by,
            is_current=False,
        )
        session.add(hold_list)
        session.flush()
        connection = session.connection()
        reader = HashingReader(open(path, "rb", buffering=0))  # noqa: SIM115 (closed below)
        text = io.TextIOWrapper(io.BufferedReader(reader, 1 << 20), encoding="utf-8-sig", newline="")
        tally = _Tally()

        def report() -> None:
            if progress is not None:
                progress(min(reader.done, total), total)

        try:
            if progress is not None:
                progress(0, total)
            items = read_rows(text, path, limits)
            if connection.dialect.name == "postgresql":
                _copy_entries(connection, hold_list.id, items, tally, report)
            else:
                _insert_entries(connection, hold_list.id, items, tally, report)
        finally:
            text.close()
        _insert_invalid(connection, hold_list.id, tally.invalid)

        hold_list.content_sha256 = reader.sha256.hexdigest()
        hold_list.row_count = tally.rows
        hold_list.invalid_row_count = len(tally.invalid)
        hold_list.first_invalid_lines = [
            {"line": line, "reason": reason} for line, reason in tally.invalid[:_FIRST_INVALID_KEPT]
        ]
        _make_current(session, hold_list)
    if progress is not None:
        progress(total, total)
    return hold_list


def _insert_entries(
    connection: Connection,
    hold_list_id: int,
    items: Iterator[HoldRow | InvalidRow],
    tally: _Tally,
    report: Callable[[], None],
) -> None:
    # SQLite, the one other backend (qmark parameters). Plain driver executemany: building a
    # parameter dict per row through the ORM or Core costs more than the INSERTs themselves.
    statement = (
        f"INSERT INTO {HoldEntry.__tablename__} ({', '.join(_ENTRY_COLUMNS)}) "
        f"VALUES ({', '.join('?' for _ in _ENTRY_COLUMNS)})"
    )
    # A larger page cache keeps the lookup index's pages in memory while rows arrive in
    # random key order (6.5 s instead of 10 s for a million rows); this connection only.
    previous = connection.exec_driver_sql("PRAGMA cache_size").scalar()
    connection.exec_driver_sql(f"PRAGMA cache_size = {_SQLITE_IMPORT_CACHE_KIB}")
    try:
        while batch := list(islice(items, _BATCH)):
            values = []
            for item in batch:
                if isinstance(item, InvalidRow):
                    tally.invalid.append((item.line, item.reason))
                else:
                    values.append(_entry(hold_list_id, item))
            if values:
                connection.exec_driver_sql(statement, values)
                tally.rows += len(values)
            report()
    finally:
        connection.exec_driver_sql(f"PRAGMA cache_size = {int(previous or -2000)}")


def _copy_entries(
    connection: Connection,
    hold_list_id: int,
    items: Iterator[HoldRow | InvalidRow],
    tally: _Tally,
    report: Callable[[], None],
) -> None:
    from psycopg import sql  # only on PostgreSQL, where psycopg is the driver

    driver = connection.connection.driver_connection
    assert driver is not None
    statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
        sql.Identifier(HoldEntry.__tablename__), sql.SQL(", ").join(map(sql.Identifier, _ENTRY_COLUMNS))
    )
    # The connection is busy until COPY ends, so invalid rows are kept (line and reason
    # only) and inserted afterwards.
    with driver.cursor() as cursor, cursor.copy(statement) as copy:
        since_report = 0
        for item in items:
            if isinstance(item, InvalidRow):
                tally.invalid.append((item.line, item.reason))
            else:
                copy.write_row(_entry(hold_list_id, item))
                tally.rows += 1
            since_report += 1
            if since_report == _BATCH:
                since_report = 0
                report()


def _insert_invalid(connection: Connection, hold_list_id: int, invalid: Sequence[tuple[int, str]]) -> None:
    statement = insert(_INVALID_ROWS)
    for start in range(0, len(invalid), _BATCH):
        chunk = invalid[start : start + _BATCH]
        connection.execute(
            statement, [{"hold_list_id": hold_list_id, "line": line, "reason": reason} for line, reason in chunk]
        )


def _make_current(session: Session, hold_list: HoldList) -> None:
    """Make ``hold_list`` the organisation's current list; drop the entries of the one it replaces.

    The record of the replaced import stays (who, when, which content); its rows go, so
    a list replaced daily does not grow the database by millions of rows a day.
    """
    previous = select(HoldList.id).where(
        HoldList.organisation_id == hold_list.organisation_id, HoldList.is_current, HoldList.id != hold_list.id
    )
    replaced = list(session.scalars(previous))
    if replaced:
        session.execute(update(HoldList).where(HoldList.id.in_(replaced)).values(is_current=False))
        session.execute(delete(HoldEntry).where(HoldEntry.hold_list_id.in_(replaced)))
        session.execute(delete(HoldInvalidRow).where(HoldInvalidRow.hold_list_id.in_(replaced)))
    hold_list.is_current = True
    session.flush()


def current_hold_list(session: Session, organisation_id: int) -> HoldList | None:
    """The organisation's current hold list, if it has imported one."""
    return session.scalars(
        select(HoldList).where(HoldList.organisation_id == organisation_id, HoldList.is_current)
    ).one_or_none()


def hold_candidates(session: Session, hold_list_id: int, people: Iterable[Identity]) -> list[HoldEntry]:
    """Entries of the list that share a blocking key with any of ``people`` (the rule then decides).

    Every pair ``match_identity`` accepts shares the key, so no match is missed; the
    candidates are in line order. Looked up by date of birth (``ix_hold_entries_lookup``),
    then narrowed by the key of the stored names.
    """
    keys = {person.blocking_key() for person in people}
    births = sorted({born for born, _, _ in keys})
    found: list[HoldEntry] = []
    for start in range(0, len(births), _LOOKUP_CHUNK):
        chunk = births[start : start + _LOOKUP_CHUNK]
        found.extend(
            entry
            for entry in session.scalars(
                select(HoldEntry).where(HoldEntry.hold_list_id == hold_list_id, HoldEntry.date_of_birth.in_(chunk))
            )
            if blocking_key(entry.surname, entry.second_surname, entry.given_names, entry.date_of_birth) in keys
        )
    found.sort(key=lambda entry: entry.line)
    return found
