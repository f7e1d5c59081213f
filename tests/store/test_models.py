"""Constraints the database itself enforces, on both backends."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import Engine, delete, select, text, update
from sqlalchemy.exc import IntegrityError, StatementError
from sqlalchemy.orm import Session

from clearway.domain.precheck import DailyLoad
from clearway.domain.workflow import Action, OrgKind, State
from clearway.store.capacity import daily_load
from clearway.store.db import make_engine, session_scope, upgrade
from clearway.store.models import (
    APPEND_ONLY_TABLES,
    NAMING_CONVENTION,
    AccessLogEntry,
    AgreementVersion,
    AuditCheckpoint,
    AuditEntry,
    CheckpointCountersignature,
    Clearance,
    ClearanceRequest,
    ClearanceStatus,
    Decision,
    IdempotencyRecord,
    ImmutableRecordError,
    MessageKind,
    ObserverGrant,
    Organisation,
    RequestMessage,
    RequestVersion,
    SigningKey,
    User,
    VersionArrival,
    VersionSubmission,
    metadata,
)


def at(moment: str) -> datetime:
    """An aware UTC moment from ``YYYY-MM-DDTHH:MM``."""
    return datetime.fromisoformat(moment).replace(tzinfo=UTC)


MakeOrg = Callable[..., Organisation]
MakeUser = Callable[..., User]
MakeRequest = Callable[..., ClearanceRequest]


@contextmanager
def refused(session: Session, error: type[Exception] = IntegrityError) -> Iterator[None]:
    """The block must fail with ``error``; its savepoint is rolled back so the test can go on."""
    with pytest.raises(error), session.begin_nested():
        yield
        session.flush()


def test_every_constraint_and_index_is_named_by_the_convention() -> None:
    prefixes = tuple(f"{kind}_" for kind in NAMING_CONVENTION)
    for table in metadata.sorted_tables:
        names = [constraint.name for constraint in table.constraints] + [index.name for index in table.indexes]
        for name in names:
            assert name is not None and str(name).startswith(prefixes), (table.name, name)
            assert len(str(name)) <= 63, name  # PostgreSQL truncates longer names


def test_reference_is_unique_per_sending_organisation(
    session: Session, make_user: MakeUser, make_request: MakeRequest
) -> None:
    officer = make_user()
    make_request(officer, reference="RF-1")
    with refused(session):
        make_request(officer, reference="RF-1")
    make_request(make_user(), reference="RF-1")  # another sending organisation may use it


def _seed_append_only(session: Session, make_user: MakeUser, make_request: MakeRequest) -> None:
    """One row in every append-only table, so row triggers have something to refuse."""
    officer = make_user()
    request = make_request(officer, state=State.SUBMITTED)
    version = session.scalars(select(RequestVersion).where(RequestVersion.request_id == request.id)).one()
    session.add_all(
        [
            VersionArrival(version_id=version.id, leg_index=0, airport="MMMX", local_date=date(2025, 3, 1)),
            AgreementVersion(
                agreement_code="USA-MEX",
                version=3,
                sending_authority="USA",
                receiving_country="MEX",
                effective_from=date(2025, 1, 20),
                document={"id": "USA-MEX", "version": 3},
                source_text='id = "USA-MEX"\n',
                source_name="agreement-usa-mex.toml",
            ),
            AuditEntry(
                sequence=1,
                at=at("2025-03-01T10:00"),
                user_id=officer.id,
                organisation_id=officer.organisation_id,
                action="submit",
                request_id=request.id,
                version=1,
                details={"from": "draft"},
                previous_hash="0" * 64,
                hash="a" * 64,
            ),
            AccessLogEntry(
                user_id=officer.id, organisation_id=officer.organisation_id, request_id=request.id, version=1
            ),
            VersionSubmission(request_id=request.id, version=1, action=Action.SUBMIT, submitted_by=officer.id),
            RequestMessage(
                request_id=request.id,
                kind=MessageKind.ANSWER,
                text="The escort boards at KHRL.",
                version=1,
                author_id=officer.id,
                organisation_id=officer.organisation_id,
            ),
        ]
    )
    checkpoint = AuditCheckpoint(
        sequence=1, hash="a" * 64, entry_at=at("2025-03-01T10:00"), key_id="0" * 16, token="a.b.c"
    )
    session.add(checkpoint)
    session.flush()
    session.add(
        CheckpointCountersignature(
            checkpoint_id=checkpoint.id, organisation_id=officer.organisation_id, key_id="1" * 16, token="a.b.c"
        )
    )
    session.flush()


def _some_column(table: str) -> str:
    return next(column.name for column in metadata.tables[table].columns if not column.primary_key)


@pytest.mark.parametrize("table", APPEND_ONLY_TABLES)
def test_append_only_rows_cannot_be_changed_or_deleted_in_sql(
    session: Session, make_user: MakeUser, make_request: MakeRequest, table: str
) -> None:
    _seed_append_only(session, make_user, make_request)
    column = _some_column(table)
    assert session.execute(text(f"SELECT count(*) FROM {table}")).scalar_one() >= 1
    with refused(session):
        session.execute(text(f"UPDATE {table} SET {column} = {column}"))
    with refused(session):
        session.execute(text(f"DELETE FROM {table}"))
    if session.bind is not None and session.get_bind().dialect.name == "postgresql":
        with refused(session):
            session.execute(text(f"TRUNCATE {table} CASCADE"))


def test_the_orm_refuses_to_change_a_version(session: Session, make_request: MakeRequest) -> None:
    request = make_request()
    version = session.scalars(select(RequestVersion).where(RequestVersion.request_id == request.id)).one()
    with refused(session, ImmutableRecordError):
        version.manifest_hash = "f" * 64
    session.refresh(version)
    with refused(session, ImmutableRecordError):
        session.delete(version)


def test_the_orm_refuses_to_change_audit_and_access_records(
    session: Session, make_user: MakeUser, make_request: MakeRequest
) -> None:
    _seed_append_only(session, make_user, make_request)
    entry = session.scalars(select(AuditEntry)).first()
    assert entry is not None
    with refused(session, ImmutableRecordError):
        entry.details = {"from": "approved"}
    session.refresh(entry)
    viewed = session.scalars(select(AccessLogEntry)).first()
    with refused(session, ImmutableRecordError):
        session.delete(viewed)
    # A bulk UPDATE bypasses the ORM's unit of work; the trigger still refuses it.
    with refused(session):
        session.execute(update(AuditEntry).values(action="approve"))
    with refused(session):
        session.execute(delete(AccessLogEntry))


def test_timestamps_are_stored_and_returned_as_aware_utc(session: Session, make_org: MakeOrg) -> None:
    mexico = datetime(2025, 1, 20, 8, 30, 15, 123456, tzinfo=ZoneInfo("America/Mexico_City"))
    org = make_org(created_at=mexico)
    session.expire_all()
    loaded = session.get(Organisation, org.id)
    assert loaded is not None
    assert loaded.created_at == mexico
    assert loaded.created_at.utcoffset() is not None and loaded.created_at.tzinfo is not None
    assert loaded.created_at.isoformat() == "2025-01-20T14:30:15.123456+00:00"
    # Compared in SQL as moments, whatever zone the argument is in.
    found = session.scalars(select(Organisation.id).where(Organisation.created_at > at("2025-01-20T14:30"))).all()
    assert org.id in found
    assert org.id not in session.scalars(select(Organisation.id).where(Organisation.created_at > mexico)).all()


def test_a_naive_timestamp_is_refused(session: Session) -> None:
    with refused(session, StatementError):
        session.add(Organisation(name="Naive", kind=OrgKind.SENDING, created_at=datetime(2025, 1, 20, 8, 30)))


def test_foreign_keys_are_enforced(session: Session) -> None:
    with refused(session):
        session.add(
            User(
                organisation_id=987654,
                email="ghost@example.org",
                display_name="Ghost",
                role="viewer",
                password_hash="x",
            )
        )


def test_a_receiving_authority_has_a_country(session: Session, make_org: MakeOrg) -> None:
    with refused(session):
        session.add(Organisation(name="Somewhere", kind=OrgKind.RECEIVING, country=None))
    assert make_org(OrgKind.RECEIVING, country="GTM").country == "GTM"
    make_org(OrgKind.OBSERVER)  # an observer needs none


def test_enums_are_stored_as_their_values_and_checked(session: Session, make_request: MakeRequest) -> None:
    request = make_request(state=State.APPROVED_RESTRICTED)
    stored = session.execute(text("SELECT state FROM clearance_requests WHERE id = :id"), {"id": request.id})
    assert stored.scalar_one() == "approved_restricted"
    with refused(session):
        session.execute(text("UPDATE clearance_requests SET state = 'teleported' WHERE id = :id"), {"id": request.id})


def test_email_addresses_are_stored_lower_case_and_unique(session: Session, make_user: MakeUser) -> None:
    make_user(email="ana@example.org")
    with refused(session):
        make_user(email="Bea@Example.org")
    with refused(session):
        make_user(email="ana@example.org")


def test_an_observer_grant_names_exactly_one_target(
    session: Session, make_org: MakeOrg, make_request: MakeRequest
) -> None:
    observer = make_org(OrgKind.OBSERVER)
    request = make_request()
    session.add(ObserverGrant(observer_org_id=observer.id, request_id=request.id))
    session.add(ObserverGrant(observer_org_id=observer.id, agreement_code="USA-MEX"))
    session.flush()
    with refused(session):
        session.add(ObserverGrant(observer_org_id=observer.id))
    with refused(session):
        session.add(ObserverGrant(observer_org_id=observer.id, request_id=request.id, agreement_code="USA-MEX"))


def _clearance(request: ClearanceRequest, decision: Decision, number: str, status: ClearanceStatus) -> Clearance:
    return Clearance(
        request_id=request.id,
        version=1,
        decision_id=decision.id,
        number=number,
        token="eyJ.x.y",
        key_id="k1",
        status=status,
        valid_from=at("2025-03-01T00:00"),
        valid_until=at("2025-03-02T00:00"),
    )


def test_a_request_has_at_most_one_current_clearance(
    session: Session, make_user: MakeUser, make_request: MakeRequest
) -> None:
    officer = make_user()
    request = make_request(officer, state=State.APPROVED)
    decision = Decision(request_id=request.id, version=1, action=Action.APPROVE, decided_by=officer.id)
    session.add(decision)
    session.flush()
    session.add(_clearance(request, decision, "MEX-2025-0001", ClearanceStatus.SUPERSEDED))
    session.add(_clearance(request, decision, "MEX-2025-0002", ClearanceStatus.CURRENT))
    session.flush()
    with refused(session):
        session.add(_clearance(request, decision, "MEX-2025-0003", ClearanceStatus.CURRENT))
    with refused(session):  # clearance numbers are unique
        session.add(_clearance(request, decision, "MEX-2025-0001", ClearanceStatus.REVOKED))


def test_one_signing_key_is_active_per_organisation_and_retired_ones_stay(session: Session, make_org: MakeOrg) -> None:
    receiving = make_org(OrgKind.RECEIVING)

    def key(key_id: str, retired: datetime | None = None) -> SigningKey:
        return SigningKey(
            organisation_id=receiving.id,
            key_id=key_id,
            public_pem="-----BEGIN PUBLIC KEY-----",
            encrypted_private_pem="gAAAA...",
            retired_at=retired,
        )

    session.add(key("k1", retired=at("2025-02-01T00:00")))
    session.add(key("k2"))
    session.flush()
    with refused(session):
        session.add(key("k3"))


def test_an_idempotency_key_is_recorded_once_per_user_and_operation(session: Session, make_user: MakeUser) -> None:
    officer = make_user()

    def record(operation: str) -> IdempotencyRecord:
        return IdempotencyRecord(
            user_id=officer.id,
            key="3f2a",
            operation=operation,
            request_fingerprint="b" * 64,
            response={"state": "submitted"},
            status_code=200,
        )

    session.add_all([record("submit"), record("decide")])
    session.flush()
    with refused(session):
        session.add(record("submit"))


def test_the_audit_chain_cannot_fork(session: Session, make_user: MakeUser) -> None:
    officer = make_user()

    def entry(sequence: int, digest: str) -> AuditEntry:
        return AuditEntry(
            sequence=sequence,
            at=at("2025-03-01T10:00"),
            user_id=officer.id,
            organisation_id=officer.organisation_id,
            action="login",
            details={},
            previous_hash="0" * 64,
            hash=digest,
        )

    session.add(entry(1, "a" * 64))
    session.flush()
    with refused(session):
        session.add(entry(1, "b" * 64))


def test_json_documents_keep_their_text(session: Session, make_request: MakeRequest) -> None:
    request = make_request()
    session.add(
        RequestVersion(
            request_id=request.id,
            number=2,
            content={"passengers": [{"surname": "García-Núñez", "seq": 1, "weight": 0.1}]},
            manifest_hash="1" * 64,
            created_by=request.created_by,
            based_on_version=1,
        )
    )
    session.flush()
    session.expire_all()
    version = session.scalars(
        select(RequestVersion).where(RequestVersion.request_id == request.id, RequestVersion.number == 2)
    ).one()
    assert version.content == {"passengers": [{"surname": "García-Núñez", "seq": 1, "weight": 0.1}]}
    assert version.findings == []


def _arrive(session: Session, request: ClearanceRequest, *legs: tuple[str, date, int], number: int = 1) -> None:
    version = session.scalars(
        select(RequestVersion).where(RequestVersion.request_id == request.id, RequestVersion.number == number)
    ).one()
    for index, (airport, day, passengers) in enumerate(legs):
        session.add(
            VersionArrival(
                version_id=version.id, leg_index=index, airport=airport, local_date=day, passengers=passengers
            )
        )
    session.flush()


def test_daily_load_counts_pending_and_cleared_requests_on_their_local_days(
    session: Session, make_user: MakeUser, make_request: MakeRequest
) -> None:
    march1, march2, march3 = date(2025, 3, 1), date(2025, 3, 2), date(2025, 3, 3)
    officer = make_user()
    approved = make_request(officer, state=State.APPROVED)
    _arrive(session, approved, ("MMMX", march1, 80), ("MMTJ", march2, 0))
    pending = make_request(officer, state=State.SUBMITTED)
    _arrive(session, pending, ("MMTJ", march1, 40))
    closed = make_request(officer, state=State.CLOSED)
    _arrive(session, closed, ("MMVR", march1, 10))
    for state in (State.DRAFT, State.DENIED, State.CANCELLED, State.REVOKED):
        _arrive(session, make_request(officer, state=state), ("MMMX", march1, 99))
    _arrive(session, make_request(officer, state=State.APPROVED, receiving_country="GTM"), ("MGGT", march1, 99))

    # Only the current version counts: version 2 moved this flight to 3 March.
    amended = make_request(officer, state=State.SUBMITTED)
    _arrive(session, amended, ("MMMX", march2, 50))
    session.add(
        RequestVersion(request_id=amended.id, number=2, content={}, manifest_hash="2" * 64, created_by=officer.id)
    )
    session.flush()
    _arrive(session, amended, ("MMMX", march3, 55), number=2)
    amended.current_version = 2
    session.flush()

    load = daily_load(session, "MEX", [march1, march2, march3, date(2025, 3, 4)])
    assert load == {
        march1: DailyLoad(flights=3, passengers=130),
        march2: DailyLoad(flights=1, passengers=0),
        march3: DailyLoad(flights=1, passengers=55),
        date(2025, 3, 4): DailyLoad(),
    }
    without = daily_load(session, "MEX", [march1], excluding_request_id=pending.id)
    assert without[march1] == DailyLoad(flights=2, passengers=90)


def test_session_scope_commits_or_rolls_back_the_whole_unit(empty_db_url: str) -> None:
    upgrade(empty_db_url)
    engine = make_engine(empty_db_url)
    try:
        with session_scope(engine) as session:
            session.add(Organisation(name="Kept", kind=OrgKind.SENDING))
        with pytest.raises(RuntimeError), session_scope(engine) as session:
            session.add(Organisation(name="Lost", kind=OrgKind.SENDING))
            session.flush()
            raise RuntimeError("half-way")
        with session_scope(engine, read_only=True) as session:
            assert session.scalars(select(Organisation.name)).all() == ["Kept"]
    finally:
        engine.dispose()


def test_sqlite_connections_enforce_foreign_keys_and_use_wal(engine: Engine, backend: str) -> None:
    if backend != "sqlite":
        pytest.skip("SQLite connection settings")
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar_one() == 1
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar_one() == "wal"
