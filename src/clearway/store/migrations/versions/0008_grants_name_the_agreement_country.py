"""A grant per agreement names the receiving country of that agreement.

Agreement ids are each receiving country's own (0007): the same id in two countries is two
agreements, so a sending organisation's grant "per agreement USA-MEX" must not extend to another
country's agreement that happens to share the id. Existing grants take the country of the
agreement they were given for.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01 13:40:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("observer_grants", sa.Column("agreement_country", sa.String(length=3), nullable=True))
    # A receiving grantor's agreements are its own country's; a sending grantor's, the country of the
    # agreement of that id with the grantor's country (before 0007 an id had one country only).
    op.execute(
        "UPDATE observer_grants SET agreement_country = covers_receiving_country "
        "WHERE agreement_code IS NOT NULL AND covers_receiving_country IS NOT NULL"
    )
    op.execute(
        "UPDATE observer_grants SET agreement_country = ("
        " SELECT MIN(agreement_versions.receiving_country) FROM agreement_versions, organisations"
        " WHERE agreement_versions.agreement_code = observer_grants.agreement_code"
        " AND organisations.id = observer_grants.covers_sending_org_id"
        " AND agreement_versions.sending_authority = organisations.country"
        ") WHERE agreement_code IS NOT NULL AND covers_sending_org_id IS NOT NULL"
    )


def downgrade() -> None:
    with op.batch_alter_table("observer_grants") as table:
        table.drop_column("agreement_country")
