"""Storage: SQLAlchemy 2 models, the engine and units of work, Alembic migrations.

Import what you need from the submodules (``clearway.store.db``, ``clearway.store.models``,
``clearway.store.holds``, ``clearway.store.capacity``); this package imports nothing
itself, so that ``import clearway.store`` never loads SQLAlchemy by accident.
"""
