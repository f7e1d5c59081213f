"""Each request version carries the SHA-256 of its content, the key of the parsed-snapshot cache.

Versions written before stay without it (their rows are append-only) and are parsed on each read.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01 14:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | Sequence[str] | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # ADD COLUMN keeps the table (and SQLite's append-only triggers on it) as it is.
    op.add_column("request_versions", sa.Column("content_sha256", sa.String(length=64), nullable=True))


def downgrade() -> None:
    op.drop_column("request_versions", "content_sha256")
