"""The event database: a SQLite file (WAL) with named migrations. See :mod:`dateline.store.sqlite`."""

from .sqlite import Store, WriteResult, open_store

__all__ = ["Store", "WriteResult", "open_store"]
