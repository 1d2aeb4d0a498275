"""partial index on the open weekly digests of each project

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OPEN_DIGEST = "kind = 'digest' AND status IN ('pending', 'snoozed')"


def upgrade() -> None:
    with op.batch_alter_table('reminders', schema=None) as batch_op:
        batch_op.create_index('ix_reminders_open_digest', ['project_id'], unique=False,
                              postgresql_where=sa.text(OPEN_DIGEST),
                              sqlite_where=sa.text(OPEN_DIGEST))


def downgrade() -> None:
    with op.batch_alter_table('reminders', schema=None) as batch_op:
        batch_op.drop_index('ix_reminders_open_digest')
