"""Initial schema: organisations and users, agreements, hold lists, requests and their
versions, decisions, clearances, signing keys, audit chain, access log, idempotency.

Append-only tables get triggers refusing UPDATE and DELETE (and TRUNCATE on PostgreSQL),
so the rule holds for every client, not only for the ORM.

Revision ID: 0001
Revises:
Create Date: 2026-11-25 10:53:54.719837
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


#: Frozen here (not imported from the models): a migration must keep meaning what it did.
APPEND_ONLY_TABLES = ("access_log", "agreement_versions", "audit_entries", "request_versions", "version_arrivals")

_PG_FUNCTION = """
CREATE FUNCTION clearway_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'clearway: % rows are append-only; % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'integrity_constraint_violation';
END
$$
"""


def upgrade() -> None:
    op.create_table(
        "organisations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "sending", "receiving", "observer", name="kind", native_enum=False, create_constraint=True, length=32
            ),
            nullable=False,
        ),
        sa.Column("country", sa.String(length=3), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "kind != 'receiving' OR country IS NOT NULL", name=op.f("ck_organisations_receiving_has_country")
        ),
        sa.CheckConstraint("country IS NULL OR length(country) = 3", name=op.f("ck_organisations_country_alpha3")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organisations")),
        sa.UniqueConstraint("name", name=op.f("uq_organisations_name")),
    )
    op.create_table(
        "signing_keys",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("key_id", sa.String(length=64), nullable=False),
        sa.Column("public_pem", sa.Text(), nullable=False),
        sa.Column("encrypted_private_pem", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("retired_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["organisation_id"], ["organisations.id"], name=op.f("fk_signing_keys_organisation_id_organisations")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_signing_keys")),
        sa.UniqueConstraint("key_id", name=op.f("uq_signing_keys_key_id")),
    )
    op.create_index(op.f("ix_signing_keys_organisation_id"), "signing_keys", ["organisation_id"], unique=False)
    op.create_index(
        "uq_signing_keys_active",
        "signing_keys",
        ["organisation_id"],
        unique=True,
        sqlite_where=sa.text("retired_at IS NULL"),
        postgresql_where=sa.text("retired_at IS NULL"),
    )
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("display_name", sa.String(length=200), nullable=False),
        sa.Column(
            "role",
            sa.Enum("admin", "officer", "viewer", name="role", native_enum=False, create_constraint=True, length=32),
            nullable=False,
        ),
        sa.Column("password_hash", sa.String(length=255), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("email = lower(email)", name=op.f("ck_users_email_lower_case")),
        sa.ForeignKeyConstraint(
            ["organisation_id"], ["organisations.id"], name=op.f("fk_users_organisation_id_organisations")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("email", name=op.f("uq_users_email")),
    )
    op.create_index(op.f("ix_users_organisation_id"), "users", ["organisation_id"], unique=False)
    op.create_table(
        "agreement_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agreement_code", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("sending_authority", sa.String(length=64), nullable=False),
        sa.Column("receiving_country", sa.String(length=3), nullable=False),
        sa.Column("effective_from", sa.Date(), nullable=False),
        sa.Column("effective_until", sa.Date(), nullable=True),
        sa.Column("document", sa.JSON(), nullable=False),
        sa.Column("source_text", sa.Text(), nullable=False),
        sa.Column("source_name", sa.String(length=255), nullable=False),
        sa.Column("loaded_by", sa.Integer(), nullable=True),
        sa.Column("loaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["loaded_by"], ["users.id"], name=op.f("fk_agreement_versions_loaded_by_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreement_versions")),
        sa.UniqueConstraint("agreement_code", "version", name=op.f("uq_agreement_versions_agreement_code_version")),
    )
    op.create_index(
        "ix_agreement_versions_parties",
        "agreement_versions",
        ["sending_authority", "receiving_country", "effective_from"],
        unique=False,
    )
    op.create_table(
        "api_tokens",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("prefix", sa.String(length=16), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_used_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_api_tokens_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_api_tokens")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_api_tokens_token_hash")),
    )
    op.create_index(op.f("ix_api_tokens_prefix"), "api_tokens", ["prefix"], unique=False)
    op.create_index(op.f("ix_api_tokens_user_id"), "api_tokens", ["user_id"], unique=False)
    op.create_table(
        "clearance_requests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("public_id", sa.String(length=36), nullable=False),
        sa.Column("sending_org_id", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(length=64), nullable=False),
        sa.Column("receiving_country", sa.String(length=3), nullable=False),
        sa.Column(
            "state",
            sa.Enum(
                "draft",
                "submitted",
                "approved",
                "approved_restricted",
                "info_requested",
                "denied",
                "departed",
                "arrived",
                "closed",
                "cancelled",
                "revoked",
                name="state",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("current_version", sa.Integer(), nullable=False),
        sa.Column("ever_submitted", sa.Boolean(), nullable=False),
        sa.Column("copied_from_id", sa.Integer(), nullable=True),
        sa.Column("created_by", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["copied_from_id"],
            ["clearance_requests.id"],
            name=op.f("fk_clearance_requests_copied_from_id_clearance_requests"),
        ),
        sa.ForeignKeyConstraint(["created_by"], ["users.id"], name=op.f("fk_clearance_requests_created_by_users")),
        sa.ForeignKeyConstraint(
            ["sending_org_id"], ["organisations.id"], name=op.f("fk_clearance_requests_sending_org_id_organisations")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_clearance_requests")),
        sa.UniqueConstraint("public_id", name=op.f("uq_clearance_requests_public_id")),
        sa.UniqueConstraint("sending_org_id", "reference", name=op.f("uq_clearance_requests_sending_org_id_reference")),
    )
    op.create_index(
        op.f("ix_clearance_requests_receiving_country_state"),
        "clearance_requests",
        ["receiving_country", "state"],
        unique=False,
    )
    op.create_table(
        "hold_lists",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("source_name", sa.String(length=255), nullable=False),
        sa.Column("content_sha256", sa.String(length=64), nullable=False),
        sa.Column("row_count", sa.Integer(), nullable=False),
        sa.Column("invalid_row_count", sa.Integer(), nullable=False),
        sa.Column("first_invalid_lines", sa.JSON(), nullable=False),
        sa.Column("imported_by", sa.Integer(), nullable=True),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("is_current", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["imported_by"], ["users.id"], name=op.f("fk_hold_lists_imported_by_users")),
        sa.ForeignKeyConstraint(
            ["organisation_id"], ["organisations.id"], name=op.f("fk_hold_lists_organisation_id_organisations")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hold_lists")),
    )
    op.create_index(op.f("ix_hold_lists_organisation_id"), "hold_lists", ["organisation_id"], unique=False)
    op.create_index(
        "uq_hold_lists_current",
        "hold_lists",
        ["organisation_id"],
        unique=True,
        sqlite_where=sa.text("is_current"),
        postgresql_where=sa.text("is_current"),
    )
    op.create_table(
        "idempotency_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("operation", sa.String(length=64), nullable=False),
        sa.Column("request_fingerprint", sa.String(length=64), nullable=False),
        sa.Column("response", sa.JSON(), nullable=False),
        sa.Column("status_code", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_idempotency_records_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_idempotency_records")),
        sa.UniqueConstraint("user_id", "key", "operation", name=op.f("uq_idempotency_records_user_id_key_operation")),
    )
    op.create_table(
        "access_log",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["organisation_id"], ["organisations.id"], name=op.f("fk_access_log_organisation_id_organisations")
        ),
        sa.ForeignKeyConstraint(
            ["request_id"], ["clearance_requests.id"], name=op.f("fk_access_log_request_id_clearance_requests")
        ),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_access_log_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_access_log")),
    )
    op.create_index(op.f("ix_access_log_request_id_at"), "access_log", ["request_id", "at"], unique=False)
    op.create_table(
        "audit_entries",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("sequence", sa.BigInteger(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("organisation_id", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(length=64), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=True),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.Column("previous_hash", sa.String(length=80), nullable=False),
        sa.Column("hash", sa.String(length=80), nullable=False),
        sa.ForeignKeyConstraint(
            ["organisation_id"], ["organisations.id"], name=op.f("fk_audit_entries_organisation_id_organisations")
        ),
        sa.ForeignKeyConstraint(
            ["request_id"], ["clearance_requests.id"], name=op.f("fk_audit_entries_request_id_clearance_requests")
        ),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_audit_entries_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_entries")),
        sa.UniqueConstraint("hash", name=op.f("uq_audit_entries_hash")),
        sa.UniqueConstraint("sequence", name=op.f("uq_audit_entries_sequence")),
    )
    op.create_index(
        op.f("ix_audit_entries_request_id_sequence"), "audit_entries", ["request_id", "sequence"], unique=False
    )
    op.create_table(
        "decisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column(
            "action",
            sa.Enum(
                "submit",
                "approve",
                "approve_restricted",
                "request_info",
                "deny",
                "resubmit",
                "material_amendment",
                "non_material_amendment",
                "revoke",
                "depart",
                "arrive",
                "confirm_reception",
                "cancel",
                name="action",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("reason_codes", sa.JSON(), nullable=False),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column("restrictions", sa.JSON(), nullable=True),
        sa.Column("reply_by", sa.DateTime(timezone=True), nullable=True),
        sa.Column("signature", sa.Text(), nullable=True),
        sa.Column("key_id", sa.String(length=64), nullable=True),
        sa.Column("decided_by", sa.Integer(), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["decided_by"], ["users.id"], name=op.f("fk_decisions_decided_by_users")),
        sa.ForeignKeyConstraint(
            ["request_id"], ["clearance_requests.id"], name=op.f("fk_decisions_request_id_clearance_requests")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_decisions")),
    )
    op.create_index(op.f("ix_decisions_request_id_version"), "decisions", ["request_id", "version"], unique=False)
    op.create_table(
        "flight_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum("departure", "arrival", name="kind", native_enum=False, create_constraint=True, length=32),
            nullable=False,
        ),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actual_registration", sa.String(length=16), nullable=True),
        sa.Column("registration_mismatch", sa.Boolean(), nullable=False),
        sa.Column("recorded_by", sa.Integer(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["recorded_by"], ["users.id"], name=op.f("fk_flight_events_recorded_by_users")),
        sa.ForeignKeyConstraint(
            ["request_id"], ["clearance_requests.id"], name=op.f("fk_flight_events_request_id_clearance_requests")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_flight_events")),
        sa.UniqueConstraint("request_id", "kind", name=op.f("uq_flight_events_request_id_kind")),
    )
    op.create_table(
        "hold_entries",
        sa.Column("hold_list_id", sa.Integer(), nullable=False),
        sa.Column("line", sa.Integer(), nullable=False),
        sa.Column("hold_ref", sa.Text(), nullable=False),
        sa.Column("surname", sa.Text(), nullable=False),
        sa.Column("second_surname", sa.Text(), nullable=False),
        sa.Column("given_names", sa.Text(), nullable=False),
        sa.Column("date_of_birth", sa.String(length=10), nullable=False),
        sa.Column("nationality", sa.Text(), nullable=False),
        sa.Column("hold_type", sa.Text(), nullable=False),
        sa.Column("until", sa.Date(), nullable=True),
        sa.Column("block_key", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["hold_list_id"],
            ["hold_lists.id"],
            name=op.f("fk_hold_entries_hold_list_id_hold_lists"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("hold_list_id", "line", name=op.f("pk_hold_entries")),
    )
    op.create_index(
        "ix_hold_entries_lookup", "hold_entries", ["hold_list_id", "date_of_birth", "block_key"], unique=False
    )
    op.create_table(
        "hold_invalid_rows",
        sa.Column("hold_list_id", sa.Integer(), nullable=False),
        sa.Column("line", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["hold_list_id"],
            ["hold_lists.id"],
            name=op.f("fk_hold_invalid_rows_hold_list_id_hold_lists"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("hold_list_id", "line", name=op.f("pk_hold_invalid_rows")),
    )
    op.create_table(
        "observer_grants",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("observer_org_id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=True),
        sa.Column("agreement_code", sa.String(length=64), nullable=True),
        sa.Column("granted_by", sa.Integer(), nullable=True),
        sa.Column("granted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint(
            "(request_id IS NULL) != (agreement_code IS NULL)", name=op.f("ck_observer_grants_one_target")
        ),
        sa.ForeignKeyConstraint(["granted_by"], ["users.id"], name=op.f("fk_observer_grants_granted_by_users")),
        sa.ForeignKeyConstraint(
            ["observer_org_id"], ["organisations.id"], name=op.f("fk_observer_grants_observer_org_id_organisations")
        ),
        sa.ForeignKeyConstraint(
            ["request_id"], ["clearance_requests.id"], name=op.f("fk_observer_grants_request_id_clearance_requests")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_observer_grants")),
    )
    op.create_index(
        op.f("ix_observer_grants_observer_org_id_agreement_code"),
        "observer_grants",
        ["observer_org_id", "agreement_code"],
        unique=False,
    )
    op.create_index(op.f("ix_observer_grants_request_id"), "observer_grants", ["request_id"], unique=False)
    op.create_table(
        "reception_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column(
            "outcome",
            sa.Enum("received", "not_on_board", name="outcome", native_enum=False, create_constraint=True, length=32),
            nullable=False,
        ),
        sa.Column("recorded_by", sa.Integer(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["recorded_by"], ["users.id"], name=op.f("fk_reception_records_recorded_by_users")),
        sa.ForeignKeyConstraint(
            ["request_id"], ["clearance_requests.id"], name=op.f("fk_reception_records_request_id_clearance_requests")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reception_records")),
        sa.UniqueConstraint("request_id", "seq", name=op.f("uq_reception_records_request_id_seq")),
    )
    op.create_table(
        "request_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("content", sa.JSON(), nullable=False),
        sa.Column("manifest_hash", sa.String(length=100), nullable=False),
        sa.Column("findings", sa.JSON(), nullable=False),
        sa.Column("agreement_code", sa.String(length=64), nullable=True),
        sa.Column("agreement_version", sa.Integer(), nullable=True),
        sa.Column("based_on_version", sa.Integer(), nullable=True),
        sa.Column("override_justification", sa.Text(), nullable=True),
        sa.Column("created_by", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["created_by"], ["users.id"], name=op.f("fk_request_versions_created_by_users")),
        sa.ForeignKeyConstraint(
            ["request_id"], ["clearance_requests.id"], name=op.f("fk_request_versions_request_id_clearance_requests")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_request_versions")),
        sa.UniqueConstraint("request_id", "number", name=op.f("uq_request_versions_request_id_number")),
    )
    op.create_table(
        "clearances",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("decision_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=64), nullable=False),
        sa.Column("token", sa.Text(), nullable=False),
        sa.Column("key_id", sa.String(length=64), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "current", "superseded", "revoked", name="status", native_enum=False, create_constraint=True, length=32
            ),
            nullable=False,
        ),
        sa.Column("valid_from", sa.DateTime(timezone=True), nullable=False),
        sa.Column("valid_until", sa.DateTime(timezone=True), nullable=False),
        sa.Column("issued_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status_changed_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["decision_id"], ["decisions.id"], name=op.f("fk_clearances_decision_id_decisions")),
        sa.ForeignKeyConstraint(
            ["request_id"], ["clearance_requests.id"], name=op.f("fk_clearances_request_id_clearance_requests")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_clearances")),
        sa.UniqueConstraint("number", name=op.f("uq_clearances_number")),
    )
    op.create_index(op.f("ix_clearances_request_id"), "clearances", ["request_id"], unique=False)
    op.create_index(
        "uq_clearances_current",
        "clearances",
        ["request_id"],
        unique=True,
        sqlite_where=sa.text("status = 'current'"),
        postgresql_where=sa.text("status = 'current'"),
    )
    op.create_table(
        "version_arrivals",
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("leg_index", sa.Integer(), nullable=False),
        sa.Column("airport", sa.String(length=4), nullable=False),
        sa.Column("local_date", sa.Date(), nullable=False),
        sa.Column("passengers", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["version_id"], ["request_versions.id"], name=op.f("fk_version_arrivals_version_id_request_versions")
        ),
        sa.PrimaryKeyConstraint("version_id", "leg_index", name=op.f("pk_version_arrivals")),
    )
    op.create_index(op.f("ix_version_arrivals_local_date"), "version_arrivals", ["local_date"], unique=False)
    _create_append_only_triggers()


def _create_append_only_triggers() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        op.execute(_PG_FUNCTION)
    for table in APPEND_ONLY_TABLES:
        if dialect == "postgresql":
            op.execute(
                f"CREATE TRIGGER trg_{table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION clearway_refuse_change()"
            )
            op.execute(
                f"CREATE TRIGGER trg_{table}_no_truncate BEFORE TRUNCATE ON {table} "
                "FOR EACH STATEMENT EXECUTE FUNCTION clearway_refuse_change()"
            )
        elif dialect == "sqlite":
            for operation in ("UPDATE", "DELETE"):
                op.execute(
                    f"CREATE TRIGGER trg_{table}_no_{operation.lower()} BEFORE {operation} ON {table} "
                    f"BEGIN SELECT RAISE(ABORT, 'clearway: {table} rows are append-only; {operation} refused'); END"
                )
        else:
            raise NotImplementedError(f"append-only triggers for {dialect}")


def downgrade() -> None:
    # Dropping a table drops its triggers; dependants first.
    for table in (
        "version_arrivals",
        "clearances",
        "request_versions",
        "reception_records",
        "observer_grants",
        "hold_invalid_rows",
        "hold_entries",
        "flight_events",
        "decisions",
        "audit_entries",
        "access_log",
        "idempotency_records",
        "hold_lists",
        "clearance_requests",
        "api_tokens",
        "agreement_versions",
        "users",
        "signing_keys",
        "organisations",
    ):
        op.drop_table(table)
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION clearway_refuse_change()")
