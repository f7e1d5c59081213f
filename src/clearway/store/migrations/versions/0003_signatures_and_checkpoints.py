"""Signatures that prove something: keys bound to a purpose, revocable, tagged with the
secret that protects them and endorsed under it; the audit chain's second format; signed checkpoints and
their countersignatures.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 09:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: Frozen here (not imported from the models): a migration must keep meaning what it did.
NEW_APPEND_ONLY_TABLES = ("audit_checkpoints", "checkpoint_countersignatures")


def upgrade() -> None:
    # signing_keys is not append-only (retirement updates it), so a batch rebuild on SQLite
    # loses no trigger; its partial index is dropped first and made again after.
    op.drop_index("uq_signing_keys_active", table_name="signing_keys")
    with op.batch_alter_table("signing_keys") as batch:
        batch.alter_column("organisation_id", existing_type=sa.Integer(), nullable=True)
        batch.add_column(
            sa.Column(
                "purpose",
                sa.Enum("decisions", "audit", name="purpose", native_enum=False, create_constraint=True, length=32),
                nullable=False,
                server_default="decisions",
            )
        )
        batch.add_column(sa.Column("secret_fingerprint", sa.String(length=16), nullable=True))
        batch.add_column(sa.Column("development_secret", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("endorsement", sa.String(length=64), nullable=True))
        batch.create_check_constraint(
            op.f("ck_signing_keys_audit_key_has_no_organisation"), "(purpose = 'audit') = (organisation_id IS NULL)"
        )
        batch.create_check_constraint(
            op.f("ck_signing_keys_revoked_is_retired"), "revoked_at IS NULL OR retired_at IS NOT NULL"
        )
    # The defaults only fill the existing rows; the models give every new row its values.
    with op.batch_alter_table("signing_keys") as batch:
        batch.alter_column("purpose", server_default=None)
        batch.alter_column("development_secret", server_default=None)
    op.create_index(
        "uq_signing_keys_active",
        "signing_keys",
        ["organisation_id"],
        unique=True,
        sqlite_where=sa.text("retired_at IS NULL"),
        postgresql_where=sa.text("retired_at IS NULL"),
    )
    op.create_index(
        "uq_signing_keys_active_audit",
        "signing_keys",
        ["purpose"],
        unique=True,
        sqlite_where=sa.text("organisation_id IS NULL AND retired_at IS NULL"),
        postgresql_where=sa.text("organisation_id IS NULL AND retired_at IS NULL"),
    )

    # audit_entries is append-only: plain ADD COLUMN (a SQLite batch rebuild would drop its triggers).
    op.add_column("audit_entries", sa.Column("content_hash", sa.String(length=80), nullable=True))
    op.add_column("audit_entries", sa.Column("salt", sa.String(length=32), nullable=True))

    op.create_table(
        "audit_checkpoints",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("sequence", sa.BigInteger(), nullable=False),
        sa.Column("hash", sa.String(length=80), nullable=False),
        sa.Column("entry_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("signed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("key_id", sa.String(length=64), nullable=False),
        sa.Column("token", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_checkpoints")),
    )
    op.create_index(op.f("ix_audit_checkpoints_sequence"), "audit_checkpoints", ["sequence"], unique=False)
    op.create_table(
        "checkpoint_countersignatures",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("checkpoint_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("key_id", sa.String(length=64), nullable=False),
        sa.Column("token", sa.Text(), nullable=False),
        sa.Column("signed_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["checkpoint_id"],
            ["audit_checkpoints.id"],
            name=op.f("fk_checkpoint_countersignatures_checkpoint_id_audit_checkpoints"),
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_checkpoint_countersignatures_organisation_id_organisations"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_checkpoint_countersignatures")),
        sa.UniqueConstraint(
            "checkpoint_id",
            "organisation_id",
            name=op.f("uq_checkpoint_countersignatures_checkpoint_id_organisation_id"),
        ),
    )
    _create_append_only_triggers()


def _create_append_only_triggers() -> None:
    # The function clearway_refuse_change() was made by 0001.
    dialect = op.get_bind().dialect.name
    for table in NEW_APPEND_ONLY_TABLES:
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
    op.drop_table("checkpoint_countersignatures")
    op.drop_table("audit_checkpoints")
    op.drop_column("audit_entries", "salt")
    op.drop_column("audit_entries", "content_hash")
    op.drop_index("uq_signing_keys_active_audit", table_name="signing_keys")
    op.drop_index("uq_signing_keys_active", table_name="signing_keys")
    op.execute("DELETE FROM signing_keys WHERE organisation_id IS NULL")
    with op.batch_alter_table("signing_keys") as batch:
        batch.drop_constraint(op.f("ck_signing_keys_revoked_is_retired"), type_="check")
        batch.drop_constraint(op.f("ck_signing_keys_audit_key_has_no_organisation"), type_="check")
        batch.drop_constraint(op.f("ck_signing_keys_purpose"), type_="check")
        batch.drop_column("endorsement")
        batch.drop_column("revoked_at")
        batch.drop_column("development_secret")
        batch.drop_column("secret_fingerprint")
        batch.drop_column("purpose")
        batch.alter_column("organisation_id", existing_type=sa.Integer(), nullable=False)
    op.create_index(
        "uq_signing_keys_active",
        "signing_keys",
        ["organisation_id"],
        unique=True,
        sqlite_where=sa.text("retired_at IS NULL"),
        postgresql_where=sa.text("retired_at IS NULL"),
    )
