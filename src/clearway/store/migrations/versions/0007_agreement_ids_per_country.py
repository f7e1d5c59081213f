"""Agreement ids scoped by receiving country: the same id in two countries is two agreements.

Before, the first country to load an id kept it, so a country could block another's agreement by
loading its id first.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 12:45:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


_OLD = "uq_agreement_versions_agreement_code_version"
_NEW = "uq_agreement_versions_receiving_country_agreement_code_version"


def upgrade() -> None:
    _replace_unique(_OLD, _NEW, ["receiving_country", "agreement_code", "version"])


def downgrade() -> None:
    _replace_unique(_NEW, _OLD, ["agreement_code", "version"])


def _replace_unique(old: str, new: str, columns: list[str]) -> None:
    if op.get_bind().dialect.name != "sqlite":
        op.drop_constraint(old, "agreement_versions", type_="unique")
        op.create_unique_constraint(new, "agreement_versions", columns)
        return
    # SQLite changes a table's constraints by copying it, which drops its triggers: the table's rows
    # are append-only (0001), so the triggers that refuse UPDATE and DELETE are made again.
    with op.batch_alter_table("agreement_versions") as table:
        table.drop_constraint(old, type_="unique")
        table.create_unique_constraint(new, columns)
    for operation in ("UPDATE", "DELETE"):
        op.execute(f"DROP TRIGGER IF EXISTS trg_agreement_versions_no_{operation.lower()}")
        op.execute(
            f"CREATE TRIGGER trg_agreement_versions_no_{operation.lower()} BEFORE {operation} ON agreement_versions "
            f"BEGIN SELECT RAISE(ABORT, 'clearway: agreement_versions rows are append-only; {operation} refused'); END"
        )
