"""Ingest: read files into the store, then link citations and publication dates."""

from .run import IngestReport, ingest

__all__ = ["IngestReport", "ingest"]
