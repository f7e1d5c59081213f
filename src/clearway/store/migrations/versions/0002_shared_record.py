"""The shared record: which versions were put before the receiving side (with the override
justification), the conversation, cancellation reasons, departures outside the clearance's
validity, and observer grants with their grantor and personal-data scope.

Requests submitted before this revision count their current version as shared: that is the
version the receiving side was shown then.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01 09:29:01.766572
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "request_messages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("public_id", sa.String(length=36), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum("question", "answer", name="kind", native_enum=False, create_constraint=True, length=32),
            nullable=False,
        ),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("reason_codes", sa.JSON(), nullable=False),
        sa.Column("reply_by", sa.DateTime(timezone=True), nullable=True),
        sa.Column("in_reply_to", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["author_id"], ["users.id"], name=op.f("fk_request_messages_author_id_users")),
        sa.ForeignKeyConstraint(
            ["in_reply_to"], ["request_messages.id"], name=op.f("fk_request_messages_in_reply_to_request_messages")
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"], ["organisations.id"], name=op.f("fk_request_messages_organisation_id_organisations")
        ),
        sa.ForeignKeyConstraint(
            ["request_id"], ["clearance_requests.id"], name=op.f("fk_request_messages_request_id_clearance_requests")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_request_messages")),
        sa.UniqueConstraint("public_id", name=op.f("uq_request_messages_public_id")),
    )
    with op.batch_alter_table("request_messages", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_request_messages_request_id_id"), ["request_id", "id"], unique=False)

    op.create_table(
        "version_submissions",
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
        sa.Column("justification", sa.Text(), nullable=True),
        sa.Column("submitted_by", sa.Integer(), nullable=False),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["request_id"], ["clearance_requests.id"], name=op.f("fk_version_submissions_request_id_clearance_requests")
        ),
        sa.ForeignKeyConstraint(["submitted_by"], ["users.id"], name=op.f("fk_version_submissions_submitted_by_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_version_submissions")),
    )
    with op.batch_alter_table("version_submissions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_version_submissions_request_id_version"), ["request_id", "version"], unique=False
        )

    with op.batch_alter_table("clearance_requests", schema=None) as batch_op:
        batch_op.add_column(sa.Column("shared_version", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("cancel_reason", sa.Text(), nullable=True))

    with op.batch_alter_table("flight_events", schema=None) as batch_op:
        batch_op.add_column(sa.Column("outside_validity", sa.Boolean(), nullable=False, server_default=sa.false()))

    with op.batch_alter_table("observer_grants", schema=None) as batch_op:
        batch_op.add_column(sa.Column("personal_data", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column("grantor_org_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("covers_sending_org_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("covers_receiving_country", sa.String(length=3), nullable=True))
        batch_op.add_column(sa.Column("revoked_by", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_observer_grants_covers_sending_org_id_organisations"),
            "organisations",
            ["covers_sending_org_id"],
            ["id"],
        )
        batch_op.create_foreign_key(batch_op.f("fk_observer_grants_revoked_by_users"), "users", ["revoked_by"], ["id"])
        batch_op.create_foreign_key(
            batch_op.f("fk_observer_grants_grantor_org_id_organisations"), "organisations", ["grantor_org_id"], ["id"]
        )

    op.execute("UPDATE clearance_requests SET shared_version = current_version WHERE ever_submitted")
    op.execute(
        "INSERT INTO version_submissions (request_id, version, action, submitted_by, submitted_at) "
        "SELECT id, current_version, 'submit', created_by, updated_at FROM clearance_requests WHERE ever_submitted"
    )
    _create_append_only_triggers()


#: Frozen here (not imported from the models): a migration must keep meaning what it did.
APPEND_ONLY_TABLES = ("request_messages", "version_submissions")


def _create_append_only_triggers() -> None:
    # The function clearway_refuse_change() exists since 0001 on PostgreSQL.
    dialect = op.get_bind().dialect.name
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
    with op.batch_alter_table("observer_grants", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_observer_grants_grantor_org_id_organisations"), type_="foreignkey")
        batch_op.drop_constraint(batch_op.f("fk_observer_grants_revoked_by_users"), type_="foreignkey")
        batch_op.drop_constraint(
            batch_op.f("fk_observer_grants_covers_sending_org_id_organisations"), type_="foreignkey"
        )
        batch_op.drop_column("revoked_by")
        batch_op.drop_column("covers_receiving_country")
        batch_op.drop_column("covers_sending_org_id")
        batch_op.drop_column("grantor_org_id")
        batch_op.drop_column("personal_data")

    with op.batch_alter_table("flight_events", schema=None) as batch_op:
        batch_op.drop_column("outside_validity")

    with op.batch_alter_table("clearance_requests", schema=None) as batch_op:
        batch_op.drop_column("cancel_reason")
        batch_op.drop_column("shared_version")

    with op.batch_alter_table("version_submissions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_version_submissions_request_id_version"))

    op.drop_table("version_submissions")
    with op.batch_alter_table("request_messages", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_request_messages_request_id_id"))

    op.drop_table("request_messages")
