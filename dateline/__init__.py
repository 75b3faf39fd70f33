"""Dateline: turn news into a sourced, linked event timeline.

The library does the work; the ``dateline`` command line only wraps it.
Pipeline (each stage a module of plain functions over the dataclasses in
:mod:`dateline.model`)::

    read (dateline.readers) -> store (dateline.store) -> link citations and
    publication dates (dateline.ingest.linking) -> export (dateline.export)
"""

__version__ = "0.1.0"
