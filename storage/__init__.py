"""Storage: SQLAlchemy 2 async tables, repositories returning domain objects, migrations."""
